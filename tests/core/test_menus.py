"""网上办公's counts: what waits for the person, every entry's count read in one query."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu

from tests.circulation.conftest import make_draft
from tests.notices.conftest import draft as draft_notice
from zoneportal.circulation import services as circulation
from zoneportal.core.menus import CountedMenuItem, OnlineOfficeMenu, waiting_counts
from zoneportal.notices import services as notices

pytestmark = pytest.mark.django_db


def online_office_entries(request) -> list[CountedMenuItem]:
    [submenu] = [item for item in admin_menu.registered_menu_items if item.name == "online-office"]
    assert isinstance(submenu.menu, OnlineOfficeMenu)
    return [item for item in submenu.menu.menu_items_for_request(request) if isinstance(item, CountedMenuItem)]


def test_unread_notices_and_pending_documents_are_counted_in_one_query(zone, django_assert_num_queries):
    head = zone.users["invest_head"]
    request = RequestFactory().get("/admin/")
    request.user = head
    entries = online_office_entries(request)
    assert {entry.name for entry in entries} == {"notices", "circulation"}
    with django_assert_num_queries(1):
        assert waiting_counts(request, entries) == {"notices": 0, "circulation": 0}

    for title in ("第一份通知", "第二份通知"):
        notices.publish(draft_notice(zone, title=title), user=zone.users["reviewer"])
    circulation.submit(make_draft(zone), user=zone.users["invest_editor"])  # waits for the head's review
    with django_assert_num_queries(1):
        assert waiting_counts(request, entries) == {"notices": 2, "circulation": 1}

    labels = [
        component.label for component in admin_menu.render_component(request) if component.name == "online-office"
    ]
    assert labels == ["网上办公"]
    children = [
        child.label
        for component in admin_menu.render_component(request)
        if component.name == "online-office"
        for child in component.menu_items
    ]
    assert "通知（2 条未读）" in children and "公文流转（1）" in children
