"""The leaders' dashboard's charts: each a table (its text alternative and its export) and ECharts options.

:mod:`.statistics` computes the figures; this module only arranges them: the
headers and rows of each chart's table, the ECharts options drawn from the same
rows by ``static/js/charts.js``, a sentence saying what the chart shows, and the
table as .xlsx or .csv. A chart's export holds exactly the rows of its table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from zoneportal.core.tabular import formula_safe

from .figures import percent
from .party import FIVE_ONES
from .statistics import FIVE_ONES_COMPLETE, RANKINGS, TOP_LIMIT, Overview

#: 万元 → 亿元.
WAN_PER_YI = Decimal(10000)
BLUE, LIGHT_BLUE, ORANGE, GREY = "#1f5fa8", "#9cc3ea", "#d9822b", "#7a7a7a"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("xlsx", "csv")


@dataclass
class Chart:
    """One figure of the dashboard: its table, what it says in words, and (most have one) its chart."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[Any]]
    summary: str
    options: dict | None = None
    height: int = 320
    notes: list[str] = field(default_factory=list)

    @property
    def options_id(self) -> str:
        """The id of the ``json_script`` element holding the options."""
        return f"{self.key}-options"

    @property
    def cells(self) -> list[list[str]]:
        """The rows as shown: numbers with thousands separators, “—” for nothing to show."""
        return [[display(value) for value in row] for row in self.rows]


def display(value: Any) -> str:
    """A cell as text: Decimals with two places and separators, None as “—”."""
    if value is None or value == "":
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def yi(value: Decimal) -> Decimal:
    """万元 as 亿元, two decimals."""
    return (value / WAN_PER_YI).quantize(Decimal("0.01"))


def number(value: Decimal | int | None) -> float | None:
    """A value ECharts reads (JSON has no Decimal)."""
    return None if value is None else float(value)


def axis_chart(
    categories: list[str],
    bars: list[tuple[str, list, str]],
    *,
    unit: str,
    lines: list[tuple[str, list, str]] = (),
    horizontal: bool = False,
) -> dict:
    """ECharts options: grouped bars (``(name, values, colour)``) and lines over ``categories``, in ``unit``."""
    category_axis = {"type": "category", "data": categories, "axisLabel": {"width": 160, "overflow": "truncate"}}
    value_axis = {"type": "value", "name": unit}
    if horizontal:
        # First category on top, as the table reads.
        category_axis = {**category_axis, "data": categories[::-1]}
    series = [
        {
            "type": "bar",
            "name": name,
            "barMaxWidth": 28,
            "itemStyle": {"color": colour},
            "data": [number(value) for value in (values[::-1] if horizontal else values)],
        }
        for name, values, colour in bars
    ] + [
        {"type": "line", "name": name, "itemStyle": {"color": colour}, "data": [number(value) for value in values]}
        for name, values, colour in lines
    ]
    return {
        "aria": {"enabled": True},
        "animation": False,
        "legend": {"top": 0},
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "grid": {"left": 8, "right": 32, "top": 48, "bottom": 8, "containLabel": True},
        "xAxis": value_axis if horizontal else category_axis,
        "yAxis": category_axis if horizontal else value_axis,
        "series": series,
    }


def pie_chart(name: str, slices: list[tuple[str, int]]) -> dict:
    """ECharts options for a pie of ``(label, count)``, empty slices left out."""
    return {
        "aria": {"enabled": True},
        "animation": False,
        "legend": {"bottom": 0},
        "tooltip": {"trigger": "item"},
        "series": [
            {
                "type": "pie",
                "name": name,
                "radius": ["35%", "65%"],
                "label": {"formatter": "{b}：{c}（{d}%）"},
                "data": [{"name": label, "value": count} for label, count in slices if count],
            }
        ],
    }


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def headline(overview: Overview) -> list[tuple[str, str, str]]:
    """The year's key figures as ``(key, label, text)``, shown above the charts."""
    year_row, scale = overview.year_investment, overview.year_above_scale
    above = display(scale.count) + ("" if scale.target is None else f" / {scale.target:,.0f}")
    return [
        ("arrived", _("当年到位资金（万元）"), display(year_row.arrived)),
        ("achievement", _("招商引资任务完成率"), percent_text(year_row.achievement)),
        ("projects", _("当年在库项目（个）"), display(overview.year_projects)),
        ("overdue", _("超期节点（个）"), display(overview.overdue.count)),
        ("above-scale", _("规上企业 / 目标（家）"), above),
        ("party", _("党的组织覆盖率"), percent_text(overview.party.organisation_rate)),
        ("five-ones", _("“五个一”达标率"), percent_text(overview.party.five_ones_rate)),
    ]


# ---- the charts -----------------------------------------------------------------------------------


def investment_years(overview: Overview) -> Chart:
    rows = overview.investment_by_year
    chart = Chart(
        key="investment-years",
        title=_("招商引资任务与到位资金（按年份）"),
        headers=[_("年份"), _("任务（万元）"), _("到位资金（万元）"), _("完成率（%）")],
        rows=[[f"{row.year}", row.target, row.arrived, row.achievement] for row in rows],
        summary=_("%(first)s至%(last)s年，%(year)s年到位资金%(arrived)s万元，完成率%(rate)s。")
        % {
            "first": rows[0].year if rows else overview.filters.year,
            "last": overview.filters.year,
            "year": overview.filters.year,
            "arrived": display(overview.year_investment.arrived),
            "rate": percent_text(overview.year_investment.achievement),
        },
        options=axis_chart(
            [f"{row.year}" for row in rows],
            [
                (_("任务"), [row.target for row in rows], LIGHT_BLUE),
                (_("到位资金"), [row.arrived for row in rows], BLUE),
            ],
            unit=_("万元"),
        ),
    )
    if not overview.filters.zone_wide:
        chart.notes.append(_("招商引资任务按全区下达，选定园区或产业后不显示任务和完成率。"))
    return chart


def _investment_groups(overview: Overview, grouping: str) -> Chart:
    rows = overview.investment_by_park if grouping == "park" else overview.investment_by_industry
    heading = _("园区") if grouping == "park" else _("产业集群")
    year = overview.filters.year
    leader = rows[0] if rows else None
    return Chart(
        key="investment-parks" if grouping == "park" else "investment-industries",
        title=_("%(year)s年到位资金（按%(heading)s）") % {"year": year, "heading": heading},
        headers=[heading, _("项目数"), _("计划总投资（万元）"), _("当年到位资金（万元）"), _("到位率（%）")],
        rows=[[row.label, row.projects, row.planned, row.arrived, row.achievement] for row in rows],
        summary=(
            _("%(count)s个%(heading)s当年有到位资金，最多的是%(first)s，%(arrived)s万元。")
            % {"count": len(rows), "heading": heading, "first": leader.label, "arrived": display(leader.arrived)}
            if leader
            else _("当年没有到位资金。")
        ),
        options=axis_chart(
            [row.label for row in rows],
            [
                (_("计划总投资"), [row.planned for row in rows], LIGHT_BLUE),
                (_("当年到位资金"), [row.arrived for row in rows], BLUE),
            ],
            unit=_("万元"),
            horizontal=True,
        ),
        height=120 + 48 * max(len(rows), 1),
        notes=[_("计划总投资为当年有到位资金的项目的计划总投资；到位率为当年到位资金占计划总投资的比例。")],
    )


def investment_parks(overview: Overview) -> Chart:
    return _investment_groups(overview, "park")


def investment_industries(overview: Overview) -> Chart:
    return _investment_groups(overview, "industry")


def project_stages(overview: Overview) -> Chart:
    rows = overview.projects_by_stage
    return Chart(
        key="project-stages",
        title=_("%(year)s年项目进度（按阶段）") % {"year": overview.filters.year},
        headers=[_("阶段"), _("项目数"), _("其中亿元以上"), _("计划总投资（万元）")],
        rows=[[row.label, row.projects, row.major, row.planned] for row in rows],
        summary=_("共%(total)s个项目：%(stages)s。")
        % {
            "total": overview.year_projects,
            "stages": "，".join(f"{row.label}{row.projects}个" for row in rows),
        },
        options=axis_chart(
            [row.label for row in rows], [(_("项目数"), [row.projects for row in rows], BLUE)], unit=_("个")
        ),
        notes=[_("当年有到位资金或当年进入某一阶段的项目。")],
    )


def overdue_milestones(overview: Overview) -> Chart:
    overdue = overview.overdue
    return Chart(
        key="overdue-milestones",
        title=_("超期未完成的节点"),
        headers=[_("项目"), _("园区"), _("节点"), _("计划完成日期"), _("超期天数")],
        rows=[
            [row.project, row.park, row.milestone, row.planned_on.isoformat(), row.days_overdue]
            for row in overdue.worst
        ],
        summary=_("%(projects)s个项目共有%(count)s个节点超期未完成，下表列出超期最久的%(shown)s个。")
        % {"projects": overdue.projects, "count": overdue.count, "shown": len(overdue.worst)},
    )


def _top(overview: Overview, figure: str) -> Chart:
    rows = overview.top_output if figure == "output" else overview.top_tax
    label = str(RANKINGS[figure])
    return Chart(
        key=f"top-{figure}",
        title=_("%(year)s年%(label)s前%(count)s名企业")
        % {"year": overview.filters.year, "label": label, "count": TOP_LIMIT},
        headers=[_("名次"), _("企业"), _("园区"), _("产业集群"), _("%(label)s（万元）") % {"label": label}],
        rows=[[row.rank, row.name, row.park, row.industry, row.value] for row in rows],
        summary=(
            _("第一名%(name)s，%(value)s万元。") % {"name": rows[0].name, "value": display(rows[0].value)}
            if rows
            else _("当年没有企业填报这项数据。")
        ),
        options=axis_chart(
            [row.name for row in rows], [(label, [row.value for row in rows], BLUE)], unit=_("万元"), horizontal=True
        ),
        height=120 + 36 * max(len(rows), 1),
    )


def top_output(overview: Overview) -> Chart:
    return _top(overview, "output")


def top_tax(overview: Overview) -> Chart:
    return _top(overview, "tax")


def above_scale(overview: Overview) -> Chart:
    rows = overview.above_scale
    current = overview.year_above_scale
    chart = Chart(
        key="above-scale",
        title=_("规模以上工业企业数与目标"),
        headers=[_("年份"), _("规上企业（家）"), _("目标（家）"), _("完成率（%）")],
        rows=[[f"{row.year}", row.count, row.target, row.achievement] for row in rows],
        summary=_("%(year)s年规模以上工业企业%(count)s家，目标%(target)s家。")
        % {"year": current.year, "count": current.count, "target": display(current.target)},
        options=axis_chart(
            [f"{row.year}" for row in rows],
            [(_("规上企业"), [row.count for row in rows], BLUE)],
            lines=[(_("目标"), [row.target for row in rows], ORANGE)],
            unit=_("家"),
        ),
        notes=[_("主营业务收入2000万元及以上的企业；目标取自经济指标“规模以上工业企业”。")],
    )
    if not overview.filters.zone_wide:
        chart.notes.append(_("目标按全区下达，选定园区或产业后不显示。"))
    return chart


def party_coverage(overview: Overview) -> Chart:
    coverage = overview.party
    return Chart(
        key="party-coverage",
        title=_("非公企业党建覆盖"),
        headers=[_("组建形式"), _("企业数"), _("占比（%）")],
        rows=[
            [label, count, percent(count, coverage.enterprises)] for _form, label, count in coverage.by_form if count
        ],
        summary=_("%(count)s家企业，党的组织覆盖率%(organisation)s，工作覆盖率%(work)s。")
        % {
            "count": coverage.enterprises,
            "organisation": percent_text(coverage.organisation_rate),
            "work": percent_text(coverage.work_rate),
        },
        options=pie_chart(_("企业数"), [(label, count) for _form, label, count in coverage.by_form]),
        notes=[_("组织覆盖：单独组建、联合组建或挂靠村支部；工作覆盖另含派驻党建联络员。")],
    )


def party_five_ones(overview: Overview) -> Chart:
    """The 五个一 among the enterprises with a party organisation: each item, then all five (the 达标率)."""
    coverage = overview.party
    items = [(str(label), coverage.five_ones.get(key, 0)) for key, label in FIVE_ONES]
    items.append((_("五项全部具备"), coverage.five_ones.get(FIVE_ONES_COMPLETE, 0)))
    rows = [[label, count, percent(count, coverage.organised)] for label, count in items]
    return Chart(
        key="party-five-ones",
        title=_("已建党组织企业的“五个一”建设"),
        headers=[_("“五个一”"), _("具备的企业（家）"), _("占已建党组织企业（%）")],
        rows=rows,
        summary=_("%(organised)s家企业建有党组织，其中%(complete)s家“五个一”全部具备，达标率%(rate)s。")
        % {
            "organised": coverage.organised,
            "complete": items[-1][1],
            "rate": percent_text(coverage.five_ones_rate),
        },
        options=axis_chart(
            [row[0] for row in rows], [(_("占比"), [row[2] for row in rows], BLUE)], unit="%", horizontal=True
        ),
        height=120 + 36 * len(rows),
        notes=[_("“五个一”达标率：建有党组织（单独组建、联合组建或挂靠村支部）的企业中，五项全部具备的比例。")],
    )


def enterprise_trends(overview: Overview) -> Chart:
    rows = overview.enterprise_totals
    return Chart(
        key="enterprise-trends",
        title=_("企业主要经济指标（按年份）"),
        headers=[
            _("年份"),
            _("填报企业（家）"),
            _("规上企业（家）"),
            _("工业总产值（亿元）"),
            _("主营业务收入（亿元）"),
            _("纳税额（亿元）"),
            _("出口额（亿元）"),
        ],
        rows=[
            [
                f"{row.year}",
                row.enterprises,
                row.above_scale,
                yi(row.output),
                yi(row.main_revenue),
                yi(row.tax),
                yi(row.export),
            ]
            for row in rows
        ],
        summary=(
            _("%(year)s年企业工业总产值%(output)s亿元，纳税%(tax)s亿元。")
            % {"year": rows[-1].year, "output": display(yi(rows[-1].output)), "tax": display(yi(rows[-1].tax))}
            if rows
            else _("没有企业年度数据。")
        ),
        options=axis_chart(
            [f"{row.year}" for row in rows],
            [],
            lines=[
                (_("工业总产值"), [yi(row.output) for row in rows], BLUE),
                (_("主营业务收入"), [yi(row.main_revenue) for row in rows], LIGHT_BLUE),
                (_("纳税额"), [yi(row.tax) for row in rows], ORANGE),
                (_("出口额"), [yi(row.export) for row in rows], GREY),
            ],
            unit=_("亿元"),
        ),
    )


def indicators(overview: Overview) -> Chart:
    rows = [
        [trend.name, trend.unit, f"{point.year}", point.target, point.actual, point.growth, point.achievement]
        for trend in overview.indicators
        for point in trend.points
    ]
    return Chart(
        key="indicators",
        title=_("全区经济指标"),
        headers=[_("指标"), _("单位"), _("年份"), _("目标"), _("实绩"), _("比上年增长（%）"), _("完成率（%）")],
        rows=rows,
        summary=_("%(count)s项指标的逐年目标与实绩。") % {"count": len(overview.indicators)},
        notes=[_("经济指标按全区统计，不分园区和产业。")],
    )


#: The dashboard's figures in the order shown; the key is the export's name.
CHARTS: dict[str, Callable[[Overview], Chart]] = {
    "investment-years": investment_years,
    "investment-parks": investment_parks,
    "investment-industries": investment_industries,
    "project-stages": project_stages,
    "overdue-milestones": overdue_milestones,
    "top-output": top_output,
    "top-tax": top_tax,
    "above-scale": above_scale,
    "party-coverage": party_coverage,
    "party-five-ones": party_five_ones,
    "enterprise-trends": enterprise_trends,
    "indicators": indicators,
}


def all_charts(overview: Overview) -> list[Chart]:
    return [build(overview) for build in CHARTS.values()]


# ---- exports --------------------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """A cell for a spreadsheet: numbers stay numbers, text is never run as a formula."""
    return formula_safe(value) if isinstance(value, str) else value


def to_csv(chart: Chart) -> bytes:
    """The chart's table as CSV, UTF-8 with a BOM (Excel and WPS open it as UTF-8)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(chart.headers)
    for row in chart.rows:
        writer.writerow(["" if value is None else _cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(chart: Chart) -> bytes:
    """The chart's table as a workbook: the header row, then the rows (numbers as numbers)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = chart.key  # a sheet title is at most 31 characters and refuses some; the key always fits
    sheet.append(chart.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in chart.rows:
        sheet.append([_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
