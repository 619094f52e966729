"""The three-step review (三审, 先审后发) through the real admin views.

editor submits → the department's head approves → the committee office
approves, which publishes; a rejection goes back with the reviewer's comment.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import rich_text

from tests.utils import add_article_url, admin_form, assert_page_denied, edit_url, logged_in_client, text_of
from zoneportal.portal.models import ArticlePage

pytestmark = pytest.mark.django_db

TITLE = "开发区新签约三个工业项目"


def submit_new_article(zone, title: str = TITLE, slug: str = "new-projects") -> ArticlePage:
    """As the 招商发展分局 editor: write an article in their column and submit it for review."""
    client = logged_in_client(zone.users["invest_editor"])
    column = zone.columns["investment"]
    data = admin_form(client.get(add_article_url(column)))
    data["title"] = title
    data["slug"] = slug
    data["summary"] = "三个项目落户开发区"
    data["body"] = rich_text("<p>项目总投资12亿元，预计年产值20亿元。</p>")
    data["publish_at"] = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    response = client.post(add_article_url(column), {**data.dict(), "action-submit": "action-submit"})
    assert response.status_code == 302, text_of(response)[:500]
    return ArticlePage.objects.get(title=title)


def current_task_state(page: Page) -> TaskState:
    page.refresh_from_db()
    return page.current_workflow_task_state


def workflow_action(user, page: Page, action: str, **data):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return logged_in_client(user).post(url, data)


def test_editor_submission_starts_the_departments_review(zone):
    article = submit_new_article(zone)
    assert not article.live
    state = article.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == zone.departments["invest"].workflow
    assert state.requested_by == zone.users["invest_editor"]
    assert article.current_workflow_task.name == "招商发展分局负责人审核"
    # Not public yet.
    assert Client().get("/dynamics/investment/new-projects/").status_code == 404


def test_head_approves_then_office_approves_and_the_article_goes_live(zone):
    article = submit_new_article(zone)

    response = workflow_action(zone.users["invest_head"], article, "approve")
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "管委会办公室终审"
    first = TaskState.objects.filter(workflow_state__object_id=str(article.pk)).order_by("started_at").first()
    assert first.status == TaskState.STATUS_APPROVED
    assert first.finished_by == zone.users["invest_head"]

    response = workflow_action(zone.users["reviewer"], article, "approve")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.current_workflow_state is None
    published = PageLogEntry.objects.filter(page=article, action="wagtail.publish").latest("timestamp")
    assert published.user == zone.users["reviewer"]

    public = Client().get(article.url)
    assert public.status_code == 200
    assert TITLE in text_of(public)
    assert TITLE in text_of(Client().get(zone.columns["investment"].url))


def test_head_of_another_department_cannot_approve(zone):
    article = submit_new_article(zone)
    task_state = current_task_state(article)
    for intruder in ("finance_head", "finance_editor", "invest_editor"):
        response = workflow_action(zone.users[intruder], article, "approve")
        assert_page_denied(response)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    article.refresh_from_db()
    assert not article.live


def test_office_cannot_skip_the_heads_step(zone):
    article = submit_new_article(zone)
    assert_page_denied(workflow_action(zone.users["reviewer"], article, "approve"))
    assert current_task_state(article).task.name == "招商发展分局负责人审核"


def test_the_head_cannot_give_the_final_approval(zone):
    article = submit_new_article(zone)
    workflow_action(zone.users["invest_head"], article, "approve")
    assert_page_denied(workflow_action(zone.users["invest_head"], article, "approve"))
    article.refresh_from_db()
    assert not article.live


def test_rejection_goes_back_with_the_reviewers_comment(zone):
    article = submit_new_article(zone)
    response = workflow_action(zone.users["invest_head"], article, "reject", comment="请补充项目投资额的数据来源。")
    assert response.status_code == 302

    task_state = TaskState.objects.filter(workflow_state__object_id=str(article.pk)).latest("started_at")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "请补充项目投资额的数据来源。"
    assert task_state.finished_by == zone.users["invest_head"]
    state = WorkflowState.objects.filter(object_id=str(article.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    article.refresh_from_db()
    assert not article.live
    rejected = PageLogEntry.objects.get(page=article, action="wagtail.workflow.reject")
    assert rejected.user == zone.users["invest_head"]

    # The editor sees the comment, fixes the article and submits again: the
    # review resumes at the head's step.
    editor = logged_in_client(zone.users["invest_editor"])
    data = admin_form(editor.get(edit_url(article)))
    history = editor.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert "请补充项目投资额的数据来源。" in text_of(history)
    data["body"] = rich_text("<p>项目总投资12亿元（数据来源：开发区招商局）。</p>")
    response = editor.post(edit_url(article), {**data.dict(), "action-submit": "action-submit"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert article.current_workflow_task.name == "招商发展分局负责人审核"


def test_news_and_notices_are_reviewed_by_default(zone):
    """Every column of the office (news, notices) has the office's three-step workflow."""
    for key in ("news", "notices"):
        assert zone.columns[key].get_workflow() == zone.departments["office"].workflow
    # An article below a department's column inherits the column's workflow.
    assert zone.articles["invest1"].get_workflow() == zone.departments["invest"].workflow
