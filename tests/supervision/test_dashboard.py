"""督办事项提醒 on the dashboard: the flagged open items of the user's departments, overdue first."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.supervision.test_items import instruction_form
from tests.utils import logged_in_client, soup
from zoneportal.supervision import services
from zoneportal.supervision.models import SupervisionItem

pytestmark = pytest.mark.django_db


def assigned(zone, title: str, due_on: datetime.date, lead: str = "invest") -> SupervisionItem:
    office = logged_in_client(zone.users["reviewer"])
    office.post(
        reverse("supervision:create"), instruction_form(zone, title=title, lead_department=zone.departments[lead].pk)
    )
    item = SupervisionItem.objects.get(title=title)
    SupervisionItem.objects.filter(pk=item.pk).update(due_on=due_on)
    return item


def panel(user):
    return soup(logged_in_client(user).get(reverse("wagtailadmin_home"))).find(id="supervision-deadlines-section")


def test_overdue_and_near_items_of_ones_departments(zone):
    today = timezone.localdate()
    late = assigned(zone, "已超期的督办事项", today - datetime.timedelta(days=30))
    assigned(zone, "今天到期的督办事项", today)
    assigned(zone, "下月到期的督办事项", today + datetime.timedelta(days=40))
    closed = assigned(zone, "已办结的督办事项", today - datetime.timedelta(days=30))
    services.close(SupervisionItem.objects.get(pk=closed.pk), zone.users["reviewer"], "已完成。")

    office = panel(zone.users["reviewer"])
    rows = [row.find("a").get_text() for row in office.select("tbody tr")]
    assert rows == ["已超期的督办事项", "今天到期的督办事项"]  # the overdue first; far and closed items left out
    assert "已超期 1 项" in office.get_text() and "临近期限 1 项" in office.get_text()
    assert office.find("a", href=f"/admin/supervision/{late.pk}/")
    assert office.find("a", href="/admin/supervision/?flag=overdue")

    # 财政分局 assists on every item here: it sees them too; a department with none sees no panel.
    assert len(panel(zone.users["finance_editor"]).select("tbody tr")) == 2
    SupervisionItem.objects.filter(state=SupervisionItem.State.OPEN).update(due_on=today + datetime.timedelta(days=40))
    assert panel(zone.users["reviewer"]) is None
