"""The demo's 安置与失地保障 (``load_demo``): one relocation total, housing sites by stage, one insurance batch.

Content in ``zoneportal/demo/content/resettlement.py``, figures in ``facts.py``;
every record belongs to 国土建设分局 and is checked with the models' own rules.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from zoneportal.demo.content import facts
from zoneportal.demo.content import resettlement as content
from zoneportal.investment.demo import LAND_DEPARTMENT, saved

from .models import HousingSite, InsuranceBatch, Relocation

if TYPE_CHECKING:
    from zoneportal.demo.builder import DemoBuilder


def steps() -> int:
    """How many progress ticks :func:`build` makes."""
    return 1 + len(facts.HOUSING_SITES) + 1


def build(builder: DemoBuilder) -> None:
    """Create the demo's resettlement records."""
    tick = builder.progress.tick
    land = builder.departments[LAND_DEPARTMENT]
    saved(
        Relocation(
            village=content.ZONE_TOTAL,
            approximate=True,
            department=land,
            note=content.RELOCATION_NOTE,
            **facts.RELOCATION,
        )
    )
    tick()
    for stage, sites, area, moved_in in facts.HOUSING_SITES:
        name, note = content.HOUSING_NAMES[stage]
        if stage == "completed":
            note = f"{note}{content.HOUSING_NOTE}"
        saved(
            HousingSite(
                name=name,
                stage=stage,
                site_count=sites,
                floor_area=Decimal(area),
                households_moved_in=moved_in,
                department=land,
                note=note,
            )
        )
        tick()
    saved(
        InsuranceBatch(
            batch=content.INSURANCE_BATCH,
            insured=facts.INSURED,
            monthly_benefit=Decimal(facts.MONTHLY_BENEFIT),
            department=land,
            note=content.INSURANCE_NOTE,
        )
    )
    tick()


def remove(departments) -> None:
    """Delete the demo's resettlement records (before the departments they belong to)."""
    for model in (Relocation, HousingSite, InsuranceBatch):
        model.objects.filter(department__in=departments).delete()
