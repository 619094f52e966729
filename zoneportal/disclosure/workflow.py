"""How a disclosure request is handled: the allowed steps and nothing else.

::

    待登记 ──登记──▶ 办理中 ──答复──▶ 已答复
                      │  ▲
            告知补正 ─┘  └─ 收到补正 (the 20 working days start again)      待补正 ──逾期未补正──▶ 视为放弃申请
            征求第三方意见 ─▶ 征求第三方意见 ─ 收到第三方意见 ─▶ 办理中 (those days do not count)
            延长答复期限 (once, ≤ 20 working days, with the approver and a reason; the state stays)

Each step is an :class:`Action`; :func:`perform` is the only code that changes a request's
state: it locks the row, refuses a step the state does not allow (a Chinese message),
applies the step's changes, recomputes the deadline and logs a :class:`RequestEvent`,
all in one transaction.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import deadlines
from .models import DisclosureRequest, RequestEvent, RequestFile

logger = logging.getLogger(__name__)

S = DisclosureRequest.Status
K = DisclosureRequest.AnswerKind


class IllegalTransition(ValidationError):
    """A step the request's current state does not allow."""


@dataclass(frozen=True)
class Action:
    """One step: the states it may be taken from, the state it leads to, whether the applicant sees it."""

    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change (the extension)
    public: bool = True


ACTIONS: dict[str, Action] = {
    "receive": Action(_("收到申请"), (), S.SUBMITTED),
    "register": Action(_("登记"), (S.SUBMITTED,), S.REGISTERED),
    "ask_correction": Action(_("告知补正"), (S.REGISTERED,), S.CORRECTION),
    "record_correction": Action(_("收到补正"), (S.CORRECTION,), S.REGISTERED),
    "lapse": Action(_("逾期未补正，视为放弃申请"), (S.CORRECTION,), S.WITHDRAWN),
    "start_consultation": Action(_("征求第三方意见"), (S.REGISTERED,), S.CONSULTING),
    "finish_consultation": Action(_("收到第三方意见"), (S.CONSULTING,), S.REGISTERED),
    "extend": Action(_("延长答复期限"), (S.REGISTERED, S.CONSULTING), None),
    "answer": Action(_("答复"), (S.REGISTERED,), S.ANSWERED),
}


def event_label(action: str) -> str:
    """The log's name for an action: the step's label, or the raw name for anything else."""
    return str(ACTIONS[action].label) if action in ACTIONS else action


#: What each answer kind needs besides the reply text.
NEEDS_LEGAL_BASIS = (K.PARTIAL, K.REFUSED)
NEEDS_REFERRAL = (K.NOT_OURS,)


def allowed_actions(request: DisclosureRequest, today: datetime.date | None = None) -> list[str]:
    """The steps the request's state allows now (for buttons; :func:`perform` checks again)."""
    today = today or timezone.localdate()
    names = [name for name, action in ACTIONS.items() if request.status in action.sources]
    if request.correction_asked_on is not None:
        names = [n for n in names if n != "ask_correction"]  # a correction is asked once
    if request.extension_days:
        names = [n for n in names if n != "extend"]  # extended once
    if request.status == S.CORRECTION and request.correction_due_on and today <= request.correction_due_on:
        names = [n for n in names if n != "lapse"]  # the applicant still has time
    return names


def perform(
    request: DisclosureRequest,
    action_name: str,
    *,
    user=None,
    note: str = "",
    on: datetime.date | None = None,
    files: list[UploadedFile] = (),
    **changes,
) -> DisclosureRequest:
    """Take step ``action_name`` on ``request`` on day ``on`` (today by default): check, apply, log.

    ``changes`` are the step's fields (see :func:`_apply`); ``files`` go with an answer. Raises
    :class:`IllegalTransition` when the state does not allow the step and ``ValidationError``
    (in Chinese, naming what is missing) when the step lacks what it needs; nothing is written then.
    """
    action = ACTIONS[action_name]
    day = on or timezone.localdate()
    written: list[str] = []
    try:
        with transaction.atomic():
            current = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
            if action_name not in allowed_actions(current, day):
                raise IllegalTransition(
                    _("申请当前状态为“%(status)s”，不能执行“%(action)s”。")
                    % {"status": current.get_status_display(), "action": action.label}
                )
            from_status = current.status
            _apply(current, action_name, day=day, note=note.strip(), changes=changes)
            if action.target:
                current.status = action.target
            current.due_on = current.compute_due_on()
            current.save()
            for position, upload in enumerate(files, start=1):
                store_file(current, RequestFile.Role.REPLY, position, upload, written)
            RequestEvent.objects.create(
                request=current,
                actor=user if user is not None and user.is_authenticated else None,
                action=action_name,
                from_status=from_status,
                to_status=current.status,
                note=note.strip(),
                is_public=action.public,
            )
    except BaseException:
        discard_files(written)
        raise
    request.refresh_from_db()
    return request


def _required(value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _apply(current: DisclosureRequest, action_name: str, *, day: datetime.date, note: str, changes: dict) -> None:
    """The field changes each step brings besides the state."""
    if action_name == "ask_correction":
        current.correction_request = _required(note, _("请填写需要申请人补正的内容。"))
        current.correction_asked_on = day
        current.correction_due_on = deadlines.correction_due(day)
    elif action_name == "record_correction":
        current.correction_text = _required(note, _("请填写申请人补正的内容。"))
        if day < current.correction_asked_on:
            raise ValidationError(_("收到补正的日期不能早于告知补正的日期。"))
        current.correction_received_on = day
        # 第三十条: the answer period counts from the day the correction arrives.
        current.clock_start = day
        current.paused_days = 0
    elif action_name == "start_consultation":
        current.consultation_party = _required(changes.get("consultation_party", ""), _("请填写征求意见的第三方。"))
        current.consultation_started_on = day
    elif action_name == "finish_consultation":
        if day < current.consultation_started_on:
            raise ValidationError(_("收到第三方意见的日期不能早于征求意见的日期。"))
        current.paused_days += deadlines.paused_working_days(current.consultation_started_on, day)
        current.consultation_started_on = None
    elif action_name == "extend":
        days = changes.get("extension_days") or 0
        if not 1 <= days <= deadlines.MAX_EXTENSION_DAYS:
            raise ValidationError(_("延长的期限应为 1 至 %(max)d 个工作日。") % {"max": deadlines.MAX_EXTENSION_DAYS})
        current.extension_days = days
        current.extension_reason = _required(note, _("请填写延长答复期限的理由。"))
        current.extension_approver = _required(changes.get("extension_approver", ""), _("请填写批准延长的负责人。"))
    elif action_name == "lapse":
        current.closed_at = timezone.now()
    elif action_name == "answer":
        _apply_answer(current, changes)


def _apply_answer(current: DisclosureRequest, changes: dict) -> None:
    kind = changes.get("answer_kind", "")
    if kind not in K.values:
        raise ValidationError(_("请选择答复类型。"))
    current.answer_kind = kind
    current.reply = _required(changes.get("reply", ""), _("请填写答复内容。"))
    current.legal_basis = (changes.get("legal_basis") or "").strip()
    current.referral = (changes.get("referral") or "").strip()
    if kind in NEEDS_LEGAL_BASIS and not current.legal_basis:
        raise ValidationError(_("“%(kind)s”须写明法律依据和理由。") % {"kind": current.get_answer_kind_display()})
    if kind in NEEDS_REFERRAL and not current.referral:
        raise ValidationError(_("“非本机关负责”须告知负责公开该信息的机关及其联系方式。"))
    current.closed_at = timezone.now()


def store_file(
    request: DisclosureRequest, role: str, position: int, upload: UploadedFile, written: list[str]
) -> RequestFile:
    """Write ``upload`` to private storage as a file of ``request``; its name goes to ``written`` first."""
    item = RequestFile(request=request, role=role, position=position, original_name=upload.name[:200], size=upload.size)
    field, storage = item.file.field, item.file.storage
    name = storage.get_available_name(field.generate_filename(item, upload.name), field.max_length)
    # Noted before writing: a write that fails halfway leaves a partial file under this name.
    written.append(name)
    item.file.name = written[-1] = storage.save(name, upload, max_length=field.max_length)
    item.save()
    return item


def discard_files(names: list[str]) -> None:
    """Delete files written for a step or a request whose transaction did not commit."""
    storage = RequestFile._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("could not delete %s of a disclosure request that was not stored", name)
