"""督办: letters near or past their deadline, letters unanswered for three months, supervision orders.

Who sees what (checked by the views, not only by hiding menu items):

- **The office** (办公室): administrators, the committee office's reviewers (``管委会办公室审核``) and the
  heads of an office-kind department see every department's letters, issue and close supervision orders,
  and get the daily reminders of every department.
- **A department head** sees their department's flagged letters, its supervision orders (and reports
  what was done on them) and its statistics, and gets the daily reminders of their department.
- **A department's editors** (the handlers) see the red three-month banner and the duplicates of their
  department's letters; the 督办 list and the statistics are not theirs.

The flags, counted with ``core.workdays``:

- **近期限** (near): open, and at most :data:`NEAR_WORKING_DAYS` (1) working day left — due today or on
  the next working day (a letter due on the Thursday after a week of holidays is "near" the day before
  the holidays begin).
- **已超期** (overdue): open and its ``due_on`` has passed.
- **超三个月未答复** (three months): open, never answered (``replied_at`` empty: a letter reopened
  after its reply had an answer) and received three months ago — counted in calendar days from the
  local date of receipt, on the day 3 calendar months *or* 90 days have passed, whichever comes first
  (February makes three months shorter than 90 days), because an unanswered message older than three
  months fails the national inspection of government websites.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.models import Department
from zoneportal.core.notifications import admin_address, notify
from zoneportal.core.ownership import is_office, office_people, roles, user_departments
from zoneportal.core.reminders import claim, days_left_text
from zoneportal.supervision import services as supervision
from zoneportal.supervision.deadlines import NEAR_WORKING_DAYS, near_limit  # noqa: F401 (one rule, shown by 督办)
from zoneportal.supervision.models import SupervisionItem

from .models import OPEN_STATUSES, Letter, OversightNotice

logger = logging.getLogger(__name__)

#: The national inspection's limit for an unanswered message, in calendar days (and 3 calendar months).
THREE_MONTHS_DAYS = 90

FLAG_THREE_MONTHS = "three_months"
FLAG_OVERDUE = "overdue"
FLAG_NEAR = "near"

FLAG_LABELS = {
    FLAG_THREE_MONTHS: "超三个月未答复",
    FLAG_OVERDUE: "已超期",
    FLAG_NEAR: "临近期限",
}


# ---- who ------------------------------------------------------------------------------------------------


def headed_departments(user) -> QuerySet:
    """The departments ``user`` heads (负责人)."""
    if not getattr(user, "is_authenticated", False):
        return Department.objects.none()
    return Department.objects.filter(heads_group__user=user).distinct()


def may_oversee(user) -> bool:
    """Whether ``user`` may open the 督办 list and the statistics (the office and department heads)."""
    return is_office(user) or bool(roles(user).head_of)


def overseen_letters(user) -> QuerySet:
    """Letters in the 督办 list and the statistics of ``user``: all for the office, else their headed departments'."""
    if is_office(user):
        return Letter.objects.all()
    return Letter.objects.filter(department__in=headed_departments(user))


def handled_letters(user) -> QuerySet:
    """Letters ``user`` may look at as a handler: all for the office, else their departments' (editor or head)."""
    if is_office(user):
        return Letter.objects.all()
    return Letter.objects.filter(department__in=user_departments(user))


# ---- the flags ------------------------------------------------------------------------------------------


def _months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` calendar months earlier (the month's last day when it has fewer days)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))


def three_months_cutoff(today: datetime.date) -> datetime.date:
    """The last local receipt date that counts as three months old on ``today`` (the earlier rule wins)."""
    by_days = today - datetime.timedelta(days=THREE_MONTHS_DAYS)
    by_months = _months_before(today, 3)
    return max(by_days, by_months)


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def open_letters(letters: QuerySet | None = None) -> QuerySet:
    """The open letters (the clock runs) of ``letters``."""
    return (Letter.objects.all() if letters is None else letters).filter(status__in=OPEN_STATUSES)


def overdue_letters(letters: QuerySet | None = None, today: datetime.date | None = None) -> QuerySet:
    """Open letters whose deadline has passed."""
    today = today or timezone.localdate()
    return open_letters(letters).filter(due_on__lt=today)


def near_letters(letters: QuerySet | None = None, today: datetime.date | None = None) -> QuerySet:
    """Open letters due today or on the next working day."""
    today = today or timezone.localdate()
    return open_letters(letters).filter(due_on__gte=today, due_on__lt=near_limit(today))


def three_month_condition(today: datetime.date) -> Q:
    """Open letters never answered and received three months ago or earlier, as a filter."""
    received_before = _start_of_day(three_months_cutoff(today) + datetime.timedelta(days=1))
    return Q(status__in=OPEN_STATUSES, replied_at__isnull=True, received_at__lt=received_before)


def three_month_letters(letters: QuerySet | None = None, today: datetime.date | None = None) -> QuerySet:
    """Open letters never answered and received three months ago or earlier (see the module docstring)."""
    return (Letter.objects.all() if letters is None else letters).filter(
        three_month_condition(today or timezone.localdate())
    )


def letter_flags(letter: Letter, today: datetime.date | None = None) -> list[str]:
    """The flags of one letter, most serious first."""
    today = today or timezone.localdate()
    if not letter.is_open:
        return []
    flags = []
    received = timezone.localdate(letter.received_at)
    if letter.replied_at is None and received <= three_months_cutoff(today):
        flags.append(FLAG_THREE_MONTHS)
    if letter.due_on < today:
        flags.append(FLAG_OVERDUE)
    elif letter.due_on < near_limit(today):
        flags.append(FLAG_NEAR)
    return flags


def open_orders(orders: QuerySet | None = None) -> QuerySet:
    """Letters' supervision orders (督办事项 from a letter) still 督办中."""
    orders = SupervisionItem.objects.filter(source=SupervisionItem.Source.LETTER) if orders is None else orders
    return orders.filter(state=SupervisionItem.State.OPEN)


def overseen_orders(user) -> QuerySet:
    """The letters' supervision orders ``user`` oversees: all for the office, else their headed departments'."""
    orders = SupervisionItem.objects.filter(source=SupervisionItem.Source.LETTER)
    if is_office(user):
        return orders
    return orders.filter(departments__in=headed_departments(user)).distinct()


@dataclass
class Overview:
    """What the 督办 list and the dashboard panel show for one user."""

    three_months: list[Letter]
    overdue: list[Letter]
    near: list[Letter]
    orders: list[SupervisionItem]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not (self.three_months or self.overdue or self.near or self.orders)


def overview(user, today: datetime.date | None = None, limit: int | None = None) -> Overview:
    """The flagged letters and open orders ``user`` oversees (``limit`` of each, oldest deadline first)."""
    today = today or timezone.localdate()
    letters = overseen_letters(user).select_related("department", "mailbox")

    querysets = {
        "three_months": three_month_letters(letters, today).order_by("received_at"),
        "overdue": overdue_letters(letters, today).order_by("due_on", "received_at"),
        "near": near_letters(letters, today).order_by("due_on", "received_at"),
        "orders": open_orders(overseen_orders(user))
        .select_related("letter", "lead_department", "issued_by")
        .prefetch_related("reports")
        .order_by("due_on", "issued_at"),
    }
    lists = {name: list(queryset[:limit] if limit else queryset) for name, queryset in querysets.items()}
    counts = {
        name: (queryset.count() if limit and len(lists[name]) == limit else len(lists[name]))
        for name, queryset in querysets.items()
    }
    return Overview(**lists, counts=counts)


def banner_letters(user, today: datetime.date | None = None) -> QuerySet:
    """The three-month letters of the red banner: the office sees all, a department's staff their own."""
    return three_month_letters(handled_letters(user), today).order_by("received_at")


# ---- supervision orders ---------------------------------------------------------------------------------


def issue_order(
    letter: Letter,
    user,
    *,
    instructions: str,
    due_on: datetime.date | None = None,
    working_days: int | None = None,
) -> SupervisionItem:
    """Issue a 督办单 on ``letter`` to its department: a 督办事项 of source 来信督办 (only the office may).

    Reporting on it and closing it go through ``supervision.services`` like every other item.
    """
    with transaction.atomic():
        current = Letter.objects.select_for_update().get(pk=letter.pk)
        if not current.is_open:
            raise ValidationError(_("信件已办结，无需督办。"))
        return supervision.assign(
            user=user,
            title=_("来信督办：%(number)s《%(subject)s》")
            % {"number": current.tracking_number, "subject": current.subject},
            source=SupervisionItem.Source.LETTER,
            letter=current,
            lead_department=current.department,
            requirements=instructions,
            due_on=due_on,
            working_days=working_days,
        )


# ---- the daily check ------------------------------------------------------------------------------------


@dataclass
class DailyReport:
    """What one run of the daily check did."""

    day: datetime.date
    letters: int = 0
    emails: int = 0
    recipients: list[str] = field(default_factory=list)


def _admin_url(name: str, *args) -> str:
    return admin_address(reverse(name, args=args))


def _letter_line(letter: Letter, flag: str, today: datetime.date) -> str:
    if flag == FLAG_THREE_MONTHS:
        state = _("收信已 %(days)s 天未答复") % {"days": (today - timezone.localdate(letter.received_at)).days}
    else:
        state = days_left_text(letter.due_on, today)
    return _("%(flag)s：%(number)s《%(subject)s》，%(department)s，答复期限 %(due)s，%(state)s。%(url)s") % {
        "flag": _(FLAG_LABELS[flag]),
        "number": letter.tracking_number,
        "subject": letter.subject,
        "department": letter.department.name,
        "due": letter.due_on.isoformat(),
        "state": state,
        "url": _admin_url("letters_oversight:letter", letter.pk),
    }


def run_daily(today: datetime.date | None = None) -> DailyReport:
    """Remind the department heads and the office of flagged letters, once a day.

    Each letter is reminded at most once per day, with its most serious flag: a
    second run the same day — or two at once — finds today's :class:`OversightNotice` and sends
    nothing again. Each person gets one e-mail listing their letters, after the records are committed.
    """
    today = today or timezone.localdate()
    report = DailyReport(day=today)
    office = list(office_people().exclude(email=""))
    lines_for: dict[str, list[str]] = {}
    heads_of: dict[int, list] = {}

    def add(line: str, department: Department) -> None:
        if department.pk not in heads_of:
            heads_of[department.pk] = list(
                supervision.department_staff([department], heads_only=True).exclude(email="")
            )
        for person in [*office, *heads_of[department.pk]]:
            lines = lines_for.setdefault(person.email, [])
            if line not in lines:
                lines.append(line)

    received_before = _start_of_day(three_months_cutoff(today) + datetime.timedelta(days=1))
    flagged = (
        open_letters()
        .filter(Q(due_on__lt=near_limit(today)) | Q(replied_at__isnull=True, received_at__lt=received_before))
        .select_related("department")
        .order_by("due_on", "pk")
    )
    with transaction.atomic():
        for letter in flagged:
            flag = letter_flags(letter, today)[0]
            if claim(OversightNotice, day=today, flag=flag, letter=letter):
                report.letters += 1
                add(_letter_line(letter, flag, today), letter.department)

    subject = _("来信督办提醒（%(day)s）") % {"day": today.isoformat()}
    for email, lines in sorted(lines_for.items()):
        body = "\n".join([_("以下来信需要尽快办理："), "", *lines])
        if notify(subject=subject, body=body, email=email):
            report.emails += 1
        report.recipients.append(email)
    return report


# ---- the demo -------------------------------------------------------------------------------------------


DEMO_ORDER_INSTRUCTIONS = "该信件已超过答复期限，请承办部门负责人亲自过问，尽快答复来信人，并反馈办理情况。"


def issue_demo_order(issuer) -> SupervisionItem | None:
    """The demo's supervision order: on the most overdue open letter, once (None if there is none)."""
    if SupervisionItem.objects.filter(requirements=DEMO_ORDER_INSTRUCTIONS).exists():
        return None
    letter = overdue_letters().order_by("due_on", "pk").first()
    if letter is None or issuer is None:
        return None
    return issue_order(letter, issuer, instructions=DEMO_ORDER_INSTRUCTIONS, working_days=3)
