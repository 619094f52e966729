"""The back-office screens of 办事指南 are in Chinese (the sweep of tests/core, on these views)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.core.test_admin_chinese import data_words, english_words
from tests.utils import logged_in_client
from zoneportal.services.models import Journey, ServiceItem, ServiceTopic

pytestmark = pytest.mark.django_db


def views(services) -> list[tuple[str, str]]:
    item, journey, topic = (model.snippet_viewset for model in (ServiceItem, Journey, ServiceTopic))
    return [
        ("事项列表", reverse(item.get_url_name("list"))),
        ("添加事项", reverse(item.get_url_name("add"))),
        ("编辑事项", reverse(item.get_url_name("edit"), args=(services.filing.pk,))),
        ("一件事列表", reverse(journey.get_url_name("list"))),
        ("添加一件事", reverse(journey.get_url_name("add"))),
        ("编辑一件事", reverse(journey.get_url_name("edit"), args=(services.journey.pk,))),
        ("主题列表", reverse(topic.get_url_name("list"))),
        ("编辑办事指南页", reverse("wagtailadmin_pages:edit", args=(services.page.pk,))),
    ]


@pytest.mark.parametrize("role", ["admin", "reviewer", "invest_editor"])
def test_screens_have_no_english(services, role):
    client = logged_in_client(services.zone.users[role])
    allowed = data_words() | set(ServiceTopic.objects.values_list("slug", flat=True))  # slugs are data
    for name, url in views(services):
        response = client.get(url)
        if response.status_code in (302, 403, 404):
            continue  # not this role's screen (the scope itself is tested in test_admin.py)
        assert response.status_code == 200, (name, response.status_code)
        words = english_words(response.content.decode(), allowed)
        assert not words, f"{name} ({role}) shows English: {', '.join(words)}"
