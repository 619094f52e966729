"""来信统计: per department, mailbox or month — received, accepted, replied, on time, working days, satisfaction.

The letters counted are those *received* in the chosen months (local time); each row says what became
of them so far:

- 收信 (received): every letter received, merged ones included;
- 受理 (accepted): those accepted at some point (an ``accept`` step in their log);
- 答复 (replied): those with a reply (``replied_at``); a merged letter is answered through its main letter;
- 按期答复率 (on time): replied on or before ``due_on`` (as the deadline stood at the reply), over the replied;
- 平均答复用时 (working days): receipt to reply in China's working days (``core.workdays``), over the replied;
- 满意率 (satisfaction): (满意 + 基本满意) over the rated.

One aggregate query groups the counts in the database; one more reads the replied letters' two dates for
the working-day average, computed in Python (the holiday calendar is not in the database).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zoneportal.core.workdays import working_days_between

from .models import Letter, LetterEvent

GROUPINGS = {
    "department": gettext_lazy("承办部门"),
    "mailbox": gettext_lazy("信箱"),
    "month": gettext_lazy("月份"),
}

_GROUP_FIELDS = {
    "department": ("department_id", "department__name", "department__sort_order"),
    "mailbox": ("mailbox_id", "mailbox__name", "mailbox__sort_order"),
}


@dataclass
class Row:
    """One line of the table."""

    label: str
    received: int = 0
    accepted: int = 0
    replied: int = 0
    on_time: int = 0
    rated: int = 0
    satisfied: int = 0
    working_days_total: int = 0

    @property
    def on_time_percent(self) -> float | None:
        return round(100 * self.on_time / self.replied, 1) if self.replied else None

    @property
    def average_working_days(self) -> float | None:
        return round(self.working_days_total / self.replied, 1) if self.replied else None

    @property
    def satisfaction_percent(self) -> float | None:
        return round(100 * self.satisfied / self.rated, 1) if self.rated else None


@dataclass
class Table:
    """The rows, their total and what they cover."""

    grouping: str
    start: datetime.date  # first day of the first month
    end: datetime.date  # first day of the month after the last
    rows: list[Row]
    total: Row

    @property
    def title(self) -> str:
        last = self.end - datetime.timedelta(days=1)
        return _("来信统计（按%(grouping)s，%(start)s 至 %(end)s 收到的来信）") % {
            "grouping": GROUPINGS[self.grouping],
            "start": f"{self.start:%Y-%m}",
            "end": f"{last:%Y-%m}",
        }


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def compute(
    letters: QuerySet,
    *,
    grouping: str = "department",
    first_month: datetime.date,
    last_month: datetime.date,
) -> Table:
    """The statistics of ``letters`` received from ``first_month`` through ``last_month``, grouped."""
    if grouping not in GROUPINGS:
        raise ValueError(grouping)
    start, end = month_start(first_month), next_month(month_start(last_month))
    cohort = letters.filter(received_at__gte=_aware(start), received_at__lt=_aware(end))
    if grouping == "month":
        keyed = cohort.annotate(key=TruncMonth("received_at"))
        key_fields: tuple[str, ...] = ("key",)
    else:
        key_fields = _GROUP_FIELDS[grouping]
        keyed = cohort
    accepted = LetterEvent.objects.filter(letter=OuterRef("pk"), action="accept")
    counted = (
        keyed.annotate(was_accepted=Exists(accepted))
        .values(*key_fields)
        .annotate(
            received=Count("pk"),
            accepted=Count("pk", filter=Q(was_accepted=True)),
            replied=Count("pk", filter=Q(replied_at__isnull=False)),
            on_time=Count("pk", filter=Q(replied_at__isnull=False, replied_at__date__lte=F("due_on"))),
            rated=Count("pk", filter=~Q(satisfaction="")),
            satisfied=Count(
                "pk", filter=Q(satisfaction__in=(Letter.Satisfaction.SATISFIED, Letter.Satisfaction.BASICALLY))
            ),
        )
        .order_by(*key_fields[-1:], *key_fields[:1])
    )
    rows: dict = {}
    for item in counted:
        key = _key(item, grouping)
        rows[key] = Row(
            label=_label(item, grouping),
            received=item["received"],
            accepted=item["accepted"],
            replied=item["replied"],
            on_time=item["on_time"],
            rated=item["rated"],
            satisfied=item["satisfied"],
        )
    replied = keyed.filter(replied_at__isnull=False).values_list(key_fields[0], "received_at", "replied_at")
    for key_value, received_at, replied_at in replied:
        key = _key({key_fields[0]: key_value}, grouping)
        if key in rows:
            rows[key].working_days_total += working_days_between(received_at, replied_at)
    ordered = [rows[key] for key in sorted(rows, key=lambda k: k[0])] if grouping == "month" else list(rows.values())
    total = Row(label=_("合计"))
    for row in ordered:
        for name in ("received", "accepted", "replied", "on_time", "rated", "satisfied", "working_days_total"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return Table(grouping=grouping, start=start, end=end, rows=ordered, total=total)


def _key(item: dict, grouping: str):
    if grouping == "month":
        value = item["key"]
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
            value = value.date()
        return (value.replace(day=1),)
    return (item[_GROUP_FIELDS[grouping][0]],)


def _label(item: dict, grouping: str) -> str:
    if grouping == "month":
        (month,) = _key(item, grouping)
        return _("%(year)s年%(month)s月") % {"year": month.year, "month": month.month}
    return item[_GROUP_FIELDS[grouping][1]]


COLUMNS = (
    gettext_lazy("收信数"),
    gettext_lazy("受理数"),
    gettext_lazy("答复数"),
    gettext_lazy("按期答复率（%）"),
    gettext_lazy("平均答复用时（工作日）"),
    gettext_lazy("评价数"),
    gettext_lazy("满意率（%）"),
)


def row_values(row: Row) -> list:
    """A row's cells in :data:`COLUMNS` order (``None`` where there is nothing to divide)."""
    return [
        row.received,
        row.accepted,
        row.replied,
        row.on_time_percent,
        row.average_working_days,
        row.rated,
        row.satisfaction_percent,
    ]


def to_xlsx(table: Table) -> bytes:
    """The same table as an Excel workbook: a title line, the header, the rows and the total."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("来信统计"))
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True)
    sheet.append([str(GROUPINGS[table.grouping]), *(str(column) for column in COLUMNS)])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([row.label, *row_values(row)])
    sheet.append([table.total.label, *row_values(table.total)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 24
    for letter in "BCDEFGH":
        sheet.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
