"""目标管理's figures: per department and column, for one week, month or year.

Every figure is read by a fixed number of aggregate queries whatever the number of departments
and columns (one ``GROUP BY`` over pages, one over review steps, one each over policies and
letters); the rest is arithmetic on their rows. A page counts for the nearest column above it
that a department owns, as ``core.ownership.owning_department`` decides for one page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from statistics import mean

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, TaskState, WorkflowPage

from zoneportal.core.models import Department
from zoneportal.core.workdays import working_days_between

from .models import PerformanceTarget

WEEK, MONTH, YEAR = "week", "month", "year"
PERIOD_KINDS = ((WEEK, _("周")), (MONTH, _("月")), (YEAR, _("年")))

#: How many of a target period's items fall in a shorter period: months per period, per target unit.
_MONTHS = {PerformanceTarget.Per.MONTH: 1, PerformanceTarget.Per.QUARTER: 3, PerformanceTarget.Per.YEAR: 12}
_PERIOD_MONTHS = {WEEK: 12 / 52, MONTH: 1, YEAR: 12}


@dataclass(frozen=True)
class Period:
    """The days ``start`` up to and including ``end``."""

    kind: str
    start: datetime.date
    end: datetime.date

    @classmethod
    def containing(cls, kind: str, day: datetime.date) -> Period:
        """The week (Monday to Sunday), month or year that ``day`` is in."""
        if kind == WEEK:
            start = day - datetime.timedelta(days=day.weekday())
            return cls(kind, start, start + datetime.timedelta(days=6))
        if kind == MONTH:
            start = day.replace(day=1)
            following = (start + datetime.timedelta(days=32)).replace(day=1)
            return cls(kind, start, following - datetime.timedelta(days=1))
        return cls(YEAR, day.replace(month=1, day=1), day.replace(month=12, day=31))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as aware moments in the zone's time, end excluded."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        return start, datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)

    def reference_day(self, today: datetime.date) -> datetime.date:
        """The day “days since the last update” are counted to: the period's end, or today while it runs."""
        return min(self.end, today)


@dataclass
class ColumnFigures:
    """One column's figures in the period."""

    column_id: int
    title: str
    published: int = 0
    days_since_update: int | None = None
    average_interval: float | None = None
    turnaround: float | None = None
    rejections: int = 0


@dataclass
class DepartmentFigures:
    """One department's figures, its target and what it achieved."""

    department: Department
    columns: list[ColumnFigures] = field(default_factory=list)
    pages: int = 0
    policies: int = 0
    letters: int = 0
    turnaround: float | None = None
    rejections: int = 0
    target: PerformanceTarget | None = None
    target_items: float | None = None
    achievement: float | None = None
    rank: int | None = None

    @property
    def items(self) -> int:
        """Items published: pages, policies and letters answered."""
        return self.pages + self.policies + self.letters

    @property
    def days_since_update(self) -> int | None:
        """The stalest column's days since its last update (``None``: a column never updated, or no column)."""
        days = [column.days_since_update for column in self.columns]
        return None if not days or None in days else max(days)


def owned_columns() -> dict[int, tuple[int, str, str]]:
    """``{column page id: (department id, path, title)}`` of every column a department owns."""
    owned = "workflow__workflow_pages__page"
    rows = Department.objects.filter(**{f"{owned}__isnull": False}).values_list(
        f"{owned}_id", "pk", f"{owned}__path", f"{owned}__title"
    )
    return {page_id: (department_id, path, title) for page_id, department_id, path, title in rows}


def _owning_column(path) -> Subquery:
    """The nearest owned column at or above the page whose path is ``path`` (an outer reference)."""
    return Subquery(
        WorkflowPage.objects.filter(
            workflow__in=Department.objects.filter(workflow__isnull=False).values("workflow"),
            page__path=Substr(path, 1, Length("page__path")),
        )
        .order_by("-page__depth")
        .values("page_id")[:1]
    )


def _page_rows(period: Period) -> dict[int, dict]:
    """Per owning column: pages first published in the period (count, first, last), the last update before its end."""
    start, end = period.bounds()
    in_period = Q(first_published_at__gte=start, first_published_at__lt=end)
    column_type = ContentType.objects.get_by_natural_key("portal", "columnpage")
    rows = (
        Page.objects.live()
        .exclude(content_type=column_type)
        .filter(last_published_at__lt=end)
        .annotate(column=_owning_column(OuterRef("path")))
        .filter(column__isnull=False)
        .order_by()  # the page manager orders by path, which would split the groups
        .values("column")
        .annotate(
            published=Count("pk", filter=in_period),
            first=Min("first_published_at", filter=in_period),
            last=Max("first_published_at", filter=in_period),
            updated=Max("last_published_at"),
        )
    )
    return {row["column"]: row for row in rows}


def _review_rows(period: Period) -> list[tuple[int, str, datetime.datetime, datetime.datetime]]:
    """``(column, status, started, finished)`` of each review step of a page decided in the period."""
    start, end = period.bounds()
    page_type = ContentType.objects.get_for_model(Page)
    page_path = Subquery(
        Page.objects.filter(pk=Cast(OuterRef("workflow_state__object_id"), output_field=IntegerField())).values("path")[
            :1
        ],
        output_field=CharField(),
    )
    return list(
        TaskState.objects.filter(
            workflow_state__base_content_type=page_type,
            status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED),
            finished_at__gte=start,
            finished_at__lt=end,
        )
        .annotate(page_path=page_path)
        .annotate(column=_owning_column(OuterRef("page_path")))
        .filter(column__isnull=False)
        .values_list("column", "status", "started_at", "finished_at")
    )


def _counts_by_department(period: Period) -> tuple[dict[int, int], dict[int, int]]:
    """Policies issued and letters answered in the period, per department."""
    from zoneportal.letters.models import Letter
    from zoneportal.policies.models import Policy

    start, end = period.bounds()
    policies = dict(
        Policy.objects.filter(
            live=True, issued_on__gte=period.start, issued_on__lte=period.end, department__isnull=False
        )
        .values("department")
        .annotate(n=Count("pk"))
        .values_list("department", "n")
    )
    letters = dict(
        Letter.objects.filter(replied_at__gte=start, replied_at__lt=end)
        .annotate(answered_by=Coalesce("reply_department", "department"))
        .values("answered_by")
        .annotate(n=Count("pk"))
        .values_list("answered_by", "n")
    )
    return policies, letters


def period_target(target: PerformanceTarget, kind: str) -> float:
    """The items ``target`` asks for in a period of ``kind`` (a year's target over a week is a 52nd of it)."""
    return round(target.items * _PERIOD_MONTHS[kind] / _MONTHS[target.items_per], 1)


def achievement(figures: DepartmentFigures, target: PerformanceTarget, kind: str) -> float:
    """达成率 in percent: each target that is set met at most in full (ratio ≤ 1), averaged.

    Items: published ÷ the period's target. Freshness: the limit ÷ the stalest column's days
    (0 when a column was never updated). Review speed: the limit ÷ the average working days.
    """
    ratios = [min(figures.items / period_target(target, kind), 1.0)]
    if target.max_days_between_updates is not None:
        days = figures.days_since_update
        ratios.append(0.0 if days is None else min(target.max_days_between_updates / max(days, 1), 1.0))
    if target.max_turnaround_workdays is not None and figures.turnaround is not None:
        ratios.append(min(target.max_turnaround_workdays / figures.turnaround, 1.0) if figures.turnaround else 1.0)
    return round(100 * mean(ratios), 1)


def rank(departments: list[DepartmentFigures]) -> list[DepartmentFigures]:
    """Ranked by achievement (highest first), ties by the faster review; those without a target last, unranked."""
    ranked = sorted(
        (figures for figures in departments if figures.achievement is not None),
        key=lambda figures: (
            -figures.achievement,
            figures.turnaround if figures.turnaround is not None else float("inf"),
        ),
    )
    for position, figures in enumerate(ranked, start=1):
        figures.rank = position
    return ranked + [figures for figures in departments if figures.achievement is None]


def compute(period: Period, departments: list[Department] | None = None, today: datetime.date | None = None):
    """The figures of ``departments`` (every one when ``None``) in ``period``, ranked.

    ``today`` (the zone's date by default) bounds “days since the last update” while the period runs.
    """
    today = today or timezone.localdate()
    reference = period.reference_day(today)
    if departments is None:
        departments = list(Department.objects.all())
    wanted = {department.pk: department for department in departments}
    columns = owned_columns()
    pages = _page_rows(period)
    reviews = _review_rows(period)
    policies, letters = _counts_by_department(period)
    targets = {
        target.department_id: target
        for target in PerformanceTarget.objects.filter(year=period.start.year, department_id__in=list(wanted))
    }

    by_department = {pk: DepartmentFigures(department) for pk, department in wanted.items()}
    by_column = {}
    for column_id, (department_id, _path, title) in sorted(columns.items(), key=lambda item: item[1][1]):
        if department_id not in by_department:
            continue
        figures = ColumnFigures(column_id, title)
        row = pages.get(column_id)
        if row:
            figures.published = row["published"]
            if row["updated"] is not None:
                figures.days_since_update = (reference - timezone.localtime(row["updated"]).date()).days
            if row["published"] > 1:
                seconds = (row["last"] - row["first"]).total_seconds()
                figures.average_interval = round(seconds / 86400 / (row["published"] - 1), 1)
        by_column[column_id] = figures
        by_department[department_id].columns.append(figures)

    durations: dict[int, list[int]] = {}
    for column_id, status, started, finished in reviews:
        if column_id not in by_column:
            continue
        if status == TaskState.STATUS_REJECTED:
            by_column[column_id].rejections += 1
        else:
            durations.setdefault(column_id, []).append(working_days_between(started, finished))
    for column_id, days in durations.items():
        by_column[column_id].turnaround = round(mean(days), 1)

    for pk, figures in by_department.items():
        figures.pages = sum(column.published for column in figures.columns)
        figures.rejections = sum(column.rejections for column in figures.columns)
        own = [days for column in figures.columns for days in durations.get(column.column_id, [])]
        figures.turnaround = round(mean(own), 1) if own else None
        figures.policies = policies.get(pk, 0)
        figures.letters = letters.get(pk, 0)
        target = figures.target = targets.get(pk)
        if target is not None:
            figures.target_items = period_target(target, period.kind)
            figures.achievement = achievement(figures, target, period.kind)
    return rank(list(by_department.values()))
