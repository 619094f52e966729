"""Overdue and near-deadline items, counted with China's working days (``core.workdays``).

The deadline is a date: an item due today is not overdue today, only from
tomorrow on, and only while it is 整改中 (已整改 and 已销号 items are done). An
item is *near* its deadline when at most ``NEAR_WORKING_DAYS`` working days lie
between today and the deadline (``working_days_between``): due today, or due on
one of the next three working days, or on a weekend or holiday before the
fourth.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.workdays import add_working_days, working_days_between

from .models import RectificationItem

#: An item due within this many working days is flagged 临近期限.
NEAR_WORKING_DAYS = 3

OVERDUE = "overdue"
NEAR = "near"


def today() -> datetime.date:
    """Today in the zone's own time."""
    return timezone.localdate()


def last_near_day(day: datetime.date) -> datetime.date:
    """The last deadline that is still *near* on ``day``: the day before the (N+1)th working day after it."""
    return add_working_days(day, NEAR_WORKING_DAYS + 1) - datetime.timedelta(days=1)


def overdue_q(day: datetime.date | None = None) -> Q:
    """Items past their deadline on ``day`` and still 整改中."""
    return Q(state=RectificationItem.State.IN_PROGRESS, deadline__lt=day or today())


def near_q(day: datetime.date | None = None) -> Q:
    """Items 整改中 due between ``day`` and ``last_near_day(day)``."""
    day = day or today()
    return Q(state=RectificationItem.State.IN_PROGRESS, deadline__gte=day, deadline__lte=last_near_day(day))


def deadline_status(item: RectificationItem, day: datetime.date | None = None) -> str:
    """``OVERDUE``, ``NEAR`` or "" for ``item`` on ``day`` (today by default)."""
    day = day or today()
    if item.state != RectificationItem.State.IN_PROGRESS:
        return ""
    if item.deadline < day:
        return OVERDUE
    if working_days_between(day, item.deadline) <= NEAR_WORKING_DAYS:
        return NEAR
    return ""


def overdue_working_days(item: RectificationItem, day: datetime.date | None = None) -> int:
    """How many working days the deadline lies behind ``day`` (0 when not overdue)."""
    return working_days_between(item.deadline, day or today())


def deadline_label(item: RectificationItem, day: datetime.date | None = None) -> str:
    """What the listing and the dashboard show: 已逾期（N 个工作日）, 临近期限 or ""."""
    day = day or today()
    status = deadline_status(item, day)
    if status == OVERDUE:
        days = overdue_working_days(item, day)
        if days:
            return _("已逾期（%(days)s 个工作日）") % {"days": days}
        return _("已逾期")
    if status == NEAR:
        return _("临近期限（%(date)s 到期）") % {"date": item.deadline.strftime("%Y-%m-%d")}
    return ""
