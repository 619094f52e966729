"""督办事项: a leader's instruction through its whole life, the refusals, the shared list with letters' orders,
working-day deadlines and the daily reminder."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.utils import logged_in_client, soup
from zoneportal.core.workdays import add_working_days, working_days_between
from zoneportal.letters import oversight
from zoneportal.letters.models import Letter, Mailbox
from zoneportal.letters.submission import submit_letter
from zoneportal.supervision import deadlines, reminders, services
from zoneportal.supervision.models import ProgressReport, SupervisionItem, SupervisionNotice

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def instruction_form(zone, **overrides) -> dict:
    data = {
        "source": "instruction",
        "title": "加快新型建材项目厂房建设",
        "leader": zone.leaders[0].pk,
        "instructed_on": timezone.localdate().isoformat(),
        "instruction": "请招商局牵头，财政局配合，倒排工期，确保年底前厂房封顶。",
        "lead_department": zone.departments["invest"].pk,
        "departments": [zone.departments["finance"].pk],
        "requirements": "每周反馈一次进展。",
        "working_days": "3",
    }
    data.update(overrides)
    return data


def test_leader_instruction_assigned_reported_and_closed(zone, mailoutbox, django_capture_on_commit_callbacks):
    office = logged_in_client(zone.users["reviewer"])
    head, editor = logged_in_client(zone.users["invest_head"]), logged_in_client(zone.users["invest_editor"])

    # A department may not assign; an instruction without its leader is refused, what was typed kept.
    assert head.post(reverse("supervision:create"), instruction_form(zone)).status_code == 403
    response = office.post(reverse("supervision:create"), instruction_form(zone, leader=""))
    assert response.status_code == 400 and "须选择批示领导" in response.content.decode()
    assert soup(response).find(id="id_title")["value"] == "加快新型建材项目厂房建设"
    assert not SupervisionItem.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = office.post(reverse("supervision:create"), instruction_form(zone))
    item = SupervisionItem.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("supervision:item", args=[item.pk])
    assert item.source == "instruction" and item.leader == zone.leaders[0] and item.state == "open"
    assert set(item.departments.all()) == {zone.departments["invest"], zone.departments["finance"]}
    assert working_days_between(timezone.localdate(), item.due_on) == 3
    told = {message.to[0] for message in mailoutbox}
    assert {"invest_head@zone.test", "invest_editor@zone.test", "finance_head@zone.test"} <= told
    assert "office_reviewer@zone.test" not in told
    mailoutbox.clear()

    url = reverse("supervision:item", args=[item.pk])
    # Empty progress: a Chinese error, the percentage typed is kept, nothing stored.
    response = editor.post(url, {"action": "report", "progress-text": "  ", "progress-percent": "30"})
    assert response.status_code == 400 and "请填写办理进展" in response.content.decode()
    assert soup(response).find(id="id_progress-percent")["value"] == "30"
    # A file that is not what its name says is refused by its content.
    fake = SimpleUploadedFile("进度.pdf", b"MZ\x90\x00 not a pdf")
    response = editor.post(url, {"action": "report", "progress-text": "已开工", "progress-attachment": fake})
    assert response.status_code == 400 and "内容与扩展名不符" in response.content.decode()
    assert not ProgressReport.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            url,
            {
                "action": "report",
                "progress-text": "厂房主体已完成 60%。",
                "progress-percent": "60",
                "progress-attachment": SimpleUploadedFile("进度.pdf", PDF),
            },
        )
    assert response.status_code == 302
    report = item.reports.get()
    assert report.percent == 60 and report.department == zone.departments["invest"]
    assert report.reported_by == zone.users["invest_editor"] and report.attachment_name == "进度.pdf"
    assert {message.to[0] for message in mailoutbox} >= {"office_reviewer@zone.test"}
    assert all("invest" not in message.to[0] for message in mailoutbox)
    attachment = reverse("supervision:attachment", args=[report.pk])
    assert b"".join(office.get(attachment).streaming_content) == PDF

    # Closing is the office's, with a conclusion; a closed item takes nothing more.
    assert head.post(url, {"action": "close", "close-conclusion": "同意"}).status_code == 403
    response = office.post(url, {"action": "close", "close-conclusion": ""})
    assert response.status_code == 400 and SupervisionItem.objects.get().state == "open"
    assert office.post(url, {"action": "close", "close-conclusion": "厂房已封顶，同意办结。"}).status_code == 302
    item.refresh_from_db()
    assert item.state == "done" and item.closed_by == zone.users["reviewer"]
    again = head.post(url, {"action": "report", "progress-text": "补充"})
    assert again.status_code == 400 and "该督办事项已办结，不能再反馈" in again.content.decode()
    assert item.reports.count() == 1
    assert services.history(item).count() == 3
    page = soup(office.get(url))
    assert "厂房已封顶" in page.find(attrs={"data-conclusion": True}).get_text()
    assert "反馈办理进展" in page.find(id="history-heading").find_next("ol").get_text()


def test_outsiders_see_and_do_nothing(zone):
    item = services.assign(
        user=zone.users["reviewer"],
        title="园区道路改造",
        source=SupervisionItem.Source.MEETING,
        source_reference="第 5 次主任办公会",
        lead_department=zone.departments["invest"],
        requirements="月底前完成设计。",
        working_days=10,
    )
    report = services.report_progress(item, zone.users["invest_head"], text="设计招标中")
    outsider = logged_in_client(zone.users["finance_editor"])
    url = reverse("supervision:item", args=[item.pk])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {"action": "report", "progress-text": "x"}).status_code == 404
    assert outsider.get(reverse("supervision:attachment", args=[report.pk])).status_code == 404
    assert soup(outsider.get(reverse("supervision:index"))).find(attrs={"data-item": True}) is None
    assert outsider.get(reverse("supervision:create")).status_code == 403
    with pytest.raises(Exception, match="承办部门"):
        services.report_progress(item, zone.users["finance_editor"], text="x")
    with pytest.raises(Exception, match="只有办公室"):
        services.cancel(item, zone.users["invest_head"], "不需要了")
    services.cancel(item, zone.users["reviewer"], "并入道路综合整治项目")
    assert SupervisionItem.objects.get().state == "cancelled"


def test_letters_order_in_the_shared_list_with_one_state(zone, django_capture_on_commit_callbacks):
    mailbox = Mailbox.objects.create(slug="director", name="主任信箱", department=zone.departments["office"])
    data = {"subject": "路灯不亮", "content": "北路路灯坏了。", "name": "张三", "phone": "13800001234", "email": ""}
    letter = submit_letter(mailbox, {**data, "is_public": False, "is_anonymous": False}).letter
    Letter.objects.filter(pk=letter.pk).update(department=zone.departments["invest"])
    order = oversight.issue_order(letter, zone.users["reviewer"], instructions="三日内答复。", working_days=3)
    instruction = services.assign(
        user=zone.users["reviewer"],
        title="批示件",
        source=SupervisionItem.Source.INSTRUCTION,
        leader=zone.leaders[1],
        instruction="抓紧办理",
        lead_department=zone.departments["invest"],
        requirements="按期办结",
        working_days=5,
    )

    head = logged_in_client(zone.users["invest_head"])
    listing = soup(head.get(reverse("supervision:index")))
    rows = {row["data-item"]: row["data-source"] for row in listing.find_all(attrs={"data-item": True})}
    assert rows == {str(order.pk): "letter", str(instruction.pk): "instruction"}
    only_letters = soup(head.get(reverse("supervision:index"), {"source": "letter"}))
    assert [row["data-item"] for row in only_letters.find_all(attrs={"data-item": True})] == [str(order.pk)]

    # Reported and closed in the shared list: the letter's 督办 page shows the same state.
    item_url = reverse("supervision:item", args=[order.pk])
    assert head.post(item_url, {"action": "report", "progress-text": "已约谈企业"}).status_code == 302
    office = logged_in_client(zone.users["reviewer"])
    assert office.post(item_url, {"action": "close", "close-conclusion": "已答复"}).status_code == 302
    letter_page = soup(head.get(reverse("letters_oversight:letter", args=[letter.pk])))
    article = letter_page.find(attrs={"data-order": str(order.pk)})
    assert article["data-state"] == "done" and "已约谈企业" in article.get_text()
    assert not oversight.open_orders().exists()
    export = office.get(reverse("supervision:export"), {"state": "done"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "督办事项" and len(values) == 2 and values[1][1] == "来信督办"


def test_deadlines_flags_and_daily_reminder_in_working_days(zone, mailoutbox):
    friday = datetime.date(2026, 3, 6)
    item = services.assign(
        user=zone.users["reviewer"],
        title="批示件",
        source=SupervisionItem.Source.INSTRUCTION,
        leader=zone.leaders[0],
        instruction="请办理",
        lead_department=zone.departments["finance"],
        requirements="按期办结",
        working_days=1,
    )
    assert item.due_on == add_working_days(timezone.localdate(), 1)
    monday, tuesday, thursday = (friday + datetime.timedelta(days=n) for n in (3, 4, -1))
    for due, expected in ((monday, deadlines.FLAG_NEAR), (tuesday, ""), (thursday, deadlines.FLAG_OVERDUE)):
        item.due_on = due
        assert deadlines.flag(item, friday) == expected, due
    SupervisionItem.objects.filter(pk=item.pk).update(due_on=monday)

    report = reminders.run_daily(friday)
    assert report.items == 1 and SupervisionNotice.objects.filter(day=friday, item=item).exists()
    to = {message.to[0] for message in mailoutbox}
    assert "finance_head@zone.test" in to and "office_reviewer@zone.test" in to
    assert "finance_editor@zone.test" not in to and "invest_head@zone.test" not in to
    assert "督办临近期限" in mailoutbox[0].body
    mailoutbox.clear()
    assert reminders.run_daily(friday).items == 0 and mailoutbox == []  # once a day
    call_command("letters_daily", date=tuesday.isoformat(), stdout=io.StringIO())  # the letters' daily task
    assert any("督办已超期" in message.body for message in mailoutbox)
