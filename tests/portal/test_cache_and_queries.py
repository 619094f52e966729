"""The anonymous page cache, its invalidation on publish, and SQL queries per uncached view."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.images.models import Rendition

from tests.utils import soup, text_of, wagtail_i18n_queries
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHE_MIDDLEWARE_SECONDS = 300


def test_second_anonymous_request_is_served_from_cache(zone, client, page_cache_on, django_assert_num_queries):
    article = zone.articles["news1"]
    client.get(article.url)  # makes the image renditions once
    cache.clear()
    first = client.get(article.url)
    assert first.status_code == 200
    # Change the row behind the page's back (no signal, no publish): a cached
    # page still shows the old title, and serving it costs no query at all.
    ArticlePage.objects.filter(pk=article.pk).update(title="未经发布的标题修改")
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second.status_code == 200
    assert second.content == first.content
    assert "未经发布的标题修改" not in text_of(second)


def test_browsers_revalidate_cached_pages(zone, client, page_cache_on):
    """Only the server learns of a publish, so browsers must not keep pages on their own."""
    article = zone.articles["news1"]
    for response in (client.get(article.url), client.get(article.url)):  # rendered, then from the cache
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-cache"
        assert not response.has_header("Expires")


def test_first_view_of_a_page_with_new_images_keeps_the_page_cache(zone, client, page_cache_on):
    """Making image renditions while rendering is not a content change: the cache must survive it."""
    article = zone.articles["news1"]  # has a cover image with no renditions yet
    renditions = Rendition.objects.filter(image=article.cover_image)
    assert not renditions.exists()
    client.get(zone.articles["news3"].url)  # cached
    ArticlePage.objects.filter(pk=zone.articles["news3"].pk).update(title="未经发布的标题修改")
    assert client.get(article.url).status_code == 200
    assert renditions.exists(), "rendering the article made no rendition: the test proves nothing"
    assert "未经发布的标题修改" not in text_of(client.get(zone.articles["news3"].url))


def test_publishing_a_change_shows_it_on_the_next_request(zone, client, page_cache_on):
    article = zone.articles["news1"]
    assert article.title in text_of(client.get(article.url))
    assert article.title in text_of(client.get("/"))

    article.title = "开发区召开招商引资工作会议（更新）"
    article.save_revision().publish()

    assert "开发区召开招商引资工作会议（更新）" in text_of(client.get(article.url))
    assert "开发区召开招商引资工作会议（更新）" in text_of(client.get("/"))


def test_unpublishing_removes_the_page_at_once(zone, client, page_cache_on):
    article = zone.articles["news2"]
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in text_of(client.get(zone.columns["news"].url))


def test_changing_site_settings_refreshes_the_footer(zone, client, page_cache_on):
    from zoneportal.portal.models import PortalSettings

    assert "0718-6281234" in text_of(client.get("/"))
    settings_row = PortalSettings.objects.get(site=zone.site)
    settings_row.phone = "0718-6289999"
    settings_row.save()
    assert "0718-6289999" in text_of(client.get("/"))


def test_traditional_pages_are_cached_apart_from_simplified(zone, client, page_cache_on):
    simplified = client.get("/")
    traditional = client.get("/zh-hant/")
    again = client.get("/")
    assert "来凤经济开发区" in text_of(simplified)
    assert "來鳳經濟開發區" in text_of(traditional)
    assert again.content == simplified.content


MAX_QUERIES = 20


@pytest.mark.parametrize("which", ["home", "column", "sub-columns", "article", "attachments", "content", "leaders"])
def test_uncached_page_view_needs_at_most_20_queries(zone, client, settings, django_assert_max_num_queries, which):
    settings.PAGE_CACHE_SECONDS = 0
    url = {
        "home": "/",
        "column": zone.columns["news"].url,
        "sub-columns": zone.columns["dynamics"].url,
        "article": zone.articles["news2"].url,
        "attachments": zone.articles["news3"].url,
        "content": zone.pages["location"].url,
        "leaders": zone.pages["leaders"].url,
    }[which]
    page = {
        "home": zone.home,
        "column": zone.columns["news"],
        "sub-columns": zone.columns["dynamics"],
        "article": zone.articles["news2"],
        "attachments": zone.articles["news3"],
        "content": zone.pages["location"],
        "leaders": zone.pages["leaders"],
    }[which]
    # Warm up once so image renditions exist (a one-off write), then measure a
    # view with every cache emptied.
    assert client.get(url).status_code == 200
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES + wagtail_i18n_queries()) as queries:
        response = client.get(url)
    assert response.status_code == 200
    # The page itself, rendered from the database (not a cached copy, not an error page).
    assert len(queries) > 0
    assert page.title in soup(response).select_one("title").get_text()
