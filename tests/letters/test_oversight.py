"""督办 (flags, the daily reminders, the three-month banner, supervision orders), duplicates and statistics."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import shanghai
from tests.utils import logged_in_client, soup
from zoneportal.core.workdays import working_days_between
from zoneportal.letters import oversight, statistics
from zoneportal.letters.duplicates import similar_open_letters
from zoneportal.letters.models import Letter, OversightNotice
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform
from zoneportal.supervision.models import SupervisionItem, SupervisionNotice

pytestmark = pytest.mark.django_db


def letter_in(zone, mailbox, letter_data, department="invest", **fields) -> Letter:
    """A letter received through the real submission, then handed to ``department`` and dated by ``fields``."""
    letter = submit_letter(mailbox, dict(letter_data)).letter
    Letter.objects.filter(pk=letter.pk).update(department=zone.departments[department], **fields)
    letter.refresh_from_db()
    return letter


def answer(letter: Letter, user, *, replied_at=None, satisfaction: str = "") -> Letter:
    """The whole way to 已答复 (and 已评价) through ``workflow.perform``; ``replied_at`` re-dated afterwards."""
    perform(letter, "accept", user=user)
    perform(letter, "direct", user=user)
    perform(letter, "submit_reply", user=user, draft_reply="已办理。")
    perform(letter, "approve_reply", user=user)
    if satisfaction:
        perform(letter, "rate", satisfaction=satisfaction)
    if replied_at is not None:
        Letter.objects.filter(pk=letter.pk).update(replied_at=replied_at)
    letter.refresh_from_db()
    return letter


# ---- flags ----------------------------------------------------------------------------------------------


def test_near_and_overdue_count_working_days_across_national_day(zone, mailbox, letter_data):
    today = datetime.date(2026, 9, 30)  # the last working day before the National Day week (1–7 October)
    due = {
        "overdue": datetime.date(2026, 9, 29),
        "today": today,
        "after_holiday": datetime.date(2026, 10, 8),  # 8 calendar days, but 1 working day left
        "two_left": datetime.date(2026, 10, 9),
    }
    letters = {key: letter_in(zone, mailbox, letter_data, due_on=day) for key, day in due.items()}
    assert letters["after_holiday"].working_days_left(today) == 1
    near = set(oversight.near_letters(today=today).values_list("pk", flat=True))
    overdue = set(oversight.overdue_letters(today=today).values_list("pk", flat=True))
    assert near == {letters["today"].pk, letters["after_holiday"].pk}
    assert overdue == {letters["overdue"].pk}
    assert oversight.letter_flags(letters["after_holiday"], today) == [oversight.FLAG_NEAR]
    assert oversight.letter_flags(letters["two_left"], today) == []
    # On the holiday itself the letter due on the 8th is still "near": no working day lies between.
    assert letters["after_holiday"].pk in set(
        oversight.near_letters(today=datetime.date(2026, 10, 3)).values_list("pk", flat=True)
    )


def test_three_months_is_the_earlier_of_3_calendar_months_and_90_days():
    # February makes three calendar months 89 days: 1 February is three months before 1 May.
    assert oversight.three_months_cutoff(datetime.date(2026, 5, 1)) == datetime.date(2026, 2, 1)
    # Otherwise 90 days come first (3 months before 6 December is 6 September, 91 days).
    assert oversight.three_months_cutoff(datetime.date(2026, 12, 6)) == datetime.date(2026, 9, 7)
    assert oversight._months_before(datetime.date(2026, 5, 31), 3) == datetime.date(2026, 2, 28)


def test_three_month_letters_are_open_and_never_answered(zone, mailbox, letter_data):
    today = datetime.date(2026, 5, 1)
    old = letter_in(
        zone, mailbox, letter_data, received_at=shanghai(2026, 2, 1, 23, 50), due_on=datetime.date(2026, 2, 6)
    )
    younger = letter_in(
        zone, mailbox, letter_data, received_at=shanghai(2026, 2, 2, 0, 10), due_on=datetime.date(2026, 2, 9)
    )
    reopened = letter_in(
        zone, mailbox, letter_data, received_at=shanghai(2026, 1, 5), due_on=datetime.date(2026, 1, 12)
    )
    answer(reopened, zone.users["admin"], satisfaction=Letter.Satisfaction.DISSATISFIED)
    perform(reopened, "reopen")
    flagged = set(oversight.three_month_letters(today=today).values_list("pk", flat=True))
    assert flagged == {old.pk}
    assert oversight.letter_flags(old, today) == [oversight.FLAG_THREE_MONTHS, oversight.FLAG_OVERDUE]
    assert younger.pk not in flagged and reopened.is_open


# ---- the daily check ------------------------------------------------------------------------------------


def test_daily_task_reminds_heads_and_office_once_a_day(zone, mailbox, letter_data, mailoutbox):
    today = timezone.localdate()
    overdue = letter_in(zone, mailbox, letter_data, due_on=today - datetime.timedelta(days=10))
    near = letter_in(zone, mailbox, letter_data, department="finance", due_on=today)
    later = letter_in(zone, mailbox, letter_data, due_on=today + datetime.timedelta(days=30))
    order = oversight.issue_order(overdue, zone.users["reviewer"], instructions="请尽快办理。", due_on=today)

    call_command("letters_daily", stdout=io.StringIO())
    sent = {message.to[0]: message for message in mailoutbox if "来信督办提醒" in message.subject}
    items = {message.to[0]: message for message in mailoutbox if "督办事项提醒" in message.subject}
    office = {"office_reviewer@zone.test", "office_head@zone.test", "office_editor@zone.test"}
    assert set(sent) == office | {"invest_head@zone.test", "finance_head@zone.test"}
    assert set(items) == office | {"invest_head@zone.test"}  # the order is a 督办事项, reminded as one
    assert overdue.tracking_number in sent["invest_head@zone.test"].body
    assert "已超期" in sent["invest_head@zone.test"].body and "督办临近期限" in items["invest_head@zone.test"].body
    assert near.tracking_number not in sent["invest_head@zone.test"].body
    assert near.tracking_number in sent["finance_head@zone.test"].body
    assert all(later.tracking_number not in message.body for message in mailoutbox)
    for address in office:
        assert overdue.tracking_number in sent[address].body and near.tracking_number in sent[address].body
    assert SupervisionNotice.objects.filter(day=today, item=order).exists()
    assert OversightNotice.objects.filter(day=today, letter=overdue).exists()

    mailoutbox.clear()
    out = io.StringIO()
    call_command("letters_daily", stdout=out)  # the timer fired twice: nothing again
    assert mailoutbox == [] and "0 件" in out.getvalue()
    call_command("letters_daily", date=(today + datetime.timedelta(days=1)).isoformat(), stdout=io.StringIO())
    assert mailoutbox, "the next day reminds again"


def test_daily_task_through_the_task_backend(zone, mailbox, letter_data, mailoutbox, settings):
    from zoneportal.letters.tasks import letters_daily

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    letter_in(zone, mailbox, letter_data, due_on=timezone.localdate() - datetime.timedelta(days=3))
    result = letters_daily.enqueue()
    assert result.return_value["letters"] == 1 and mailoutbox


# ---- the banner and the panel ---------------------------------------------------------------------------


def test_three_month_banner_on_every_admin_page_until_answered(zone, mailbox, letter_data):
    received = timezone.now() - datetime.timedelta(days=100)
    letter = letter_in(zone, mailbox, letter_data, received_at=received, due_on=received.date())
    for key in ("invest_editor", "invest_head", "reviewer"):
        client = logged_in_client(zone.users[key])
        urls = [reverse("wagtailadmin_home"), reverse("letters_oversight:letter", args=[letter.pk])]
        if key != "reviewer":  # the office reviewer has no media library
            urls += [reverse("wagtailimages:index"), reverse("wagtaildocs:index")]
        for url in urls:
            banner = soup(client.get(url)).find(attrs={"data-three-months-banner": True})
            assert banner is not None, (key, url)
            assert letter.tracking_number in banner.get_text() and "三个月" in banner.get_text()
            assert banner.parent.name == "main" and banner.find_previous_sibling() is None  # first in <main>
    other = soup(logged_in_client(zone.users["finance_editor"]).get(reverse("wagtailadmin_home")))
    assert other.find(attrs={"data-three-months-banner": True}) is None
    answer(letter, zone.users["admin"])
    page = soup(logged_in_client(zone.users["invest_editor"]).get(reverse("wagtailadmin_home")))
    assert page.find(attrs={"data-three-months-banner": True}) is None


def test_dashboard_panel_for_heads_and_office_only(zone, mailbox, letter_data):
    today = timezone.localdate()
    letter_in(zone, mailbox, letter_data, due_on=today - datetime.timedelta(days=2))

    def panel(key: str):
        page = soup(logged_in_client(zone.users[key]).get(reverse("wagtailadmin_home")))
        return page.find(id="letters-oversight-content")

    assert "已超期：1" in panel("invest_head").get_text() and "已超期：1" in panel("reviewer").get_text()
    assert "已超期：0" in panel("finance_head").get_text()
    assert panel("invest_editor") is None


def test_menu_items_for_heads_and_office_only(zone):
    index, stats = reverse("letters_oversight:index"), reverse("letters_oversight:statistics")
    for key, shown in (("reviewer", True), ("office_head", True), ("finance_head", True), ("finance_editor", False)):
        html = logged_in_client(zone.users[key]).get(reverse("wagtailadmin_home")).content.decode()
        assert (index in html and stats in html) is shown, key


# ---- supervision orders ---------------------------------------------------------------------------------


def test_supervision_order_issued_answered_and_closed_with_permissions(zone, mailbox, letter_data):
    letter = letter_in(zone, mailbox, letter_data, due_on=timezone.localdate() - datetime.timedelta(days=5))
    url = reverse("letters_oversight:letter", args=[letter.pk])
    office, head = logged_in_client(zone.users["reviewer"]), logged_in_client(zone.users["invest_head"])
    editor = logged_in_client(zone.users["invest_editor"])

    # Neither a deadline nor instructions: errors next to the fields, what was typed kept, nothing stored.
    response = office.post(url, {"action": "issue", "issue-instructions": "请本周内答复", "issue-working_days": ""})
    assert response.status_code == 400 and not SupervisionItem.objects.exists()
    page = soup(response)
    field = page.find(id="id_issue-working_days")
    assert "id_issue-working_days_error" in field["aria-describedby"]
    assert "请填写督办期限" in page.find(id="id_issue-working_days_error").get_text()
    assert page.find(id="id_issue-instructions").get_text().strip() == "请本周内答复"

    assert head.post(url, {"action": "issue", "issue-instructions": "x", "issue-working_days": "3"}).status_code == 403
    response = office.post(url, {"action": "issue", "issue-instructions": "请本周内答复", "issue-working_days": "3"})
    assert response.status_code == 302
    order = SupervisionItem.objects.get()
    assert order.state == SupervisionItem.State.OPEN and order.lead_department == zone.departments["invest"]
    assert order.source == SupervisionItem.Source.LETTER and order.letter == letter
    assert working_days_between(timezone.localdate(), order.due_on) == 3

    listing = soup(head.get(reverse("letters_oversight:index")))
    assert listing.find(attrs={"data-order": str(order.pk)}) is not None
    assert soup(editor.get(url)).find(attrs={"data-order": str(order.pk)}) is not None  # the handler sees it
    assert editor.get(reverse("letters_oversight:index")).status_code == 403
    finance_head = logged_in_client(zone.users["finance_head"])
    assert finance_head.get(url).status_code == 404
    assert soup(finance_head.get(reverse("letters_oversight:index"))).find(attrs={"data-order": True}) is None

    respond = {"action": "respond", "order": order.pk, f"respond-{order.pk}-response": "已约谈企业，周五前答复。"}
    outsider = logged_in_client(zone.users["finance_editor"])
    assert outsider.post(url, respond).status_code == 404  # not their department's letter
    assert head.post(url, respond).status_code == 302
    assert editor.post(url, respond).status_code == 302  # the handlers report too (one rule for 督办事项)
    close = {"action": "close", "order": order.pk, f"close-{order.pk}-closing_note": "同意办结"}
    assert head.post(url, close).status_code == 403
    assert office.post(url, close).status_code == 302
    order.refresh_from_db()
    assert order.state == SupervisionItem.State.DONE and order.conclusion == "同意办结"
    assert [report.text for report in order.reports.all()] == ["已约谈企业，周五前答复。"] * 2
    assert order.closed_by == zone.users["reviewer"]
    again = office.post(url, close)
    assert again.status_code == 400 and "已办结" in again.content.decode()  # 已办结 is final


def test_order_deadline_as_a_date_and_not_in_the_past(zone, mailbox, letter_data):
    letter = letter_in(zone, mailbox, letter_data)
    url = reverse("letters_oversight:letter", args=[letter.pk])
    office = logged_in_client(zone.users["admin"])
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = office.post(url, {"action": "issue", "issue-instructions": "x", "issue-due_on": yesterday.isoformat()})
    assert response.status_code == 400 and "不能早于今天" in response.content.decode()
    day = timezone.localdate() + datetime.timedelta(days=10)
    office.post(url, {"action": "issue", "issue-instructions": "x", "issue-due_on": day.isoformat()})
    assert SupervisionItem.objects.get().due_on == day


# ---- duplicates -----------------------------------------------------------------------------------------


def test_duplicates_found_and_merged_into_the_other_letter(zone, mailbox, letter_data):
    first = letter_in(zone, mailbox, letter_data)
    same_writer = letter_in(
        zone, mailbox, {**letter_data, "subject": "再次反映", "content": "上次反映的问题还没有人联系我，请尽快处理。"}
    )
    similar_text = letter_in(
        zone,
        mailbox,
        {
            **letter_data,
            "phone": "13900005678",
            "subject": "园区北路路灯损坏",
            "content": "工业园区北路夜间路灯损坏，职工下班出行不便，请尽快维修。",
        },
    )
    unrelated = letter_in(
        zone,
        mailbox,
        {
            **letter_data,
            "phone": "13700009999",
            "subject": "厂房租金补贴",
            "content": "想咨询标准厂房租金减免政策的申请条件和办理流程。",
        },
    )
    other_department = letter_in(zone, mailbox, letter_data, department="finance")
    found = similar_open_letters(first, candidates=Letter.objects.filter(department=first.department))
    assert [item.letter for item in found][:1] == [same_writer] and found[0].same_writer
    assert similar_text in [item.letter for item in found] and unrelated not in [item.letter for item in found]
    assert other_department not in [item.letter for item in found]

    client = logged_in_client(zone.users["invest_editor"])
    url = reverse("letters_oversight:duplicates", args=[first.pk])
    page = soup(client.get(url))
    assert page.find(attrs={"data-letter": similar_text.tracking_number}) is not None
    assert page.find(attrs={"data-letter": other_department.tracking_number}) is None
    response = client.post(url, {"other": similar_text.pk, "direction": "into_this"})
    assert response.status_code == 302
    similar_text.refresh_from_db()
    assert similar_text.merged_into == first and similar_text.status == Letter.Status.ARCHIVED
    timeline = " ".join(event.note for event in similar_text.public_timeline())
    assert first.tracking_number in timeline
    assert similar_text not in [item.letter for item in similar_open_letters(first)]
    # Merging into a letter that is itself merged is refused in Chinese.
    response = client.post(reverse("letters_oversight:duplicates", args=[same_writer.pk]), {"other": similar_text.pk})
    assert response.status_code == 400 and "已并入其他信件" in response.content.decode()
    # Another department's staff cannot see the letter or merge into it.
    finance = logged_in_client(zone.users["finance_editor"])
    assert finance.get(url).status_code == 404
    finance_url = reverse("letters_oversight:duplicates", args=[other_department.pk])
    assert finance.post(finance_url, {"other": first.pk}).status_code == 404


# ---- statistics -----------------------------------------------------------------------------------------


@pytest.fixture
def march(zone, mailbox, letter_data):
    """A hand-made month: four letters to 招商 and one to the office, received in March 2026."""
    admin = zone.users["admin"]

    def received(day: int, due: int, department: str = "invest") -> Letter:
        return letter_in(
            zone,
            mailbox,
            letter_data,
            department=department,
            received_at=shanghai(2026, 3, day),
            due_on=datetime.date(2026, 3, due),
        )

    # Received Mon 2 March, due Mon 9 March, replied Fri 6 March: on time, 4 working days, 满意.
    answer(received(2, 9), admin, replied_at=shanghai(2026, 3, 6, 16), satisfaction="satisfied")
    # Received Tue 3 March, due Tue 10 March, replied Fri 13 March: late, 8 working days, 不满意.
    answer(received(3, 10), admin, replied_at=shanghai(2026, 3, 13, 10), satisfaction="dissatisfied")
    # Accepted, still being handled.
    perform(received(4, 11), "accept", user=admin)
    # Still waiting to be accepted; and one in April, outside the range.
    received(5, 12)
    letter_in(zone, mailbox, letter_data, received_at=shanghai(2026, 4, 1), due_on=datetime.date(2026, 4, 8))
    # The office: replied on its due day (Mon 16 March, 1 working day after Fri 13 March), 基本满意.
    answer(received(13, 16, "office"), admin, replied_at=shanghai(2026, 3, 16, 18), satisfaction="basically")


def test_statistics_figures_on_a_hand_made_month(zone, march):
    letters = Letter.objects.all()
    with CaptureQueriesContext(connection) as queries:
        table = statistics.compute(
            letters, grouping="department", first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 3, 1)
        )
    assert len(queries) <= 2
    rows = {row.label: row for row in table.rows}
    invest, office = rows["招商发展分局"], rows["管委会办公室"]
    assert (invest.received, invest.accepted, invest.replied, invest.on_time) == (4, 3, 2, 1)
    assert (invest.on_time_percent, invest.average_working_days, invest.satisfaction_percent) == (50.0, 6.0, 50.0)
    assert (office.received, office.replied, office.on_time_percent, office.average_working_days) == (1, 1, 100.0, 1.0)
    assert office.satisfaction_percent == 100.0
    total = table.total
    assert (total.received, total.replied, total.on_time_percent, total.satisfaction_percent) == (5, 3, 66.7, 66.7)
    assert total.average_working_days == round(13 / 3, 1)

    by_month = statistics.compute(
        letters, grouping="month", first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 4, 1)
    )
    assert [(row.label, row.received) for row in by_month.rows] == [("2026年3月", 5), ("2026年4月", 1)]
    by_mailbox = statistics.compute(
        letters, grouping="mailbox", first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 3, 1)
    )
    assert [(row.label, row.received) for row in by_mailbox.rows] == [("主任信箱", 5)]


def test_statistics_view_by_role_and_xlsx_parsed_back(zone, march):
    query = {"grouping": "department", "first_month": "2026-03", "last_month": "2026-03"}
    url = reverse("letters_oversight:statistics")
    office = soup(logged_in_client(zone.users["reviewer"]).get(url, query))
    labels = [th.get_text() for th in office.select("#letters-statistics tbody th")]
    assert labels == ["管委会办公室", "招商发展分局"]
    head = logged_in_client(zone.users["invest_head"])
    assert [th.get_text() for th in soup(head.get(url, query)).select("#letters-statistics tbody th")] == [
        "招商发展分局"
    ]
    assert logged_in_client(zone.users["invest_editor"]).get(url, query).status_code == 403
    # A head asking for another department's figures gets none (the choice is not offered).
    refused = head.get(url, {**query, "department": zone.departments["office"].pk})
    assert refused.status_code == 200 and soup(refused).select("#letters-statistics") == []

    bad = soup(head.get(url, {**query, "last_month": "2026-01"}))
    assert "截止月份不能早于起始月份" in bad.find(id="id_last_month_error").get_text()

    response = logged_in_client(zone.users["reviewer"]).get(reverse("letters_oversight:statistics_export"), query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "2026-03" in rows[0][0]
    assert rows[1][:4] == ("承办部门", "收信数", "受理数", "答复数")
    assert rows[3] == ("招商发展分局", 4, 3, 2, 50.0, 6.0, 2, 50.0)
    assert rows[-1][:4] == ("合计", 5, 4, 3)


def test_demo_order_once_on_the_most_overdue_letter(zone, mailbox, letter_data):
    assert oversight.issue_demo_order(zone.users["reviewer"]) is None  # no overdue letter: nothing
    today = timezone.localdate()
    letter_in(zone, mailbox, letter_data, due_on=today - datetime.timedelta(days=2))
    oldest = letter_in(zone, mailbox, letter_data, due_on=today - datetime.timedelta(days=9))
    order = oversight.issue_demo_order(zone.users["reviewer"])
    assert order.letter == oldest and order.issued_by == zone.users["reviewer"]
    assert oversight.issue_demo_order(zone.users["reviewer"]) is None and SupervisionItem.objects.count() == 1


def test_malformed_posts_are_not_found(zone, mailbox, letter_data):
    letter = letter_in(zone, mailbox, letter_data)
    client = logged_in_client(zone.users["reviewer"])
    assert client.post(reverse("letters_oversight:duplicates", args=[letter.pk]), {"other": "x"}).status_code == 404
    url = reverse("letters_oversight:letter", args=[letter.pk])
    assert client.post(url, {"action": "close", "order": "1 OR 1"}).status_code == 404
