"""The back office's home page by role (工作台).

- 我的草稿: an editor's department pages that are drafts or have unpublished changes and
  are not in review, newest first (heads work from 待我审核 instead).
- 待我审核（按等待时间）: a queue (a list, not a table) of the review tasks waiting for a
  head or the committee office, oldest first, with their age in working days
  (``core.workdays``). Wagtail's own table of the same tasks stays (#awaiting-review, which
  the menu's count links to): it carries the approve and reject buttons.
- 栏目更新情况: each department's columns with the days since their newest article, red
  past the national inspection's thresholds (动态/新闻 14 days, 通知公告/政策文件 180 days,
  chosen by the column's 内容类别). Departments see their own; the office and
  administrators see every department.

- 节假日安排 (office and administrators): a warning while next year's holidays are
  unknown — neither ``chinese-calendar`` nor the holiday table has them — so deadlines
  in that year would count Monday to Friday.

The panel that returns an item to its editor with the reviewer's comment (退回修改) is
the review work's, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowPage, WorkflowState

from .models import Department
from .ownership import OFFICE_REVIEWERS_GROUP, user_departments
from .workdays import working_days_between, year_is_arranged

#: Days without a new article after which a column is overdue, by its content kind
#: (全国政府网站抽查: 动态、要闻类栏目 2 周, 通知公告、政策文件类栏目 6 个月).
STALE_AFTER_DAYS = {"news": 14, "notice": 180, "policy": 180}

DRAFTS_LIMIT = 20


def department_columns(departments) -> dict[int, list[Page]]:
    """``{department id: [its columns, in tree order]}``: the column pages their workflows review."""
    from zoneportal.portal.models import ColumnPage

    workflow_departments = {d.workflow_id: d.pk for d in departments if d.workflow_id}
    links = WorkflowPage.objects.filter(workflow_id__in=workflow_departments).values_list("page_id", "workflow_id")
    owner_of = {page_id: workflow_departments[workflow_id] for page_id, workflow_id in links}
    columns: dict[int, list[Page]] = {d.pk: [] for d in departments}
    for column in ColumnPage.objects.filter(pk__in=owner_of).order_by("path"):
        columns[owner_of[column.pk]].append(column)
    return columns


def _under_any(pages: list[Page]) -> Q:
    """Pages at or below any of ``pages``."""
    condition = Q(pk__in=[])
    for page in pages:
        condition |= Q(path__startswith=page.path)
    return condition


class MyDraftsPanel(Component):
    """我的草稿: the department's pages waiting to be finished or submitted."""

    name = "department_drafts"
    template_name = "core/dashboard/drafts.html"
    order = 140

    def __init__(self, departments: list[Department]) -> None:
        self.departments = departments

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        columns = [column for pages in department_columns(self.departments).values() for column in pages]
        in_review = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).values_list(
            "object_id", flat=True
        )
        pages = (
            Page.objects.filter(_under_any(columns))
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .exclude(pk__in=[column.pk for column in columns])
            # Submitted pages are the reviewers' now; Wagtail lists them under "your pages in moderation".
            .exclude(pk__in=[int(object_id) for object_id in in_review])
            .select_related("latest_revision__user")
            .order_by("-latest_revision_created_at", "-pk")[:DRAFTS_LIMIT]
        )
        rows = [{"page": page} for page in pages]
        return {"rows": rows, "departments": self.departments}


@dataclass
class WaitingTask:
    """A review step waiting for the user, as the dashboard lists it."""

    state: TaskState
    page: Page
    submitted_by: Any
    age: int


class WaitingForMePanel(Component):
    """待我审核: tasks this user may approve, oldest first, age in working days."""

    name = "waiting_for_me"
    template_name = "core/dashboard/waiting.html"
    order = 150

    def __init__(self, tasks: list[WaitingTask]) -> None:
        self.tasks = tasks

    @classmethod
    def tasks_for(cls, user, now: datetime | None = None) -> list[WaitingTask]:
        """The in-progress review steps ``user`` can act on, oldest first."""
        now = now or timezone.now()
        states = (
            TaskState.objects.reviewable_by(user)
            .filter(status=TaskState.STATUS_IN_PROGRESS)
            .select_related("task", "revision__user", "workflow_state__requested_by")
            .order_by("started_at", "pk")
        )
        page_ids = [int(state.workflow_state.object_id) for state in states]
        pages = Page.objects.in_bulk(page_ids)
        tasks = []
        for state in states:
            page = pages.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            tasks.append(
                WaitingTask(
                    state=state,
                    page=page,
                    submitted_by=state.workflow_state.requested_by,
                    age=working_days_between(state.started_at, now),
                )
            )
        return tasks

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {"tasks": self.tasks}


@dataclass
class ColumnFreshness:
    """A column and how long since its newest article."""

    column: Page
    last_published: datetime | None
    days: int | None
    limit: int | None

    @property
    def overdue(self) -> bool:
        """Past the inspection's threshold for this kind of column (a column never published counts)."""
        return self.limit is not None and (self.days is None or self.days > self.limit)


def column_freshness(
    columns: list[Page], now: datetime | None = None, limits: dict[int, int | None] | None = None
) -> list[ColumnFreshness]:
    """Days since the newest live article below each of ``columns`` (by its 发布时间).

    ``limits`` (column id → days, ``None`` for unchecked) overrides the default by content kind
    for the columns it names (the self-inspection's per-column limits).
    """
    limits = limits or {}
    from zoneportal.portal.models import ArticlePage

    now = now or timezone.now()
    # One statement for every column, not one per column: the office's panel lists them all.
    newest_below = (
        ArticlePage.objects.live()
        .filter(path__startswith=OuterRef("path"), publish_at__isnull=False)
        .order_by("-publish_at")
        .values("publish_at")[:1]
    )
    newest_of = dict(
        Page.objects.filter(pk__in=[column.pk for column in columns])
        .annotate(newest=Subquery(newest_below))
        .values_list("pk", "newest")
    )
    rows = []
    for column in columns:
        newest = newest_of.get(column.pk)
        days = (timezone.localdate(now) - timezone.localtime(newest).date()).days if newest else None
        limit = limits[column.pk] if column.pk in limits else STALE_AFTER_DAYS.get(column.content_kind)
        rows.append(ColumnFreshness(column, newest, days, limit))
    return rows


class ColumnFreshnessPanel(Component):
    """栏目更新情况: per department, its columns with the days since the last publish."""

    name = "column_freshness"
    template_name = "core/dashboard/freshness.html"
    order = 160

    def __init__(self, departments: list[Department]) -> None:
        self.departments = departments

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        columns = department_columns(self.departments)
        groups = [
            {"department": department, "rows": column_freshness(columns[department.pk])}
            for department in self.departments
            if columns[department.pk]
        ]
        return {"groups": groups, "thresholds": STALE_AFTER_DAYS}


class HolidaysMissingPanel(Component):
    """A warning to the office: next year's holiday arrangement is not entered yet."""

    name = "holidays_missing"
    template_name = "core/dashboard/holidays_missing.html"
    order = 90  # above the work queues: every deadline set now may reach into that year

    def __init__(self, year: int, can_enter: bool) -> None:
        self.year = year
        self.can_enter = can_enter

    @classmethod
    def missing_year(cls, today=None) -> int | None:
        """Next year, when neither chinese-calendar nor the holiday table knows its holidays."""
        year = (today or timezone.localdate()).year + 1
        return None if year_is_arranged(year) else year

    def get_context_data(self, parent_context: dict[str, Any]) -> dict[str, Any]:
        return {"year": self.year, "can_enter": self.can_enter}


def sees_every_department(user) -> bool:
    """Administrators and the committee office look after every department's columns."""
    return user.is_superuser or user.groups.filter(name=OFFICE_REVIEWERS_GROUP).exists()


def role_panels(request, panels: list) -> None:
    """The ``construct_homepage_panels`` hook: add the panels of the user's roles."""
    user = request.user
    departments = list(user_departments(user))
    # The drafts are the editors' work; a head's list is 待我审核.
    writing_for = list(user_departments(user, editors_only=True))
    if writing_for:
        panels.append(MyDraftsPanel(writing_for))
    tasks = WaitingForMePanel.tasks_for(user)
    if tasks:
        panels.append(WaitingForMePanel(tasks))
    every_department = sees_every_department(user)
    if every_department and (year := HolidaysMissingPanel.missing_year()) is not None:
        panels.append(HolidaysMissingPanel(year, user.has_perm("core.add_holiday")))
    watched = list(Department.objects.all()) if every_department else departments
    if watched:
        panels.append(ColumnFreshnessPanel(watched))
