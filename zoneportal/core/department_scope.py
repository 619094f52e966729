"""Back-office records that belong to a department: its staff manage its own, the office manages all.

For models that are not pages (FAQ entries, public comments …) Wagtail's
model permissions are all-or-nothing per model. Here the department decides:
a member of a department's editors or heads group may act on that
department's records only; the committee office's reviewers and
administrators act on every department's. :class:`DepartmentPermissionPolicy`
says so to Wagtail (menus, buttons, listings), and
:class:`DepartmentScopedViewSetMixin` enforces it in every view of a
``ModelViewSet``: another department's record is answered with 404, as if it
did not exist, and a refused action with the back office's Chinese 403 page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Department
from .ownership import is_office, office_condition, roles, user_departments


def managed_departments(user) -> QuerySet[Department]:
    """The departments whose records ``user`` may manage (all of them for the office)."""
    if is_office(user):
        return Department.objects.all()
    if not getattr(user, "is_active", False):
        return Department.objects.none()
    return user_departments(user)


def works_for_a_department(user) -> bool:
    """Whether ``user`` manages any department's records: the office, or a department's editor or head.

    Every menu item and button of the back office asks the policies below; the answer
    comes from the user's :func:`~.ownership.roles`, read once per request.
    """
    return is_office(user) or bool(roles(user).departments)


class DepartmentPermissionPolicy(BasePermissionPolicy):
    """Department staff may do ``actions`` on their department's instances of ``model``; the office on all.

    ``department_field`` is the lookup from the model to its department
    (``"department"``, or ``"page__department"`` for a comment on a page).
    """

    def __init__(
        self, model, department_field: str = "department", actions: Iterable[str] = ("add", "change", "delete")
    ):
        super().__init__(model)
        self.department_field = department_field
        self.actions = frozenset(actions)

    def _department_id(self, instance: Model) -> int | None:
        value = instance
        for part in self.department_field.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value.pk

    def user_has_permission(self, user, action: str) -> bool:
        if action not in self.actions and action != "view":
            return False
        return is_office(user) or works_for_a_department(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not (set(actions) & (self.actions | {"view"})):
            return users.none()
        staff = Department.objects.values("editors_group", "heads_group")
        in_department = Q(groups__in=[row["editors_group"] for row in staff if row["editors_group"]]) | Q(
            groups__in=[row["heads_group"] for row in staff if row["heads_group"]]
        )
        return users.filter(in_department | office_condition()).distinct()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if is_office(user):
            return True
        department_id = self._department_id(instance)
        return department_id is not None and managed_departments(user).filter(pk=department_id).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return instances.none()
        if is_office(user):
            return instances
        return instances.filter(**{f"{self.department_field}__in": managed_departments(user)})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class ScopedObjectMixin:
    """For a ModelViewSet's object views: another department's record is 404, a refused action 403."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if getattr(obj, "pk", None) is None:
            return obj  # a create view's new, empty object
        policy = self.permission_policy
        if isinstance(policy, DepartmentPermissionPolicy) and not policy.user_has_permission_for_instance(
            self.request.user, "view", obj
        ):
            raise Http404
        return obj


def scoped(view_class: type) -> type:
    """``view_class`` with :class:`ScopedObjectMixin` in front."""
    return type(f"Scoped{view_class.__name__}", (ScopedObjectMixin, view_class), {})


class DepartmentScopedViewSetMixin:
    """Put in front of ``ModelViewSet``: listings show the user's departments' records, object views refuse others'.

    The policy must be registered for the model with
    ``wagtail.permissions.register_permission_policy`` before the viewset is.
    """

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["change", "view"])

    def construct_view(self, view_class, **kwargs):
        # Imported here: admin views need the app registry, and this module is imported by models' forms.
        from .admin_views import answer_denial_with_403

        if hasattr(view_class, "get_object"):
            view_class = scoped(view_class)
        return answer_denial_with_403(super().construct_view(view_class, **kwargs))
