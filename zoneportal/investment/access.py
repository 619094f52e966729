"""Who may do what with the investment records: every department reads them, the owning department edits.

Parks, enterprises and projects are the zone's shared picture — 国土建设分局
plans land around projects that 招商发展分局 keeps — so any department's staff
may list and open every record, but only the department a record belongs to
(and the committee office) may change or delete it. A refused edit or delete
is answered with the back office's Chinese 403 page, whatever the browser
sends: the check is made on the object in the view, not only by hiding buttons.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from zoneportal.core.department_scope import DepartmentPermissionPolicy, DepartmentScopedViewSetMixin

#: Actions that change a record: only its department (and the office) may do them.
CHANGING_ACTIONS = frozenset({"change", "delete"})


class InvestmentPermissionPolicy(DepartmentPermissionPolicy):
    """Department staff read every record; they change and delete only their department's."""

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        if action == "view":
            return self.user_has_permission(user, "view")
        return super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" in actions and self.user_has_permission(user, "view"):
            return self.model._default_manager.all()
        return super().instances_user_has_any_permission_for(user, actions)


class OwnDepartmentChangesMixin:
    """For an edit or delete view: the record must be one the user's department may change (else 403)."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        action = getattr(self, "permission_required", None)
        if (
            action in CHANGING_ACTIONS
            and getattr(obj, "pk", None) is not None
            and not self.permission_policy.user_has_permission_for_instance(self.request.user, action, obj)
        ):
            raise PermissionDenied
        return obj


class InvestmentViewSetMixin(DepartmentScopedViewSetMixin):
    """Put in front of ``SnippetViewSet``: lists show every record, edits and deletes stay with the department."""

    copy_view_enabled = False  # a copy would duplicate a credit code or a year's rows: records are entered anew

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["view"])

    def construct_view(self, view_class, **kwargs):
        if getattr(view_class, "permission_required", None) in CHANGING_ACTIONS:
            view_class = type(f"OwnDepartment{view_class.__name__}", (OwnDepartmentChangesMixin, view_class), {})
        return super().construct_view(view_class, **kwargs)
