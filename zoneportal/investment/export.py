"""A public table (:class:`~zoneportal.investment.public.Table`) as a .csv or .xlsx download.

The file holds the same columns and rows as the table on the page. The CSV is
UTF-8 with a BOM, which Excel opens as UTF-8; the workbook keeps numbers as
numbers.
"""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .public import Table

FORMATS = ("csv", "xlsx")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def text(value: Any) -> str:
    """A cell as text: 是/否 for flags, ISO dates, plain decimals, nothing for unknown."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def _xlsx_cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return text(value)


def csv_bytes(table: Table) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([column.label for column in table.columns])
    writer.writerows([[text(value) for value in row] for row in table.cells()])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table.title[:31])
    sheet.append([column.label for column in table.columns])
    for row in table.cells():
        sheet.append([_xlsx_cell(value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def download(table: Table, fmt: str) -> HttpResponse:
    """``table`` as a file: ``fmt`` is ``"csv"`` or ``"xlsx"`` (ValueError otherwise)."""
    if fmt == "csv":
        response = HttpResponse(csv_bytes(table), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    response["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
    return response
