"""Review that shows itself, through the real admin views.

A return for changes needs a comment; the editor sees it (banner on the edit
page and the dashboard, status 已退回修改, the dialog names the reviewer); a
reviewer acting from the dashboard is told what happened; the menu counts the
waiting tasks; emails go to the next reviewers and back to the editor.
"""

from __future__ import annotations

import importlib
import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from tests.core.test_review import current_task_state, submit_new_article, workflow_action
from tests.utils import admin_form, edit_url, logged_in_client, message_texts, soup, text_of
from zoneportal.core.forms import COMMENT_REQUIRED
from zoneportal.core.models import ReviewTask

pytestmark = pytest.mark.django_db

COMMENT = "请补充项目投资额的数据来源。"
DASHBOARD = reverse("wagtailadmin_home")
REQUIRED = str(COMMENT_REQUIRED)


@pytest.fixture
def named_head(zone):
    """The 招商发展分局 head, with a real name (a reviewer is named by it, not by the login)."""
    head = zone.users["invest_head"]
    head.first_name = "王审核"
    head.save()
    return head


def returned_article(zone, named_head):
    article = submit_new_article(zone)
    response = workflow_action(named_head, article, "reject", comment=COMMENT, next=DASHBOARD)
    assert response.status_code == 302
    article.refresh_from_db()
    return article


def messages_of(response) -> list[str]:
    return [text.strip() for text in message_texts(response)]


def dialog_html(response, dialog_id: str) -> BeautifulSoup:
    """A dialog of the page: Wagtail renders dialogs inside <template> (moved into the body by its script)."""
    html = response.content.decode()
    start = html.index(f'id="{dialog_id}"')
    return BeautifulSoup(html[start : html.index("</template>", start)], "html.parser")


def sidebar_labels(response) -> str:
    """The admin menu as the sidebar script receives it (JSON), decoded to text."""
    props = soup(response).find(id="wagtail-sidebar-props")
    return json.dumps(json.loads(props.string), ensure_ascii=False)


# ---- a return needs a comment --------------------------------------------------------------------


def test_departments_review_with_the_comment_requiring_step(zone):
    steps = [step.task.specific for step in zone.departments["invest"].workflow.workflow_tasks.order_by("sort_order")]
    assert [type(step) for step in steps] == [ReviewTask, ReviewTask]


def test_return_without_comment_from_the_dialog_is_refused_and_the_dialog_stays(zone, named_head):
    article = submit_new_article(zone)
    task_state = current_task_state(article)
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "reject", task_state.pk))
    client = logged_in_client(named_head)

    # The dashboard's dialog posts with XMLHttpRequest: it comes back with the error, comment field and all.
    response = client.post(url, {"comment": "   "}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    answer = response.json()
    assert answer["step"] == "action"
    assert REQUIRED in answer["html"]
    assert 'name="comment"' in answer["html"]

    # A plain form post is refused with the same reason.
    response = client.post(url, {"comment": "", "next": DASHBOARD})
    assert response.status_code == 302
    assert REQUIRED in messages_of(response)

    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not mail.outbox or all("退回" not in message.subject for message in mail.outbox)


def test_return_without_comment_from_the_editor_footer_is_refused(zone, named_head):
    article = submit_new_article(zone)
    client = logged_in_client(named_head)
    data = admin_form(client.get(edit_url(article)))
    data["title"] = "审核人改过的标题"
    response = client.post(
        edit_url(article),
        {
            **data.dict(),
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": ""}),
        },
    )
    assert response.status_code == 302
    assert REQUIRED in messages_of(response)
    assert current_task_state(article).status == TaskState.STATUS_IN_PROGRESS
    article.refresh_from_db()
    assert article.get_latest_revision().as_object().title != "审核人改过的标题"


def test_the_step_itself_refuses_a_return_without_comment(zone, named_head):
    article = submit_new_article(zone)
    task_state = current_task_state(article)
    with pytest.raises(ValidationError):
        task_state.task.specific.on_action(task_state, named_head, "reject", comment=" ")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


# ---- the editor sees the return ------------------------------------------------------------------


def test_the_reviewer_is_told_the_page_was_returned(zone, named_head):
    article = submit_new_article(zone)
    response = workflow_action(named_head, article, "reject", comment=COMMENT, next=DASHBOARD)
    assert response["Location"] == DASHBOARD
    (message,) = messages_of(response)
    assert message.startswith(f"已退回“{article.title}”修改")
    dashboard = logged_in_client(named_head).get(DASHBOARD)
    assert article.title not in text_of(dashboard)  # gone from 待审核


def test_the_editor_sees_the_return_on_the_edit_page(zone, named_head):
    article = returned_article(zone, named_head)
    editor = logged_in_client(zone.users["invest_editor"])
    response = editor.get(edit_url(article))
    page = soup(response)

    banner = page.select_one("[data-review-returned]")
    assert banner is not None
    text = banner.get_text(" ", strip=True)
    assert "已退回修改" in text and COMMENT in text and "王审核" in text and "招商发展分局负责人审核" in text

    # The status panel says 已退回修改, not 审核中, and its dialog names the reviewer.
    status = page.select_one("[data-review-status='returned']")
    assert status is not None and "已退回修改" in status.get_text()
    dialog = dialog_html(response, "workflow-status-dialog")
    heading = dialog.select_one(".w-dialog__message-heading").get_text(" ", strip=True)
    assert "王审核" in heading and "退回修改" in heading
    assert "invest_editor" not in heading
    assert COMMENT in dialog.get_text()
    assert "审核中" not in page.get_text()


def test_the_page_listing_says_returned(zone, named_head):
    article = returned_article(zone, named_head)
    editor = logged_in_client(zone.users["invest_editor"])
    listing = soup(editor.get(reverse("wagtailadmin_explore", args=(zone.columns["investment"].pk,))))
    row = next(row for row in listing.select("tr") if article.title in row.get_text())
    assert "已退回修改" in row.get_text()
    assert "审核中" not in row.get_text()


def test_the_editor_sees_the_return_on_the_dashboard(zone, named_head):
    article = returned_article(zone, named_head)
    dashboard = soup(logged_in_client(zone.users["invest_editor"]).get(DASHBOARD))
    panel = dashboard.select_one("#returned-for-changes-section")
    assert panel is not None
    text = panel.get_text(" ", strip=True)
    assert article.title in text and COMMENT in text and "王审核" in text
    assert panel.select_one(f"a[href='{edit_url(article)}']") is not None

    # Once resubmitted, the return is history: the banner goes.
    editor = logged_in_client(zone.users["invest_editor"])
    data = admin_form(editor.get(edit_url(article)))
    editor.post(edit_url(article), {**data.dict(), "action-submit": "action-submit"})
    assert soup(editor.get(DASHBOARD)).select_one("#returned-for-changes-section") is None
    assert soup(editor.get(edit_url(article))).select_one("[data-review-returned]") is None


def test_a_page_in_review_shows_no_return(zone):
    article = submit_new_article(zone)
    editor = logged_in_client(zone.users["invest_editor"])
    assert soup(editor.get(edit_url(article))).select_one("[data-review-returned]") is None
    assert soup(editor.get(DASHBOARD)).select_one("#returned-for-changes-section") is None


# ---- approving from the dashboard says what happened ---------------------------------------------


def test_approving_names_the_page_and_what_comes_next(zone, named_head):
    article = submit_new_article(zone)
    response = workflow_action(named_head, article, "approve", next=DASHBOARD)
    (message,) = messages_of(response)
    assert message == f"已通过“{article.title}”的招商发展分局负责人审核，已转交“管委会办公室终审”。"

    response = workflow_action(zone.users["reviewer"], article, "approve", next=DASHBOARD)
    (message,) = messages_of(response)
    assert message == f"已通过“{article.title}”的管委会办公室终审，审核全部完成，页面已发布。"
    article.refresh_from_db()
    assert article.live


# ---- the menu counts the waiting tasks ------------------------------------------------------------


def test_the_menu_counts_waiting_tasks(zone, named_head):
    head = logged_in_client(named_head)
    assert "待审核" in sidebar_labels(head.get(DASHBOARD))
    assert "待审核（" not in sidebar_labels(head.get(DASHBOARD))

    first = submit_new_article(zone)
    submit_new_article(zone, title="开发区第二篇待审稿件", slug="second")
    assert "待审核（2）" in sidebar_labels(head.get(DASHBOARD))
    # Not the office's yet, and not another department's head's.
    assert "待审核（" not in sidebar_labels(logged_in_client(zone.users["reviewer"]).get(DASHBOARD))
    assert "待审核（" not in sidebar_labels(logged_in_client(zone.users["finance_head"]).get(DASHBOARD))

    workflow_action(named_head, first, "approve")
    assert "待审核（1）" in sidebar_labels(head.get(DASHBOARD))
    assert "待审核（1）" in sidebar_labels(logged_in_client(zone.users["reviewer"]).get(DASHBOARD))
    # An editor reviews nothing: no such menu item.
    assert "待审核" not in sidebar_labels(logged_in_client(zone.users["invest_editor"]).get(DASHBOARD))


# ---- emails: to the next reviewers, back to the editor --------------------------------------------


def test_emails_go_to_the_next_reviewers_and_back_to_the_editor(zone, named_head):
    mail.outbox.clear()
    article = submit_new_article(zone)
    (to_head,) = mail.outbox
    assert to_head.to == [named_head.email]
    assert to_head.subject == f"【待审核】“{article.title}”等您审核（招商发展分局负责人审核）"
    assert "invest_editor 提交的" in to_head.body
    assert edit_url(article) in to_head.body

    mail.outbox.clear()
    workflow_action(named_head, article, "reject", comment=COMMENT)
    (to_editor,) = mail.outbox
    assert to_editor.to == [zone.users["invest_editor"].email]
    assert to_editor.subject == f"【退回修改】“{article.title}”被 王审核 退回"
    assert COMMENT in to_editor.body and "王审核" in to_editor.body and edit_url(article) in to_editor.body

    # Resubmitted, approved by the head: the office reviewers are told; then the editor hears it passed.
    editor = logged_in_client(zone.users["invest_editor"])
    data = admin_form(editor.get(edit_url(article)))
    editor.post(edit_url(article), {**data.dict(), "action-submit": "action-submit"})
    mail.outbox.clear()
    workflow_action(named_head, article, "approve")
    (to_office,) = mail.outbox
    assert to_office.to == [zone.users["reviewer"].email]
    assert to_office.subject == f"【待审核】“{article.title}”等您审核（管委会办公室终审）"

    mail.outbox.clear()
    workflow_action(zone.users["reviewer"], article, "approve")
    (approved,) = mail.outbox
    assert approved.to == [zone.users["invest_editor"].email]
    assert approved.subject == f"【已通过】“{article.title}”审核通过"
    article.refresh_from_db()
    assert article.full_url in approved.body
    # Administrators are not copied on every step.
    assert all(zone.users["admin"].email not in message.to for message in mail.outbox)
    assert WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_APPROVED)


# ---- existing installations: the migration turns the departments' steps into ReviewTasks ----------


class _SchemaEditor:
    """What the data migration uses of Django's schema editor (SQLite's refuses to open inside a test's transaction)."""

    def __init__(self, connection):
        self.connection = connection

    def quote_name(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def execute(self, sql: str, params=()) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)


def test_the_migration_turns_a_departments_group_approval_into_a_review_step(zone):
    from django.apps import apps
    from django.db import connection
    from wagtail.models import GroupApprovalTask, Task, WorkflowTask

    migration = importlib.import_module("zoneportal.core.migrations.0002_reviewtask")
    workflow = zone.departments["finance"].workflow
    heads = zone.departments["finance"].heads_group
    old = GroupApprovalTask.objects.create(name="旧的负责人审核")
    old.groups.add(heads)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=old, sort_order=0)
    unrelated = GroupApprovalTask.objects.create(name="与部门无关的审核")

    migration.convert_department_tasks(apps, _SchemaEditor(connection))

    converted = Task.objects.get(pk=old.pk).specific
    assert type(converted) is ReviewTask
    assert converted.name == "旧的负责人审核"
    assert list(converted.groups.all()) == [heads]
    assert not GroupApprovalTask.objects.filter(pk=old.pk).exists()
    assert list(workflow.workflow_tasks.values_list("task_id", flat=True)) == [old.pk]
    assert type(Task.objects.get(pk=unrelated.pk).specific) is GroupApprovalTask
