"""依申请公开期限提醒 on the office's dashboard: requests past or near their answer deadline."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.admin.ui.components import Component

from zoneportal.core.ownership import is_office
from zoneportal.core.workdays import working_days_left

from . import deadlines
from .admin_views import open_requests_needing_attention

#: At most this many requests per list; the link to the filtered listing shows the rest.
PANEL_LIMIT = 10


class DeadlinePanel(Component):
    """Two lists, 已超期 and 临近期限, each request with its deadline and the working days past or left."""

    name = "disclosure_deadlines"
    template_name = "disclosure/admin/dashboard_panel.html"
    order = 146

    def __init__(self, overdue: list, near: list, counts: dict) -> None:
        self.overdue, self.near, self.counts = overdue, near, counts

    @classmethod
    def for_user(cls, user) -> DeadlinePanel | None:
        """The panel for the office; None for anyone else, or when nothing is late or near."""
        if not is_office(user):
            return None
        today = timezone.localdate()
        lists = open_requests_needing_attention(today)
        counts = {flag: queryset.count() for flag, queryset in lists.items()}
        if not any(counts.values()):
            return None
        rows = {}
        for flag, queryset in lists.items():
            rows[flag] = [
                # Working days left, or (overdue) how many have passed.
                (item, abs(working_days_left(item.due_on, today)))
                for item in queryset[:PANEL_LIMIT]
            ]
        return cls(rows[deadlines.OVERDUE], rows[deadlines.NEAR], counts)

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {
            "overdue": self.overdue,
            "near": self.near,
            "counts": self.counts,
            "near_days": deadlines.NEAR_DAYS,
            "overdue_filter": f"?deadline={deadlines.OVERDUE}",
            "near_filter": f"?deadline={deadlines.NEAR}",
        }


def add_deadline_panel(request, panels: list) -> None:
    """The ``construct_homepage_panels`` hook."""
    panel = DeadlinePanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
