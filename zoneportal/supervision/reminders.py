"""The daily reminder of 督办事项 within one working day of their deadline, or past it.

Run by the letters' daily task (``letters.tasks.letters_daily``), once a day: each item is reminded at most
once per day (:class:`SupervisionNotice`'s unique constraint — a second run, or two at once, sends nothing
again); each person gets one e-mail listing their items, after the records are committed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.notifications import notify
from zoneportal.core.ownership import office_people
from zoneportal.core.reminders import claim, days_left_text

from . import deadlines, services
from .models import SupervisionItem, SupervisionNotice

FLAG_LABELS = {deadlines.FLAG_OVERDUE: "督办已超期", deadlines.FLAG_NEAR: "督办临近期限"}


@dataclass
class Reminders:
    """What one run did."""

    day: datetime.date
    items: int = 0
    emails: int = 0
    recipients: list[str] = field(default_factory=list)


def _line(item: SupervisionItem, flag: str, today: datetime.date) -> str:
    return _("%(flag)s：%(title)s（%(source)s），牵头部门 %(department)s，督办期限 %(due)s，%(state)s。%(url)s") % {
        "flag": _(FLAG_LABELS[flag]),
        "title": item.title,
        "source": item.get_source_display(),
        "department": item.lead_department.name,
        "due": item.due_on.isoformat(),
        "state": days_left_text(item.due_on, today),
        "url": services.item_url(item),
    }


def run_daily(today: datetime.date | None = None) -> Reminders:
    """Remind the office and the assigned departments' heads of items near or past their deadline."""
    today = today or timezone.localdate()
    report = Reminders(day=today)
    office = list(office_people().exclude(email="").values_list("email", flat=True))
    lines_for: dict[str, list[str]] = {}
    due = (
        SupervisionItem.objects.filter(state=SupervisionItem.State.OPEN, due_on__lt=deadlines.near_limit(today))
        .select_related("lead_department")
        .prefetch_related("departments")
        .order_by("due_on", "pk")
    )
    with transaction.atomic():
        for item in due:
            flag = deadlines.flag(item, today)
            if not claim(SupervisionNotice, day=today, item=item, flag=flag):
                continue
            report.items += 1
            line = _line(item, flag, today)
            heads = services.department_staff(item.departments.all(), heads_only=True).exclude(email="")
            for email in [*office, *heads.values_list("email", flat=True)]:
                lines = lines_for.setdefault(email, [])
                if line not in lines:
                    lines.append(line)
    subject = _("督办事项提醒（%(day)s）") % {"day": today.isoformat()}
    for email, lines in sorted(lines_for.items()):
        if notify(subject=subject, body="\n".join([_("以下督办事项需要尽快办理："), "", *lines]), email=email):
            report.emails += 1
        report.recipients.append(email)
    return report
