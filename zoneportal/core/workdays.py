"""Working days (工作日) in mainland China: weekends, public holidays and make-up workdays (调休).

Every deadline in the portal counts with this module. Where a date's answer comes from,
first match wins:

1. the holiday table (``core.Holiday``, 节假日安排 under 设置 in the back office): the
   committee office enters each day of a year's State Council arrangement as 放假 or
   调休上班 when it is published — for years the package below does not know yet, or to
   correct it;
2. the ``chinese-calendar`` package, for the years it was released with (up to 2026 in
   the pinned 1.11.0);
3. otherwise Monday to Friday are working days and Saturday and Sunday are not.

The functions are called in loops (a dashboard ages every waiting item), so each process
keeps the table and its answers in memory. They stay correct after an edit in any process:
the memory is keyed by the page-cache generation (``portal.page_cache.current_generation``,
a small file or a Redis key every process reads in microseconds), which an edit of the
table moves on once it is committed — pages showing a deadline are stale then too. Each
public call reads the generation once, not once per day it counts.

Datetimes are taken in the zone's own time (``TIME_ZONE``) and reduced to their date.
"""

from __future__ import annotations

import datetime

from chinese_calendar.constants import holidays as _calendar_holidays
from chinese_calendar.constants import workdays as _calendar_workdays
from django.db import connection, transaction
from django.utils import timezone

from zoneportal.portal.page_cache import current_generation, invalidate_page_cache

#: The years ``chinese-calendar`` has an arrangement for.
CALENDAR_YEARS = range(min(_calendar_holidays).year, max(_calendar_holidays).year + 1)

#: Answers remembered per process before the memory is started afresh (any realistic use stays below).
MEMO_LIMIT = 50_000


def _official(day: datetime.date) -> bool:
    """``chinese-calendar``'s answer where it knows the year, else Monday to Friday.

    Its tables are read directly: ``chinese_calendar.is_workday`` works out the range
    of years it knows on every call, which costs more than the whole lookup.
    """
    if day.year in CALENDAR_YEARS:
        return day in _calendar_workdays or (day.weekday() < 5 and day not in _calendar_holidays)
    return day.weekday() < 5


class _Calendar:
    """The holiday table as one process holds it, and the answers worked out from it so far."""

    def __init__(self, key: tuple[str, str] | None, overrides: dict[datetime.date, bool]) -> None:
        self.key = key
        self.overrides = overrides  # date -> is a working day
        self.memo: dict[datetime.date, bool] = {}

    def is_working_day(self, day: datetime.date) -> bool:
        answer = self.memo.get(day)
        if answer is None:
            answer = self.overrides.get(day)
            if answer is None:
                answer = _official(day)
            if len(self.memo) >= MEMO_LIMIT:
                self.memo = {}
            self.memo[day] = answer
        return answer


_current = _Calendar(None, {})


def _load() -> dict[datetime.date, bool]:
    from .models import Holiday  # models import nothing of this module; deferred for app loading

    return {day: kind == Holiday.Kind.WORKDAY for day, kind in Holiday.objects.values_list("date", "kind")}


def _calendar() -> _Calendar:
    """This process's calendar, loaded again when the holiday table may have changed."""
    global _current
    key = (connection.settings_dict["NAME"], current_generation())
    calendar = _current
    if calendar.key != key:
        calendar = _current = _Calendar(key, _load())
    return calendar


def forget() -> None:
    """Drop this process's copy of the holiday table; the next call reads it again."""
    global _current
    _current = _Calendar(None, {})


def holidays_changed() -> None:
    """Call after the holiday table changed: this process forgets at once, every process once committed.

    The model's signals call it for saves and deletes; code writing rows in bulk calls it itself.
    """
    forget()
    # After the commit, not before: a process reading the new generation must find the new rows.
    transaction.on_commit(invalidate_page_cache)


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    """The local calendar date of ``value``; an aware datetime is read in the zone's own time."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def is_working_day(day: datetime.date | datetime.datetime) -> bool:
    """Whether ``day`` is a working day: the holiday table, else the official calendar, else Monday to Friday."""
    return _calendar().is_working_day(_as_date(day))


def working_days_between(start: datetime.date | datetime.datetime, end: datetime.date | datetime.datetime) -> int:
    """How many working days lie after ``start`` up to and including ``end``.

    So an item submitted on a Friday is 1 working day old on Monday and 0 on the
    Saturday; an item submitted today is 0 days old. 0 when ``end`` is not after
    ``start``.
    """
    first, last = _as_date(start), _as_date(end)
    calendar = _calendar()
    count = 0
    day = first + datetime.timedelta(days=1)
    one_day = datetime.timedelta(days=1)
    while day <= last:
        count += calendar.is_working_day(day)
        day += one_day
    return count


def add_working_days(start: datetime.date | datetime.datetime, n: int) -> datetime.date:
    """The date ``n`` working days after ``start`` (before it when ``n`` is negative).

    ``add_working_days(friday, 1)`` is the next Monday (or the next working day after
    a holiday); ``n == 0`` returns ``start``'s date even if it is not a working day.
    """
    day = _as_date(start)
    calendar = _calendar()
    step = datetime.timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def calendar_knows(year: int) -> bool:
    """Whether ``chinese-calendar`` has the State Council's arrangement for ``year``."""
    return year in CALENDAR_YEARS


def year_is_arranged(year: int) -> bool:
    """Whether ``year``'s holidays are known: from ``chinese-calendar`` or from rows of the holiday table."""
    from .models import Holiday

    return calendar_knows(year) or Holiday.objects.filter(date__year=year).exists()


def working_days_left(deadline: datetime.date, today: datetime.date | None = None) -> int:
    """Working days from ``today`` (the zone's today by default) until ``deadline``; negative once it has passed."""
    today = today or timezone.localdate()
    if today <= deadline:
        return working_days_between(today, deadline)
    return -working_days_between(deadline, today)
