"""Which page types a column offers: an article column offers 文章 only, structural columns every type."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.utils import logged_in_client, soup
from zoneportal.portal.models import ArticlePage, ColumnPage, ContentPage, SitemapPage

pytestmark = pytest.mark.django_db


def offered_types(client, column) -> list[str]:
    """The page types listed on the column's 添加子页面 page (or the one type Wagtail skips straight to)."""
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(column.pk,)))
    if response.status_code == 302:
        return [response["Location"].split("/")[-3]]
    assert response.status_code == 200
    links = soup(response).select("a[href*='/pages/add/portal/']")
    return sorted({link["href"].split("/")[-3] for link in links})


def test_a_news_column_offers_articles_only(zone):
    client = logged_in_client(zone.users["admin"])
    assert offered_types(client, zone.columns["investment"]) == ["articlepage"]
    assert ContentPage.can_create_at(zone.columns["investment"]) is False
    assert SitemapPage.can_create_at(zone.columns["news"]) is False
    assert ArticlePage.can_create_at(zone.columns["investment"])


def test_the_editor_cannot_post_another_type_into_a_news_column(zone):
    client = logged_in_client(zone.users["admin"])
    url = reverse("wagtailadmin_pages:add", args=("portal", "contentpage", zone.columns["news"].pk))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not ContentPage.objects.child_of(zone.columns["news"]).exists()


def test_structural_columns_offer_every_type(zone):
    client = logged_in_client(zone.users["admin"])
    offered = offered_types(client, zone.columns["disclosure"])
    assert {"articlepage", "columnpage", "contentpage", "organisationpage"} <= set(offered)


def test_a_column_group_keeps_offering_sub_columns(zone):
    # 开发区动态 holds the sub-columns 招商引资 and 企业服务.
    dynamics = zone.columns["dynamics"]
    assert ColumnPage.can_create_at(dynamics)
    assert not ContentPage.can_create_at(dynamics)
    assert ColumnPage.can_create_at(zone.columns["news"]) is False


def test_the_rule_follows_the_column_kind(zone):
    news = zone.columns["news"]
    news.column_type = ColumnPage.ColumnType.TOPIC
    news.save()
    assert ContentPage.can_create_at(news)


def test_a_content_page_cannot_be_moved_into_a_news_column(zone):
    location = zone.pages["location"].specific
    assert location.can_move_to(zone.columns["disclosure"])
    assert not location.can_move_to(zone.columns["news"])
