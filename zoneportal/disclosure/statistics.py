"""The yearly statistics of requests (收到和处理政府信息公开申请情况), computed from the requests themselves.

One row per figure of the annual report's table, one column per applicant kind (公民 and
法人或其他组织) and their total:

- received this year; carried over from last year (received before, still open on 1 January);
- closed this year by answer kind, the requests deemed withdrawn, and their total;
- carried to next year (received by 31 December, still open at its end; for the current year:
  open now).

Every figure is one aggregate query over the requests (``year_table``); years are the zone's
calendar years (``TIME_ZONE``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.demo.documents import xlsx

from .models import DisclosureRequest

R = DisclosureRequest


@dataclass(frozen=True)
class Row:
    """One figure: its label, the count for each applicant kind, and whether it is part of a group."""

    key: str
    label: str
    citizen: int
    organisation: int
    indent: bool = False

    @property
    def total(self) -> int:
        return self.citizen + self.organisation


@dataclass(frozen=True)
class YearTable:
    """The table of one year."""

    year: int
    rows: list[Row]

    def value(self, key: str) -> int:
        """The total of the row ``key`` (tests and the report's summary line)."""
        return next(row.total for row in self.rows if row.key == key)


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """1 January 00:00 of ``year`` and of the next year, in the zone's own time."""
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def _conditions(year: int) -> dict[str, Q]:
    start, end = year_bounds(year)
    closed_in_year = Q(closed_at__gte=start, closed_at__lt=end)
    conditions = {
        "received": Q(received_at__gte=start, received_at__lt=end),
        "carried_over": Q(received_at__lt=start) & (Q(closed_at__isnull=True) | Q(closed_at__gte=start)),
    }
    for kind in R.AnswerKind:
        conditions[kind.value] = closed_in_year & Q(status=R.Status.ANSWERED, answer_kind=kind.value)
    conditions["withdrawn"] = closed_in_year & Q(status=R.Status.WITHDRAWN)
    conditions["closed"] = closed_in_year
    conditions["carried_forward"] = Q(received_at__lt=end) & (Q(closed_at__isnull=True) | Q(closed_at__gte=end))
    return conditions


def _labels() -> list[tuple[str, str, bool]]:
    labels = [
        ("received", _("一、本年新收政府信息公开申请数量"), False),
        ("carried_over", _("二、上年结转政府信息公开申请数量"), False),
    ]
    numerals = "一二三四五"
    for index, kind in enumerate(R.AnswerKind):
        labels.append((kind.value, _("（%(n)s）%(label)s") % {"n": numerals[index], "label": kind.label}, True))
    labels += [
        ("withdrawn", _("（六）其他处理：逾期未补正，视为放弃申请"), True),
        ("closed", _("三、本年度办理结果总计"), False),
        ("carried_forward", _("四、结转下年度继续办理"), False),
    ]
    return labels


def year_table(year: int) -> YearTable:
    """The statistics of ``year`` (one query)."""
    conditions = _conditions(year)
    grouped = (
        DisclosureRequest.objects.order_by()
        .values("applicant_kind")
        .annotate(**{key: Count("pk", filter=condition) for key, condition in conditions.items()})
    )
    counts = {group["applicant_kind"]: group for group in grouped}
    none = dict.fromkeys(conditions, 0)
    citizen = counts.get(R.ApplicantKind.CITIZEN, none)
    organisation = counts.get(R.ApplicantKind.ORGANISATION, none)
    rows = [Row(key, label, citizen[key], organisation[key], indent) for key, label, indent in _labels()]
    return YearTable(year, rows)


def years_with_requests() -> list[int]:
    """The years in which requests were received, newest first."""
    dates = DisclosureRequest.objects.dates("received_at", "year", order="DESC")
    return [day.year for day in dates]


def to_xlsx(table: YearTable) -> bytes:
    """The table as a one-sheet workbook (title, header, rows, a note on how it is counted)."""
    headers = [_("项目"), str(R.ApplicantKind.CITIZEN.label), str(R.ApplicantKind.ORGANISATION.label), _("总计")]
    rows = [[row.label, row.citizen, row.organisation, row.total] for row in table.rows]
    title = _("%(year)s年收到和处理政府信息公开申请情况") % {"year": table.year}
    note = _("按收到申请和办结的时间统计；办结包括答复和视为放弃申请。")
    return xlsx(title, headers, rows, notes=[note], sheet_name=str(table.year), widths=[48, 12, 18, 10])
