"""What a letter leads to beyond its reply: an FAQ entry (转为问答) and a ledger item (开立整改事项).

Both are taken from the letter's page in the back office (``admin_views.LetterToFaqView``
and ``LetterToLedgerView``) by people who may see the letter **and** may own the new
record in the other app: the FAQ's department policy (``core.department_scope``) and
the ledger's (``rectification.access``) decide that, not the letters' matrix, since a
member of the office department handles every letter but edits only the FAQ and ledger
items the office reviewers' group allows. Each is logged on the letter as a
:class:`~zoneportal.letters.models.LetterEvent` the writer does not see.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from zoneportal.core.department_scope import DepartmentPermissionPolicy
from zoneportal.faq.models import FaqEntry
from zoneportal.faq.services import entry_from_reply
from zoneportal.rectification import access as ledger_access
from zoneportal.rectification.models import RectificationItem
from zoneportal.rectification.services import open_item

from .access import PUBLISHABLE_STATUSES, Staff
from .models import Letter, LetterEvent

TO_FAQ, TO_LEDGER = "to_faq", "to_rectification"

#: A letter that was never accepted (or was merged into another) reveals no problem of its own to rectify.
NOT_FOR_LEDGER = (Letter.Status.PENDING, Letter.Status.REJECTED)

_faq_policy = DepartmentPermissionPolicy(FaqEntry)


def answer_department(letter: Letter):
    """The department that answered the letter (the one handling it, if the reply predates that field)."""
    return letter.reply_department or letter.department


def is_answered(letter: Letter) -> bool:
    """Whether the letter has a sent reply (已答复, 已评价, or archived after one)."""
    return letter.status in PUBLISHABLE_STATUSES and bool(letter.reply.strip()) and letter.replied_at is not None


def may_make_faq(staff: Staff, letter: Letter) -> bool:
    """The letter's staff (or the office) who may add the answering department's FAQ entries."""
    if not staff.may_see(letter):
        return False
    probe = FaqEntry(department=answer_department(letter))
    return _faq_policy.user_has_permission_for_instance(staff.user, "add", probe)


def faq_entry_of(letter: Letter) -> FaqEntry | None:
    """The FAQ entry already made from this letter, if any (its tracking number is the entry's source)."""
    return FaqEntry.objects.filter(source_reference=letter.tracking_number).order_by("pk").first()


def make_faq(staff: Staff, letter: Letter) -> tuple[FaqEntry, bool]:
    """Turn the answered letter into an unpublished FAQ entry, once; returns the entry and whether it is new.

    The question is the letter's subject and content (``entry_from_reply`` shortens it),
    the answer its reply, the department the one that answered. The letter's row is
    locked, so two clicks make one entry; a second request finds the first entry.
    """
    with transaction.atomic():
        current = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
        existing = faq_entry_of(current)
        if existing is not None:
            return existing, False
        question = current.subject.strip()
        content = " ".join(current.content.split())
        if content:
            question = f"{question}：{content}"
        entry = entry_from_reply(
            question=question,
            answer=current.reply,
            department=answer_department(current),
            source_reference=current.tracking_number,
            user=staff.user,
        )
        log(current, TO_FAQ, staff.user, _("问答 #%(pk)s（未公开）") % {"pk": entry.pk})
    return entry, True


def may_open_ledger_item(staff: Staff, letter: Letter) -> bool:
    """The letter's staff (or the office) who may give a ledger item to the letter's department, once accepted."""
    if letter.status in NOT_FOR_LEDGER or letter.merged_into_id or not staff.may_see(letter):
        return False
    return ledger_access.departments_for(staff.user).filter(pk=letter.department_id).exists()


def ledger_items_of(letter: Letter):
    """The ledger items opened from this letter (its tracking number is their source reference)."""
    return RectificationItem.objects.filter(
        source_kind=RectificationItem.SourceKind.LETTER, source_reference=letter.tracking_number
    ).order_by("pk")


def open_ledger_item(staff: Staff, letter: Letter) -> RectificationItem:
    """Open a ledger item (整改中) for the letter's department, its source this letter; logged on the letter.

    ``open_item`` checks the department again (``PermissionDenied`` for another one).
    The measures, person and deadline are completed on the item's edit page.
    """
    with transaction.atomic():
        current = Letter.objects.select_for_update(of=("self",)).get(pk=letter.pk)
        item = open_item(
            title=current.subject,
            description=current.content,
            source_kind=RectificationItem.SourceKind.LETTER,
            source_reference=current.tracking_number,
            source_url=reverse("letters_inbox:detail", args=[current.pk]),
            department=current.department,
            user=staff.user,
        )
        log(current, TO_LEDGER, staff.user, _("整改事项 #%(pk)s：%(title)s") % {"pk": item.pk, "title": item.title})
    return item


def log(letter: Letter, action: str, user, note: str) -> LetterEvent:
    """A log entry on the letter that the writer does not see (the state does not change)."""
    return LetterEvent.objects.create(
        letter=letter,
        actor=user,
        action=action,
        from_status=letter.status,
        to_status=letter.status,
        department=letter.department,
        note=note,
        is_public=False,
    )
