"""The circulation's state machine (公文流转): the only code that changes a document's state.

拟稿 → 审核 → 签发 → 待分发 → 已分发 → 已归档; 审核 and 签发 may return the document to 拟稿 (退回)
with a required opinion. Each function checks the state, then who acts (``access``), changes the
document in one transaction under a row lock, writes the step to Wagtail's audit log
(``ModelLogEntry``: who, when, opinion) and, once committed, e-mails the next step's assignees.
A refused step raises :class:`TransitionRefused` (wrong state, missing opinion) or
``PermissionDenied`` (not this person's step) and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from zoneportal.core.models import Department
from zoneportal.core.notifications import notify

from . import access, deadlines
from .models import Distribution, DocumentAttachment, OfficialDocument

State = OfficialDocument.State

ACTION_CREATE = "circulation.create"
ACTION_EDIT = "circulation.edit"
ACTION_SUBMIT = "circulation.submit"
ACTION_APPROVE = "circulation.approve"
ACTION_RETURN = "circulation.return"
ACTION_SIGN = "circulation.sign"
ACTION_DISTRIBUTE = "circulation.distribute"
ACTION_RECEIVE = "circulation.receive"
ACTION_COMPLETE = "circulation.complete"
ACTION_ARCHIVE = "circulation.archive"


class TransitionRefused(Exception):
    """A step the document's state does not allow, or one missing what it needs (opinion, 文号, recipients)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _locked(document: OfficialDocument) -> OfficialDocument:
    """The document re-read under a row lock, so two people cannot move it at once."""
    return OfficialDocument.objects.select_for_update().select_related("department").get(pk=document.pk)


def _synced(target: OfficialDocument, source: OfficialDocument) -> OfficialDocument:
    """Copy the saved step onto the caller's instance, so it does not hold a stale state."""
    for field in ("state", "step_deadline", "number", "signed_at", "archived_at", "updated_at"):
        setattr(target, field, getattr(source, field))
    return target


def _require_state(document: OfficialDocument, states: Iterable[str], step: str) -> None:
    if document.state not in states:
        raise TransitionRefused(
            _("该公文当前为“%(state)s”，不能%(step)s。") % {"state": document.get_state_display(), "step": step}
        )


def _require_assignee(user, document: OfficialDocument) -> None:
    if not access.may_act(user, document):
        raise PermissionDenied(_("只有当前环节的办理人可以办理这份公文。"))


def _enter(document: OfficialDocument, state: str) -> None:
    """Move ``document`` to ``state`` and start that step's clock (in working days)."""
    document.state = state
    document.step_deadline = deadlines.step_deadline(state, timezone.localdate(), document.handling_days)


def _hand_over(document: OfficialDocument, subject: str) -> None:
    """E-mail the current step's assignees once the step is committed (a failed e-mail loses nothing)."""
    emails = [email for email in access.assignees(document).values_list("email", flat=True) if email]
    body = _("《%(title)s》（%(state)s）待您办理，请登录后台“网上办公 › 公文流转”查看。") % {
        "title": document.title,
        "state": document.get_state_display(),
    }

    def send() -> None:
        for email in emails:
            notify(subject=subject, body=body, email=email)

    transaction.on_commit(send)


def _store(document: OfficialDocument, files: Iterable[UploadedFile], user) -> list[str]:
    """Keep uploaded attachments (already checked by content) under the private media root."""
    names = []
    for upload in files:
        DocumentAttachment.objects.create(
            document=document, file=upload, original_name=upload.name[:255], uploaded_by=user
        )
        names.append(upload.name)
    return names


def _remove(document: OfficialDocument, attachments: Iterable[DocumentAttachment]) -> list[str]:
    """Delete a draft's attachments; their files go once the deletion is committed."""
    names = []
    for attachment in document.attachments.filter(pk__in=[attachment.pk for attachment in attachments]):
        stored, storage = attachment.file.name, attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda stored=stored, storage=storage: storage.delete(stored))
        names.append(attachment.original_name)
    return names


@transaction.atomic
def save_draft(
    document: OfficialDocument,
    *,
    user,
    reviewers=(),
    signers=(),
    files: Iterable[UploadedFile] = (),
    removed: Iterable[DocumentAttachment] = (),
) -> OfficialDocument:
    """拟稿: save a new draft by ``user`` or the drafter's changes to a draft, with its attachments added and
    ``removed`` (the draft's own) deleted.

    The fields are validated by the form first; the department must be one ``user`` drafts for.
    """
    if not access.drafting_departments(user).filter(pk=document.department_id).exists():
        raise PermissionDenied(_("不能以其他部门的名义拟稿。"))
    new = document.pk is None
    if new:
        document.drafter = user
        document.state = State.DRAFT
    else:
        current = _locked(document)
        _require_state(current, [State.DRAFT], _("修改"))
        if current.drafter_id != user.pk:
            raise PermissionDenied(_("只有拟稿人可以修改草稿。"))
        document.state = current.state
    document.number = document.number or None
    document.save()
    document.reviewers.set(reviewers)
    document.signers.set(signers)
    names = _store(document, files, user)
    data = {"files": names}
    if not new and (removed_names := _remove(document, removed)):
        data["removed"] = removed_names
    log(instance=document, action=ACTION_CREATE if new else ACTION_EDIT, user=user, data=data)
    return document


@transaction.atomic
def submit(document: OfficialDocument, *, user) -> OfficialDocument:
    """拟稿 → 审核: the drafter sends the draft to its reviewers (or the department's heads)."""
    current = _locked(document)
    _require_state(current, [State.DRAFT], _("送审"))
    _require_assignee(user, current)
    _enter(current, State.REVIEW)
    current.save(update_fields=["state", "step_deadline", "updated_at"])
    log(instance=current, action=ACTION_SUBMIT, user=user, data={})
    _hand_over(current, _("公文待审核"))
    return _synced(document, current)


@transaction.atomic
def approve(document: OfficialDocument, *, user, opinion: str = "") -> OfficialDocument:
    """审核 → 签发: a reviewer agrees (an opinion is optional) and the document goes to be signed."""
    current = _locked(document)
    _require_state(current, [State.REVIEW], _("审核通过"))
    _require_assignee(user, current)
    _enter(current, State.SIGNING)
    current.save(update_fields=["state", "step_deadline", "updated_at"])
    log(instance=current, action=ACTION_APPROVE, user=user, data={"opinion": opinion.strip()})
    _hand_over(current, _("公文待签发"))
    return _synced(document, current)


@transaction.atomic
def return_to_draft(document: OfficialDocument, *, user, opinion: str) -> OfficialDocument:
    """审核 or 签发 → 拟稿 (退回): the reviewer or signer returns it to the drafter, saying why."""
    current = _locked(document)
    _require_state(current, [State.REVIEW, State.SIGNING], _("退回"))
    _require_assignee(user, current)
    opinion = opinion.strip()
    if not opinion:
        raise TransitionRefused(_("退回时请填写意见，说明需要修改的地方。"), field="opinion")
    step = current.get_state_display()
    _enter(current, State.DRAFT)
    current.save(update_fields=["state", "step_deadline", "updated_at"])
    log(instance=current, action=ACTION_RETURN, user=user, data={"opinion": opinion, "step": step})
    _hand_over(current, _("公文被退回修改"))
    return _synced(document, current)


@transaction.atomic
def sign(document: OfficialDocument, *, user, number: str, opinion: str = "") -> OfficialDocument:
    """签发 → 待分发: the signer gives the document its 文号 (unique) and signs it."""
    current = _locked(document)
    _require_state(current, [State.SIGNING], _("签发"))
    _require_assignee(user, current)
    number = (number or current.number or "").strip()
    if not number:
        raise TransitionRefused(_("签发时请填写文号。"), field="number")
    if OfficialDocument.objects.filter(number=number).exclude(pk=current.pk).exists():
        raise TransitionRefused(_("文号“%(number)s”已被其他公文使用。") % {"number": number}, field="number")
    current.number = number
    current.signed_at = timezone.now()
    _enter(current, State.SIGNED)
    current.save(update_fields=["number", "signed_at", "state", "step_deadline", "updated_at"])
    log(instance=current, action=ACTION_SIGN, user=user, data={"opinion": opinion.strip(), "number": number})
    _hand_over(current, _("公文已签发，待分发"))
    return _synced(document, current)


@transaction.atomic
def distribute(document: OfficialDocument, *, user, departments: Iterable[Department]) -> OfficialDocument:
    """待分发 → 已分发: the office sends the signed document to the recipient departments."""
    current = _locked(document)
    _require_state(current, [State.SIGNED], _("分发"))
    _require_assignee(user, current)
    departments = list(departments)
    if not departments:
        raise TransitionRefused(_("请至少选择一个收文部门。"), field="departments")
    _enter(current, State.DISTRIBUTED)
    Distribution.objects.bulk_create(
        Distribution(document=current, department=department, deadline=current.step_deadline)
        for department in departments
    )
    current.save(update_fields=["state", "step_deadline", "updated_at"])
    log(
        instance=current,
        action=ACTION_DISTRIBUTE,
        user=user,
        data={"departments": [department.name for department in departments]},
    )
    _hand_over(current, _("收到公文，请签收办理"))
    return _synced(document, current)


def _locked_copy(distribution: Distribution, step: str) -> tuple[OfficialDocument, Distribution]:
    document = _locked(distribution.document)
    _require_state(document, [State.DISTRIBUTED], step)
    return document, Distribution.objects.select_for_update().select_related("department").get(pk=distribution.pk)


@transaction.atomic
def receive(distribution: Distribution, *, user) -> Distribution:
    """签收: a recipient department's staff acknowledge the document."""
    document, copy = _locked_copy(distribution, _("签收"))
    if not access.may_handle(user, copy):
        raise PermissionDenied(_("只有收文部门的人员可以签收。"))
    if copy.received_at is not None:
        raise TransitionRefused(_("%(department)s已经签收过这份公文。") % {"department": copy.department.name})
    copy.received_at, copy.received_by = timezone.now(), user
    copy.save(update_fields=["received_at", "received_by"])
    log(instance=document, action=ACTION_RECEIVE, user=user, data={"department": copy.department.name})
    return copy


@transaction.atomic
def complete(distribution: Distribution, *, user, note: str) -> Distribution:
    """办结: a recipient department reports it has done what the document asks; the last one archives it."""
    document, copy = _locked_copy(distribution, _("办结"))
    if not access.may_handle(user, copy):
        raise PermissionDenied(_("只有收文部门的人员可以办结。"))
    if copy.received_at is None:
        raise TransitionRefused(_("请先签收，再办结。"))
    if copy.done_at is not None:
        raise TransitionRefused(_("%(department)s已经办结这份公文。") % {"department": copy.department.name})
    note = note.strip()
    if not note:
        raise TransitionRefused(_("请填写办结情况。"), field="note")
    copy.done_at, copy.done_by, copy.done_note = timezone.now(), user, note
    copy.save(update_fields=["done_at", "done_by", "done_note"])
    data = {"department": copy.department.name, "opinion": note}
    log(instance=document, action=ACTION_COMPLETE, user=user, data=data)
    if not document.distributions.filter(done_at__isnull=True).exists():
        _archive(document, user, _("各收文部门均已办结"))
    return copy


@transaction.atomic
def archive(document: OfficialDocument, *, user, opinion: str = "") -> OfficialDocument:
    """已分发 → 已归档: the office archives the document (every recipient done, or by its decision)."""
    current = _locked(document)
    _require_state(current, [State.DISTRIBUTED], _("归档"))
    if not access.may_archive(user):
        raise PermissionDenied(_("只有管委会办公室可以归档。"))
    return _synced(document, _archive(current, user, opinion.strip()))


def _archive(document: OfficialDocument, user, opinion: str) -> OfficialDocument:
    document.state = State.ARCHIVED
    document.step_deadline = None
    document.archived_at = timezone.now()
    document.save(update_fields=["state", "step_deadline", "archived_at", "updated_at"])
    log(instance=document, action=ACTION_ARCHIVE, user=user, data={"opinion": opinion})
    return document


def route(document: OfficialDocument):
    """流转记录: the document's audit-log entries, oldest first (who, when, what, opinion)."""
    return ModelLogEntry.objects.for_instance(document).select_related("user").order_by("timestamp", "pk")
