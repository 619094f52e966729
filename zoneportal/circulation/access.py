"""Who sees a document and who acts on it now (公文流转).

- On the route (may read the document and its attachments): the office, the drafting
  department's staff, the named reviewers and signers, and the recipient departments' staff.
- Acting now (the current step's assignees): 拟稿 the drafter; 审核 the named reviewers, else the
  drafting department's heads; 签发 the named signers, else the office; 待分发 the office;
  已分发 each recipient department's staff on its own row (签收, 办结), and the office (归档).

``pending_condition`` says it as one SQL condition, so the menu counts a person's pending
documents with one query; ``may_act`` asks the same condition about one document.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q, QuerySet

from zoneportal.core.models import Department
from zoneportal.core.ownership import OFFICE_REVIEWERS_GROUP, is_office, office_condition, roles

from .models import Distribution, OfficialDocument

State = OfficialDocument.State


def department_ids(user) -> set[int]:
    """The departments ``user`` works for (as editor or head), from their roles read once a request."""
    return set(roles(user).departments)


def drafting_departments(user) -> QuerySet[Department]:
    """The departments ``user`` may draft for: every one for the office, else their own."""
    if is_office(user):
        return Department.objects.all()
    return Department.objects.filter(pk__in=department_ids(user))


def _named(field: str) -> QuerySet:
    """The named reviewers or signers (``field``) of the outer document, as a subquery."""
    return getattr(OfficialDocument, field).through.objects.filter(officialdocument_id=OuterRef("pk"))


def _office_q(user) -> Q:
    """Whether ``user`` acts for the office, as a condition inside the same query (no query of its own)."""
    if user.is_superuser:
        return Q(pk__isnull=False)
    office_groups = Department.objects.filter(kind=Department.Kind.OFFICE)
    groups = Group.objects.filter(user=user).filter(
        Q(name=OFFICE_REVIEWERS_GROUP)
        | Q(pk__in=office_groups.values("editors_group"))
        | Q(pk__in=office_groups.values("heads_group"))
    )
    return Q(Exists(groups))


def pending_condition(user) -> Q:
    """Documents waiting for ``user``'s step (待我处理), as one condition without queries of its own."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    own_groups = Group.objects.filter(user=user).values("pk")
    own_departments = Department.objects.filter(Q(editors_group__in=own_groups) | Q(heads_group__in=own_groups)).values(
        "pk"
    )
    reviewers, signers = _named("reviewers"), _named("signers")
    open_rows = Distribution.objects.filter(
        document=OuterRef("pk"), done_at__isnull=True, department__in=own_departments
    )
    return (
        Q(state=State.DRAFT, drafter=user)
        | Q(state=State.REVIEW)
        & (
            Q(Exists(reviewers.filter(user_id=user.pk)))
            | (~Q(Exists(reviewers)) & Q(department__heads_group__in=own_groups))
        )
        | Q(state=State.SIGNING)
        & (Q(Exists(signers.filter(user_id=user.pk))) | (~Q(Exists(signers)) & _office_q(user)))
        | Q(state=State.SIGNED) & _office_q(user)
        | Q(state=State.DISTRIBUTED) & Q(Exists(open_rows))
    )


def pending_documents(user) -> QuerySet[OfficialDocument]:
    """待我处理: the documents whose current step is ``user``'s."""
    return OfficialDocument.objects.filter(pending_condition(user))


def pending_count(user) -> int:
    """How many documents wait for ``user`` (one query: the menu shows it)."""
    return pending_documents(user).count()


def visible_documents(user) -> QuerySet[OfficialDocument]:
    """Every document whose route ``user`` is on (all of them for the office)."""
    if is_office(user):
        return OfficialDocument.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return OfficialDocument.objects.none()
    departments = department_ids(user)
    return OfficialDocument.objects.filter(
        Q(drafter=user)
        | Q(department__in=departments)
        | Q(Exists(_named("reviewers").filter(user_id=user.pk)))
        | Q(Exists(_named("signers").filter(user_id=user.pk)))
        | Q(Exists(Distribution.objects.filter(document=OuterRef("pk"), department__in=departments)))
    )


def on_route(user, document: OfficialDocument) -> bool:
    """Whether ``user`` may read ``document`` (its page, its attachments, its route)."""
    return visible_documents(user).filter(pk=document.pk).exists()


def may_act(user, document: OfficialDocument) -> bool:
    """Whether the document's current step (拟稿, 审核, 签发, 分发) is ``user``'s."""
    if document.state == State.DISTRIBUTED:
        return False  # recipients act on their own rows (may_handle); the office archives (may_archive)
    return pending_documents(user).filter(pk=document.pk).exists()


def may_handle(user, distribution: Distribution) -> bool:
    """Whether ``user`` signs for (签收) and completes (办结) this recipient department's copy."""
    return distribution.department_id in department_ids(user)


def may_archive(user) -> bool:
    """The office archives a distributed document (归档) without waiting for every recipient."""
    return is_office(user)


def assignees(document: OfficialDocument) -> QuerySet:
    """The people the document's current step waits for (they are notified when it reaches them)."""
    users = get_user_model().objects.filter(is_active=True)
    if document.state == State.DRAFT:
        return users.filter(pk=document.drafter_id)
    if document.state == State.REVIEW:
        if document.reviewers.exists():
            return document.reviewers.filter(is_active=True)
        return users.filter(groups=document.department.heads_group_id).distinct()
    if document.state == State.SIGNING and document.signers.exists():
        return document.signers.filter(is_active=True)
    if document.state in (State.SIGNING, State.SIGNED):
        return users.filter(office_condition(superusers=False)).distinct()
    if document.state == State.DISTRIBUTED:
        departments = Department.objects.filter(received_documents__document=document, received_documents__done_at=None)
        groups = [pk for pair in departments.values_list("editors_group", "heads_group") for pk in pair if pk]
        return users.filter(groups__in=groups).distinct()
    return users.none()
