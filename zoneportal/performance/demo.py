"""The demo's 考核目标 (``load_demo``): a target for each demo department for the current year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from .models import PerformanceTarget

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder

#: department slug → (items, per, max days between updates, max review working days)
TARGETS = {
    "bangongshi": (8, PerformanceTarget.Per.MONTH, 14, 2),
    "zhaoshang": (12, PerformanceTarget.Per.QUARTER, 30, 3),
    "caizheng": (12, PerformanceTarget.Per.YEAR, 90, 3),
    "guotu": (6, PerformanceTarget.Per.QUARTER, 60, 3),
    "fuwu": (4, PerformanceTarget.Per.MONTH, 30, 2),
}


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return len(TARGETS)


def build(builder: DemoBuilder) -> None:
    """Create this year's targets of the demo departments."""
    year = timezone.localdate().year
    for slug, (items, per, days, workdays) in TARGETS.items():
        PerformanceTarget.objects.update_or_create(
            department=builder.departments[slug],
            year=year,
            defaults={
                "items": items,
                "items_per": per,
                "max_days_between_updates": days,
                "max_turnaround_workdays": workdays,
            },
        )
        builder.progress.tick()
