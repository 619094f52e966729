"""Template filters of the investment pages (the logic is in ``export.text``)."""

from typing import Any

from django import template

from zoneportal.investment.export import text

register = template.Library()


@register.filter
def cell(value: Any) -> str:
    """A table cell as the download writes it: 是/否, ISO dates, plain decimals, empty when unknown."""
    return text(value)


@register.filter
def cells(row: dict, columns: list) -> list:
    """The values of ``row`` in the order of ``columns``."""
    return [row[column.key] for column in columns]
