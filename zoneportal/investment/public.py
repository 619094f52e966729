"""What the public may see of the investment records: the tables of the public pages, downloads and API.

One module decides, for pages, .csv/.xlsx downloads and ``/api/v1/`` alike,
which records are public, which of their fields are, and how the filters
(park, industry, stage, year) narrow them — so the three can never disagree.

On the safe side: an enterprise shows its name, park, industry, settled date
and the 规模以上 flag only — no credit code, contact, employees, output or
tax of a single enterprise (those are the statistics office's to publish, in
aggregate). A project in 洽谈 is confidential until signed and is not shown;
a project shows no responsible person, work plan or coordination log. A park
shows no land cost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import figures
from .models import YEAR_VALIDATORS, Enterprise, Indicator, IndicatorYear, Industry, Park, Project, Stage

#: The stages the public sees: a project under negotiation is not announced.
PUBLIC_STAGES = tuple(stage for stage in Stage if stage != Stage.NEGOTIATING)
MIN_YEAR = YEAR_VALIDATORS[0].limit_value
MAX_YEAR = YEAR_VALIDATORS[1].limit_value
#: The largest primary key a database compares without an error.
MAX_ID = 2**63 - 1
FILTER_NAMES = ("park", "industry", "stage", "year")


@dataclass
class Filters:
    """The visitor's choice of park, industry, stage and year (each optional)."""

    park: Park | None = None
    industry: Industry | None = None
    stage: str = ""
    year: int | None = None
    #: Parameter name → a Chinese message, for each value that could not be understood.
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> Filters:
        """Filters from GET parameters (ids for park and industry, a stage code, a year); bad ones go to ``errors``."""
        filters = cls()
        for name, model, label in (("park", Park, _("园区")), ("industry", Industry, _("产业集群"))):
            raw = str(query.get(name) or "").strip()
            if not raw:
                continue
            number = int(raw) if raw.isascii() and raw.isdigit() else 0
            record = model.objects.filter(pk=number).first() if 0 < number <= MAX_ID else None
            if record is None:
                filters.errors[name] = _("没有编号为“%(value)s”的%(label)s，请使用列表中的编号。") % {
                    "value": raw[:20],
                    "label": label,
                }
            setattr(filters, name, record)
        stage = str(query.get("stage") or "").strip()
        if stage and stage not in PUBLIC_STAGES:
            filters.errors["stage"] = _("项目阶段只能是：%(stages)s。") % {
                "stages": "、".join(f"{value}（{Stage(value).label}）" for value in PUBLIC_STAGES)
            }
        elif stage:
            filters.stage = stage
        year = str(query.get("year") or "").strip()
        if year:
            if year.isascii() and year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR:
                filters.year = int(year)
            else:
                filters.errors["year"] = _("年份须是%(low)d至%(high)d之间的四位数字。") % {
                    "low": MIN_YEAR,
                    "high": MAX_YEAR,
                }
        return filters

    @property
    def active(self) -> bool:
        return any((self.park, self.industry, self.stage, self.year))

    def query(self) -> dict[str, str]:
        """The filters as GET parameters (for links and the download addresses)."""
        values = {"park": self.park and self.park.pk, "industry": self.industry and self.industry.pk}
        values |= {"stage": self.stage, "year": self.year}
        return {name: str(value) for name, value in values.items() if value}


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass
class Table:
    """A public table: its columns and rows of values (Decimals, dates, text; None when unknown)."""

    name: str  # file name of the download (parks, enterprises …)
    title: str
    columns: list[Column]
    rows: list[dict[str, Any]]

    def cells(self) -> list[list[Any]]:
        """The rows as lists in column order."""
        return [[row[column.key] for column in self.columns] for row in self.rows]


def _columns(*pairs: tuple[str, Any]) -> list[Column]:
    return [Column(key, str(label)) for key, label in pairs]


# --------------------------------------------------------------------------- parks


def parks(filters: Filters) -> QuerySet[Park]:
    """The parks, narrowed by park and industry."""
    records = Park.objects.prefetch_related("industries", "zones").annotate(
        used_mu=Sum("projects__land_mu", filter=~_halted_or_negotiating("projects__stage"))
    )
    if filters.park:
        records = records.filter(pk=filters.park.pk)
    if filters.industry:
        records = records.filter(industries=filters.industry)
    return records.order_by("name")


def _halted_or_negotiating(lookup: str) -> Q:
    return Q(**{f"{lookup}__in": [Stage.HALTED, Stage.NEGOTIATING]})


def available_land(park: Park) -> Decimal | None:
    """可供土地: land acquired less the land of the park's signed, pending, building and producing projects (亩).

    ``park`` comes from :func:`parks`, which adds the land in use (``used_mu``).
    """
    return figures.remaining(park.land_acquired_mu, park.used_mu)


def park_row(park: Park) -> dict[str, Any]:
    return {
        "id": park.pk,
        "name": park.name,
        "address": park.address,
        "founded": park.founded,
        "planned_area_km2": park.planned_area_km2,
        "planned_area_mu": park.planned_area_mu,
        "land_acquired_mu": park.land_acquired_mu,
        "available_land_mu": available_land(park),
        "infrastructure": park.infrastructure_label,
        "industries": "、".join(industry.name for industry in park.industries.all()),
    }


PARK_COLUMNS = (
    ("name", gettext_lazy("园区名称")),
    ("address", gettext_lazy("位置")),
    ("founded", gettext_lazy("建园时间")),
    ("planned_area_km2", gettext_lazy("规划面积（平方公里）")),
    ("planned_area_mu", gettext_lazy("规划面积（亩）")),
    ("land_acquired_mu", gettext_lazy("已征用土地（亩）")),
    ("available_land_mu", gettext_lazy("可供土地（亩）")),
    ("infrastructure", gettext_lazy("基础设施")),
    ("industries", gettext_lazy("主导产业")),
)


def park_table(filters: Filters) -> Table:
    return Table("parks", _("园区"), _columns(*PARK_COLUMNS), [park_row(park) for park in parks(filters)])


# --------------------------------------------------------------------------- enterprises


def enterprises(filters: Filters) -> QuerySet[Enterprise]:
    """The enterprises, narrowed by park, industry and the year they settled."""
    records = Enterprise.objects.select_related("park", "industry").prefetch_related("years")
    if filters.park:
        records = records.filter(park=filters.park)
    if filters.industry:
        records = records.filter(industry=filters.industry)
    if filters.year:
        records = records.filter(settled_on__year=filters.year)
    return records.order_by("name")


def enterprise_row(enterprise: Enterprise) -> dict[str, Any]:
    return {
        "id": enterprise.pk,
        "name": enterprise.name,
        "park": enterprise.park.name if enterprise.park else "",
        "industry": enterprise.industry.name if enterprise.industry else "",
        "settled_on": enterprise.settled_on,
        "above_scale": enterprise.above_scale,
    }


ENTERPRISE_COLUMNS = (
    ("name", gettext_lazy("企业名称")),
    ("park", gettext_lazy("所在园区")),
    ("industry", gettext_lazy("产业集群")),
    ("settled_on", gettext_lazy("入园日期")),
    ("above_scale", gettext_lazy("规模以上")),
)


def enterprise_table(filters: Filters, records=None) -> Table:
    records = enterprises(filters) if records is None else records
    return Table("enterprises", _("入园企业"), _columns(*ENTERPRISE_COLUMNS), [enterprise_row(e) for e in records])


# --------------------------------------------------------------------------- projects


def public_projects() -> QuerySet[Project]:
    """Projects past negotiation: the ones the zone announces."""
    return Project.objects.filter(stage__in=PUBLIC_STAGES)


def projects(filters: Filters) -> QuerySet[Project]:
    """Public projects, narrowed by park, industry, stage and a year money arrived in."""
    records = public_projects().select_related("park", "industry").prefetch_related("investments", "photos")
    if filters.park:
        records = records.filter(park=filters.park)
    if filters.industry:
        records = records.filter(industry=filters.industry)
    if filters.stage:
        records = records.filter(stage=filters.stage)
    if filters.year:
        records = records.filter(investments__year=filters.year).distinct()
    return records.order_by("name")


def arrived(project: Project, year: int | None = None) -> Decimal:
    """Money arrived for ``project`` in ``year`` (every year when None), 万元."""
    return sum((row.amount for row in project.investments.all() if year in (None, row.year)), Decimal(0))


def project_row(project: Project, year: int | None = None) -> dict[str, Any]:
    return {
        "id": project.pk,
        "name": project.name,
        "investor": project.investor,
        "park": project.park.name if project.park else "",
        "industry": project.industry.name if project.industry else "",
        "kind": project.kind,
        "stage": project.stage,
        "stage_label": str(project.get_stage_display()),
        "planned_investment": project.planned_investment,
        "land_mu": project.land_mu,
        "arrived": arrived(project, year),
        "major": project.major,
    }


def project_columns(year: int | None) -> list[Column]:
    arrived_label = _("%(year)d年到位资金（万元）") % {"year": year} if year else _("累计到位资金（万元）")
    return _columns(
        ("name", _("项目名称")),
        ("investor", _("投资方")),
        ("park", _("所在园区")),
        ("industry", _("产业集群")),
        ("kind", _("建设性质")),
        ("stage_label", _("项目阶段")),
        ("planned_investment", _("计划总投资（万元）")),
        ("land_mu", _("用地（亩）")),
        ("arrived", arrived_label),
        ("major", _("亿元以上")),
    )


def project_table(filters: Filters) -> Table:
    rows = [project_row(project, filters.year) for project in projects(filters)]
    return Table("projects", _("重点项目"), project_columns(filters.year), rows)


# --------------------------------------------------------------------------- indicators


def indicators(filters: Filters) -> list[Indicator]:
    """Every indicator with its years (all of them: growth needs the year before even when one is chosen)."""
    return list(Indicator.objects.prefetch_related(Prefetch("years", queryset=IndicatorYear.objects.order_by("year"))))


def indicator_rows(filters: Filters) -> list[dict[str, Any]]:
    """One row per indicator and year, with growth and 完成率 computed; only ``filters.year`` when chosen."""
    rows = []
    for indicator in indicators(filters):
        for point in indicator.series():
            if filters.year and point.year != filters.year:
                continue
            rows.append(
                {
                    "id": indicator.pk,
                    "name": indicator.name,
                    "unit": indicator.unit,
                    "year": point.year,
                    "target": point.target,
                    "actual": point.actual,
                    "growth": point.growth,
                    "achievement": point.achievement,
                }
            )
    return rows


INDICATOR_COLUMNS = (
    ("name", gettext_lazy("指标")),
    ("unit", gettext_lazy("单位")),
    ("year", gettext_lazy("年份")),
    ("target", gettext_lazy("目标")),
    ("actual", gettext_lazy("实绩")),
    ("growth", gettext_lazy("比上年增长（%）")),
    ("achievement", gettext_lazy("完成率（%）")),
)


def indicator_table(filters: Filters) -> Table:
    return Table("indicators", _("经济指标"), _columns(*INDICATOR_COLUMNS), indicator_rows(filters))


#: The downloadable tables by their address below the page.
TABLES = {"yuanqu": park_table, "qiye": enterprise_table, "xiangmu": project_table, "zhibiao": indicator_table}
