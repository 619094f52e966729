"""The daily 公文办理提醒: the people a document's step waits for, once the step is due within one working day
or past it.

Run by ``circulation_daily`` (a timer) on working days: each person is reminded of a document at most once a
day (:class:`StepReminder`'s unique constraint — a second run, or two at once, sends nothing again), and gets one
e-mail listing their documents after the records are committed. Recipient departments of a distributed document
are reminded until they complete (办结) their copy.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.notifications import admin_address
from zoneportal.core.reminders import Reminded, days_left_text, remind_once_today
from zoneportal.core.workdays import add_working_days, is_working_day

from . import access
from .models import OfficialDocument, StepReminder

State = OfficialDocument.State
#: A step is reminded from one working day before its deadline.
REMIND_WORKING_DAYS = 1


def document_line(document: OfficialDocument, today: datetime.date) -> str:
    """One line of a reminder: urgency, title, step, its deadline with the working days left, address."""
    return _("【%(urgency)s】%(title)s（%(state)s），办理期限 %(due)s（%(left)s）\n%(url)s") % {
        "urgency": document.get_urgency_display(),
        "title": document.title,
        "state": document.get_state_display(),
        "due": document.step_deadline.isoformat(),
        "left": days_left_text(document.step_deadline, today),
        "url": admin_address(reverse("circulation:document", args=[document.pk])),
    }


def run_daily(today: datetime.date | None = None) -> Reminded:
    """Remind the assignees of every step due within one working day or past; nothing on a day off."""
    today = today or timezone.localdate()
    if not is_working_day(today):
        return Reminded()
    due = OfficialDocument.objects.filter(
        step_deadline__lte=add_working_days(today, REMIND_WORKING_DAYS),
        state__in=[State.REVIEW, State.SIGNING, State.SIGNED, State.DISTRIBUTED],
    ).select_related("department")
    return remind_once_today(
        due.order_by("step_deadline", "pk"),
        people=access.assignees,
        model=StepReminder,
        record=lambda document, person: {"document": document, "user": person, "day": today, "state": document.state},
        line=lambda document: document_line(document, today),
        subject=_("公文办理提醒（%(day)s）") % {"day": today.isoformat()},
        intro=_("以下公文临近或已过办理期限，请登录后台尽快办理："),
    )
