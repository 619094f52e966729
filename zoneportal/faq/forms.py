"""The back office's form for an FAQ entry: a department's staff file entries under their own department only."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from zoneportal.core.department_scope import managed_departments


class DepartmentOwnedForm(WagtailAdminModelForm):
    """The ``department`` field offers only the departments the user manages (all of them for the office).

    Choosing another department is then an invalid choice, refused by the form
    itself, whatever the browser sends.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("department")
        if field is not None and self.for_user is not None:
            field.queryset = managed_departments(self.for_user)
            # A plain list instead of the snippet chooser, which would browse every department.
            field.widget = forms.Select(choices=field.choices)
            if not self.instance.pk and field.queryset.count() == 1:
                field.initial = field.queryset.first().pk

    def save(self, commit: bool = True):
        if not self.instance.pk and getattr(self.instance, "created_by_id", 1) is None and self.for_user:
            self.instance.created_by = self.for_user
        return super().save(commit)
