"""Who sees the performance report: the office every department, a department's head their own."""

from __future__ import annotations

from django.db.models import QuerySet

from zoneportal.core.models import Department
from zoneportal.core.ownership import is_office, roles


def visible_departments(user) -> QuerySet:
    """The departments whose figures ``user`` may read (none for editors and everyone else)."""
    if is_office(user):
        return Department.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Department.objects.none()
    return Department.objects.filter(heads_group__user=user).distinct()


def may_read(user) -> bool:
    """Whether ``user`` may open the report at all."""
    return is_office(user) or bool(roles(user).head_of)  # as visible_departments, without a query
