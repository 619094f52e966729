"""The leaders' dashboard's figures (领导驾驶舱), each one aggregate computed in the database.

Every function takes :class:`Filters` — a year, and optionally a park and an
industry — and answers with plain dataclasses, so the back-office dashboard,
its exports and (later) the public pages read the same numbers. Each does one
or two GROUP BY / ORDER BY … LIMIT queries whatever the number of enterprises
or projects: nothing loops over rows in Python.

What the filters mean:

- **year** — the year looked at. Series (money by year, enterprise totals,
  indicators) end with it and go back :data:`TREND_YEARS` years; the other
  figures are that year's.
- **park**, **industry** — only projects and enterprises of that park or
  industry. The zone's targets (招商引资任务, the indicators) are set for the
  whole zone, so they are not shown (None) once either is chosen; the
  indicators' series, which only exist for the whole zone, are left unfiltered.

Money is in 万元 as stored; rates come from :mod:`.figures` and :mod:`.party`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum, Value, Window
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import figures, party
from .models import (
    STAGE_DATES,
    Enterprise,
    EnterpriseYear,
    IndicatorPoint,
    IndicatorYear,
    Industry,
    InvestmentTask,
    Park,
    Project,
    ProjectInvestment,
    ProjectMilestone,
    Stage,
    indicator_series,
)

#: How many years a series shows, ending with the chosen year.
TREND_YEARS = 10
#: How many enterprises a top list and how many milestones the overdue list show.
TOP_LIMIT = 10
#: The indicator whose targets the count of 规模以上 enterprises is measured against.
ABOVE_SCALE_INDICATOR = "规模以上工业企业"


@dataclass(frozen=True)
class Filters:
    """What the dashboard looks at: a year, and optionally one park and one industry (their ids)."""

    year: int
    park: int | None = None
    industry: int | None = None

    @property
    def zone_wide(self) -> bool:
        """Neither park nor industry chosen: the zone's own targets apply."""
        return self.park is None and self.industry is None

    @property
    def first_year(self) -> int:
        """The first year of a series."""
        return self.year - TREND_YEARS + 1

    def scope(self, path: str = "") -> dict[str, int]:
        """Lookups limiting records (reached through ``path``, e.g. ``"project__"``) to the park and industry."""
        lookups = {}
        if self.park is not None:
            lookups[f"{path}park"] = self.park
        if self.industry is not None:
            lookups[f"{path}industry"] = self.industry
        return lookups

    def series_years(self, path: str = "") -> dict[str, int]:
        """Lookups on ``path + "year"`` for the years of a series."""
        return {f"{path}year__gte": self.first_year, f"{path}year__lte": self.year}


def money(value) -> Decimal:
    """A database sum as 万元 with two decimals (SQLite's SUM drops the field's scale); 0 for nothing."""
    return Decimal(value or 0).quantize(figures.TWO_DECIMALS)


def _years_with_data() -> QuerySet:
    """``(kind, year, name, order)`` rows, one per year with money arrived, figures, a task or an indicator figure."""
    # Unordered: the models' default ordering is not allowed inside a UNION.
    kind, name, order = Value("year"), Value(""), Value(0)
    return (
        ProjectInvestment.objects.order_by()
        .values_list(kind, "year", name, order)
        .union(
            EnterpriseYear.objects.order_by().values_list(kind, "year", name, order),
            InvestmentTask.objects.order_by().values_list(kind, "year", name, order),
            IndicatorYear.objects.order_by().values_list(kind, "year", name, order),
        )
    )


def available_years() -> list[int]:
    """Every year with money arrived, enterprise figures, a task or an indicator figure, newest first (one query)."""
    return sorted({row[1] for row in _years_with_data()}, reverse=True)


@dataclass(frozen=True)
class FilterChoices:
    """What the filters offer: the years with data (newest first), the parks (by name) and the industries."""

    years: list[int]
    parks: list[tuple[int, str]]
    industries: list[tuple[int, str]]


def filter_choices() -> FilterChoices:
    """The years, parks and industries to choose from, in one query (a UNION of the four year tables and both lists)."""
    rows = _years_with_data().union(
        Park.objects.order_by().values_list(Value("park"), "pk", "name", Value(0)),
        Industry.objects.order_by().values_list(Value("industry"), "pk", "name", "sort_order"),
    )
    kinds: dict[str, list[tuple]] = {"year": [], "park": [], "industry": []}
    for kind, pk, name, order in rows:
        kinds[kind].append((pk, name, order))
    return FilterChoices(
        years=sorted((year for year, _name, _order in kinds["year"]), reverse=True),
        # The models' orderings: parks by name, industries by their sort order.
        parks=[(pk, name) for pk, name, _order in sorted(kinds["park"], key=lambda row: (row[1], row[0]))],
        industries=[(pk, name) for pk, name, _order in sorted(kinds["industry"], key=lambda row: (row[2], row[0]))],
    )


# ---- investment ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvestmentYearRow:
    """招商引资 of one year: the task (zone-wide only), the money arrived and 完成率."""

    year: int
    target: Decimal | None
    arrived: Decimal

    @property
    def achievement(self) -> Decimal | None:
        return figures.achievement(self.arrived, self.target)


@dataclass(frozen=True)
class InvestmentGroupRow:
    """The money arrived in the year for the projects of one park or industry, and their planned totals."""

    key: int | None
    label: str
    projects: int
    planned: Decimal
    arrived: Decimal

    @property
    def achievement(self) -> Decimal | None:
        """到位率: the year's money against the projects' planned total investment."""
        return figures.achievement(self.arrived, self.planned)


GROUPINGS = ("park", "industry")
#: The columns of a cell of money arrived: one year, park and industry.
CELL = ("year", "project__park", "project__park__name", "project__industry", "project__industry__name")


@dataclass(frozen=True)
class Investment:
    """招商引资 for the filters: task against money arrived per year, and the year's money per park and industry."""

    by_year: list[InvestmentYearRow]
    by_group: dict[str, list[InvestmentGroupRow]]  # "park" / "industry" → rows, most money first


def _nothing(output_field) -> Value:
    """A typed NULL, for the columns a task has not in the UNION with the money's cells."""
    return Value(None, output_field=output_field)


def investment(filters: Filters) -> Investment:
    """Money arrived per year of the series, per park and per industry in the year, and the tasks (one query).

    The money is grouped by year, park *and* industry: each project has one park and one industry,
    so adding the cells up per year, per park or per industry gives the same sums and counts as
    grouping by each alone. The zone's tasks (zone-wide only) come in the same UNION ALL. Each
    project has at most one row a year, so its planned investment is counted once per group.
    """
    cells = (
        ProjectInvestment.objects.filter(**filters.scope("project__"), **filters.series_years())
        .values(*CELL)
        .annotate(arrived=Sum("amount"), planned=Sum("project__planned_investment"), projects=Count("project"))
        .order_by()
        .values_list(Value("arrived"), *CELL, "arrived", "planned", "projects")
    )
    rows = cells
    if filters.zone_wide:
        tasks = InvestmentTask.objects.filter(**filters.series_years()).order_by()
        text, number = models.CharField(), models.IntegerField()
        rows = cells.union(
            tasks.values_list(
                Value("target"),
                "year",
                *(_nothing(number), _nothing(text)) * 2,
                "target",
                _nothing(models.DecimalField()),
                _nothing(number),
            ),
            all=True,
        )
    arrived: dict[int, Decimal] = {}
    targets: dict[int, Decimal] = {}
    groups: dict[str, dict[int | None, list]] = {grouping: {} for grouping in GROUPINGS}
    for kind, year, park, park_name, industry, industry_name, amount, planned, projects in rows:
        if kind == "target":
            targets[year] = amount
            continue
        arrived[year] = arrived.get(year, Decimal(0)) + Decimal(amount or 0)
        if year != filters.year:
            continue
        for grouping, key, name in (("park", park, park_name), ("industry", industry, industry_name)):
            group = groups[grouping].setdefault(key, [name, 0, Decimal(0), Decimal(0)])
            group[1] += projects
            group[2] += Decimal(planned or 0)
            group[3] += Decimal(amount or 0)
    unknown = {"park": _("未定园区"), "industry": _("未定产业")}
    return Investment(
        by_year=[
            InvestmentYearRow(year, targets.get(year), money(arrived.get(year)))
            for year in sorted(set(arrived) | set(targets))
        ],
        by_group={
            grouping: sorted(
                (
                    InvestmentGroupRow(key, name or unknown[grouping], projects, money(planned), money(amount))
                    for key, (name, projects, planned, amount) in rows.items()
                ),
                # Most money first; ties by name, the projects without a park or industry last.
                key=lambda row: (-row.arrived, row.key is None, row.label),
            )
            for grouping, rows in groups.items()
        },
    )


def investment_by_year(filters: Filters) -> list[InvestmentYearRow]:
    """Task against money arrived for each year of the series that has either (one query)."""
    return investment(filters).by_year


def investment_by(filters: Filters, grouping: str) -> list[InvestmentGroupRow]:
    """The year's money arrived per ``"park"`` or ``"industry"``, most first (one query)."""
    return investment(filters).by_group[grouping]


# ---- projects -----------------------------------------------------------------------------------


def projects_of_year(filters: Filters) -> QuerySet[Project]:
    """Projects of the park and industry active in the year: money arrived, or a stage reached, in it."""
    reached = Q(halted_on__year=filters.year)
    for _stage, date_field in STAGE_DATES:
        reached |= Q(**{f"{date_field}__year": filters.year})
    money_arrived = Exists(ProjectInvestment.objects.filter(project=OuterRef("pk"), year=filters.year))
    return Project.objects.filter(**filters.scope()).filter(money_arrived | reached)


@dataclass(frozen=True)
class StageRow:
    stage: str
    label: str
    projects: int
    planned: Decimal
    major: int  # 亿元以上


def projects_by_stage(filters: Filters) -> list[StageRow]:
    """The year's projects per stage, every stage in order even when empty (one query)."""
    counts = {
        row["stage"]: row
        for row in projects_of_year(filters)
        .values("stage")
        .annotate(
            projects=Count("pk"),
            planned=Sum("planned_investment"),
            major=Count("pk", filter=Q(planned_investment__gte=figures.MAJOR_PROJECT_INVESTMENT)),
        )
        .order_by()
    }
    return [
        StageRow(
            stage=stage.value,
            label=str(stage.label),
            projects=counts.get(stage.value, {}).get("projects", 0),
            planned=money(counts.get(stage.value, {}).get("planned")),
            major=counts.get(stage.value, {}).get("major", 0),
        )
        for stage in Stage
    ]


@dataclass(frozen=True)
class OverdueMilestone:
    project: str
    park: str
    milestone: str
    planned_on: datetime.date
    days_overdue: int


@dataclass(frozen=True)
class Overdue:
    """Milestones still open past their planned date: how many, and the longest overdue first."""

    count: int
    projects: int
    worst: list[OverdueMilestone]


def overdue_milestones(filters: Filters, today: datetime.date, limit: int = TOP_LIMIT) -> Overdue:
    """Open milestones planned before ``today`` and by the end of the year, of projects not halted (one query).

    The longest overdue rows carry the totals: the count as a window over all matching rows, the
    projects as a subquery (a window cannot count distinct values); no row means none overdue.
    """
    milestones = ProjectMilestone.objects.filter(
        completed_on__isnull=True,
        planned_on__lt=today,
        planned_on__year__lte=filters.year,
        **filters.scope("project__"),
    ).exclude(project__stage=Stage.HALTED)
    projects = milestones.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("project", distinct=True))
    worst = list(
        milestones.annotate(total=Window(Count("pk")), projects=Subquery(projects.values("n")))
        .order_by("planned_on", "project__name", "pk")
        .values_list("project__name", "project__park__name", "name", "planned_on", "total", "projects")[:limit]
    )
    return Overdue(
        count=worst[0][4] if worst else 0,
        projects=worst[0][5] if worst else 0,
        worst=[
            OverdueMilestone(project, park or "", name, planned_on, (today - planned_on).days)
            for project, park, name, planned_on, _total, _projects in worst
        ],
    )


# ---- enterprises --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopEnterprise:
    rank: int
    name: str
    park: str
    industry: str
    value: Decimal


#: Figures an enterprise can be ranked by, with their labels.
RANKINGS = {"output": gettext_lazy("工业总产值"), "tax": gettext_lazy("纳税额")}


def top_enterprises(filters: Filters, figure: str, limit: int = TOP_LIMIT) -> list[TopEnterprise]:
    """The year's enterprises with the largest ``figure`` (``"output"`` or ``"tax"``), one query.

    One query per figure on purpose: ``ORDER BY … LIMIT`` walks the figure's index and reads ten rows,
    where one query ranking both figures with window functions sorted every row of the year (0.3 s of
    CPU for 10,000 enterprises, 2.5 ms for the two; docs/benchmarks.md).
    """
    if figure not in RANKINGS:
        raise ValueError(f"unknown figure {figure!r}")
    rows = (
        EnterpriseYear.objects.filter(
            year=filters.year, **filters.scope("enterprise__"), **{f"{figure}__isnull": False}
        )
        .order_by(f"-{figure}", "-pk")  # ties: the later record first, so the index gives the order
        .values_list("enterprise__name", "enterprise__park__name", "enterprise__industry__name", figure)[:limit]
    )
    return [
        TopEnterprise(rank, name, park or "", industry or "", money(value))
        for rank, (name, park, industry, value) in enumerate(rows, start=1)
    ]


@dataclass(frozen=True)
class EnterpriseTotals:
    """The enterprises' figures added up for one year (万元), with how many reported and how many are 规上."""

    year: int
    enterprises: int
    above_scale: int
    output: Decimal
    value_added: Decimal
    main_revenue: Decimal
    tax: Decimal
    export: Decimal


def enterprise_totals(filters: Filters) -> list[EnterpriseTotals]:
    """Per year of the series: enterprises reporting, 规上 among them, and the sums of their figures (one query)."""
    rows = (
        EnterpriseYear.objects.filter(**filters.scope("enterprise__"), **filters.series_years())
        .values("year")
        .annotate(
            enterprises=Count("pk"),
            above=Count("pk", filter=Q(main_revenue__gte=figures.ABOVE_SCALE_REVENUE)),
            output_sum=Sum("output"),
            value_added_sum=Sum("value_added"),
            main_revenue_sum=Sum("main_revenue"),
            tax_sum=Sum("tax"),
            export_sum=Sum("export"),
        )
        .order_by("year")
    )
    return [
        EnterpriseTotals(
            year=row["year"],
            enterprises=row["enterprises"],
            above_scale=row["above"],
            output=money(row["output_sum"]),
            value_added=money(row["value_added_sum"]),
            main_revenue=money(row["main_revenue_sum"]),
            tax=money(row["tax_sum"]),
            export=money(row["export_sum"]),
        )
        for row in rows
    ]


@dataclass(frozen=True)
class AboveScaleRow:
    """规模以上 enterprises of a year against the target of :data:`ABOVE_SCALE_INDICATOR`."""

    year: int
    count: int
    target: Decimal | None

    @property
    def achievement(self) -> Decimal | None:
        return figures.achievement(self.count, self.target)


def above_scale(
    filters: Filters,
    totals: list[EnterpriseTotals] | None = None,
    indicators: list[IndicatorTrend] | None = None,
) -> list[AboveScaleRow]:
    """规上 enterprises per year of the series against the indicator's targets (zone-wide only).

    ``totals`` and ``indicators`` are :func:`enterprise_totals` and :func:`indicator_trends` when the
    caller has them already (no query then); otherwise they are read (up to three queries).
    """
    totals = enterprise_totals(filters) if totals is None else totals
    counts = {row.year: row.above_scale for row in totals}
    targets: dict[int, Decimal | None] = {}
    if filters.zone_wide:
        indicators = indicator_trends(filters) if indicators is None else indicators
        for trend in indicators:
            if trend.name == ABOVE_SCALE_INDICATOR:
                targets = {point.year: point.target for point in trend.points if point.target is not None}
    years = sorted(set(counts) | {year for year in targets if year <= filters.year})
    return [AboveScaleRow(year, counts.get(year, 0), targets.get(year)) for year in years]


@dataclass(frozen=True)
class PartyCoverage:
    """党建覆盖 of the enterprises in the filters: counts per organisation form, the two rates, and 五个一.

    ``organised`` are the enterprises with a party organisation (:data:`.party.ORGANISED`);
    ``five_ones`` counts, among them, those with each item of the 五个一 (by key) and, under
    :data:`FIVE_ONES_COMPLETE`, those with all five.
    """

    enterprises: int
    by_form: list[tuple[str, str, int]]  # (form, label, enterprises)
    organisation_rate: Decimal | None
    work_rate: Decimal | None
    organised: int = 0
    five_ones: dict[str, int] = field(default_factory=dict)

    @property
    def five_ones_rate(self) -> Decimal | None:
        """“五个一”达标率: the share of the enterprises with a party organisation that have all five."""
        return figures.percent(self.five_ones.get(FIVE_ONES_COMPLETE, 0), self.organised)


#: The key of :attr:`PartyCoverage.five_ones` counting the enterprises with all five.
FIVE_ONES_COMPLETE = "all"


def has_five_ones_item(key: str) -> Q:
    """Enterprises whose 五个一 checklist (a JSON list of keys) holds ``key``.

    Matched in the list's JSON text (``"key"`` with its quotes, so no key matches inside another):
    SQLite has no JSON containment lookup, and the same condition then runs on both databases.
    """
    return Q(five_ones__icontains=f'"{key}"')


def party_coverage(filters: Filters) -> PartyCoverage:
    """Coverage of the enterprises of the park and industry settled by the year's end (one query)."""
    settled = Q(settled_on__isnull=True) | Q(settled_on__year__lte=filters.year)
    complete = Q()
    items = {}
    for key in party.FIVE_ONES_KEYS:
        items[f"five_ones_{key}"] = Count("pk", filter=has_five_ones_item(key))
        complete &= has_five_ones_item(key)
    rows = (
        Enterprise.objects.filter(settled, **filters.scope())
        .values("organisation_form")
        .annotate(enterprises=Count("pk"), five_ones_all=Count("pk", filter=complete), **items)
        .order_by()
    )
    counts, five_ones = {}, dict.fromkeys([*party.FIVE_ONES_KEYS, FIVE_ONES_COMPLETE], 0)
    for row in rows:
        counts[row["organisation_form"]] = row["enterprises"]
        if row["organisation_form"] in party.ORGANISED:
            for key in five_ones:
                five_ones[key] += row[f"five_ones_{key}"]
    return PartyCoverage(
        enterprises=sum(counts.values()),
        by_form=[(form.value, str(form.label), counts.get(form.value, 0)) for form in party.OrganisationForm],
        organisation_rate=party.organisation_coverage_of(counts),
        work_rate=party.work_coverage_of(counts),
        organised=sum(count for form, count in counts.items() if form in party.ORGANISED),
        five_ones=five_ones,
    )


# ---- indicators ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorTrend:
    name: str
    unit: str
    points: list[IndicatorPoint]


def indicator_trends(filters: Filters) -> list[IndicatorTrend]:
    """The zone's indicators with their series up to the year — growth and 完成率 as ``Indicator.series`` gives them.

    Indicators are the whole zone's: park and industry do not apply. One query: the years with their indicator,
    in the indicators' order.
    """
    years = (
        IndicatorYear.objects.filter(year__lte=filters.year)
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator_id", "year")
    )
    by_indicator: dict[int, list[IndicatorYear]] = {}
    for row in years:
        by_indicator.setdefault(row.indicator_id, []).append(row)
    trends = []
    for rows in by_indicator.values():
        points = [point for point in indicator_series(rows) if point.year >= filters.first_year]
        if points:
            trends.append(IndicatorTrend(rows[0].indicator.name, rows[0].indicator.unit, points))
    return trends


# ---- everything at once -------------------------------------------------------------------------


class Overview:
    """All the dashboard's figures for ``filters``, each computed when first read, shared queries read once."""

    def __init__(self, filters: Filters, today: datetime.date) -> None:
        self.filters = filters
        self.today = today

    @cached_property
    def _investment(self) -> Investment:
        return investment(self.filters)

    @property
    def investment_by_year(self) -> list[InvestmentYearRow]:
        return self._investment.by_year

    @property
    def investment_by_park(self) -> list[InvestmentGroupRow]:
        return self._investment.by_group["park"]

    @property
    def investment_by_industry(self) -> list[InvestmentGroupRow]:
        return self._investment.by_group["industry"]

    @cached_property
    def projects_by_stage(self) -> list[StageRow]:
        return projects_by_stage(self.filters)

    @cached_property
    def overdue(self) -> Overdue:
        return overdue_milestones(self.filters, self.today)

    @cached_property
    def top_output(self) -> list[TopEnterprise]:
        return top_enterprises(self.filters, "output")

    @cached_property
    def top_tax(self) -> list[TopEnterprise]:
        return top_enterprises(self.filters, "tax")

    @cached_property
    def enterprise_totals(self) -> list[EnterpriseTotals]:
        return enterprise_totals(self.filters)

    @cached_property
    def indicators(self) -> list[IndicatorTrend]:
        return indicator_trends(self.filters)

    @cached_property
    def above_scale(self) -> list[AboveScaleRow]:
        indicators = self.indicators if self.filters.zone_wide else []
        return above_scale(self.filters, totals=self.enterprise_totals, indicators=indicators)

    @cached_property
    def party(self) -> PartyCoverage:
        return party_coverage(self.filters)

    # The year's headline figures.

    @cached_property
    def year_investment(self) -> InvestmentYearRow:
        """The chosen year's row of :attr:`investment_by_year` (nothing arrived and no task: zeros)."""
        rows = {row.year: row for row in self.investment_by_year}
        return rows.get(self.filters.year, InvestmentYearRow(self.filters.year, None, money(0)))

    @cached_property
    def year_above_scale(self) -> AboveScaleRow:
        rows = {row.year: row for row in self.above_scale}
        return rows.get(self.filters.year, AboveScaleRow(self.filters.year, 0, None))

    @property
    def year_projects(self) -> int:
        return sum(row.projects for row in self.projects_by_stage)
