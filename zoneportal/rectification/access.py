"""Who may do what with the ledger.

- The committee office (the group 管委会办公室审核) and administrators see, open, edit
  and delete every item, return an 已整改 item and close it (销号).
- A department's editors and heads see, open and edit their own department's items and
  report them rectified (已整改); another department's item is not found (404).

The rules come from the departments' groups, not from Django's model permissions, so
a new department works at once; ``LedgerPermissionPolicy`` gives Wagtail's
generic views the same answers.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy

from zoneportal.core.models import Department
from zoneportal.core.ownership import is_office, office_condition, roles

from .models import RectificationItem

#: What a department's staff may do on the generic views (no delete: a ledger entry is a record).
DEPARTMENT_ACTIONS = frozenset({"add", "change", "view"})
OFFICE_ACTIONS = frozenset({"add", "change", "delete", "view"})


def department_ids(user) -> set[int]:
    """The departments ``user`` works for (as editor or head)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    return set(roles(user).departments)


def departments_for(user) -> QuerySet[Department]:
    """The departments ``user`` may give an item to."""
    if is_office(user):
        return Department.objects.all()
    return Department.objects.filter(pk__in=department_ids(user))


def visible_items(user, queryset: QuerySet | None = None) -> QuerySet[RectificationItem]:
    """The items ``user`` may see: all for the office, the own department's for its staff."""
    queryset = RectificationItem.objects.all() if queryset is None else queryset
    if is_office(user):
        return queryset
    return queryset.filter(department_id__in=department_ids(user))


def may_see(user, item: RectificationItem) -> bool:
    """Whether ``user`` may open ``item`` at all."""
    return is_office(user) or item.department_id in department_ids(user)


def may_report_rectified(user, item: RectificationItem) -> bool:
    """The responsible department (or the office) reports the rectification done."""
    return may_see(user, item)


def may_edit(user, item: RectificationItem) -> bool:
    """A closed (已销号) item is a settled record: only the office still corrects it."""
    if item.state == RectificationItem.State.CLOSED:
        return is_office(user)
    return may_see(user, item)


def may_review(user) -> bool:
    """Only the office returns an item (退回) or closes it (销号)."""
    return is_office(user)


class LedgerPermissionPolicy(BasePermissionPolicy):
    """Wagtail's permission questions about ``RectificationItem``, answered from the rules above."""

    def __init__(self) -> None:
        super().__init__(RectificationItem)

    def _actions(self, user) -> frozenset[str]:
        if is_office(user):
            return OFFICE_ACTIONS
        if department_ids(user):
            return DEPARTMENT_ACTIONS
        return frozenset()

    def user_has_permission(self, user, action: str) -> bool:
        return action in self._actions(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return bool(self._actions(user) & set(actions))

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "change" and not may_edit(user, instance):
            return False
        return self.user_has_permission(user, action) and may_see(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return self.user_has_any_permission(user, actions) and may_see(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return RectificationItem.objects.none()
        return visible_items(user)

    def instances_user_has_permission_for(self, user, action: str) -> QuerySet:
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission(self, actions) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        condition = office_condition()
        if set(actions) & DEPARTMENT_ACTIONS:
            groups = Department.objects.values_list("editors_group", "heads_group")
            group_ids = {pk for pair in groups for pk in pair if pk}
            condition |= Q(groups__in=group_ids)
        return users.filter(condition).distinct()

    def users_with_permission(self, action: str) -> QuerySet:
        return self.users_with_any_permission([action])

    def users_with_any_permission_for_instance(self, actions, instance) -> QuerySet:
        users = get_user_model().objects.filter(is_active=True)
        condition = office_condition()
        department = instance.department
        if set(actions) & DEPARTMENT_ACTIONS:
            group_ids = [pk for pk in (department.editors_group_id, department.heads_group_id) if pk]
            condition |= Q(groups__in=group_ids)
        return users.filter(condition).distinct()
