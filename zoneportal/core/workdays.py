"""Working days (工作日) in mainland China: weekends, public holidays and make-up workdays (调休).

The holidays and the make-up Saturdays and Sundays come from the ``chinese-calendar``
package, which knows the State Council's arrangements for the years it was released
with (up to 2026 in the pinned version). For a date outside those years there is no
arrangement to read, so Monday to Friday count as working days and Saturday and
Sunday do not. An administrator-editable holiday table is a later issue.

Datetimes are taken in the zone's own time (``TIME_ZONE``) and reduced to their date.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import chinese_calendar
from django.utils import timezone


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    """The local calendar date of ``value``; an aware datetime is read in the zone's own time."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


@lru_cache(maxsize=4096)
def is_working_day(day: datetime.date) -> bool:
    """Whether ``day`` is a working day: the official calendar where known, else Monday to Friday."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        # chinese-calendar raises for years it has no arrangement for.
        return day.weekday() < 5


def working_days_between(start: datetime.date | datetime.datetime, end: datetime.date | datetime.datetime) -> int:
    """How many working days lie after ``start`` up to and including ``end``.

    So an item submitted on a Friday is 1 working day old on Monday and 0 on the
    Saturday; an item submitted today is 0 days old. 0 when ``end`` is not after
    ``start``. Years the calendar does not know count Monday to Friday.
    """
    first, last = _as_date(start), _as_date(end)
    count = 0
    day = first + datetime.timedelta(days=1)
    while day <= last:
        count += is_working_day(day)
        day += datetime.timedelta(days=1)
    return count


def add_working_days(start: datetime.date | datetime.datetime, n: int) -> datetime.date:
    """The date ``n`` working days after ``start`` (before it when ``n`` is negative).

    ``add_working_days(friday, 1)`` is the next Monday (or the next working day after
    a holiday); ``n == 0`` returns ``start``'s date even if it is not a working day.
    Years the calendar does not know count Monday to Friday.
    """
    day = _as_date(start)
    step = datetime.timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day
