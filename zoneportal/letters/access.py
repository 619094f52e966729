"""Who sees which letters in the back office, and who may take which step (the inbox's matrix).

Three roles, read from the groups ``core.ownership`` gives every department:

- **editor** (承办人) — a member of the letter's department's editors group: handles it;
- **head** (部门负责人) — a member of its heads group: also checks and sends replies;
- **office** (管委会办公室) — superusers, the office reviewers and both groups of the
  office department (``Department.Kind.OFFICE``): sees every letter and may take every step.

Department staff see only their department's letters; a letter of another department
is answered with 404 by every view. :data:`STEP_ROLES` is the whole matrix
(docs/operations.md shows it as a table); the state rules stay in ``workflow.allowed_actions``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from zoneportal.core.ownership import is_office, roles
from zoneportal.core.workdays import add_working_days

from .models import OPEN_STATUSES, Letter
from .workflow import allowed_actions

EDITOR, HEAD, OFFICE = "editor", "head", "office"

#: Steps of the inbox that are not state changes of ``workflow.ACTIONS``.
DRAFT, PUBLISH = "draft", "publish"

#: Which roles may take each step (the state must also allow it: ``workflow.allowed_actions``).
STEP_ROLES: dict[str, frozenset[str]] = {
    "release": frozenset({HEAD, OFFICE}),
    "accept": frozenset({EDITOR, HEAD, OFFICE}),
    "reject": frozenset({HEAD, OFFICE}),
    "direct": frozenset({EDITOR, HEAD, OFFICE}),
    "forward": frozenset({HEAD, OFFICE}),
    "assign": frozenset({OFFICE}),
    DRAFT: frozenset({EDITOR, HEAD, OFFICE}),
    "submit_reply": frozenset({EDITOR, HEAD, OFFICE}),
    "return_reply": frozenset({HEAD, OFFICE}),
    "approve_reply": frozenset({HEAD, OFFICE}),
    "reopen": frozenset({HEAD, OFFICE}),
    "archive": frozenset({EDITOR, HEAD, OFFICE}),
    PUBLISH: frozenset({HEAD, OFFICE}),
}

#: A published letter must have an answer to show.
PUBLISHABLE_STATUSES = (Letter.Status.REPLIED, Letter.Status.RATED, Letter.Status.ARCHIVED)

#: "Near the deadline": this many working days left or fewer.
NEAR_DAYS = 2


@dataclass(frozen=True)
class Staff:
    """One user's place in the letters' back office, read once per request."""

    user: AbstractBaseUser | AnonymousUser
    office: bool
    head_of: frozenset[int]  # department ids
    editor_of: frozenset[int]

    @classmethod
    def of(cls, user: AbstractBaseUser | AnonymousUser) -> Staff:
        """The roles of ``user`` (none for an anonymous or inactive user)."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return cls(user, False, frozenset(), frozenset())
        user_roles = roles(user)
        return cls(user, is_office(user), user_roles.head_of, user_roles.editor_of)

    @property
    def has_inbox(self) -> bool:
        """Whether the user handles letters at all (sees the menu item and the inbox)."""
        return self.office or bool(self.head_of or self.editor_of)

    def letters(self) -> QuerySet[Letter]:
        """The letters the user may see: all for the office, else those of their departments."""
        letters = Letter.objects.all()
        if self.office:
            return letters
        return letters.filter(department_id__in=self.head_of | self.editor_of)

    def roles(self, letter: Letter) -> set[str]:
        """The user's roles for this letter (empty: they may not even see it)."""
        roles = set()
        if self.office:
            roles.add(OFFICE)
        if letter.department_id in self.head_of:
            roles.add(HEAD)
        if letter.department_id in self.editor_of:
            roles.add(EDITOR)
        return roles

    def may_see(self, letter: Letter) -> bool:
        return bool(self.roles(letter))

    def may(self, letter: Letter, step: str) -> bool:
        """Whether the user's roles allow ``step`` on this letter (the letter's state is checked apart)."""
        return bool(self.roles(letter) & STEP_ROLES.get(step, frozenset()))

    def steps(self, letter: Letter) -> list[str]:
        """The steps this user may take on the letter now: allowed by its state and by the matrix."""
        names = [name for name in allowed_actions(letter) if name in STEP_ROLES]
        if letter.status == Letter.Status.PROCESSING:
            names.insert(names.index("submit_reply") if "submit_reply" in names else len(names), DRAFT)
        if publishable(letter):
            names.append(PUBLISH)
        return [name for name in names if self.may(letter, name)]

    def waiting(self) -> QuerySet[Letter]:
        """The letters waiting for this user (the menu's count, the filter 等我办理): :meth:`waiting_condition`."""
        return self.letters().filter(self.waiting_condition())

    def waiting_condition(self) -> Q:
        """Which of :meth:`letters` wait for this user, as a filter.

        The office: letters to accept or hand on (待受理, 已受理) anywhere. A head: their
        department's letters to accept, hand on or check (待受理, 已受理, 待审核). An editor:
        their department's letters to accept, hand on or answer (held letters wait for a head).
        """
        condition = Q(pk__in=[])
        if self.office:
            condition |= Q(status__in=(Letter.Status.PENDING, Letter.Status.ACCEPTED))
        if self.head_of:
            condition |= Q(
                department_id__in=self.head_of,
                status__in=(Letter.Status.PENDING, Letter.Status.ACCEPTED, Letter.Status.REVIEWING),
            )
        if self.editor_of:
            condition |= Q(department_id__in=self.editor_of) & (
                Q(status=Letter.Status.PENDING, held_for_review=False)
                | Q(status__in=(Letter.Status.ACCEPTED, Letter.Status.PROCESSING))
            )
        return condition & Q(merged_into__isnull=True)


def publishable(letter: Letter) -> bool:
    """Whether staff may show the letter on the website: the writer agreed and it has been answered."""
    return letter.is_public and letter.status in PUBLISHABLE_STATUSES and bool(letter.reply.strip())


def overdue(letters: QuerySet[Letter], today: datetime.date | None = None) -> QuerySet[Letter]:
    """Open letters past their deadline."""
    today = today or timezone.localdate()
    return letters.filter(status__in=OPEN_STATUSES, due_on__lt=today)


def near_deadline(letters: QuerySet[Letter], today: datetime.date | None = None) -> QuerySet[Letter]:
    """Open letters due within :data:`NEAR_DAYS` working days (today included), not yet overdue."""
    today = today or timezone.localdate()
    return letters.filter(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=add_working_days(today, NEAR_DAYS))
