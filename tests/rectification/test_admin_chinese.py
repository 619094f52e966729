"""Every ledger screen in the back office reads in Chinese (the sweep of tests/core/test_admin_chinese.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.core.test_admin_chinese import data_words, english_words
from tests.utils import logged_in_client
from zoneportal.rectification import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["reviewer", "invest_editor"])
def test_ledger_views_have_no_english(zone, ledger, role):
    services.report_rectified(ledger.office_item, user=zone.users["reviewer"], evidence_text="已整改")
    item, done = ledger.invest_item, ledger.office_item
    urls = {
        "index": reverse("rectification_item:index"),
        "filtered": reverse("rectification_item:index") + "?deadline_status=overdue",
        "add": reverse("rectification_item:add"),
        "edit": reverse("rectification_item:edit", args=[item.pk]),
        "history": reverse("rectification_item:history", args=[item.pk]),
        "inspect": reverse("rectification_item:inspect", args=[item.pk]),
        "rectified": reverse("rectification_item:rectified", args=[item.pk]),
        "dashboard": reverse("wagtailadmin_home"),
    }
    if role == "reviewer":
        urls["close"] = reverse("rectification_item:close", args=[done.pk])
        urls["return"] = reverse("rectification_item:return", args=[done.pk])
        urls["edit-done"] = reverse("rectification_item:edit", args=[done.pk])
    else:
        urls["refused-close"] = reverse("rectification_item:close", args=[item.pk])
    client = logged_in_client(zone.users[role])
    for view, url in urls.items():
        response = client.get(url)
        assert response.status_code in (200, 403), (view, response.status_code)
        words = english_words(response.content.decode(), data_words())
        assert not words, f"{view} ({role}) shows English: {', '.join(words)}"
