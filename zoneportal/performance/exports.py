"""The report as a table: one row per department (合计) followed by its columns; the .xlsx download."""

from __future__ import annotations

import io
from collections.abc import Iterator

from django.utils.translation import gettext as _

from zoneportal.core.tabular import write_xlsx

from .figures import DepartmentFigures, Period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header() -> list[str]:
    return [
        _("排名"),
        _("部门"),
        _("栏目"),
        _("发布信息"),
        _("政策文件"),
        _("答复来信"),
        _("合计"),
        _("目标"),
        _("达成率（%）"),
        _("距上次更新（天）"),
        _("平均发布间隔（天）"),
        _("平均审核用时（工作日）"),
        _("退回次数"),
    ]


def rows(departments: list[DepartmentFigures]) -> Iterator[list]:
    """The department's line first (its stalest column's days), then one line per column."""
    for figures in departments:
        yield [
            figures.rank,
            figures.department.name,
            _("（部门合计）"),
            figures.pages,
            figures.policies,
            figures.letters,
            figures.items,
            figures.target_items,
            figures.achievement,
            figures.days_since_update,
            None,
            figures.turnaround,
            figures.rejections,
        ]
        for column in figures.columns:
            yield [
                None,
                figures.department.name,
                column.title,
                column.published,
                None,
                None,
                column.published,
                None,
                None,
                column.days_since_update,
                column.average_interval,
                column.turnaround,
                column.rejections,
            ]


def to_xlsx(departments: list[DepartmentFigures], period: Period) -> bytes:
    """The workbook of the report."""
    output = io.BytesIO()
    title = _("部门绩效 %(start)s 至 %(end)s") % {"start": period.start, "end": period.end}
    write_xlsx(header(), rows(departments), output, title=title)
    return output.getvalue()
