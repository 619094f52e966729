"""Working days in mainland China: holidays and make-up workdays from chinese-calendar."""

from __future__ import annotations

import datetime

from tests.factories import shanghai
from zoneportal.core.workdays import add_working_days, is_working_day, working_days_between

D = datetime.date


def test_national_day_week_is_not_counted():
    # 2026: 1–7 October are holidays; 30 September (Wednesday) and 8 October (Thursday) are workdays.
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 8)) == 1
    assert add_working_days(D(2026, 9, 30), 1) == D(2026, 10, 8)


def test_make_up_saturday_counts():
    # Saturday 10 October 2026 is a make-up workday (调休); Sunday the 11th is not.
    assert is_working_day(D(2026, 10, 10))
    assert not is_working_day(D(2026, 10, 11))
    assert working_days_between(D(2026, 10, 9), D(2026, 10, 12)) == 2
    assert add_working_days(D(2026, 10, 9), 1) == D(2026, 10, 10)


def test_an_ordinary_weekend():
    friday, monday = D(2026, 11, 20), D(2026, 11, 23)
    assert working_days_between(friday, friday) == 0
    assert working_days_between(friday, D(2026, 11, 21)) == 0
    assert working_days_between(friday, monday) == 1
    assert working_days_between(monday, friday) == 0
    assert add_working_days(friday, 1) == monday
    assert add_working_days(monday, -1) == friday
    assert add_working_days(D(2026, 11, 21), 0) == D(2026, 11, 21)


def test_years_the_calendar_does_not_know_count_monday_to_friday():
    # 1 January 2027 is a Friday: no arrangement is known, so it counts like any Friday.
    assert is_working_day(D(2027, 1, 1))
    assert not is_working_day(D(2027, 1, 2))
    assert working_days_between(D(2026, 12, 31), D(2027, 1, 4)) == 2
    assert add_working_days(D(2026, 12, 31), 2) == D(2027, 1, 4)


def test_datetimes_are_read_in_the_zones_own_time():
    # 23:30 on Friday in Shanghai is still Friday there, though Friday 15:30 in UTC.
    friday_night = shanghai(2026, 11, 20, 23, 30)
    monday_morning = shanghai(2026, 11, 23, 0, 30).astimezone(datetime.UTC)  # Sunday 16:30 UTC
    assert working_days_between(friday_night, monday_morning) == 1
