"""Compliance before publishing: planted problems caught at the 三审's approvals and at a direct publish.

Through the real admin views as real users; the workflow started with Wagtail's own API, as a submit does.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils.form_data import rich_text

from tests.factories import add_page, make_document
from tests.inspection.files import docx_bytes
from tests.utils import admin_form, edit_url, logged_in_client, message_texts, soup, text_of
from zoneportal.inspection.guards import BLOCKED_ACTION, WARNINGS_ACTION
from zoneportal.portal.models import ArticleAttachment, ArticlePage

pytestmark = pytest.mark.django_db

ID_NUMBER = "422827199003150018"


def draft(zone, body: str, attachments: list = (), slug: str = "signed") -> ArticlePage:
    """An unpublished article in 招商发展分局's column, saved as a revision by its editor."""
    page = ArticlePage(title="重点项目签约", slug=slug, body=body, summary="三个项目签约", publish_at=timezone.now())
    page.attachments = [ArticleAttachment(document=document, title=title) for title, document in attachments]
    return add_page(zone.columns["investment"], page, publish=False)


def submit(zone, page: ArticlePage) -> None:
    zone.departments["invest"].workflow.start(page, zone.users["invest_editor"])


def fresh(page: ArticlePage) -> ArticlePage:
    """The page read again (its workflow properties are cached on the instance)."""
    return ArticlePage.objects.get(pk=page.pk)


def approve(user, page: ArticlePage):
    task_state = fresh(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return logged_in_client(user).post(url)


def report_url(page, blocked: bool = False) -> str:
    return reverse("inspection_page", args=[page.pk]) + ("?blocked=1" if blocked else "")


def id_attachment(zone):
    return make_document(
        "参会人员名单",
        zone.departments["invest"].collection,
        content=docx_bytes("参会人员名单", f"张三 身份证号 {ID_NUMBER} 招商局"),
        filename="names.docx",
    )


def test_an_id_number_inside_a_docx_stops_the_heads_approval(zone):
    page = draft(zone, "<p>三个项目签约落户。</p>", [("参会名单", id_attachment(zone))])
    submit(zone, page)
    head = zone.users["invest_head"]

    response = approve(head, page)

    assert response.status_code == 302
    assert response["Location"] == report_url(page, blocked=True)
    page = fresh(page)
    state = page.current_workflow_task_state
    assert state.status == TaskState.STATUS_IN_PROGRESS and state.task.name == "招商发展分局负责人审核"
    assert not page.live
    entry = PageLogEntry.objects.get(page=page, action=BLOCKED_ACTION)
    assert entry.user == head
    assert entry.data["findings"][0]["where"] == "附件《参会名单》"
    history = registry.get_formatter(entry).format_message(entry)
    assert "合规检查未通过" in history and "含公民身份证号码" in history

    report = logged_in_client(head).get(response["Location"])
    assert report.status_code == 200
    body = text_of(report)
    assert "本次未能通过审核或发布" in body
    assert "附件《参会名单》" in body and "含公民身份证号码" in body and "阻断" in body
    assert ID_NUMBER not in report.content.decode()  # the report itself never repeats the number


def test_returned_fixed_and_resubmitted_the_review_goes_on(zone):
    page = draft(zone, "<p>三个项目签约落户。</p>", [("参会名单", id_attachment(zone))])
    submit(zone, page)
    head = zone.users["invest_head"]
    assert approve(head, page)["Location"].endswith("?blocked=1")
    task_state = fresh(page).current_workflow_task_state
    returned = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    assert logged_in_client(head).post(returned, {"comment": "请删除附件中的身份证号。"}).status_code == 302

    page = fresh(page)
    page.attachments = []
    page.save_revision(user=zone.users["invest_editor"])
    page.current_workflow_state.resume(zone.users["invest_editor"])
    response = approve(head, page)

    assert response.status_code == 302 and "inspection" not in response["Location"]
    assert fresh(page).current_workflow_task.name == "管委会办公室终审"
    approve(zone.users["reviewer"], page)
    assert fresh(page).live


def test_warnings_let_the_reviewer_decide_and_are_logged(zone):
    page = draft(zone, "<p>请企业按装消防设施，联系人手机13812345678。</p>")
    submit(zone, page)

    approve(zone.users["invest_head"], page)

    page = fresh(page)
    assert page.current_workflow_task.name == "管委会办公室终审"
    entry = PageLogEntry.objects.get(page=page, action=WARNINGS_ACTION)
    assert entry.user == zone.users["invest_head"]
    messages = {finding["message"] for finding in entry.data["findings"]}
    assert messages == {"疑似错别字：“按装”应为“安装”", "含手机号码，如非公开的工作电话请删除或隐去"}
    assert all(finding["where"] == "正文" for finding in entry.data["findings"])
    assert "合规检查提示" in registry.get_formatter(entry).format_message(entry)


def test_a_misspelled_leader_stops_the_office_from_publishing_in_the_editor(zone):
    # 陈建国 is 管委会主任 in the organisation snippets (tests/factories.py).
    page = draft(zone, "<p>三个项目签约。</p>", slug="leader")
    office = logged_in_client(zone.users["reviewer"])
    data = admin_form(office.get(edit_url(page)))
    data["body"] = rich_text("<p>管委会主任陈建图出席签约仪式。</p>")

    response = office.post(edit_url(page), {**data.dict(), "action-publish": "action-publish"})

    assert response.status_code == 302 and response["Location"] == edit_url(page)
    page.refresh_from_db()
    assert not page.live
    assert "陈建图" in page.get_latest_revision_as_object().body  # kept as a draft
    (message,) = [text for text in message_texts(response) if "不能发布" in text]
    assert "正文" in message and "“陈建图”" in message and "“陈建国”" in message

    data = admin_form(office.get(edit_url(page)))  # based on the draft just kept
    data["body"] = rich_text("<p>管委会主任陈建国出席签约仪式。</p>")
    response = office.post(edit_url(page), {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302, text_of(response)[:300]
    page.refresh_from_db()
    assert page.live


def test_an_approval_from_the_editors_footer_is_refused_with_the_reasons(zone):
    page = draft(zone, "<p>党工委书记陈健国调研项目。</p>", slug="footer")
    submit(zone, page)
    head = logged_in_client(zone.users["invest_head"])
    data = admin_form(head.get(edit_url(page)))

    response = head.post(
        edit_url(page), {**data.dict(), "action-workflow-action": "true", "workflow-action-name": "approve"}
    )

    assert response.status_code == 302 and response["Location"] == report_url(page, blocked=True)
    assert any("不能通过审核" in text and "陈健国" in text for text in message_texts(response))
    page = fresh(page)
    assert page.current_workflow_task.name == "招商发展分局负责人审核"


def test_the_compliance_check_on_demand(zone):
    page = draft(
        zone, f'<p>见下图。</p><embed embedtype="image" id="{zone.images["cover1"].pk}" format="fullwidth" alt=""/>'
    )
    editor = logged_in_client(zone.users["invest_editor"])
    edit_page = editor.get(edit_url(page))
    assert report_url(page) in edit_page.content.decode()  # 合规检查 in the editor's header menu

    report = editor.get(report_url(page))
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in soup(report).select("#compliance-findings tbody tr")
    ]
    assert rows == [["警告", "图片缺少替代文字（alt）", "正文", f"图片 {zone.images['cover1'].pk}"]]

    clean = draft(zone, "<p>三个项目签约。</p>", slug="clean")
    assert soup(editor.get(report_url(clean))).select_one("#compliance-clean") is not None


def test_the_check_is_for_those_who_may_edit_or_review(zone):
    page = draft(zone, "<p>三个项目签约。</p>")
    assert logged_in_client(zone.users["finance_editor"]).get(report_url(page)).status_code == 403
    assert logged_in_client(zone.users["invest_head"]).get(report_url(page)).status_code == 200
    assert logged_in_client(zone.users["reviewer"]).get(report_url(page)).status_code == 200
