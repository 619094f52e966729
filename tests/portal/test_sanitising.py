"""Script typed into the editor never reaches a public page."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import add_page
from tests.utils import add_article_url, admin_form, logged_in_client
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db

SCRIPT_TEXT = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
LINK_TEXT = "点击查看"


def contentstate_with_script() -> str:
    """Draftail's JSON as a browser would post it: script typed as text, and a javascript: link."""
    text = f"{SCRIPT_TEXT} {LINK_TEXT}"
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "k1",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": text.index(LINK_TEXT), "length": len(LINK_TEXT), "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(document.cookie)"}}
            },
        },
        ensure_ascii=False,
    )


def soup_from(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def assert_no_active_script(html: str) -> None:
    """No script we planted runs: no such <script>, no on* handler, no javascript: URL."""
    page = soup_from(html)
    main_scripts = [tag for tag in page.find_all("script") if "alert(" in tag.get_text()]
    assert not main_scripts, main_scripts
    for tag in page.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on") or "alert" not in str(value), (tag.name, attribute)
            if attribute in ("href", "src", "action"):
                assert not str(value).strip().lower().startswith("javascript:"), (tag.name, value)
    assert "<script>alert('xss')</script>" not in html
    assert "onerror=alert(1)>" not in html


def test_script_typed_in_the_editor_is_shown_as_text_not_run(zone):
    admin = logged_in_client(zone.users["admin"])
    column = zone.columns["news"]
    data = admin_form(admin.get(add_article_url(column)))
    data["title"] = "<script>alert('title')</script>标题测试"
    data["slug"] = "xss"
    data["summary"] = '"><script>alert("summary")</script>'
    data["body"] = contentstate_with_script()
    response = admin.post(add_article_url(column), {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302, response.status_code
    article = ArticlePage.objects.get(slug="xss")
    assert article.live

    html = Client().get(article.url).content.decode()
    assert_no_active_script(html)
    assert "alert('title')" not in [tag.get_text() for tag in soup_from(html).find_all("script")]
    # The text itself is kept, visibly, as the editor typed it.
    assert "标题测试" in soup_from(html).get_text()
    # And the column list and the feed escape the title too.
    assert_no_active_script(Client().get(column.url).content.decode())
    feed = Client().get(column.url + "rss/").content.decode()
    assert "<script>" not in feed


def test_script_stored_in_rich_text_by_an_import_is_not_rendered(zone):
    """Rich text that bypassed the editor (an import, the API) is sanitised when rendered."""
    article = add_page(
        zone.columns["news"],
        ArticlePage(
            title="导入的稿件",
            slug="imported",
            body=(
                "<p>导入的正文。</p><script>alert('xss')</script>"
                '<p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">链接</a></p>'
            ),
        ),
    )
    html = Client().get(article.url).content.decode()
    assert "导入的正文。" in html
    assert_no_active_script(html)
    assert 'onerror="alert(1)"' not in html


def test_script_in_department_functions_is_not_rendered(zone):
    """Snippets edited in the admin (部门职能) go through the same editor and checks."""
    admin = logged_in_client(zone.users["admin"])
    department = zone.departments["finance"]
    url = reverse("wagtailsnippets_core_department:edit", args=(department.pk,))
    data = admin_form(admin.get(url), form_id="w-editor-form")
    data["functions"] = contentstate_with_script()
    assert admin.post(url, data).status_code == 302
    html = Client().get(zone.pages["functions"].url).content.decode()
    assert_no_active_script(html)
