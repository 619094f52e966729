"""The back office's lead form."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm


class LeadForm(WagtailAdminModelForm):
    """A new follow-up without 跟进人 is the editor's own."""

    def save(self, commit: bool = True):
        user = getattr(self, "for_user", None)
        for form in self.formsets["follow_ups"].forms:
            if form.has_changed() and not form.instance.who_id and user is not None:
                form.instance.who = user
        return super().save(commit=commit)
