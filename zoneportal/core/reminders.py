"""Pieces every daily reminder shares (通知签收, 督办事项, 公文办理, 信件督办): the once-a-day record, the
working days left in words, one e-mail per person listing their lines."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from .notifications import notify
from .workdays import working_days_left


def claim(model: type[models.Model], **fields) -> bool:
    """Record a reminder as a row of ``model`` (unique per thing, person or flag, and day); False when today's
    was recorded already — by an earlier run or one running at the same moment."""
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True


def days_left_text(deadline: datetime.date, today: datetime.date) -> str:
    """“剩余 N 个工作日” or, once ``deadline`` has passed, “已超期 N 个工作日”."""
    days = working_days_left(deadline, today)
    if days < 0:
        return _("已超期 %(days)s 个工作日") % {"days": -days}
    return _("剩余 %(days)s 个工作日") % {"days": days}


def send_digests(lines_for: dict[str, list[str]], subject: str, intro: str) -> int:
    """One e-mail per address listing its lines under ``intro``; returns how many went out."""
    sent = 0
    for email, lines in sorted(lines_for.items()):
        sent += notify(subject=subject, body="\n\n".join([intro, *lines]), email=email)
    return sent


@dataclass
class Reminded:
    """What a reminder run did: people reminded, reminders already sent today, e-mails sent."""

    reminded: int = 0
    already: int = 0
    emails: int = 0


def remind_once_today(
    due: Iterable[Any],
    *,
    people: Callable[[Any], Iterable],
    model: type[models.Model],
    record: Callable[[Any, Any], dict[str, Any]],
    line: Callable[[Any], str],
    subject: str,
    intro: str,
) -> Reminded:
    """Remind ``people(thing)`` of each due thing, each person at most once a day, one e-mail per person.

    ``record(thing, person)`` gives the fields of today's ``model`` row (its unique constraint is what makes it
    once a day); the rows are written in one transaction, the e-mails sent after it (a failed e-mail loses
    nothing).
    """
    result = Reminded()
    lines_for: dict[str, list[str]] = {}
    with transaction.atomic():
        for thing in due:
            for person in people(thing):
                if not claim(model, **record(thing, person)):
                    result.already += 1
                    continue
                result.reminded += 1
                if person.email:
                    lines_for.setdefault(person.email, []).append(line(thing))
    result.emails = send_digests(lines_for, subject, intro)
    return result
