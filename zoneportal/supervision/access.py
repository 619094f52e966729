"""Who may do what with 督办事项 (checked by the services and the views, not only by hiding buttons).

- **The office** (``core.ownership.is_office``) sees every item, assigns, closes and withdraws them.
- **An assigned department's heads and editors** see their department's items and report progress.
- Everyone else sees nothing (403 for the list, 404 for an item).
"""

from __future__ import annotations

from django.db.models import QuerySet

from zoneportal.core.department_scope import works_for_a_department
from zoneportal.core.ownership import is_office, user_departments

from .models import SupervisionItem


def may_use(user) -> bool:
    """Whether ``user`` may open the 督办事项 list: the office and the staff of a department."""
    return works_for_a_department(user)  # from the user's roles, read once a request


def visible_items(user) -> QuerySet:
    """The items ``user`` sees: all for the office, else those assigned to one of their departments."""
    if is_office(user):
        return SupervisionItem.objects.all()
    return SupervisionItem.objects.filter(departments__in=user_departments(user)).distinct()


def reporting_departments(user, item: SupervisionItem) -> QuerySet:
    """The item's assigned departments ``user`` works for (the ones they may report for)."""
    return item.departments.filter(pk__in=user_departments(user).values("pk"))


def may_report(user, item: SupervisionItem) -> bool:
    """The assigned departments' heads and editors report progress (the office may add a note too)."""
    return is_office(user) or reporting_departments(user, item).exists()
