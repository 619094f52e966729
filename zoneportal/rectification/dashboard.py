"""整改期限提醒 on the back office's dashboard: overdue and near-deadline items.

The office sees every department's; a department's editors and heads see their
own. Nothing is shown to users without ledger items to watch.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from . import access, deadlines
from .models import RectificationItem

#: At most this many items per list; the link to the filtered listing shows the rest.
PANEL_LIMIT = 15


class DeadlinePanel(Component):
    """整改期限提醒: two lists, 已逾期 and 临近期限, with their department and deadline."""

    name = "rectification_deadlines"
    template_name = "rectification/dashboard/deadlines.html"
    order = 145

    def __init__(self, overdue: list[RectificationItem], near: list[RectificationItem], counts: dict) -> None:
        self.overdue = overdue
        self.near = near
        self.counts = counts

    @classmethod
    def for_user(cls, user) -> DeadlinePanel | None:
        """The panel of ``user``'s items, or None when the user has no part in the ledger."""
        if not (access.is_office(user) or access.department_ids(user)):
            return None
        today = deadlines.today()
        items = access.visible_items(user).select_related("department")
        overdue_items = items.filter(deadlines.overdue_q(today)).order_by("deadline", "pk")
        near_items = items.filter(deadlines.near_q(today)).order_by("deadline", "pk")
        overdue = list(overdue_items[:PANEL_LIMIT])
        near = list(near_items[:PANEL_LIMIT])
        for item in overdue + near:
            item.flag = deadlines.deadline_label(item, today)
        counts = {"overdue": overdue_items.count(), "near": near_items.count()}
        return cls(overdue, near, counts)

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {
            "overdue": self.overdue,
            "near": self.near,
            "counts": self.counts,
            "near_days": deadlines.NEAR_WORKING_DAYS,
            "overdue_filter": f"?deadline_status={deadlines.OVERDUE}",
            "near_filter": f"?deadline_status={deadlines.NEAR}",
        }


def add_deadline_panel(request, panels: list) -> None:
    """The ``construct_homepage_panels`` hook."""
    panel = DeadlinePanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
