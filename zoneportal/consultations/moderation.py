"""The back office's moderation form for comments (kept apart from the models, which use it)."""

from __future__ import annotations

from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm


class ModerationForm(WagtailAdminModelForm):
    """Moderating a comment records who decided and when."""

    def save(self, commit: bool = True):
        if "status" in self.changed_data or "response" in self.changed_data:
            self.instance.moderated_at = timezone.now()
            if self.for_user is not None:
                self.instance.moderated_by = self.for_user
        return super().save(commit)
