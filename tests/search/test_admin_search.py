"""Wagtail's own search (the back office and ``Page.objects.search``) understands Chinese.

It runs through ``zoneportal.search.wagtail_backend`` on SQLite FTS5 and on PostgreSQL
full text. Objects are indexed by ``manage.py update_index`` or, as on a real site, by
Wagtail's indexing on save (a task, run inline here).
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.factories import add_page, make_document, rich_paragraphs
from tests.utils import logged_in_client, soup
from zoneportal.core.models import Department
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db

PAGE_EDIT_LINK = re.compile(r"^/admin/pages/(\d+)/edit/$")
INLINE_TASKS = override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}})


@pytest.fixture
def indexed(zone):
    """The test zone with everything in Wagtail's search index, the way ``manage.py update_index`` builds it."""
    output = io.StringIO()
    call_command("update_index", stdout=output)
    assert "indexed" in output.getvalue().lower()
    return zone


@pytest.fixture
def admin_client(zone):
    return logged_in_client(zone.users["admin"])


@pytest.fixture
def policy_page(zone) -> ArticlePage:
    """A page published with tasks running inline, so Wagtail's save signal indexes it."""
    with INLINE_TASKS:
        return add_page(
            zone.columns["investment"],
            ArticlePage(
                title="关于加快招商引资工作的实施意见",
                slug="speed-up",
                body=rich_paragraphs("各园区要落实项目代办制度。"),
            ),
        )


def listed_page_ids(response) -> set[int]:
    """Ids of the pages a back-office listing links to for editing."""
    assert response.status_code == 200, response.status_code
    links = (PAGE_EDIT_LINK.match(link["href"]) for link in soup(response).select("a[href]"))
    return {int(match[1]) for match in links if match}


def page_search(client, query: str):
    return client.get(reverse("wagtailadmin_pages:search"), {"q": query})


@pytest.mark.parametrize("query", ["招商", "招商引资", "招商引資", "引资工作", "实施意见", "招商引"])
def test_admin_page_search_finds_a_word_inside_a_chinese_title(admin_client, policy_page, query):
    """Whole words, several words, traditional characters, and a prefix while typing."""
    assert policy_page.pk in listed_page_ids(page_search(admin_client, query))


def test_admin_page_search_finds_nothing_for_words_not_in_any_title(admin_client, policy_page):
    assert listed_page_ids(page_search(admin_client, "量子纠缠火锅")) == set()
    assert listed_page_ids(page_search(admin_client, "招商 火锅")) == set()  # every word must match


def test_admin_page_search_lists_pages_indexed_by_update_index(admin_client, indexed):
    listed = listed_page_ids(page_search(admin_client, "招商引资"))
    assert {indexed.articles["news1"].pk, indexed.articles["invest1"].pk, indexed.columns["investment"].pk} <= listed
    assert indexed.articles["news2"].pk not in listed


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"招商引资',
        "*",
        "招商*",
        "OR",
        "招商 OR 引资",
        "NEAR(招商 引资)",
        "'",
        "' OR 1=1 --",
        "title:招商",
        "😀🏭",
        "<script>alert(1)</script>",
        "的",
        "招商" * 500,
    ],
)
def test_odd_input_never_breaks_the_admin_search(admin_client, policy_page, query):
    response = page_search(admin_client, query)
    assert response.status_code == 200
    results = admin_client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
    assert results.status_code == 200


def test_a_quoted_phrase_needs_all_its_words(admin_client, policy_page):
    assert policy_page.pk in listed_page_ids(page_search(admin_client, '"加快招商引资"'))
    assert listed_page_ids(page_search(admin_client, '"加快火锅"')) == set()


def test_snippet_listing_search_restricted_to_a_field(admin_client, indexed):
    """The departments listing searches only ``name`` (its ``search_fields``)."""
    url = reverse("wagtailsnippets_core_department:list")
    response = admin_client.get(url, {"q": "招商"})
    assert response.status_code == 200
    rows = " ".join(body.get_text(" ", strip=True) for body in soup(response).select("tbody"))
    assert "招商发展分局" in rows
    assert "财政分局" not in rows


def test_document_chooser_search(admin_client, indexed):
    with INLINE_TASKS:
        make_document("来凤县招商引资优惠办法", filename="measures.pdf")
    response = admin_client.get(reverse("wagtaildocs_chooser:choose_results"), {"q": "优惠"})
    assert response.status_code == 200
    titles = soup(response).get_text(" ", strip=True)
    assert "来凤县招商引资优惠办法" in titles
    assert "2024年招商引资优惠政策.pdf" in titles
    assert "财政预算公开表" not in titles


def test_page_queryset_search_matches_body_text_and_keeps_filters(zone, indexed, policy_page):
    """``Page.objects.search`` over title and body, with Wagtail's filters and ``operator``."""
    assert policy_page.pk in {page.pk for page in Page.objects.search("代办制度")}  # body only
    with INLINE_TASKS:
        draft = add_page(
            zone.columns["investment"], ArticlePage(title="代办制度草稿", slug="draft", body="<p>x</p>"), publish=False
        )
    assert draft.pk in {page.pk for page in Page.objects.search("代办制度")}
    assert draft.pk not in {page.pk for page in Page.objects.live().search("代办制度")}
    either = {page.pk for page in Page.objects.search("代办制度 工作会议", operator="or")}
    assert {policy_page.pk, zone.articles["news1"].pk} <= either
    assert not {page.pk for page in Page.objects.search("代办制度 工作会议")}


def test_search_after_a_department_is_renamed(admin_client, indexed):
    """Saving re-indexes the object with the analysed text (no stale words)."""
    department = Department.objects.get(slug="finance")
    department.name = "财政金融服务局"
    with INLINE_TASKS:
        department.save()
    backend = get_search_backend()
    assert list(backend.search("金融", Department)) == [department]
    assert department not in backend.autocomplete("分局", Department)  # the old name's words are gone
