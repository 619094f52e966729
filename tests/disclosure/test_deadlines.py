"""The answer deadline in China's working days: 20 from receipt, across 2026's Mid-Autumn and National Day
holidays and their make-up workdays (chinese-calendar's: 25–27 September and 1–7 October off, Sunday
20 September and Saturday 10 October worked), a correction restarting the clock, a consultation's days
not counting, one extension, and the holiday table overriding the package."""

from __future__ import annotations

import datetime

import pytest

from zoneportal.core.models import Holiday
from zoneportal.core.workdays import holidays_changed
from zoneportal.disclosure import deadlines

D = datetime.date

# The working-day calendar reads the holiday table.
pytestmark = pytest.mark.django_db


def test_the_calendar_these_tests_rely_on():
    """chinese-calendar's 2026 arrangement, as the tests below count with it (not guessed)."""
    from chinese_calendar import is_workday

    assert is_workday(D(2026, 9, 20))  # a Sunday worked
    assert not any(is_workday(D(2026, 9, day)) for day in (25, 26, 27))  # Mid-Autumn, Friday to Sunday
    assert not any(is_workday(D(2026, 10, day)) for day in range(1, 8))  # National Day, 1–7 October
    assert is_workday(D(2026, 10, 8)) and is_workday(D(2026, 10, 10))  # Thursday; the Saturday worked


def test_twenty_working_days_across_the_holidays():
    # From Thursday 24 September: 28, 29, 30 Sep (3); 8, 9, Sat 10 Oct (6); 12–16 (11); 19–23 (16); 26–29 (20).
    assert deadlines.answer_due(D(2026, 9, 24)) == D(2026, 10, 29)


def test_received_on_a_holiday_counts_from_the_next_working_day():
    # Filed on 3 October (a holiday): 8, 9, 10 Oct (3); 12–16 (8); 19–23 (13); 26–30 (18); 2, 3 November (20).
    assert deadlines.answer_due(D(2026, 10, 3)) == D(2026, 11, 3)


def test_received_on_the_make_up_sunday():
    # 20 September is worked, but the day of receipt never counts: 21–24 (4), 28–30 (7), 8–10 Oct (10),
    # 12–16 (15), 19–23 (20).
    assert deadlines.answer_due(D(2026, 9, 20)) == D(2026, 10, 23)


def test_a_correction_restarts_the_clock_from_its_arrival():
    received = D(2026, 9, 24)
    # The applicant's own deadline: 15 working days from the day they are asked (28 Sep): 29, 30 (2),
    # 8–10 Oct (5), 12–16 (10), 19–23 (15).
    assert deadlines.correction_due(D(2026, 9, 28)) == D(2026, 10, 23)
    arrived = D(2026, 10, 9)
    assert deadlines.answer_due(arrived) == D(2026, 11, 5)  # Sat 10 Oct (1), 12–16 (6), 19–23, 26–30 (16), 2–5 Nov
    assert deadlines.answer_due(arrived) > deadlines.answer_due(received)


def test_consultation_days_do_not_count():
    # Sent on 30 September, answered on 12 October: 8, 9, 10 and 12 October were the third party's.
    paused = deadlines.paused_working_days(D(2026, 9, 30), D(2026, 10, 12))
    assert paused == 4
    assert deadlines.answer_due(D(2026, 9, 24), paused_days=paused) == D(2026, 11, 4)
    # Sent and answered on the same day: nothing to add.
    assert deadlines.paused_working_days(D(2026, 10, 12), D(2026, 10, 12)) == 0


def test_the_extension_adds_working_days():
    assert deadlines.answer_due(D(2026, 9, 24), extension_days=20) == D(2026, 11, 26)
    assert deadlines.answer_due(D(2026, 9, 24), paused_days=4, extension_days=1) == D(2026, 11, 5)


def test_the_holiday_table_overrides_the_package():
    # The office marks Friday 30 October a day off and Saturday 31 October a workday (as if rearranged).
    Holiday.objects.create(date=D(2026, 10, 29), kind=Holiday.Kind.DAY_OFF, name="调整")
    holidays_changed()
    assert deadlines.answer_due(D(2026, 9, 24)) == D(2026, 10, 30)
    Holiday.objects.create(date=D(2026, 10, 31), kind=Holiday.Kind.WORKDAY, name="调整")
    Holiday.objects.create(date=D(2026, 10, 30), kind=Holiday.Kind.DAY_OFF, name="调整")
    holidays_changed()
    assert deadlines.answer_due(D(2026, 9, 24)) == D(2026, 10, 31)


@pytest.mark.parametrize(
    ("due", "today", "flag"),
    [
        (D(2026, 9, 30), D(2026, 10, 8), deadlines.OVERDUE),  # passed before the holiday
        (D(2026, 10, 8), D(2026, 10, 8), deadlines.NEAR),  # due today
        (D(2026, 10, 12), D(2026, 9, 30), deadlines.NEAR),  # 12 calendar days, 4 working days (8, 9, 10, 12)
        (D(2026, 10, 13), D(2026, 9, 30), deadlines.NEAR),  # the 5th working day
        (D(2026, 10, 14), D(2026, 9, 30), ""),  # the 6th
        (None, D(2026, 9, 30), ""),  # the clock stands still
    ],
)
def test_flags_count_working_days(due, today, flag):
    assert deadlines.deadline_flag(due, today) == flag


def test_last_near_day_agrees_with_the_flag():
    today = D(2026, 9, 30)
    last = deadlines.last_near_day(today)
    assert deadlines.deadline_flag(last, today) == deadlines.NEAR
    assert deadlines.deadline_flag(last + datetime.timedelta(days=1), today) == ""
