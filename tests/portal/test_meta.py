"""Government-site metadata (网站/栏目/文章元数据) and OpenGraph tags."""

from __future__ import annotations

import re

import pytest

from tests.utils import meta_content, soup

pytestmark = pytest.mark.django_db

SITE_META = {"SiteName": "来凤经济开发区", "SiteDomain": "www.lfkfq.gov.cn", "SiteIDCode": "4228270001"}


def metas(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return soup(response)


@pytest.mark.parametrize("which", ["home", "column", "article", "content", "organisation", "album"])
def test_every_page_carries_the_site_level_tags(zone, client, which):
    url = {
        "home": "/",
        "column": zone.columns["news"].url,
        "article": zone.articles["news1"].url,
        "content": zone.pages["location"].url,
        "organisation": zone.pages["leaders"].url,
        "album": zone.pages["album"].url,
    }[which]
    page = metas(client, url)
    for name, value in SITE_META.items():
        assert meta_content(page, name) == value, (url, name)
    assert meta_content(page, "og:site_name") == "来凤经济开发区"
    assert meta_content(page, "og:title"), url
    og_url = meta_content(page, "og:url") or ""
    assert og_url.startswith("http") and og_url.endswith(url), og_url


def test_column_tags(zone, client):
    column = zone.columns["disclosure"]
    page = metas(client, column.url)
    assert meta_content(page, "ColumnName") == "政务公开"
    assert meta_content(page, "ColumnDescription") == "政务公开栏目发布相关信息"
    assert meta_content(page, "ColumnKeywords") == "政务公开,来凤"
    assert meta_content(page, "ColumnType") in {"政务公开", "disclosure"}
    assert meta_content(page, "Keywords") == "政务公开,来凤"
    assert meta_content(page, "Description") == "政务公开栏目发布相关信息"
    url = meta_content(page, "Url") or ""
    assert url.startswith("http") and url.endswith(column.url)


def test_article_tags(zone, client):
    article = zone.articles["news1"]
    page = metas(client, article.url)
    assert meta_content(page, "ArticleTitle") == "开发区召开2024年招商引资工作会议"
    assert meta_content(page, "PubDate") == "2024-03-01 09:30"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", meta_content(page, "PubDate"))
    assert meta_content(page, "ContentSource") == "管委会办公室"
    assert meta_content(page, "Keywords") == "招商引资,工作会议"
    assert meta_content(page, "Description") == "开发区部署全年招商引资工作"
    assert meta_content(page, "Author") == "李明"
    url = meta_content(page, "Url") or ""
    assert url.startswith("http") and url.endswith(article.url)
    # The article also names its column.
    assert meta_content(page, "ColumnName") == "新闻快递"
    # OpenGraph: an article with its cover image.
    assert meta_content(page, "og:type") == "article"
    assert meta_content(page, "og:title") == article.title
    assert meta_content(page, "og:description") == "开发区部署全年招商引资工作"
    image = meta_content(page, "og:image") or ""
    assert image.startswith("http") and ("/media/" in image or "/images/" in image), image
    # The government "Image" tag names the same cover image, by the same absolute address.
    assert meta_content(page, "Image") == image


def test_article_pubdate_is_local_time(zone, client):
    """PubDate is Beijing time: 10:05 in Shanghai is 02:05 UTC, and the tag says 10:05."""
    page = metas(client, zone.articles["news2"].url)
    assert meta_content(page, "PubDate") == "2024-04-02 10:05"


def test_article_with_outside_source(zone, client):
    page = metas(client, zone.articles["news3"].url)
    assert meta_content(page, "ContentSource") == "恩施州人民政府网"
    assert meta_content(page, "Author") == "张伟"
    # No search description: the summary describes the article.
    assert meta_content(page, "Description") == "开发区举办企业用工对接会的摘要"


def test_home_description_and_keywords(zone, client):
    page = metas(client, "/")
    assert meta_content(page, "Keywords") == "来凤,开发区"
    assert meta_content(page, "Description") == "来凤经济开发区门户网站"
    assert meta_content(page, "og:type") == "website"
