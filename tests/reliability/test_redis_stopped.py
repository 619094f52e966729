"""Redis stopped under a running site (issue 14 §4): pages still served, logins refused in Chinese, nothing lost.

A gunicorn with the project's config (2 workers) serves the test zone with the production profile's
cache and sessions in a private Redis (``private_redis.py``: the machine's Redis is shared and never
stopped). With Redis stopped:

- public pages (home, a column, an article, the 繁體 view, search) answer 200 — the cache backend degrades
  to "no cache" (``page_cache._DegradingRedisCacheClient``), and every request uses a generation of its own,
  so no process serves a copy a publish could not invalidate;
- signing in answers 503 with Wagtail's login page, the user name kept and the reason in Chinese
  (sessions use ``StrictRedisCache``; ``core/session_guard.py``), and nobody is signed in;
- the public letter form cannot record its 验证问题 as used: it says so in Chinese (503), keeps the text and
  stores nothing;
- a letter sent through the API and a page published from another process are stored (the rate limits
  pause, ``RATELIMIT_FAIL_OPEN``); looking the letter up, which needs the session, answers a Chinese 503;

and when Redis is started again (from its append-only file, as deployed: the old generation and pages come
back), with no one touching the app servers, the publish shows at once, pages are cached in Redis again,
signing in works and a session from before the outage is valid again. The data directory is SQLite's
whatever the suite runs on: what is tested is Redis.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import uuid

import pytest
import requests

from tests.browser.conftest import server_environment
from tests.factories import PASSWORD
from tests.letters.test_public import form_fields
from tests.portal.test_page_cache_servers import PUBLISH
from tests.reliability.private_redis import PrivateRedis
from tests.servers import BASE_DIR, gunicorn, prepare_zone
from tests.utils import soup

REQUESTS_PER_CHECK = 6  # enough for both workers to answer
CONTENT = "开发区东区道路积水严重，雨天车辆无法通行，请尽快疏通排水管道。"

BUILD_ZONE = """
import json
from tests.factories import build_zone
from zoneportal.core.models import Department
from zoneportal.letters.models import Mailbox
zone = build_zone()
Mailbox.objects.create(slug="director", name="主任信箱", department=Department.objects.first(), allows_anonymous=True)
from tests.factories import add_page
from zoneportal.letters.pages import MailboxIndexPage
from zoneportal.portal.models import ColumnPage
column = add_page(zone.home, ColumnPage(title="互动交流", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION))
letters = add_page(column, MailboxIndexPage(title="领导信箱", slug="xinxiang", department=Department.objects.first()))
article = zone.articles["notice1"]
start = len(zone.home.url_path) - 1
print(json.dumps({
    "article_id": article.pk,
    "article": article.url_path[start:],
    "title": article.title,
    "column": zone.columns["news"].url_path[start:],
    "letter_form": letters.url_path[start:] + "director/",
    "lookup": letters.url_path[start:] + "chaxun/",
}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The test zone migrated into a data directory of its own, a private Redis, and a gunicorn serving both."""
    var_dir = tmp_path_factory.mktemp("redis-stopped")
    private = PrivateRedis()
    try:
        private.start()
        env = server_environment(var_dir)
        for name in ("DATABASE_URL", "WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_THREADS"):
            env.pop(name, None)
        env.update(REDIS_URL=private.url(0), CACHE_KEY_PREFIX="zp-reliability", PAGE_CACHE_SECONDS="300")
        zone = prepare_zone(env, BUILD_ZONE)
        log = var_dir / "gunicorn.log"
        with gunicorn(env, log) as (base, _process):
            yield {"base": base, "zone": zone, "redis": private, "env": env, "var_dir": var_dir, "log": log}
    finally:
        private.destroy()


def get(site: dict, path: str) -> requests.Response:
    return requests.get(site["base"] + path, headers={"Host": "localhost"}, timeout=30)


def titles(site: dict, path: str) -> set[str]:
    """The ``<h1>`` of ``path`` as the workers answer it, asked several times; every answer must be 200."""
    found = set()
    for _ in range(REQUESTS_PER_CHECK):
        answer = get(site, path)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[-1500:])
        found.add(re.search(r"<h1[^>]*>(.*?)</h1>", answer.text, re.S).group(1).strip())
    return found


def sign_in(site: dict) -> tuple[requests.Session, requests.Response]:
    """Wagtail's real login page, as a browser fills it in, for the zone's administrator."""
    session = requests.Session()
    page = session.get(f"{site['base']}/admin/login/", timeout=30)
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{site['base']}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": "admin", "password": PASSWORD, "next": "/admin/"},
        headers={"Referer": f"{site['base']}/admin/login/"},
        timeout=30,
        allow_redirects=False,
    )
    return session, answer


def send_letter(site: dict, subject: str) -> requests.Response:
    body = {"mailbox": "director", "subject": subject, "content": CONTENT, "name": "李四", "phone": "13900001234"}
    return requests.post(
        f"{site['base']}/api/v1/letters",
        json=body,
        headers={"Idempotency-Key": f"redis-stopped-{uuid.uuid4().hex}"},
        timeout=30,
    )


def change_behind_the_back(site: dict, title: str) -> None:
    """A title changed in the database without a publish: only an uncached page can show it."""
    with sqlite3.connect(site["var_dir"] / "db.sqlite3") as database:
        database.execute("UPDATE wagtailcore_page SET title = ? WHERE id = ?", (title, site["zone"]["article_id"]))


def cached_pages(site: dict) -> list[bytes]:
    return list(site["redis"].client().scan_iter(match="*zp-reliability*pages*", count=1000))


def test_pages_logins_and_writes_while_redis_is_down_and_after_it_returns(site):
    zone = site["zone"]
    # Redis up: pages are cached (a change behind the back is not seen) and signing in works.
    assert titles(site, zone["article"]) == {zone["title"]}
    assert cached_pages(site), "nothing was cached in Redis: the test proves nothing"
    change_behind_the_back(site, "未经发布的修改一")
    assert titles(site, zone["article"]) == {zone["title"]}
    editor, answer = sign_in(site)
    assert answer.status_code == 302

    site["redis"].stop()

    # Public pages are served, never from a copy a publish could miss: the unpublished change shows at once.
    assert titles(site, zone["article"]) == {"未经发布的修改一"}
    for path in ("/", zone["column"], "/zh-hant" + zone["column"], "/search/?q=安全生产"):
        for _ in range(REQUESTS_PER_CHECK):
            assert get(site, path).status_code == 200, path

    # Signing in fails, clearly and in Chinese, on the login page with the name kept; nobody is signed in.
    session, answer = sign_in(site)
    assert answer.status_code == 503
    assert "登录服务暂时不可用" in answer.text
    assert 'value="admin"' in answer.text
    assert "sessionid" not in session.cookies
    dashboard = session.get(f"{site['base']}/admin/", timeout=30, allow_redirects=False)
    assert dashboard.status_code == 302 and "/admin/login/" in dashboard.headers["Location"]

    # The letter form cannot record its 验证问题 as used: it says so (503), keeps the text and stores nothing.
    writer = requests.Session()
    form_page = writer.get(site["base"] + zone["letter_form"], timeout=30)
    form_page.charset = "utf-8"  # what tests.utils.soup reads
    typed = {"subject": "东区积水", "content": CONTENT, "name": "王五", "phone": "13700001234", "email": ""}
    refused = writer.post(
        site["base"] + zone["letter_form"],
        data={**typed, "is_public": "0", "consent": "on", **form_fields(form_page)},
        timeout=30,
    )
    assert refused.status_code == 503
    refused.charset = "utf-8"
    page = soup(refused)
    assert "暂时无法核对验证问题" in page.find(id="id_captcha_answer_error").get_text()
    assert page.find(id="id_content").get_text().lstrip("\n") == CONTENT

    # What is written meanwhile is kept: a letter through the API, a page published from another process.
    letter = send_letter(site, "Redis停止期间的来信")
    assert letter.status_code == 201, letter.text
    published = "安全生产检查通知（Redis停止期间发布）"
    subprocess.run(
        [sys.executable, "-c", PUBLISH, str(zone["article_id"]), published], cwd=BASE_DIR, env=site["env"], check=True
    )
    assert titles(site, zone["article"]) == {published}
    with sqlite3.connect(site["var_dir"] / "db.sqlite3") as database:
        stored = database.execute("SELECT tracking_number FROM letters_letter").fetchall()
    assert stored == [(letter.json()["tracking_number"],)]

    # Looking the letter up would remember it in the session, which cannot be saved: a Chinese 503, not a 500.
    looker = requests.Session()
    lookup_page = looker.get(site["base"] + zone["lookup"], timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', lookup_page.text).group(1)
    receipt = letter.json()
    looked_up = looker.post(
        site["base"] + zone["lookup"],
        data={"csrfmiddlewaretoken": token, **{k: receipt[k] for k in ("tracking_number", "query_code")}},
        timeout=30,
        allow_redirects=False,
    )
    assert looked_up.status_code == 503
    assert "会话存储无法连接" in looked_up.text

    # Back with its data (appendonly, as deployed): the generation and the pages from before the outage, which
    # the publish above could not invalidate. Nobody touches the app servers.
    site["redis"].start()

    assert titles(site, zone["article"]) == {published}
    assert cached_pages(site), "caching did not resume"
    change_behind_the_back(site, "未经发布的修改二")
    assert titles(site, zone["article"]) == {published}  # served from the cache again
    session, answer = sign_in(site)
    assert answer.status_code == 302
    assert session.get(f"{site['base']}/admin/", timeout=30, allow_redirects=False).status_code == 200
    # Signed in before the outage: the session came back with Redis's append-only file.
    assert editor.get(f"{site['base']}/admin/", timeout=30, allow_redirects=False).status_code == 200

    log = site["log"].read_text()
    assert "Redis cache unavailable" in log  # the degraded cache says so in the log
    assert "Traceback" not in log and "Internal Server Error" not in log
