"""督办事项提醒 on the back office's dashboard: open items past or near their deadline.

The office sees every item; a department's staff see the items assigned to their departments. Nothing is shown
to people who have no part in 督办, nor when nothing is flagged.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import access, deadlines
from .models import SupervisionItem

#: At most this many items; the links to the filtered list show the rest.
PANEL_LIMIT = 10


class DeadlinePanel(Component):
    """督办事项提醒: the flagged items, the overdue first, with their lead department and deadline."""

    name = "supervision_deadlines"
    template_name = "supervision/dashboard/deadlines.html"
    order = 146

    def __init__(self, items: list[SupervisionItem], counts: dict[str, int]) -> None:
        self.items = items
        self.counts = counts

    @classmethod
    def for_user(cls, user) -> DeadlinePanel | None:
        """The panel of ``user``'s flagged items, or None (no part in 督办, or nothing flagged)."""
        if not access.may_use(user):
            return None
        today = timezone.localdate()
        flagged = access.visible_items(user).filter(
            state=SupervisionItem.State.OPEN, due_on__lt=deadlines.near_limit(today)
        )
        counts = flagged.aggregate(
            overdue=Count("pk", filter=Q(due_on__lt=today), distinct=True),
            near=Count("pk", filter=Q(due_on__gte=today), distinct=True),
        )
        if not counts["overdue"] and not counts["near"]:
            return None
        items = list(flagged.select_related("lead_department").order_by("due_on", "pk")[:PANEL_LIMIT])
        for item in items:
            item.flag = deadlines.flag(item, today)
        return cls(items, counts)

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {
            "items": self.items,
            "counts": self.counts,
            "near_days": deadlines.NEAR_WORKING_DAYS,
            "overdue_flag": deadlines.FLAG_OVERDUE,
            "near_flag": deadlines.FLAG_NEAR,
        }


def add_deadline_panel(request, panels: list) -> None:
    """The ``construct_homepage_panels`` hook."""
    panel = DeadlinePanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
