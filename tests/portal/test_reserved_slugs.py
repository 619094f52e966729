"""A top-level page cannot take a slug the portal's own addresses use (it could never be reached)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLPattern, URLResolver

from tests.utils import admin_form, logged_in_client
from zoneportal.portal.models import ColumnPage
from zoneportal.portal.reserved import RESERVED_ROOT_SLUGS

pytestmark = pytest.mark.django_db


def test_every_address_answered_before_the_pages_is_reserved():
    segments = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLPattern | URLResolver):
            segment = str(pattern.pattern).lstrip("^").split("/")[0]
            if segment and "." not in segment and "(" not in segment:
                segments.add(segment)
    assert segments <= RESERVED_ROOT_SLUGS, segments - RESERVED_ROOT_SLUGS
    assert {"static", "media", "zh-hant"} <= RESERVED_ROOT_SLUGS


def test_the_editor_is_told_and_keeps_what_they_typed(zone):
    client = logged_in_client(zone.users["admin"])
    url = reverse("wagtailadmin_pages:add", args=("portal", "columnpage", zone.home.pk))
    form = admin_form(client.get(url))
    form["title"], form["slug"] = "站内搜索专栏", "search"
    response = client.post(url, form)
    assert response.status_code == 200
    page = response.content.decode()
    assert "是网站自身使用的地址" in page and "站内搜索专栏" in page
    assert not ColumnPage.objects.filter(slug="search").exists()


def test_the_same_slug_is_fine_further_down(zone):
    column = zone.columns["news"]
    column.add_child(instance=ColumnPage(title="搜索", slug="search"))
    assert ColumnPage.objects.filter(slug="search").exists()


@pytest.mark.parametrize("live", [True, False])
def test_code_cannot_save_one_either(zone, live):
    with pytest.raises(ValidationError, match="网站自身使用的地址"):
        zone.home.add_child(instance=ColumnPage(title="后台", slug="admin", live=live))
