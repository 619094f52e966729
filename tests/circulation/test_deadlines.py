"""Step deadlines count working days with the State Council's holidays (chinese-calendar)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from zoneportal.circulation import deadlines, services
from zoneportal.circulation.models import Distribution, OfficialDocument
from zoneportal.core.workdays import add_working_days

State = OfficialDocument.State

pytestmark = pytest.mark.django_db  # the holiday table is read first


def test_review_started_before_national_day_ends_after_the_holiday():
    # 2025: 1–8 October off, Saturday 11 October a make-up workday (调休).
    start = datetime.date(2025, 9, 30)
    assert deadlines.step_deadline(State.REVIEW, start) == datetime.date(2025, 10, 11)
    assert deadlines.step_deadline(State.SIGNING, start) == datetime.date(2025, 10, 10)
    assert deadlines.step_deadline(State.DISTRIBUTED, start, handling_days=5) == datetime.date(2025, 10, 14)
    assert deadlines.step_deadline(State.DRAFT, start) is None


def test_overdue_flags(zone):
    document = OfficialDocument(state=State.REVIEW, step_deadline=datetime.date(2025, 10, 11))
    assert not deadlines.is_overdue(document, today=datetime.date(2025, 10, 11))
    assert deadlines.is_overdue(document, today=datetime.date(2025, 10, 13))
    document.state = State.ARCHIVED
    assert not deadlines.is_overdue(document, today=datetime.date(2025, 10, 13))
    copy = Distribution(deadline=datetime.date(2025, 10, 15))
    assert deadlines.distribution_overdue(copy, today=datetime.date(2025, 10, 16))
    assert not deadlines.distribution_overdue(copy, today=datetime.date(2025, 10, 15))


def test_each_step_starts_its_clock(zone, draft):
    document = services.submit(draft, user=zone.users["invest_editor"])
    today = timezone.localdate()
    assert document.step_deadline == add_working_days(today, deadlines.STEP_WORKING_DAYS[State.REVIEW])
    assert not OfficialDocument.objects.filter(deadlines.overdue_q(today)).exists()
    assert OfficialDocument.objects.filter(deadlines.overdue_q(document.step_deadline + datetime.timedelta(days=1)))
