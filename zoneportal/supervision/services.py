"""The lifecycle of a 督办事项: assign, report progress, close (已办结) or withdraw (已撤销).

The one place where an item's state changes, for every source: the letters app issues its supervision
orders through :func:`assign` (source 来信督办) and its letter page reports and closes through
:func:`report_progress` and :func:`close`. Each function checks who acts, works in one transaction on a
locked row, writes the step to Wagtail's log (``ModelLogEntry``) and sends its notifications only after
the commit (``core.notifications.notify``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from zoneportal.core.models import Department, Leader
from zoneportal.core.notifications import admin_address, notify
from zoneportal.core.ownership import is_office, office_people

from . import access, deadlines
from .models import ProgressReport, SupervisionItem

State = SupervisionItem.State

#: Audit-log actions (labelled in wagtail_hooks.py).
ACTION_ASSIGN = "supervision.assign"
ACTION_PROGRESS = "supervision.progress"
ACTION_CLOSE = "supervision.close"
ACTION_CANCEL = "supervision.cancel"


def item_url(item: SupervisionItem) -> str:
    """The item's page in the back office, as an absolute address for e-mails."""
    return admin_address(reverse("supervision:item", args=[item.pk]))


def department_staff(departments: Iterable[Department], heads_only: bool = False) -> QuerySet:
    """Active heads (and editors, unless ``heads_only``) of ``departments``."""
    groups = []
    for department in departments:
        groups += (
            [department.heads_group_id] if heads_only else [department.heads_group_id, department.editors_group_id]
        )
    return get_user_model().objects.filter(is_active=True, groups__in=[pk for pk in groups if pk]).distinct()


def _send_later(people: QuerySet, subject: str, body: str) -> None:
    """E-mail ``people`` once the current transaction has committed."""
    emails = sorted(set(people.exclude(email="").values_list("email", flat=True)))
    transaction.on_commit(lambda: [notify(subject=subject, body=body, email=email) for email in emails])


def _locked(item: SupervisionItem) -> SupervisionItem:
    """The item re-read under a row lock, so two people cannot change it at once."""
    return SupervisionItem.objects.select_for_update().get(pk=item.pk)


@transaction.atomic
def assign(
    *,
    user,
    title: str,
    source: str,
    lead_department: Department,
    requirements: str,
    departments: Iterable[Department] = (),
    due_on: datetime.date | None = None,
    working_days: int | None = None,
    leader: Leader | None = None,
    instruction: str = "",
    instructed_on: datetime.date | None = None,
    letter=None,
    source_reference: str = "",
) -> SupervisionItem:
    """Assign a 督办事项 to ``lead_department`` (and ``departments``); only the office may.

    The deadline is ``due_on`` or ``working_days`` working days from today. The assigned departments'
    heads and editors are told by e-mail after the commit.
    """
    if not is_office(user):
        raise PermissionDenied(_("只有办公室可以下达督办事项。"))
    if not requirements.strip():
        raise ValidationError(_("请填写督办要求。"))
    if not title.strip():
        raise ValidationError(_("请填写督办事项名称。"))
    if source == SupervisionItem.Source.INSTRUCTION and (leader is None or not instruction.strip()):
        raise ValidationError(_("领导批示须写明批示领导和批示内容。"))
    if source == SupervisionItem.Source.LETTER and letter is None:
        raise ValidationError(_("来信督办须关联来信。"))
    deadline = deadlines.due_on(date=due_on, working_days=working_days)
    if deadline < timezone.localdate():
        raise ValidationError(_("督办期限不能早于今天。"))
    item = SupervisionItem.objects.create(
        title=title.strip()[:200],
        source=source,
        leader=leader,
        instruction=instruction.strip(),
        instructed_on=instructed_on,
        letter=letter,
        source_reference=source_reference.strip(),
        lead_department=lead_department,
        requirements=requirements.strip(),
        due_on=deadline,
        issued_by=user,
    )
    assigned = {lead_department, *departments}
    item.departments.set(assigned)
    log(instance=item, action=ACTION_ASSIGN, user=user, data={"due_on": deadline.isoformat()})
    _send_later(
        department_staff(assigned),
        _("督办事项：%(title)s") % {"title": item.title},
        _("办公室下达督办事项“%(title)s”，牵头部门：%(lead)s，督办期限：%(due)s。\n督办要求：%(requirements)s\n%(url)s")
        % {
            "title": item.title,
            "lead": lead_department.name,
            "due": deadline.isoformat(),
            "requirements": item.requirements,
            "url": item_url(item),
        },
    )
    return item


@transaction.atomic
def report_progress(
    item: SupervisionItem,
    user,
    *,
    text: str,
    percent: int | None = None,
    attachment: UploadedFile | None = None,
) -> ProgressReport:
    """An assigned department reports what it has done; the office is told after the commit.

    The attachment must have been checked (``core.uploads.check_upload``) by the form.
    """
    if not access.may_report(user, item):
        raise PermissionDenied(_("只有承办部门的负责人和编辑可以反馈办理进展。"))
    if not text.strip():
        raise ValidationError(_("请填写办理进展。"))
    current = _locked(item)
    if not current.is_open:
        raise ValidationError(_("该督办事项%(state)s，不能再反馈。") % {"state": current.get_state_display()})
    report = ProgressReport(
        item=current,
        department=access.reporting_departments(user, current).first() or current.lead_department,
        text=text.strip(),
        percent=percent,
        reported_by=user,
    )
    if attachment is not None:
        report.attachment = attachment
        report.attachment_name = (attachment.name or "")[:255]
    report.save()
    log(
        instance=current,
        action=ACTION_PROGRESS,
        user=user,
        data={"text": report.text, "percent": percent, "attachment": report.attachment_name},
    )
    _send_later(
        office_people(),
        _("督办事项进展：%(title)s") % {"title": current.title},
        _("%(department)s反馈了督办事项“%(title)s”的办理进展：\n%(text)s\n%(url)s")
        % {
            "department": report.department.name if report.department else "",
            "title": current.title,
            "text": report.text,
            "url": item_url(current),
        },
    )
    return report


def _finish(item: SupervisionItem, user, state: str, conclusion: str, action: str) -> SupervisionItem:
    """督办中 → ``state``, once, by the office."""
    current = _locked(item)
    if not current.is_open:
        raise ValidationError(_("该督办事项%(state)s。") % {"state": current.get_state_display()})
    current.state = state
    current.closed_at = timezone.now()
    current.closed_by = user
    current.conclusion = conclusion
    current.save(update_fields=["state", "closed_at", "closed_by", "conclusion"])
    log(instance=current, action=action, user=user, data={"conclusion": conclusion})
    for field in ("state", "closed_at", "closed_by", "conclusion"):
        setattr(item, field, getattr(current, field))
    return item


@transaction.atomic
def close(item: SupervisionItem, user, conclusion: str) -> SupervisionItem:
    """督办中 → 已办结: the office accepts what was done, with its conclusion."""
    if not is_office(user):
        raise PermissionDenied(_("只有办公室可以办结督办事项。"))
    if not conclusion.strip():
        raise ValidationError(_("请填写办结意见。"))
    return _finish(item, user, State.DONE, conclusion.strip(), ACTION_CLOSE)


@transaction.atomic
def cancel(item: SupervisionItem, user, reason: str) -> SupervisionItem:
    """督办中 → 已撤销: the office withdraws the item, saying why."""
    if not is_office(user):
        raise PermissionDenied(_("只有办公室可以撤销督办事项。"))
    if not reason.strip():
        raise ValidationError(_("请填写撤销原因。"))
    return _finish(item, user, State.CANCELLED, reason.strip(), ACTION_CANCEL)


def history(item: SupervisionItem):
    """The item's audit-log entries, oldest first (who, when, what)."""
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.for_instance(item).select_related("user").order_by("timestamp", "pk")
