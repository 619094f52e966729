"""gunicorn with the project's gunicorn.conf.py: the preloading master forks workers that serve correctly.

The master imports Django and runs ``zoneportal.preload`` before it forks (``preload_app``, ``when_ready``). What
must not happen is a database connection (or cache client) opened in the master and inherited by the workers, two
processes then talking over one SQLite handle or socket. The test serves the small test zone from a data directory of
its own on SQLite with two workers, asks for pages and a search concurrently, so that both workers answer, and looks
at the master's open files. Memory figures are not tested here (they depend on the machine): bench/pages.py gives
them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import free_port, server_environment, wait_until_answering

BASE_DIR = Path(settings.BASE_DIR)

# Run in the data directory's own database by `manage.py shell`: the test zone, indexed for search.
BUILD_ZONE = """
import json
from tests.factories import build_zone
from zoneportal.search.index import rebuild_index
zone = build_zone()
rebuild_index()
article = zone.articles["notice1"]
print(json.dumps({"article": article.url_path[len(zone.home.url_path) - 1:], "title": article.title}))
"""


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory):
    """gunicorn (project config, 2 sync workers) serving the test zone on SQLite; yields (base URL, master, zone)."""
    var_dir = tmp_path_factory.mktemp("gunicorn")
    env = server_environment(var_dir)
    for name in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_BIND"):
        env.pop(name, None)  # SQLite and the local-memory cache in the data directory, whatever the suite runs on
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], cwd=BASE_DIR, env=env, check=True)
    built = subprocess.run(
        [*manage, "shell", "--no-imports", "-c", BUILD_ZONE],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    zone = json.loads(built.stdout.strip().splitlines()[-1])

    port = free_port()
    log = var_dir / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--error-logfile", str(log)]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/robots.txt", process, log)
        deadline = time.monotonic() + 60
        while len(workers_of(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)  # the master forks its workers one after another
        yield base, process.pid, zone, var_dir
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url: str) -> tuple[int, str]:
    """Status and text of one GET."""
    request = urllib.request.Request(url, headers={"Host": "localhost"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def workers_of(master: int) -> list[int]:
    """The master's children: its workers."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == master:
                children.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return children


def cpu_ticks(pid: int) -> int:
    """User and system CPU time the process has used, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def open_files(pid: int) -> list[str]:
    """What the process's file descriptors point at."""
    files = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            files.append(os.readlink(fd))
        except OSError:
            continue  # closed meanwhile
    return files


def test_preloaded_workers_serve_pages_and_search_concurrently(gunicorn_server):
    base, master, zone, _var_dir = gunicorn_server
    workers = workers_of(master)
    assert len(workers) == 2
    before = {pid: cpu_ticks(pid) for pid in workers}
    search = "/search/?q=" + urllib.parse.quote("安全生产检查")
    urls = [base + path for path in ("/", zone["article"], search) for _ in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(fetch, urls))

    assert all(cpu_ticks(pid) > before[pid] for pid in workers)  # both workers answered some

    for url, (status, text) in zip(urls, answers, strict=True):
        assert status == 200, url
        if url.endswith(search):
            assert f'href="{zone["article"]}"' in text  # the search found the article, in every worker that answered
        else:
            assert "来凤经济开发区" in text


def test_master_holds_no_database_connection(gunicorn_server):
    base, master, _zone, var_dir = gunicorn_server
    fetch(base + "/")  # a request answered, so the workers have been connecting
    database = str(var_dir / "db.sqlite3")
    assert not [name for name in open_files(master) if name.startswith(database)]


# Run in a fresh interpreter: what zoneportal.preload leaves loaded in gunicorn's master.
PRELOAD_CHECK = """
import json, sys
import django
django.setup()
from django.db import connections
from zoneportal.preload import preload
preload()
from zoneportal.search.analysis import query_words
print(json.dumps({
    "views": "zoneportal.search.views" in sys.modules,
    "segmented": query_words("招商引资优惠政策"),
    "pypinyin": "pypinyin" in sys.modules,
    "connected": [alias for alias in connections if connections[alias].connection is not None],
}, ensure_ascii=False))
"""


def test_preload_loads_what_every_worker_needs_and_nothing_else(tmp_path):
    env = server_environment(tmp_path)
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PRELOAD_CHECK], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["views"]  # the URL configuration and its views are imported in the master
    assert loaded["segmented"] == ["招商引资", "优惠政策"]  # the zone's dictionary is in the shared segmenter
    assert not loaded["pypinyin"]  # only indexing and typo correction need it: loaded by the worker that does
    assert loaded["connected"] == []
