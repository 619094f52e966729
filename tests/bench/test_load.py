"""bench/load.py's driver: wrk with bench/load.lua against a real gunicorn, and every letter it reports counted.

The mixed-load benchmark fails when an acknowledged letter is missing from the database, so what it counts
must be right: the tracking numbers load.lua reads from the 201 answers, the shares of the three kinds, the
answers other than 2xx/3xx. The test serves the small test zone (plus one mailbox with a category) with
gunicorn and the project's gunicorn.conf.py on SQLite in a data directory of its own, and runs the
benchmark's own measuring steps against it for a few seconds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import free_port, server_environment, wait_until_answering

BASE_DIR = Path(settings.BASE_DIR)
sys.path.insert(0, str(BASE_DIR / "bench"))

import load  # noqa: E402  (bench/ is a folder of scripts, not a package)

BUILD_ZONE = """
from tests.factories import build_zone
from tests.letters.processes import make_mailbox
from zoneportal.letters.models import LetterCategory
build_zone()
LetterCategory.objects.create(mailbox=make_mailbox("director"), name="投资环境")
print("ok")
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """gunicorn (project config, 2 sync workers) serving the test zone on SQLite; yields (base URL, data directory)."""
    assert shutil.which("wrk"), "需要 wrk：apt-get install wrk（.ci/test-deps 会安装）"
    var_dir = tmp_path_factory.mktemp("load")
    env = server_environment(var_dir)
    for name in ("DATABASE_URL", "REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_BIND"):
        env.pop(name, None)  # SQLite and the local-memory cache in the data directory, whatever the suite runs on
    # As the benchmark's own server: one visitor address sends every request, the limiter still counts them.
    env.update(LETTER_RATE=load.UNLIMITED, SEARCH_RATE=load.UNLIMITED)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "--verbosity", "0"], cwd=BASE_DIR, env=env, check=True)
    subprocess.run([*manage, "shell", "--no-imports", "-c", BUILD_ZONE], cwd=BASE_DIR, env=env, check=True)
    port = free_port()
    log = var_dir / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--error-logfile", str(log)]
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/robots.txt", process, log)
        yield base, var_dir
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_mixed_load_counts_every_acknowledged_letter(site):
    base, var_dir = site
    args = load.parse_args(
        [
            "--base-url", base,
            "--static-url", f"{base}/robots.txt",
            "--database-url", f"sqlite:///{var_dir / 'db.sqlite3'}",
            "--var-dir", str(var_dir),
            "--start", "1", "--max", "2",
            "--duration", "2", "--static-duration", "1", "--kind-duration", "1", "--warmup", "1",
        ]
    )  # fmt: skip
    run = load.measure(args, "given")

    assert run.steps and run.steps[0].connections == 1
    assert set(run.kinds) == {"pages", "searches", "letters"}
    # Each kind alone sends only that kind; the letters' run gets a 201 and a tracking number for each letter.
    assert run.kinds["pages"].sent["pages"] > 0 and run.kinds["pages"].sent["letters"] == 0
    assert run.kinds["searches"].sent == {"pages": 0, "searches": run.kinds["searches"].sent["searches"], "letters": 0}
    letters = run.kinds["letters"]
    assert letters.sent["letters"] > 0 and letters.statuses == {201: letters.acknowledged}
    # The mix: every answer a 200 or a 201 (pages, searches, letters), nothing refused, no error.
    for step in run.steps:
        assert set(step.statuses) <= {200, 201}, step.statuses
        assert step.errors == 0
        assert sum(step.sent.values()) >= step.requests
        assert step.sent["pages"] > step.sent["searches"] > 0
    # Every acknowledged letter of the run — warm-up, kinds and steps — was looked up and found.
    assert run.acknowledged >= letters.acknowledged > 0
    assert run.stored == run.acknowledged and run.lost == 0 and not run.missing
    assert run.marked >= run.acknowledged
    text, passed = load.format_report(run)
    assert passed == (run.best is not None and run.best.ratio >= load.TARGET_RATIO)
    assert f"{run.acknowledged} acknowledged, {run.stored} of them stored, 0 lost" in text


def test_a_lost_letter_fails_the_benchmark():
    step = load.Step(1, static_rps=100.0, rps=90.0, p99_ms=10.0, requests=900)
    run = load.Run("embedded", "now", "http://x", "http://x/s", {}, {}, steps=[step], acknowledged=3, stored=3)
    assert run.passed()
    run.stored, run.missing = 2, ["LF20261207-0002"]
    text, passed = load.format_report(run)
    assert not passed and "1 lost" in text and "LF20261207-0002" in text


def test_page_draws_keep_the_home_page_and_columns_first_and_skew_the_views():
    paths = ["/"] + [f"/c{n}/" for n in range(20)] + [f"/c{n % 20}/a{n}/" for n in range(1000)]
    pages, draws = load.page_draws(paths, seed=14)
    assert len(pages) == load.PAGES and pages[0] == "/" and set(pages[1:21]) == {f"/c{n}/" for n in range(20)}
    assert len(draws) == load.PAGE_DRAWS and set(draws) <= set(pages)
    assert draws.count("/") > len(draws) / 10  # the most popular page
    assert load.page_draws(paths, seed=14) == (pages, draws)  # the same seed, the same run
