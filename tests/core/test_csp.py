"""The Content-Security-Policy header (issue 14 §2): on every kind of public page, strict, cached hits included.

Public pages may carry no inline script, ``<style>``, ``style`` attribute or ``on…`` handler: the
policy refuses them and browsers would drop them silently. So besides the header, each page's HTML is
read for anything the policy would block. The back office gets its own, looser policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import timedelta

import pytest
from csp.utils import build_policy
from defusedxml import ElementTree
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.models import get_page_models

from tests.factories import add_page
from tests.utils import admin_form, edit_url, logged_in_client, soup
from zoneportal.core.csp import AreaPolicyMiddleware
from zoneportal.portal.models import ArticlePage, ColumnPage, HomePage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
#: Public addresses that are no Wagtail page: search, the policy library's routes, feeds, the error pages.
OTHER_PUBLIC_URLS = (
    "/search/",
    "/search/?q=招商",
    "/robots.txt",
    "/sitemap.xml",
    "/api/v1/docs",
    "/api/v1/openapi.json",
    "/no-such-page/",
    "/news/%00/",
)
#: ``<script>`` types a browser does not execute (data for scripts), which the policy does not govern.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})


def directives(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as {directive: [sources]}; fails when there is none."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} ({response.status_code}) has no Content-Security-Policy"
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_strict(response) -> None:
    """The public policy: scripts and styles from this site only, nothing inline allowed, nothing framing it."""
    policy = directives(response)
    where = response.request["PATH_INFO"]
    for directive in ("script-src", "style-src"):
        assert policy[directive][0] == "'self'", (where, directive, policy[directive])
        assert "'unsafe-inline'" not in policy[directive], (where, directive)
        assert not any(source.startswith("'nonce-") for source in policy[directive]), (where, directive)
    assert "'unsafe-eval'" not in policy["script-src"], where
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"], where


def style_hash(css: str) -> str:
    """The CSP source that allows an inline ``<style>`` with exactly this text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


def inline_code(html: str, allowed_styles: list[str] = ()) -> list[str]:
    """Everything in ``html`` a policy without 'unsafe-inline' would refuse (a ``<style>`` hashed in it aside)."""
    found = []
    for tag in soup_of(html).find_all(True):
        if tag.name == "style" and not tag.attrs and style_hash(tag.string or "") in allowed_styles:
            continue
        if tag.name == "script" and not tag.get("src") and tag.get("type", "").lower() not in DATA_SCRIPT_TYPES:
            found.append(str(tag)[:80])
        if tag.name == "style" or "style" in tag.attrs:
            found.append(str(tag)[:80])
        found.extend(f"{tag.name} {name}=" for name in tag.attrs if name.lower().startswith("on"))
        found.extend(f"{tag.name} {name}=" for name, value in tag.attrs.items() if "javascript:" in str(value))
    return found


def soup_of(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def required_fields(zone, model) -> dict:
    """What a page type needs besides a title and a slug to be saved (an open consultation)."""
    if model._meta.label == "consultations.ConsultationPage":
        now = timezone.now()
        return {
            "department": zone.departments["invest"],
            "summary": "为支持园区中小企业发展，起草了本措施。",
            "body": "<p>第一条 开发区设立中小企业服务窗口。</p>",
            "opens_at": now - timedelta(days=1),
            "closes_at": now + timedelta(days=10),
        }
    return {}


@pytest.fixture
def every_page_type(zone):
    """The zone plus one live page of every public page type it lacks (letters, FAQ, surveys, policies …)."""
    column = zone.columns["news"]
    present = {type(page.specific) for page in zone.home.get_descendants(inclusive=True).live()}
    added = []
    for model in get_page_models():
        if model in present or model.__name__ == "Page" or model in (HomePage, ArticlePage, ColumnPage):
            continue
        parents = [label.lower() for label in (model.parent_page_types or ["portal.columnpage"])]
        parent = zone.home if parents == ["portal.homepage"] or "portal.columnpage" not in parents else column
        slug = f"csp-{model._meta.model_name}"
        page = model(title=str(model._meta.verbose_name), slug=slug, **required_fields(zone, model))
        added.append(add_page(parent, page))
    return added


def public_urls(client) -> list[str]:
    """Every page the sitemap lists (the zone's and the added types'), plus the public non-page addresses."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    pages = [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    return ["/" + path for path in pages] + list(OTHER_PUBLIC_URLS)


def test_every_kind_of_public_page_has_the_strict_policy_and_nothing_it_would_block(zone, client, every_page_type):
    urls = public_urls(client)
    for page in every_page_type:  # each added type is in the sitemap, so the list really covers it
        assert page.url in urls, page.url
    assert len(urls) > 30
    statuses = set()
    for url in urls + ["/zh-hant" + url for url in urls[:5]]:
        response = client.get(url)
        statuses.add(response.status_code)
        assert_strict(response)
        if response["Content-Type"].startswith("text/html"):
            blocked = inline_code(response.content.decode(), directives(response)["style-src"])
            assert not blocked, (url, blocked)
    assert {200, 400, 404} <= statuses  # pages, the NUL refusal and the not-found page were all checked


def test_a_cached_page_carries_the_same_header(zone, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHE_MIDDLEWARE_SECONDS = 300
    article = zone.articles["news1"]
    first = client.get(article.url)
    ArticlePage.objects.filter(pk=article.pk).update(title="未经发布的标题修改")
    second = client.get(article.url)
    assert "未经发布的标题修改" not in second.content.decode(), "the second answer was not the cached one"
    assert second.content == first.content
    assert_strict(second)
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_standalone_error_page_style_is_allowed_by_its_hash(zone, client):
    """The 400/500 page keeps its inline ``<style>`` (it needs no database or static files): its hash is allowed."""
    response = client.get("/news/%00/")
    assert response.status_code == 400
    style = soup(response).find("style").string
    assert style_hash(style) in directives(response)["style-src"], "the style changed: update CSP_ERROR_PAGE_STYLE"


@pytest.mark.urls("tests.portal.failing_urls")
def test_the_500_page_has_the_policy(zone, client):
    client.raise_request_exception = False
    response = client.get("/__broken__/")
    assert response.status_code == 500
    assert_strict(response)
    assert soup(response).find("style") is not None


def test_the_back_office_gets_its_own_policy(zone):
    client = logged_in_client(zone.users["admin"])
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[zone.articles["news1"].pk])):
        response = client.get(url)
        assert response.status_code == 200
        policy = directives(response)
        assert "'unsafe-inline'" in policy["script-src"], url  # Wagtail's own inline scripts
        assert policy["frame-ancestors"] == ["'self'"] and policy["frame-src"] == ["'self'"]  # the preview panel
        assert not any("://" in source for sources in policy.values() for source in sources), policy
    anonymous_login = settings.ADMIN_CONTENT_SECURITY_POLICY["URL_PREFIXES"][0] + "login/"
    assert "'unsafe-inline'" in directives(logged_in_client(zone.users["admin"]).get(anonymous_login))["style-src"]


def test_a_preview_keeps_the_public_policy_and_may_be_framed_by_the_admin(zone):
    """Wagtail renders a preview through the middleware with the page's public address (``request.is_preview``)."""
    client = logged_in_client(zone.users["admin"])
    article = zone.articles["news1"]
    data = admin_form(client.get(edit_url(article)))
    data["title"] = "预览中的标题"
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200 and "预览中的标题" in response.content.decode()
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and "'unsafe-inline'" not in policy["style-src"]
    assert_strict(client.get(article.url))  # the same page outside the preview: nobody may frame it


def test_static_files_have_the_strict_policy_and_documents_keep_wagtails_stricter_one(zone, client):
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert_strict(response)
    assert b"".join(response.streaming_content)  # read, not closed: close() would end the test's connection
    # Wagtail sets "default-src 'none'" on a served document itself (an uploaded HTML or SVG runs nothing);
    # the middleware leaves a header already there alone.
    document = zone.documents[next(iter(zone.documents))]
    response = client.get(document.url)
    assert response.status_code == 200
    assert directives(response) == {"default-src": ["'none'"]}
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_inline_code_finds_what_the_policy_blocks():
    """The page check above can fail: each kind of inline code is found, data scripts and plain tags are not."""
    html = (
        '<script>alert(1)</script><script src="/static/a.js"></script><script type="application/json">{}</script>'
        '<style>p{}</style><p style="color:red">x</p><a href="#" onclick="go()">y</a><a href="javascript:go()">z</a>'
    )
    found = inline_code(html)
    assert len(found) == 5, found
    assert not inline_code('<p class="x">ok</p><script src="/a.js" defer></script>')
    assert not inline_code("<style>p{}</style>", [style_hash("p{}")])
    assert inline_code("<style>p{ }</style>", [style_hash("p{}")])
    assert re.search(r"onclick", " ".join(found))


def test_the_prepared_header_is_django_csps_and_follows_a_settings_change(zone, client, settings):
    """The header is built once per process and area: the same text django-csp builds, and rebuilt on a change."""
    assert directives(client.get("/search/")) == directives_of(build_policy())
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": ["'self'", "https://tiles.example.cn"],
        }
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    response = client.get("/search/")
    assert directives(response)["img-src"] == ["'self'", "https://tiles.example.cn"]
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'none'"
    admin_login = settings.ADMIN_CONTENT_SECURITY_POLICY["URL_PREFIXES"][0] + "login/"
    assert directives(client.get(admin_login))["img-src"] == ["'self'", "data:", "blob:"]  # its own area's


def test_an_answer_with_a_policy_of_its_own_gets_it(rf):
    """A view's ``@csp_update`` (django-csp's attributes on the response) still shapes that answer's header."""
    answer = HttpResponse("地图")
    answer._csp_update = {"img-src": ["https://tiles.example.cn"]}
    middleware = AreaPolicyMiddleware(lambda request: answer)
    response = middleware(rf.get("/map/"))
    assert directives_of(response["Content-Security-Policy"])["img-src"] == [
        "'self'",
        "data:",
        "https://tiles.example.cn",
    ]
    plain = AreaPolicyMiddleware(lambda request: HttpResponse("地图"))(rf.get("/map/"))
    assert directives_of(plain["Content-Security-Policy"]) == directives_of(build_policy())


def directives_of(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header's text as {directive: [sources]}."""
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}
