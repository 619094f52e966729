"""The ledger's operations: open an item, report it rectified, return it, close it (销号).

Every function checks who may act and from which state, changes the item in one
transaction and writes the step to Wagtail's audit log (``ModelLogEntry``: who,
when, what). Other apps (letters, surveys) open items with :func:`open_item`
from their own "开立整改事项" buttons.

States: 整改中 → 已整改 (needs evidence: a text and/or files) → 已销号 (the office
only, with a note); 已整改 → 整改中 when the office returns it with a reason.
Nothing else: a refused step raises :class:`TransitionRefused` and changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from zoneportal.core.models import Department
from zoneportal.core.workdays import add_working_days

from . import access
from .models import RectificationEvidence, RectificationItem, RectificationMeasure

State = RectificationItem.State

#: Audit-log actions of the ledger (registered with labels in wagtail_hooks.py).
ACTION_OPEN = "rectification.open"
ACTION_RECTIFIED = "rectification.rectified"
ACTION_RETURN = "rectification.return"
ACTION_CLOSE = "rectification.close"

#: An item opened without a deadline gets this many working days.
DEFAULT_WORKING_DAYS = 20


class TransitionRefused(Exception):
    """A step the item's state does not allow, or one missing what it needs (evidence, reason, note)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _locked(item: RectificationItem) -> RectificationItem:
    """The item re-read under a row lock, so two people cannot move it at once."""
    return RectificationItem.objects.select_for_update().get(pk=item.pk)


def _refresh(target: RectificationItem, source: RectificationItem) -> None:
    """Copy the saved state back onto the caller's instance."""
    for field in ("state", "evidence_text", "rectified_at", "closed_at", "close_note", "updated_at"):
        setattr(target, field, getattr(source, field))


@transaction.atomic
def open_item(
    *,
    title: str,
    description: str,
    source_kind: str,
    source_reference: str = "",
    source_url: str = "",
    department: Department | None = None,
    user=None,
    measures: Sequence[str] = (),
    responsible_person: str = "",
    deadline: datetime.date | None = None,
    is_public: bool = False,
) -> RectificationItem:
    """Open a ledger item (整改中) and log who opened it from where.

    Called by staff by hand and by the letters and surveys apps from a letter or a
    survey result (``source_kind`` 来信 / 问卷调查, ``source_reference`` the letter's
    tracking number, ``source_url`` its address in the back office). Without a
    ``department`` the item goes to the user's own department, else to the committee
    office's; without a ``deadline`` it is due in ``DEFAULT_WORKING_DAYS`` working days.
    The item is validated like the back-office form (``ValidationError`` otherwise);
    a user who may not give it to ``department`` gets ``PermissionDenied``.
    """
    if department is None:
        department = _default_department(user)
    if user is not None and not access.departments_for(user).filter(pk=department.pk).exists():
        raise PermissionDenied(_("不能为其他部门登记整改事项。"))
    item = RectificationItem(
        title=title.strip(),
        description=description.strip(),
        source_kind=source_kind,
        source_reference=source_reference.strip(),
        source_url=source_url.strip(),
        department=department,
        responsible_person=responsible_person.strip() or _("待定"),
        deadline=deadline or add_working_days(timezone.localdate(), DEFAULT_WORKING_DAYS),
        is_public=is_public,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    item.full_clean()
    item.save()
    for order, text in enumerate(text for text in measures if text.strip()):
        RectificationMeasure.objects.create(item=item, text=text.strip(), sort_order=order)
    log(
        instance=item,
        action=ACTION_OPEN,
        user=item.created_by,
        data={"source_kind": source_kind, "source_reference": item.source_reference, "source_url": item.source_url},
    )
    return item


def _default_department(user) -> Department:
    """The user's own department, else the committee office (the first department of kind 办公室)."""
    own = access.departments_for(user).order_by("sort_order", "pk") if user is not None else None
    if own is not None and not access.is_office(user) and own.exists():
        return own.first()
    office = Department.objects.filter(kind=Department.Kind.OFFICE).order_by("sort_order", "pk").first()
    if office is None:
        office = Department.objects.order_by("sort_order", "pk").first()
    if office is None:
        raise ValidationError(_("还没有任何部门，无法登记整改事项。"))
    return office


@transaction.atomic
def report_rectified(
    item: RectificationItem, *, user, evidence_text: str = "", files: Iterable[UploadedFile] = ()
) -> RectificationItem:
    """整改中 → 已整改, with evidence: a text, files (already checked by content), or both.

    The responsible department or the office; files are stored privately.
    """
    if not access.may_report_rectified(user, item):
        raise PermissionDenied(_("只有责任部门或管委会办公室可以报告整改完成。"))
    current = _locked(item)
    if current.state != State.IN_PROGRESS:
        raise TransitionRefused(
            _("只有“整改中”的事项可以报告整改完成，该事项当前为“%(state)s”。") % {"state": current.get_state_display()}
        )
    files = list(files)
    evidence_text = evidence_text.strip()
    if not evidence_text and not files:
        raise TransitionRefused(_("请填写整改情况说明或上传佐证材料（至少一项）。"), field="evidence_text")
    for upload in files:
        RectificationEvidence.objects.create(
            item=current, file=upload, original_name=upload.name[:255], uploaded_by=_user_or_none(user)
        )
    current.state = State.RECTIFIED
    current.evidence_text = evidence_text
    current.rectified_at = timezone.now()
    current.save(update_fields=["state", "evidence_text", "rectified_at", "updated_at"])
    log(
        instance=current,
        action=ACTION_RECTIFIED,
        user=_user_or_none(user),
        data={"evidence_text": evidence_text, "files": [upload.name for upload in files]},
    )
    _refresh(item, current)
    return item


@transaction.atomic
def return_item(item: RectificationItem, *, user, reason: str) -> RectificationItem:
    """已整改 → 整改中: the office returns the item with the reason it is not done."""
    if not access.may_review(user):
        raise PermissionDenied(_("只有管委会办公室可以退回整改事项。"))
    current = _locked(item)
    if current.state != State.RECTIFIED:
        raise TransitionRefused(
            _("只有“已整改”的事项可以退回，该事项当前为“%(state)s”。") % {"state": current.get_state_display()}
        )
    reason = reason.strip()
    if not reason:
        raise TransitionRefused(_("请写明退回原因。"), field="reason")
    current.state = State.IN_PROGRESS
    current.rectified_at = None
    current.save(update_fields=["state", "rectified_at", "updated_at"])
    log(instance=current, action=ACTION_RETURN, user=_user_or_none(user), data={"reason": reason})
    _refresh(item, current)
    return item


@transaction.atomic
def close_item(item: RectificationItem, *, user, note: str) -> RectificationItem:
    """已整改 → 已销号: the office accepts the rectification, with a note."""
    if not access.may_review(user):
        raise PermissionDenied(_("只有管委会办公室可以销号。"))
    current = _locked(item)
    if current.state != State.RECTIFIED:
        raise TransitionRefused(
            _("只有“已整改”的事项可以销号，该事项当前为“%(state)s”。") % {"state": current.get_state_display()}
        )
    note = note.strip()
    if not note:
        raise TransitionRefused(_("请填写销号意见。"), field="note")
    current.state = State.CLOSED
    current.closed_at = timezone.now()
    current.close_note = note
    current.save(update_fields=["state", "closed_at", "close_note", "updated_at"])
    log(instance=current, action=ACTION_CLOSE, user=_user_or_none(user), data={"note": note})
    _refresh(item, current)
    return item


def _user_or_none(user):
    return user if getattr(user, "is_authenticated", False) else None


def history(item: RectificationItem):
    """The item's audit-log entries, oldest first (who, when, what)."""
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.for_instance(item).select_related("user").order_by("timestamp", "pk")
