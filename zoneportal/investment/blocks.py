"""A StreamField block that shows investment records on content pages (one source of truth).

Overview pages used to carry the 2014 investment list, the 2015 results and the
2020 targets as typed figures and drawn images. :class:`InvestmentFiguresBlock`
reads the records instead — the ones the back office edits, the public data
pages show and the API serves — so a corrected figure changes every page.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks


class Dataset:
    PROJECTS = "projects"
    INDICATORS = "indicators"
    CLUSTERS = "clusters"
    CHOICES = [
        (PROJECTS, gettext_lazy("招商引资项目到位资金（按项目）")),
        (INDICATORS, gettext_lazy("经济指标（目标与实绩）")),
        (CLUSTERS, gettext_lazy("产业集群产值（目标与实绩）")),
    ]


def project_figures(year: int) -> dict[str, Any]:
    """The year's task, the money arrived (summed from the projects), 完成率, and each project's amount."""
    # Imported here: portal's page models import this module, and the records' module imports portal's pages.
    from .models import InvestmentTask, ProjectInvestment

    rows = ProjectInvestment.objects.filter(year=year).select_related("project").order_by("-amount", "project__name")
    items = [
        {"name": row.project.investor or row.project.name, "kind": row.project.kind, "amount": row.amount}
        for row in rows
    ]
    task = InvestmentTask.objects.filter(year=year).first()
    figures = []
    if task is not None:
        figures = [
            (_("招商引资任务"), task.target, _("万元")),
            (_("实际到位"), task.arrived, _("万元")),
            (_("完成率"), task.achievement, "%"),
        ]
    chart = {
        "aria": {"enabled": True},
        "animation": False,
        "grid": {"left": 8, "right": 72, "top": 8, "bottom": 8, "containLabel": True},
        "tooltip": {"trigger": "item"},
        "xAxis": {"type": "value", "name": _("万元")},
        "yAxis": {"type": "category", "data": [item["name"] for item in items][::-1]},
        "series": [
            {
                "type": "bar",
                "name": _("到位资金"),
                "itemStyle": {"color": "#1f5fa8"},
                "label": {"show": True, "position": "right"},
                "data": [float(item["amount"]) for item in items][::-1],
            }
        ],
    }
    return {"items": items, "figures": figures, "chart": chart if items else None, "chart_height": 40 + 28 * len(items)}


def indicator_figures(year: int, clusters: bool = False) -> dict[str, Any]:
    """The zone's indicators recorded for ``year`` — or, with ``clusters``, the industry clusters' output
    indicators, drawn as a chart: target, actual, growth and 完成率 as computed."""
    from . import charts, public
    from .models import IndicatorYear

    rows = public.indicator_rows(public.Filters(year=year))
    recorded = {
        pk: (note, industry)
        for pk, note, industry in IndicatorYear.objects.filter(year=year).values_list(
            "indicator_id", "indicator__note", "indicator__industry__name"
        )
    }
    rows = [row for row in rows if (recorded[row["id"]][1] is not None) == clusters]  # rows of ``year`` only
    for row in rows:
        row["note"], row["industry"] = recorded[row["id"]]
    unit = rows[0]["unit"] if rows else ""
    chart = charts.target_actual_bars([row["industry"] for row in rows], rows, unit) if clusters and rows else None
    return {
        "rows": rows,
        "has_target": any(row["target"] is not None for row in rows),
        "has_actual": any(row["actual"] is not None for row in rows),
        "chart": chart,
        "chart_height": 320,
    }


class InvestmentFiguresBlock(blocks.StructBlock):
    """招商与经济数据: a table (and, for projects, a chart) read from the records when the page renders."""

    dataset = blocks.ChoiceBlock(choices=Dataset.CHOICES, label=gettext_lazy("数据"))
    year = blocks.IntegerBlock(label=gettext_lazy("年份"), min_value=1990, max_value=2100)
    caption = blocks.CharBlock(label=gettext_lazy("表格标题"), required=False)

    class Meta:
        icon = "table"
        label = gettext_lazy("招商与经济数据")
        template = "investment/blocks/investment_figures_block.html"

    def get_searchable_content(self, value) -> list[str]:
        """What the block shows, as text for site search (the page's entry is indexed when it is published)."""
        texts = [value["caption"]]
        if value["dataset"] == Dataset.PROJECTS:
            texts += [
                f"{item['name']} {item['kind']} {item['amount']}" for item in project_figures(value["year"])["items"]
            ]
        else:
            texts += [
                f"{row['name']} {row['target'] or ''} {row['actual'] or ''} {row['unit']} {row['note']}"
                for row in indicator_figures(value["year"], clusters=value["dataset"] == Dataset.CLUSTERS)["rows"]
            ]
        return [text for text in texts if text]

    def get_context(self, value, parent_context=None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        year = value["year"]
        if value["dataset"] == Dataset.PROJECTS:
            context.update(project_figures(year))
        else:
            context.update(indicator_figures(year, clusters=value["dataset"] == Dataset.CLUSTERS))
        context["options_id"] = f"investment-{value['dataset']}-{year}-options"
        return context
