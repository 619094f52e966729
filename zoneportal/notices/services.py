"""The only code that changes a notice: draft, publish, withdraw, open (已读), sign (已签收), remind (催办).

Each function checks who acts and from which state, writes in one transaction and logs the step in
Wagtail's ``ModelLogEntry`` (who, when, what). A refused step raises :class:`NoticeRefused` (a Chinese
message) or ``PermissionDenied`` and changes nothing. E-mails go out after the commit.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from zoneportal.core.models import Department
from zoneportal.core.notifications import admin_address
from zoneportal.core.reminders import Reminded, claim, days_left_text, remind_once_today, send_digests
from zoneportal.core.workdays import add_working_days, is_working_day

from . import access
from .models import Notice, NoticeAttachment, NoticeReceipt, NoticeReminder

State = Notice.State

#: Audit-log actions (registered with their labels in wagtail_hooks.py).
ACTION_CREATE = "notices.create"
ACTION_EDIT = "notices.edit"
ACTION_PUBLISH = "notices.publish"
ACTION_WITHDRAW = "notices.withdraw"
ACTION_READ = "notices.read"
ACTION_SIGN = "notices.sign"
ACTION_REMIND = "notices.remind"

#: The daily reminder covers notices with this many working days left, or fewer (and those past).
REMIND_WORKING_DAYS = 1


class NoticeRefused(Exception):
    """A step the notice's state does not allow, or one missing what it needs."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _locked(notice: Notice) -> Notice:
    """The notice re-read under a row lock, so two people cannot move it at once."""
    return Notice.objects.select_for_update().get(pk=notice.pk)


@transaction.atomic
def save_draft(
    notice: Notice, *, user, departments: Iterable[Department], files: Iterable[UploadedFile] = ()
) -> Notice:
    """Store a new or edited 草稿 with its recipients and new attachments (already checked by content)."""
    if not access.sending_departments(user).filter(pk=notice.sender_id).exists():
        raise PermissionDenied(_("您不能以该单位的名义发通知。"))
    creating = notice.pk is None
    if not creating and _locked(notice).state != State.DRAFT:
        raise NoticeRefused(_("通知已发布，不能再修改；如有错误请撤回后重新起草。"))
    if creating:
        notice.created_by = user
    notice.state = State.DRAFT
    notice.save()
    notice.departments.set(departments)
    for upload in files:
        NoticeAttachment.objects.create(notice=notice, file=upload, original_name=upload.name, size=upload.size or 0)
    log(instance=notice, action=ACTION_CREATE if creating else ACTION_EDIT, user=user)
    return notice


@transaction.atomic
def publish(notice: Notice, *, user) -> Notice:
    """草稿 → 已发布: recipients see it from now on, and it no longer changes."""
    if not access.may_manage(user, notice):
        raise PermissionDenied(_("只有发文单位的负责人或管委会办公室可以发布该通知。"))
    current = _locked(notice)
    if current.state != State.DRAFT:
        raise NoticeRefused(_("只有草稿可以发布，该通知当前为“%(state)s”。") % {"state": current.get_state_display()})
    if not current.departments.exists():
        raise NoticeRefused(_("请至少选择一个接收单位。"), field="departments")
    current.state = State.PUBLISHED
    current.published_at = timezone.now()
    current.save(update_fields=["state", "published_at"])
    log(instance=current, action=ACTION_PUBLISH, user=user)
    transaction.on_commit(lambda: _announce(current))
    return current


@transaction.atomic
def withdraw(notice: Notice, *, user, reason: str) -> Notice:
    """已发布 → 已撤回, with the reason the recipients read."""
    if not access.may_manage(user, notice):
        raise PermissionDenied(_("只有发文单位的负责人或管委会办公室可以撤回该通知。"))
    reason = reason.strip()
    if not reason:
        raise NoticeRefused(_("请填写撤回理由。"), field="reason")
    current = _locked(notice)
    if current.state != State.PUBLISHED:
        raise NoticeRefused(
            _("只有已发布的通知可以撤回，该通知当前为“%(state)s”。") % {"state": current.get_state_display()}
        )
    current.state = State.WITHDRAWN
    current.withdrawn_at = timezone.now()
    current.withdraw_reason = reason
    current.save(update_fields=["state", "withdrawn_at", "withdraw_reason"])
    log(instance=current, action=ACTION_WITHDRAW, user=user, data={"reason": reason})
    return current


def open_notice(notice: Notice, *, user) -> NoticeReceipt | None:
    """A recipient opens the notice: the first time is recorded as 已读 (None for anyone else)."""
    if notice.state == State.DRAFT or not access.is_recipient(user, notice):
        return None
    receipt = NoticeReceipt.objects.filter(notice=notice, user=user).first()
    if receipt is not None:
        return receipt
    try:
        with transaction.atomic():
            receipt = NoticeReceipt.objects.create(notice=notice, user=user, read_at=timezone.now())
            log(instance=notice, action=ACTION_READ, user=user)
    except IntegrityError:  # opened at the same moment in another tab
        receipt = NoticeReceipt.objects.get(notice=notice, user=user)
    return receipt


@transaction.atomic
def sign(notice: Notice, *, user) -> NoticeReceipt:
    """签收: a recipient confirms the published notice (once; it counts as read too)."""
    if not access.is_recipient(user, notice):
        raise PermissionDenied(_("只有接收单位的工作人员可以签收该通知。"))
    current = _locked(notice)
    if current.state != State.PUBLISHED:
        raise NoticeRefused(_("该通知当前为“%(state)s”，不能签收。") % {"state": current.get_state_display()})
    now = timezone.now()
    receipt, _created = NoticeReceipt.objects.get_or_create(notice=current, user=user, defaults={"read_at": now})
    if receipt.signed_at is None:
        receipt.signed_at = now
        receipt.save(update_fields=["signed_at"])
        log(instance=current, action=ACTION_SIGN, user=user)
    return receipt


# ---- receipts ---------------------------------------------------------------------------------------


@dataclass
class PersonStatus:
    """One recipient person's state for the sender: 未读, 已读 or 已签收 with the times."""

    user: object
    receipt: NoticeReceipt | None

    @property
    def label(self) -> str:
        if self.receipt is None:
            return _("未读")
        return _("已签收") if self.receipt.signed_at else _("已读")

    @property
    def key(self) -> str:
        if self.receipt is None:
            return "unread"
        return "signed" if self.receipt.signed_at else "read"


@dataclass
class DepartmentReceipts:
    """A recipient department's people and how many of them signed."""

    department: Department
    people: list[PersonStatus] = field(default_factory=list)

    @property
    def signed(self) -> int:
        return sum(person.key == "signed" for person in self.people)

    @property
    def read(self) -> int:
        return sum(person.key != "unread" for person in self.people)


@dataclass
class ReceiptOverview:
    """Every recipient department's receipts and the notice's completion (signed people / all people)."""

    departments: list[DepartmentReceipts]
    total: int
    signed: int

    @property
    def percent(self) -> int:
        return round(100 * self.signed / self.total) if self.total else 0


def receipt_overview(notice: Notice) -> ReceiptOverview:
    """The sender's table: per department and per person 未读/已读/已签收 (four queries at any size)."""
    receipts = {receipt.user_id: receipt for receipt in notice.receipts.all()}
    departments = list(notice.departments.order_by("sort_order", "pk"))
    members: dict[int, list] = {}
    group_owner = {}
    for department in departments:
        for group_id in (department.editors_group_id, department.heads_group_id):
            if group_id:
                group_owner[group_id] = department.pk
    people = access.recipient_people(notice).prefetch_related("groups")
    counted = set()
    for person in people:
        for group in person.groups.all():
            department_id = group_owner.get(group.pk)
            if department_id is not None and person not in members.setdefault(department_id, []):
                members[department_id].append(person)
        counted.add(person.pk)
    rows = [
        DepartmentReceipts(
            department, [PersonStatus(person, receipts.get(person.pk)) for person in members.get(department.pk, [])]
        )
        for department in departments
    ]
    signed = sum(1 for pk in counted if receipts.get(pk) and receipts[pk].signed_at)
    return ReceiptOverview(rows, total=len(counted), signed=signed)


# ---- reminders --------------------------------------------------------------------------------------


def unsigned_people(notice: Notice):
    """Recipient people who have not signed ``notice`` yet."""
    signed = notice.receipts.filter(signed_at__isnull=False).values("user")
    return access.recipient_people(notice).exclude(pk__in=signed)


def admin_url(notice: Notice) -> str:
    """The notice's address in the back office, as e-mails give it."""
    return admin_address(reverse("notices:detail", args=[notice.pk]))


def notice_line(notice: Notice, today: datetime.date) -> str:
    """One line of a reminder: urgency, title, sender, deadline with the working days left, address."""
    line = f"【{notice.get_urgency_display()}】{notice.title}（{notice.sender}）"
    if notice.deadline:
        left = days_left_text(notice.deadline, today)
        line += _("，签收期限 %(date)s（%(left)s）") % {"date": notice.deadline.isoformat(), "left": left}
    return f"{line}\n{admin_url(notice)}"


def _announce(notice: Notice) -> None:
    """Tell the recipients (by e-mail) that a notice arrived."""
    today = timezone.localdate()
    lines = {person.email: [notice_line(notice, today)] for person in access.recipient_people(notice).exclude(email="")}
    send_digests(
        lines, _("新通知：%(title)s") % {"title": notice.title}, _("您所在单位收到一份通知，请登录后台阅读并签收：")
    )


def remind(notice: Notice, *, user, today: datetime.date | None = None) -> Reminded:
    """催办: the sender reminds every recipient who has not signed (each at most once a day)."""
    if not access.may_manage(user, notice):
        raise PermissionDenied(_("只有发文单位的负责人或管委会办公室可以催办该通知。"))
    if notice.state != State.PUBLISHED:
        raise NoticeRefused(_("只有已发布的通知可以催办。"))
    today = today or timezone.localdate()
    result = Reminded()
    lines_for: dict[str, list[str]] = {}
    with transaction.atomic():
        for person in unsigned_people(notice):
            if not claim(NoticeReminder, notice=notice, user=person, day=today):
                result.already += 1
                continue
            result.reminded += 1
            if person.email:
                lines_for[person.email] = [notice_line(notice, today)]
        log(instance=notice, action=ACTION_REMIND, user=user, data={"count": result.reminded})
    subject = _("通知催办：%(title)s") % {"title": notice.title}
    result.emails = send_digests(lines_for, subject, _("请尽快阅读并签收以下通知："))
    return result


def run_daily(today: datetime.date | None = None) -> Reminded:
    """The daily check: remind unsigned recipients of notices due within 1 working day or past, once a day.

    Nothing is sent on a day off (the reminder waits for the next working day); a second run the same day
    finds today's :class:`NoticeReminder` rows and sends nothing twice. One e-mail per person.
    """
    today = today or timezone.localdate()
    if not is_working_day(today):
        return Reminded()
    due = Notice.objects.filter(
        state=State.PUBLISHED, deadline__lte=add_working_days(today, REMIND_WORKING_DAYS)
    ).select_related("sender")
    return remind_once_today(
        due.order_by("deadline", "pk"),
        people=unsigned_people,
        model=NoticeReminder,
        record=lambda notice, person: {"notice": notice, "user": person, "day": today},
        line=lambda notice: notice_line(notice, today),
        subject=_("通知签收提醒（%(day)s）") % {"day": today.isoformat()},
        intro=_("以下通知临近或已过签收期限，请尽快阅读并签收："),
    )
