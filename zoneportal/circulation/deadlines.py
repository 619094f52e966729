"""Step deadlines of the circulation, in working days (core/workdays.py, with chinese-calendar).

Each step gets a number of working days from the day it starts; a recipient department
gets the document's 办理时限. A step or a copy past its deadline is overdue (逾期).
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from zoneportal.core.workdays import add_working_days

from .models import Distribution, OfficialDocument

State = OfficialDocument.State

#: Working days each step may take: 审核, 签发, and the office's 分发 after signing.
STEP_WORKING_DAYS = {State.REVIEW: 3, State.SIGNING: 2, State.SIGNED: 1}


def step_deadline(state: str, start: datetime.date, handling_days: int = 0) -> datetime.date | None:
    """The deadline of the step ``state`` begun on ``start`` (分发: the recipients' ``handling_days``)."""
    if state == State.DISTRIBUTED:
        return add_working_days(start, handling_days)
    days = STEP_WORKING_DAYS.get(state)
    return add_working_days(start, days) if days else None


def is_overdue(document: OfficialDocument, today: datetime.date | None = None) -> bool:
    """Whether the document's current step has passed its deadline."""
    today = today or timezone.localdate()
    return document.step_deadline is not None and document.state != State.ARCHIVED and today > document.step_deadline


def distribution_overdue(distribution: Distribution, today: datetime.date | None = None) -> bool:
    """Whether a recipient department has not completed (办结) its copy by its deadline."""
    today = today or timezone.localdate()
    return distribution.done_at is None and today > distribution.deadline


def overdue_q(today: datetime.date | None = None) -> Q:
    """Documents whose current step is overdue, as a filter."""
    today = today or timezone.localdate()
    return Q(step_deadline__lt=today) & ~Q(state=State.ARCHIVED)
