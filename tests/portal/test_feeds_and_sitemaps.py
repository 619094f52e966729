"""RSS per column, sitemap.xml and robots.txt."""

from __future__ import annotations

import pytest
from defusedxml import ElementTree

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def rss_items(response) -> tuple[ElementTree.Element, list]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    return channel, channel.findall("item")


def test_column_feed_lists_its_articles_newest_first(zone, client):
    channel, items = rss_items(client.get(zone.columns["news"].url + "rss/"))
    assert "新闻快递" in channel.findtext("title")
    assert channel.findtext("link").endswith(zone.columns["news"].url)
    titles = [item.findtext("title") for item in items]
    assert titles == [zone.articles[key].title for key in ("news3", "news2", "news1")]
    first = items[0]
    assert first.findtext("link").endswith(zone.articles["news3"].url)
    assert first.findtext("pubDate")
    assert first.findtext("description") == "开发区举办企业用工对接会的摘要"


def test_parent_column_feed_includes_sub_columns(zone, client):
    _channel, items = rss_items(client.get(zone.columns["dynamics"].url + "rss/"))
    titles = {item.findtext("title") for item in items}
    assert {zone.articles[key].title for key in ("invest1", "invest2", "service1")} <= titles


def test_feed_leaves_out_drafts(zone, client):
    from tests.factories import add_page
    from zoneportal.portal.models import ArticlePage

    add_page(zone.columns["news"], ArticlePage(title="未发布稿件", slug="draft", body="<p>草稿</p>"), publish=False)
    _channel, items = rss_items(client.get(zone.columns["news"].url + "rss/"))
    assert "未发布稿件" not in {item.findtext("title") for item in items}


def test_traditional_feed(zone, client):
    channel, items = rss_items(client.get("/zh-hant" + zone.columns["news"].url + "rss/"))
    assert "新聞快遞" in channel.findtext("title")
    assert "开发区举办企业用工对接会" not in [item.findtext("title") for item in items]
    assert items[0].findtext("title") == "開發區舉辦企業用工對接會"
    for item in items:
        assert "/zh-hant/" in item.findtext("link"), item.findtext("link")


def test_sitemap_xml_lists_live_pages_only(zone, client):
    from tests.factories import add_page
    from zoneportal.portal.models import ArticlePage

    add_page(zone.columns["news"], ArticlePage(title="未发布稿件", slug="draft", body="<p>草稿</p>"), publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    for page in (zone.home, zone.columns["news"], zone.articles["news1"], zone.pages["location"]):
        assert any(loc.endswith(page.url) for loc in locations), page.url
    assert not any(loc.endswith("/news/draft/") for loc in locations)
    assert all(loc.startswith("http") for loc in locations)


def test_robots_txt(zone, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert any(line.startswith("Sitemap: http") and line.endswith("/sitemap.xml") for line in lines)
