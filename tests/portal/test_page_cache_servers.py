"""Two app servers sharing one Redis: a publish shows on both at once.

Each gunicorn worker keeps its own copies of pages and page parts
(``page_cache.LayeredCache``) and reads only the shared generation from Redis
per request. The test serves the test zone from two gunicorns (two workers
each) on one data directory and one Redis, lets every worker keep the page,
publishes a change from a third process and asks both servers again at once.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import free_port, server_environment, wait_until_answering
from tests.redis_server import forget_prefix, require_redis, unique_prefix

BASE_DIR = Path(settings.BASE_DIR)
REQUESTS_PER_SERVER = 8  # enough for both workers of a server to answer

BUILD_ZONE = """
import json
from tests.factories import build_zone
zone = build_zone()
article = zone.articles["notice1"]
print(json.dumps({"id": article.pk, "path": article.url_path[len(zone.home.url_path) - 1:], "title": article.title}))
"""

PUBLISH = """
import sys
import django
django.setup()
from wagtail.models import Page
page = Page.objects.get(pk=int(sys.argv[1])).specific
page.title = sys.argv[2]
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory):
    """Two gunicorns (project config, 2 sync workers each) on one SQLite data directory and one Redis."""
    url = require_redis()
    prefix = unique_prefix()
    var_dir = tmp_path_factory.mktemp("two-servers")
    env = server_environment(var_dir)
    for name in ("DATABASE_URL", "WEB_CONCURRENCY", "GUNICORN_BIND"):
        env.pop(name, None)  # SQLite in the data directory, whatever the suite runs on
    env.update(REDIS_URL=url, CACHE_KEY_PREFIX=prefix, PAGE_CACHE_SECONDS="300")
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
    article = json.loads(built.stdout.strip().splitlines()[-1])
    servers: list[subprocess.Popen] = []
    bases: list[str] = []
    try:
        for index in range(2):
            port = free_port()
            log = var_dir / f"gunicorn-{index}.log"
            command = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
            command += ["--workers", "2", "--error-logfile", str(log), "--pid", str(var_dir / f"gunicorn-{index}.pid")]
            with open(log, "ab") as output:
                servers.append(
                    subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
                )
            bases.append(f"http://127.0.0.1:{port}")
            wait_until_answering(f"{bases[-1]}/robots.txt", servers[-1], log)
        yield bases, article, env, var_dir
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        forget_prefix(url, prefix)


def titles_served(bases: list[str], path: str) -> set[str]:
    """The page titles (``<h1>``) both servers answer ``path`` with, asked several times each."""
    titles = set()
    for base in bases:
        for _ in range(REQUESTS_PER_SERVER):
            request = urllib.request.Request(base + path, headers={"Host": "localhost"})
            with urllib.request.urlopen(request, timeout=30) as response:
                html = response.read().decode()
            titles.add(html.split("<h1", 1)[1].split(">", 1)[1].split("</h1>", 1)[0].strip())
    return titles


def test_a_publish_shows_on_both_servers_at_once(two_servers):
    bases, article, env, var_dir = two_servers
    assert titles_served(bases, article["path"]) == {article["title"]}

    # A change behind the portal's back (no publish, no signal): every worker keeps serving its page.
    with sqlite3.connect(var_dir / "db.sqlite3") as database:
        database.execute("UPDATE wagtailcore_page SET title = ? WHERE id = ?", ("未经发布的标题修改", article["id"]))
    assert titles_served(bases, article["path"]) == {article["title"]}, "the pages were not kept: proves nothing"

    published = "通知：开发区安全生产检查（已更新）"
    subprocess.run(
        [sys.executable, "-c", PUBLISH, str(article["id"]), published],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    assert titles_served(bases, article["path"]) == {published}
