"""ECharts options for the indicators (drawn by ``static/js/charts.js``; each chart has its table beside it)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from .public import Table

TARGET_COLOUR = "#9cc3ea"
ACTUAL_COLOUR = "#1f5fa8"


@dataclass
class Chart:
    """One indicator's chart: its element ids, title, ECharts options and the table rows it draws."""

    key: str
    title: str
    unit: str
    options: dict[str, Any]
    rows: list[dict[str, Any]]

    @property
    def options_id(self) -> str:
        return f"{self.key}-options"


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def year_bars(rows: list[dict[str, Any]], unit: str) -> dict[str, Any]:
    """Bars of target and actual figure per year."""
    return target_actual_bars([_("%(year)d年") % {"year": row["year"]} for row in rows], rows, unit)


def target_actual_bars(categories: list[str], rows: list[dict[str, Any]], unit: str) -> dict[str, Any]:
    """Bars of each row's target and actual figure above its category (a missing figure is a gap, not zero)."""
    series = [
        (_("目标"), "target", TARGET_COLOUR),
        (_("实绩"), "actual", ACTUAL_COLOUR),
    ]
    return {
        "aria": {"enabled": True},
        "animation": False,
        "legend": {"top": 0},
        "grid": {"left": 8, "right": 16, "top": 32, "bottom": 8, "containLabel": True},
        "tooltip": {"trigger": "axis"},
        "xAxis": {"type": "category", "data": categories},
        "yAxis": {"type": "value", "name": unit},
        "series": [
            {
                "type": "bar",
                "name": name,
                "barMaxWidth": 32,
                "itemStyle": {"color": colour},
                "label": {"show": True, "position": "top"},
                "data": [_number(row[key]) for row in rows],
            }
            for name, key, colour in series
            if any(row[key] is not None for row in rows)
        ],
    }


def indicator_charts(table: Table) -> list[Chart]:
    """A chart per indicator of the indicators table, in the table's order."""
    grouped: dict[int, list[dict[str, Any]]] = {}
    for row in table.rows:
        grouped.setdefault(row["id"], []).append(row)
    return [
        Chart(f"indicator-{pk}", rows[0]["name"], rows[0]["unit"], year_bars(rows, rows[0]["unit"]), rows)
        for pk, rows in grouped.items()
    ]
