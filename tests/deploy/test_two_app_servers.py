"""The production shape (deploy/stack.py, `make prod`) keeps no state in an app server.

The stack runs for real — two gunicorn app servers with the production profile behind Debian's nginx, a fresh
PostgreSQL database, Redis for the cache and the sessions, a task worker — and the test talks HTTP to it:

- a page published through app server A's back office is seen at once through app server B and through nginx,
  although both had the old page in the page cache;
- a visitor who logged in through A (password and two-factor code) is still logged in when a request lands on
  B (and on nginx);
- nginx serves static and media files from disk and refuses the documents folder.

It needs PostgreSQL (marked; deselected on SQLite, tests/database_gate.py), a Redis and /usr/sbin/nginx
(.ci/test-deps installs it); a missing nginx fails the test, never skips it.
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from base64 import b32decode
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
import requests
from django_otp.oath import TOTP

from deploy.stack import NGINX, Stack
from tests.browser.conftest import PostgresDatabase, free_port
from tests.factories import PASSWORD

pytestmark = pytest.mark.postgresql

# Run by `manage.py shell` in the stack's environment: the suite's small test zone.
BUILD_ZONE = """
import json
from tests.factories import build_zone
zone = build_zone()
column = zone.columns["news"]
image = next(iter(zone.images.values()))
print(json.dumps({
    "page_id": column.pk,
    "page_url": column.url_path[len(zone.home.url_path) - 1:],
    "title": column.title,
    "image_file": image.file.name,
}))
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[tuple[Stack, dict]]:
    """The stack on free ports with a fresh database (dropped afterwards) and the test zone."""
    if not NGINX.exists():
        pytest.fail(f"{NGINX} not found: apt-get install -y nginx (.ci/test-deps installs it)", pytrace=False)
    database = PostgresDatabase(os.environ["DATABASE_URL"], prefix="zp_stack_test")
    redis_url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    ports = {free_port() for _ in range(6)}
    app_a, app_b, nginx_port = sorted(ports)[:3]
    the_stack = Stack(
        tmp_path_factory.mktemp("stack"),
        database.url,
        redis_url,
        app_ports=(app_a, app_b),
        nginx_port=nginx_port,
        workers=1,
        demo=False,
    )
    try:
        the_stack.start()  # creates the database from the template, migrates, collects static files
        zone = json.loads(the_stack.manage("shell", "--no-imports", "-c", BUILD_ZONE).strip().splitlines()[-1])
        yield the_stack, zone
    finally:
        the_stack.stop()
        database.drop()


class FormReader(HTMLParser):
    """The fields a browser would submit from the form with ``form_id`` (inputs, text areas, selects)."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.inside = attributes.get("id") == self.form_id
        if not self.inside or ("name" not in attributes and tag != "option"):
            return
        name = attributes.get("name", "")
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                return
            if kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, attributes.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea, self._text = name, ""
        elif tag == "select":
            self._select, self._options, self._multiple = name, [], "multiple" in attributes
        elif tag == "option" and self._select is not None:
            self._options.append((attributes.get("value", ""), "selected" in attributes))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and self._options and not self._multiple:
                chosen = [self._options[0][0]]
            self.fields.extend((self._select, value) for value in chosen)
            self._select = None


def logged_in(base_url: str, username: str = "admin") -> requests.Session:
    """A session logged in through the back office's real login page at ``base_url``."""
    session = requests.Session()
    login = session.get(f"{base_url}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    answer = session.post(
        f"{base_url}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD, "next": "/admin/"},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    assert "sessionid" in session.cookies
    pass_second_factor(session, base_url, username)
    return session


#: Each user's authenticator key and the last time step whose code was used (a code is accepted once).
AUTHENTICATORS: dict[str, tuple[bytes, int]] = {}


def pass_second_factor(session: requests.Session, base_url: str, username: str) -> None:
    """The production profile requires two-factor login of administrators: the first login sets up an
    authenticator from the secret the page shows, later ones enter its code — computed here as a phone would."""
    if username in AUTHENTICATORS:
        url = f"{base_url}/admin/two-factor/verify/"
        page = session.get(url, timeout=30)
    else:
        url = f"{base_url}/admin/two-factor/enrol/"
        page = session.get(url, timeout=30)
        secret = re.sub(r"\s", "", re.search(r"data-zp-secret>([^<]+)<", page.text).group(1))
        AUTHENTICATORS[username] = (b32decode(secret + "=" * (-len(secret) % 8)), -1)
    key, last_step = AUTHENTICATORS[username]
    totp = TOTP(key)
    step = max(int(time.time() // totp.step), last_step + 1)
    totp.time = step * totp.step
    AUTHENTICATORS[username] = (key, step)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        url,
        data={"csrfmiddlewaretoken": token, "code": f"{totp.token():06d}", "next": "/admin/"},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code in (200, 302), answer.text[-2000:]
    assert session.get(f"{base_url}/admin/", timeout=30, allow_redirects=False).status_code == 200


def page_text(url: str) -> str:
    """The page as an anonymous visitor gets it."""
    answer = requests.get(url, timeout=30)
    assert answer.status_code == 200, url
    return answer.text


def test_every_process_runs_and_nginx_serves_files_from_disk(stack):
    the_stack, zone = stack
    assert the_stack.status() == {
        f"app-{the_stack.app_ports[0]}": True,
        f"app-{the_stack.app_ports[1]}": True,
        "nginx": True,
        "worker": True,
    }
    manifest = json.loads((the_stack.var_dir / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/portal.css"]
    static = requests.get(f"{the_stack.base_url}/static/{hashed}", timeout=30)
    assert static.status_code == 200
    assert static.headers["Cache-Control"] == "max-age=31536000, public, immutable"  # nginx's location, not Django
    assert static.content == (the_stack.var_dir / "static" / hashed).read_bytes()

    media = requests.get(f"{the_stack.base_url}/media/{zone['image_file']}", timeout=30)
    assert media.status_code == 200
    assert media.headers["Cache-Control"] == "max-age=604800"
    assert media.content == (the_stack.var_dir / "media" / zone["image_file"]).read_bytes()
    assert requests.get(f"{the_stack.base_url}/media/documents/x.pdf", timeout=30).status_code == 404
    assert requests.get(f"{the_stack.base_url}/secret_key", timeout=30).status_code == 404  # proxied: no such page

    # The production profile, minus HTTPS on loopback only: no redirect, no HSTS, hashed static files.
    home = requests.get(f"{the_stack.base_url}/", timeout=30, allow_redirects=False)
    assert home.status_code == 200
    assert "Strict-Transport-Security" not in home.headers
    assert f"/static/{hashed}" in home.text


def test_a_publish_through_app_server_a_is_seen_at_once_through_b_and_nginx(stack):
    the_stack, zone = stack
    server_a, server_b = the_stack.app_urls
    readers = [server_b + zone["page_url"], the_stack.base_url + zone["page_url"]]
    for url in readers * 2:  # the second round is served from the page cache
        assert zone["title"] in page_text(url)

    editor = logged_in(server_a)
    edit_url = f"{server_a}/admin/pages/{zone['page_id']}/edit/"
    form = FormReader("page-edit-form")
    form.feed(editor.get(edit_url, timeout=30).text)
    new_title = f"{zone['title']}（{uuid.uuid4().hex[:6]}）"
    fields = [(name, new_title if name == "title" else value) for name, value in form.fields]
    assert ("title", new_title) in fields
    published = editor.post(edit_url, data=[*fields, ("action-publish", "action-publish")], timeout=60)
    assert published.status_code == 200, published.text[-2000:]
    assert "/edit/" not in published.url, "the edit form came back: " + published.text[-3000:]

    for url in readers:
        assert new_title in page_text(url), url
    stored = (
        f"from wagtail.models import Page; print(Page.objects.get(pk={zone['page_id']}).live_revision.content['title'])"
    )
    assert the_stack.manage("shell", "--no-imports", "-c", stored).strip() == new_title


def test_a_visitor_logged_in_through_a_stays_logged_in_on_b_and_through_nginx(stack):
    the_stack, _zone = stack
    server_a, server_b = the_stack.app_urls
    session = logged_in(server_a)
    assert not any(cookie.secure for cookie in session.cookies)  # plain HTTP on loopback only
    for base in (server_b, the_stack.base_url):
        dashboard = session.get(f"{base}/admin/", timeout=30, allow_redirects=False)
        assert dashboard.status_code == 200, base
        assert "/admin/logout/" in dashboard.text  # the back office of a signed-in user, not its login page
    anonymous = requests.get(f"{server_b}/admin/", timeout=30, allow_redirects=False)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous.headers["Location"]
