"""How a letter is handled: the allowed steps (办理环节) and nothing else.

待受理 → 已受理 (or 不予受理 with a reason) → 直办 / 转办 / 交办 → 办理中 → 待审核 (the
department head checks the reply) → 已答复 → 已评价 → 已归档. Each step is an
:class:`Action`; :func:`perform` refuses a step the letter's state does not allow,
changes the letter and logs a :class:`LetterEvent` in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zoneportal.core.approval_guards import check_public_text
from zoneportal.core.workdays import add_working_days

from .models import Letter, LetterEvent

S = Letter.Status


class IllegalTransition(ValidationError):
    """A step the letter's current state does not allow."""


@dataclass(frozen=True)
class Action:
    """One step: from which states it may be taken, the state it leads to, and whether the writer sees it."""

    label: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change (e.g. releasing a held letter)
    public: bool = True
    needs_note: bool = False


ACTIONS: dict[str, Action] = {
    "receive": Action(_("收到来信"), (), S.PENDING),
    "release": Action(_("审查通过（敏感词）"), (S.PENDING,), None, public=False),
    "accept": Action(_("受理"), (S.PENDING,), S.ACCEPTED),
    "reject": Action(_("不予受理"), (S.PENDING,), S.REJECTED, needs_note=True),
    "direct": Action(_("直办"), (S.ACCEPTED,), S.PROCESSING),
    "forward": Action(_("转办"), (S.ACCEPTED, S.PROCESSING), S.PROCESSING),
    "assign": Action(_("交办"), (S.ACCEPTED, S.PROCESSING), S.PROCESSING),
    "submit_reply": Action(_("提交答复审核"), (S.PROCESSING,), S.REVIEWING, public=False),
    "return_reply": Action(_("退回修改答复"), (S.REVIEWING,), S.PROCESSING, public=False, needs_note=True),
    "approve_reply": Action(_("答复"), (S.REVIEWING,), S.REPLIED),
    "rate": Action(_("来信人评价"), (S.REPLIED,), S.RATED),
    "reopen": Action(_("重新办理"), (S.RATED,), S.PROCESSING),
    "archive": Action(_("归档"), (S.REPLIED, S.RATED, S.REJECTED), S.ARCHIVED, public=False),
    "merge": Action(
        _("并入其他信件"), (S.PENDING, S.ACCEPTED, S.PROCESSING, S.REVIEWING), S.ARCHIVED, needs_note=False
    ),
}


def allowed_actions(letter: Letter) -> list[str]:
    """The names of the steps the letter's state allows now (for buttons; :func:`perform` checks again)."""
    names = [name for name, action in ACTIONS.items() if letter.status in action.sources]
    if letter.held_for_review:
        names = [n for n in names if n != "accept"]
    else:
        names = [n for n in names if n != "release"]
    if letter.status == S.RATED and (
        letter.reopen_count >= 1 or letter.satisfaction != Letter.Satisfaction.DISSATISFIED
    ):
        names = [n for n in names if n != "reopen"]
    return names


def perform(
    letter: Letter,
    action_name: str,
    *,
    user=None,
    note: str = "",
    department=None,
    **changes,
) -> Letter:
    """Take step ``action_name`` on ``letter``: check it is allowed, apply ``changes``, log it.

    The letter row is locked and re-read inside the transaction, so two handlers
    clicking at once cannot both move it. Raises :class:`IllegalTransition` with a
    Chinese message when the step is not allowed now.
    """
    action = ACTIONS[action_name]
    with transaction.atomic():
        # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to the category.
        current = Letter.objects.select_for_update(of=("self",)).select_related("mailbox", "category").get(pk=letter.pk)
        if action_name not in allowed_actions(current):
            raise IllegalTransition(
                _("信件当前状态为“%(status)s”，不能执行“%(action)s”。")
                % {"status": current.get_status_display(), "action": action.label}
            )
        if action.needs_note and not note.strip():
            raise ValidationError(_("请填写“%(action)s”的理由。") % {"action": action.label})
        if action_name == "approve_reply":
            # The reply becomes public: the compliance checks first (an ID number stops it, with the reason).
            check_public_text(current, changes.get("draft_reply", current.draft_reply), user)
        from_status = current.status
        _apply(current, action_name, note=note, department=department, changes=changes)
        if action.target:
            current.status = action.target
        current.save()
        LetterEvent.objects.create(
            letter=current,
            actor=user if user is not None and user.is_authenticated else None,
            action=action_name,
            from_status=from_status,
            to_status=current.status,
            department=current.department,
            note=note,
            is_public=action.public,
        )
    letter.refresh_from_db()
    return letter


def _apply(letter: Letter, action_name: str, *, note: str, department, changes: dict) -> None:
    """The field changes each step brings besides the state."""
    now = timezone.now()
    for field, value in changes.items():
        setattr(letter, field, value)
    if action_name == "release":
        letter.held_for_review = False
    elif action_name == "reject":
        letter.rejection_reason = note
    elif action_name == "direct":
        letter.disposition = Letter.Disposition.DIRECT
    elif action_name == "forward":
        letter.disposition = Letter.Disposition.FORWARD
        if department is not None:
            letter.department = department
        elif not letter.forwarded_to:
            raise ValidationError(_("请选择转办部门或填写转办单位。"))
    elif action_name == "assign":
        if department is None:
            raise ValidationError(_("请选择交办部门。"))
        letter.disposition = Letter.Disposition.ASSIGN
        letter.department = department
    elif action_name == "submit_reply":
        if not letter.draft_reply.strip():
            raise ValidationError(_("请填写拟答复内容。"))
    elif action_name == "approve_reply":
        letter.reply = letter.draft_reply
        letter.replied_at = now
        letter.reply_department = letter.department
    elif action_name == "rate":
        if letter.satisfaction not in Letter.Satisfaction.values:
            raise ValidationError(_("请选择满意度。"))
        letter.rated_at = now
    elif action_name == "reopen":
        letter.reopen_count += 1
        letter.due_on = add_working_days(now, letter.reply_days)
    elif action_name == "merge" and letter.merged_into_id is None:
        raise ValidationError(_("请选择要并入的信件。"))
