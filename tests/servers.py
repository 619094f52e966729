"""A data directory with the test zone, and a real gunicorn serving it, for tests that talk HTTP to the site.

``tests/core/test_gunicorn.py``, ``tests/portal/test_page_cache_servers.py`` and ``tests/bench/test_load.py``
do the same steps by hand; new tests use these two helpers.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from tests.browser.conftest import free_port, wait_until_answering

BASE_DIR = Path(settings.BASE_DIR)
STOP_SECONDS = 30


def prepare_zone(env: dict[str, str], script: str) -> dict:
    """``migrate``, then ``script`` by ``manage.py shell`` in ``env``; the JSON the script printed last."""
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], cwd=BASE_DIR, env=env, check=True)
    shell = [*manage, "shell", "--no-imports", "-c", script]
    built = subprocess.run(shell, cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True)
    return json.loads(built.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 2) -> Iterator[tuple[str, subprocess.Popen]]:
    """gunicorn with the project's config on a free port, answering; yields its base URL and process, then stops it."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--error-logfile", str(log)]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_answering(f"{base}/robots.txt", process, log)
        yield base, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)
