"""Deadlines of 督办事项 in working days (``core.workdays``, holidays and 调休 included).

The same rule as the letters' flags: **临近期限** when at most :data:`NEAR_WORKING_DAYS` working day is left
(due today or on the next working day), **已超期** once the deadline has passed.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.workdays import add_working_days

from .models import SupervisionItem

#: An item with this many working days left, or fewer, is near its deadline.
NEAR_WORKING_DAYS = 1

FLAG_OVERDUE = "overdue"
FLAG_NEAR = "near"


def near_limit(today: datetime.date) -> datetime.date:
    """Open items (and letters) due before this date, and not before ``today``, are near their deadline."""
    return add_working_days(today, NEAR_WORKING_DAYS + 1)


def due_on(*, date: datetime.date | None = None, working_days: int | None = None) -> datetime.date:
    """A deadline given as a date, or as a number of working days from today."""
    if date is not None:
        return date
    if working_days is None:
        raise ValidationError(_("请填写督办期限（日期或工作日数）。"))
    return add_working_days(timezone.localdate(), working_days)


def flag(item: SupervisionItem, today: datetime.date | None = None) -> str:
    """``FLAG_OVERDUE``, ``FLAG_NEAR`` or "" for an item (closed and withdrawn items have no flag)."""
    today = today or timezone.localdate()
    if not item.is_open:
        return ""
    if item.due_on < today:
        return FLAG_OVERDUE
    return FLAG_NEAR if item.due_on < near_limit(today) else ""


def overdue(items: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """The open items of ``items`` past their deadline."""
    return items.filter(state=SupervisionItem.State.OPEN, due_on__lt=today or timezone.localdate())


def near(items: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """The open items of ``items`` due today or on the next working day."""
    today = today or timezone.localdate()
    return items.filter(state=SupervisionItem.State.OPEN, due_on__gte=today, due_on__lt=near_limit(today))
