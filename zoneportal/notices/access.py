"""Who may send, manage and read notices (checked by every view, not only by hiding menu entries).

- **Send** (起草、发布、撤回、催办, and see the receipts): the office (``core.ownership.is_office``) in the name
  of any department, a department's heads (负责人) in the name of their own department.
- **Read**: the staff (editors and heads) of a recipient department, once the notice is published; the
  notice's managers always. Everyone else gets the back office's Chinese 403.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from zoneportal.core.models import Department
from zoneportal.core.ownership import is_office, user_departments

from .models import Notice


def sending_departments(user) -> QuerySet[Department]:
    """The departments ``user`` may send notices for: all for the office, else the ones they head."""
    if is_office(user):
        return Department.objects.all()
    if not getattr(user, "is_active", False):
        return Department.objects.none()
    return Department.objects.filter(heads_group__user=user).distinct()


def may_send(user) -> bool:
    """Whether ``user`` may write notices at all (the office, or a department head)."""
    return sending_departments(user).exists()


def may_manage(user, notice: Notice) -> bool:
    """Whether ``user`` may edit, publish, withdraw or remind ``notice`` and see its receipts."""
    return sending_departments(user).filter(pk=notice.sender_id).exists()


def is_recipient(user, notice: Notice) -> bool:
    """Whether ``user`` works for one of the departments ``notice`` is addressed to (whatever its state)."""
    return user_departments(user).filter(received_notices=notice).exists()


def may_read(user, notice: Notice) -> bool:
    """Whether ``user`` may open ``notice``: a recipient once it is out of draft, or one of its managers."""
    if notice.state != Notice.State.DRAFT and is_recipient(user, notice):
        return True
    return may_manage(user, notice)


def received_notices(user) -> QuerySet[Notice]:
    """The notices in ``user``'s inbox: published or withdrawn, addressed to a department they work for."""
    departments = user_departments(user)
    return Notice.objects.exclude(state=Notice.State.DRAFT).filter(departments__in=departments).distinct()


def sent_notices(user) -> QuerySet[Notice]:
    """The notices ``user`` manages (any state): the office's all, a head's their departments'."""
    if is_office(user):
        return Notice.objects.all()
    return Notice.objects.filter(sender__in=sending_departments(user))


def unread(user) -> QuerySet[Notice]:
    """The published notices addressed to ``user``'s departments that they have not opened yet."""
    if not getattr(user, "is_authenticated", False):
        return Notice.objects.none()
    in_department = Q(departments__editors_group__user=user) | Q(departments__heads_group__user=user)
    return Notice.objects.filter(in_department, state=Notice.State.PUBLISHED).exclude(receipts__user=user).distinct()


def unread_count(user) -> int:
    """How many notices ``user`` has not opened yet (one query)."""
    return unread(user).values("pk").count()


def recipient_people(notice: Notice) -> QuerySet:
    """The active people (editors and heads) of the departments ``notice`` is addressed to."""
    groups = [pk for pair in notice.departments.values_list("editors_group", "heads_group") for pk in pair if pk]
    return get_user_model().objects.filter(is_active=True, groups__in=groups).distinct().order_by("username")
