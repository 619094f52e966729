"""The back office's home page by role: drafts, waiting reviews in working days, column freshness."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import TaskState

from tests.factories import add_page, shanghai
from tests.utils import logged_in_client, soup
from zoneportal.core.dashboard import WaitingForMePanel, column_freshness, department_columns
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db


def dashboard(user):
    response = logged_in_client(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return soup(response)


def panel(page_soup, panel_id: str):
    return page_soup.find(id=panel_id) or page_soup.find(attrs={"id": f"{panel_id}-content"})


def draft(zone, column_key: str, title: str) -> ArticlePage:
    return add_page(
        zone.columns[column_key], ArticlePage(title=title, slug=f"d-{abs(hash(title))}", body="<p>草稿</p>"), False
    )


def submitted(zone, column_key: str, title: str, editor_key: str, when) -> ArticlePage:
    """An article submitted for review by ``editor_key`` at ``when`` (its first task started then)."""
    page = draft(zone, column_key, title)
    department = zone.columns[column_key].specific
    workflow = page.get_workflow()
    assert workflow is not None, department
    workflow.start(page, zone.users[editor_key])
    TaskState.objects.filter(workflow_state__object_id=str(page.pk)).update(started_at=when)
    return page


def test_an_editor_sees_the_departments_drafts_newest_first(zone):
    draft(zone, "investment", "招商草稿一")
    draft(zone, "services", "招商草稿二")
    draft(zone, "finance", "财政草稿")
    page = dashboard(zone.users["invest_editor"])
    drafts = panel(page, "department-drafts")
    assert drafts is not None
    titles = [link.get_text(strip=True) for link in drafts.select("td.title a")]
    assert titles == ["招商草稿二", "招商草稿一"]
    # A published article with a newer draft counts too.
    article = zone.articles["invest1"]
    article.title = "修改中的标题"
    article.save_revision()
    drafts = panel(dashboard(zone.users["invest_editor"]), "department-drafts")
    titles = [link.get_text(strip=True) for link in drafts.select("td.title a")]
    assert titles[0] == "修改中的标题"
    assert "财政草稿" not in titles
    # Heads review rather than write: 待我审核 is their list, not 我的草稿.
    assert panel(dashboard(zone.users["invest_head"]), "department-drafts") is None


def test_the_office_reviewer_has_no_drafts_panel(zone):
    assert panel(dashboard(zone.users["reviewer"]), "department-drafts") is None


def test_waiting_tasks_oldest_first_with_age_in_working_days(zone):
    # Submitted on 30 September 2026 (Wednesday, before the National Day holiday) and on Friday 9 October.
    submitted(zone, "investment", "节前提交的稿件", "invest_editor", shanghai(2026, 9, 30, 10))
    submitted(zone, "services", "节后提交的稿件", "invest_editor", shanghai(2026, 10, 9, 10))
    tasks = WaitingForMePanel.tasks_for(zone.users["invest_head"], now=shanghai(2026, 10, 12, 9))
    assert [task.page.title for task in tasks] == ["节前提交的稿件", "节后提交的稿件"]
    # 8, 9, 10 (make-up Saturday) and 12 October: 4 working days; 10 and 12 October: 2.
    assert [task.age for task in tasks] == [4, 2]
    assert tasks[0].submitted_by == zone.users["invest_editor"]
    # Not the finance head's, nor the office's until the head approves.
    assert WaitingForMePanel.tasks_for(zone.users["finance_head"]) == []
    assert WaitingForMePanel.tasks_for(zone.users["reviewer"]) == []

    page = dashboard(zone.users["invest_head"])
    waiting = panel(page, "waiting-for-me")
    items = waiting.select("ol.waiting-queue > li")
    assert [item.select_one("a").get_text(strip=True) for item in items] == ["节前提交的稿件", "节后提交的稿件"]
    assert "个工作日" in items[0].get_text()
    assert int(items[0]["data-waiting-age"]) > int(items[1]["data-waiting-age"])


def test_an_editor_has_no_waiting_panel_and_submitted_pages_leave_the_drafts(zone):
    draft(zone, "investment", "未提交的草稿")
    submitted(zone, "investment", "待审稿件", "invest_editor", shanghai(2026, 10, 9, 10))
    page = dashboard(zone.users["invest_editor"])
    assert panel(page, "waiting-for-me") is None
    titles = [link.get_text(strip=True) for link in panel(page, "department-drafts").select("td.title a")]
    assert titles == ["未提交的草稿"]


def test_column_freshness_thresholds_follow_the_content_kind(zone):
    columns = department_columns([zone.departments["office"]])[zone.departments["office"].pk]
    by_slug = {column.slug: column for column in columns}
    news, notices = by_slug["news"], by_slug["notices"]
    notices.content_kind = "notice"
    now = shanghai(2024, 6, 1, 12)
    # 新闻快递's newest article: 3 May 2024; 公告与通知's: 20 February 2024.
    with CaptureQueriesContext(connection) as queries:
        rows = {row.column.slug: row for row in column_freshness([news, notices], now=now)}
    assert len(queries) == 1, "one statement for every column, not one per column"
    assert rows["news"].days == 29 and rows["news"].limit == 14 and rows["news"].overdue
    assert rows["notices"].days == 102 and rows["notices"].limit == 180 and not rows["notices"].overdue
    rows = {row.column.slug: row for row in column_freshness([news], now=shanghai(2024, 5, 10))}
    assert rows["news"].days == 7 and not rows["news"].overdue


def test_the_dashboard_marks_overdue_columns_per_department(zone):
    # A fresh article in 招商引资 today; 企业服务's newest is from 2024.
    add_page(zone.columns["investment"], ArticlePage(title="今日签约", slug="today", body="<p>签约</p>"))
    page = dashboard(zone.users["invest_editor"])
    freshness = panel(page, "column-freshness")
    captions = [caption.get_text(strip=True) for caption in freshness.select("caption")]
    assert captions == ["招商发展分局"]
    rows = {int(row["data-column"]): row for row in freshness.select("tbody tr")}
    assert "column-overdue" not in rows[zone.columns["investment"].pk].get("class", [])
    assert "column-overdue" in rows[zone.columns["services"].pk].get("class", [])
    assert "超过 14 天未更新" in rows[zone.columns["services"].pk].get_text()

    office_view = panel(dashboard(zone.users["reviewer"]), "column-freshness")
    captions = [caption.get_text(strip=True) for caption in office_view.select("caption")]
    assert captions == ["管委会办公室", "招商发展分局", "财政分局"]
