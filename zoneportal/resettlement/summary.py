"""The resettlement figures of the zone in one place: totals and rates for reports, dashboards and the public page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Sum

from . import figures
from .models import HousingSite, InsuranceBatch, Relocation, SiteStage


@dataclass(frozen=True)
class Summary:
    """Totals over every record; rates in %, None where the base is missing."""

    households_relocated: int
    people_relocated: int
    approximate: bool  # some counts are “多/余” figures
    sites: int
    floor_area: Decimal  # 万平方米, every stage
    completed_sites: int
    completed_area: Decimal
    households_moved_in: int
    insured: int
    latest_monthly_benefit: Decimal | None

    @property
    def completed_area_rate(self) -> Decimal | None:
        """已竣工 floor area as a share of all the planned floor area."""
        return figures.rate(self.completed_area, self.floor_area)

    @property
    def moved_in_rate(self) -> Decimal | None:
        """Households moved in as a share of the households relocated."""
        return figures.rate(self.households_moved_in, self.households_relocated)


def _total(queryset, field: str) -> int | Decimal:
    return queryset.aggregate(total=Sum(field))["total"] or 0


def summary() -> Summary:
    """The zone's resettlement and insurance totals (a handful of aggregate queries)."""
    relocations = Relocation.objects.all()
    sites = HousingSite.objects.all()
    completed = sites.filter(stage=SiteStage.COMPLETED)
    # The latest dated batch; undated ones after (NULLs sort differently on SQLite and PostgreSQL otherwise).
    latest = (
        InsuranceBatch.objects.exclude(monthly_benefit=None).order_by(F("year").desc(nulls_last=True), "-id").first()
    )
    return Summary(
        households_relocated=_total(relocations, "households"),
        people_relocated=_total(relocations, "people"),
        approximate=relocations.filter(approximate=True).exists(),
        sites=_total(sites, "site_count"),
        # Quantized: SQLite's SUM drops the field's two decimals, PostgreSQL's keeps them.
        floor_area=Decimal(_total(sites, "floor_area")).quantize(figures.CENT),
        completed_sites=_total(completed, "site_count"),
        completed_area=Decimal(_total(completed, "floor_area")).quantize(figures.CENT),
        households_moved_in=_total(completed, "households_moved_in"),
        insured=_total(InsuranceBatch.objects.all(), "insured"),
        latest_monthly_benefit=latest.monthly_benefit if latest else None,
    )
