"""The baseline site search at /search/?q= (the Chinese-aware engine comes later)."""

from __future__ import annotations

import pytest

from tests.factories import add_page
from tests.utils import CJK, soup, text_of
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db


def result_links(response) -> set[str]:
    return {a["href"] for a in soup(response).select("main a[href]")}


def test_finds_live_articles_by_title_and_body(zone, client):
    response = client.get("/search/", {"q": "招商引资"})
    assert response.status_code == 200
    links = result_links(response)
    assert zone.articles["news1"].url in links  # title
    assert zone.articles["invest1"].url in links


def test_drafts_are_never_found(zone, client):
    add_page(zone.columns["news"], ArticlePage(title="招商引资内部草稿", slug="secret", body="<p>x</p>"), publish=False)
    assert "招商引资内部草稿" not in text_of(client.get("/search/", {"q": "内部草稿"}))


def test_traditional_query_finds_simplified_content(zone, client):
    response = client.get("/zh-hant/search/", {"q": "招商引資"})
    assert response.status_code == 200
    assert any(link.startswith("/zh-hant/") and "a-news1" in link for link in result_links(response))


@pytest.mark.parametrize("query", ["", "   ", "\x00", "不存在的词语组合XYZ", "%", "_", "' OR 1=1 --", "招" * 500])
def test_empty_odd_or_unmatched_queries_get_a_chinese_page(zone, client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert CJK.search(text_of(response))


def test_query_is_shown_escaped(zone, client):
    response = client.get("/search/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
