"""Overdue and near-deadline flags, counted in China's working days (National Day 2025 in the way)."""

from __future__ import annotations

import datetime

import pytest

from zoneportal.rectification import deadlines
from zoneportal.rectification.models import RectificationItem

State = RectificationItem.State
D = datetime.date
#: Tuesday before the 2025 National Day holiday (1–8 October); 11 October, a Saturday, is a working day.
EVE = D(2025, 9, 30)

# The working-day calendar reads the holiday table.
pytestmark = pytest.mark.django_db


def item(deadline: datetime.date, state: str = State.IN_PROGRESS) -> RectificationItem:
    return RectificationItem(title="事项", deadline=deadline, state=state)


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        (D(2025, 9, 29), deadlines.OVERDUE),  # yesterday
        (D(2025, 9, 30), deadlines.NEAR),  # due today: not overdue yet
        (D(2025, 10, 8), deadlines.NEAR),  # 8 calendar days, 0 working days
        (D(2025, 10, 11), deadlines.NEAR),  # the make-up Saturday is the 3rd working day
        (D(2025, 10, 12), deadlines.NEAR),  # Sunday before the 4th
        (D(2025, 10, 13), ""),  # the 4th working day
    ],
)
def test_status_by_working_days(deadline, expected):
    assert deadlines.deadline_status(item(deadline), EVE) == expected


def test_done_items_are_never_flagged():
    for state in (State.RECTIFIED, State.CLOSED):
        assert deadlines.deadline_status(item(D(2025, 9, 1), state), EVE) == ""


def test_overdue_days_and_labels_count_working_days():
    late = item(D(2025, 9, 26))
    # 28 September (a Sunday worked), 29, 30 September and 9 October.
    assert deadlines.overdue_working_days(late, D(2025, 10, 9)) == 4
    assert deadlines.deadline_label(late, D(2025, 10, 9)) == "已逾期（4 个工作日）"
    # Overdue since a holiday began: overdue, though no working day has passed.
    assert deadlines.deadline_label(item(D(2025, 10, 1)), D(2025, 10, 3)) == "已逾期"
    assert deadlines.deadline_label(item(D(2025, 10, 11)), EVE) == "临近期限（2025-10-11 到期）"
    assert deadlines.deadline_label(item(D(2025, 10, 20)), EVE) == ""


@pytest.mark.django_db
def test_the_queries_agree_with_the_flags(zone):
    office = zone.departments["office"]
    dates = [EVE + datetime.timedelta(days=n) for n in range(-3, 20)]
    for number, deadline in enumerate(dates):
        RectificationItem.objects.create(
            title=f"事项{number}", description="描述", source_kind="other", department=office,
            responsible_person="某人", deadline=deadline,
        )  # fmt: skip
    RectificationItem.objects.create(
        title="已整改", description="描述", source_kind="other", department=office, responsible_person="某人",
        deadline=D(2025, 9, 1), state=State.RECTIFIED,
    )  # fmt: skip
    every = list(RectificationItem.objects.all())
    overdue = set(RectificationItem.objects.filter(deadlines.overdue_q(EVE)).values_list("pk", flat=True))
    near = set(RectificationItem.objects.filter(deadlines.near_q(EVE)).values_list("pk", flat=True))
    assert overdue == {i.pk for i in every if deadlines.deadline_status(i, EVE) == deadlines.OVERDUE}
    assert near == {i.pk for i in every if deadlines.deadline_status(i, EVE) == deadlines.NEAR}
    assert len(overdue) == 3 and len(near) == 13  # 30 September to 12 October
