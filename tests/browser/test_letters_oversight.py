"""督办 in a real browser: the red three-month banner leads the office to the letter, the office issues a
supervision order, the department head reports on it, the office closes it; the pages pass axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import log_in

pytestmark = pytest.mark.browser

SUBJECT = "督办浏览器测试：园区北门积水"


def old_letter(portal_server) -> str:
    """A letter to 招商 received 100 days ago and never answered (once per server); its tracking number."""
    return portal_server.query(
        "import datetime\n"
        "from django.utils import timezone\n"
        "from zoneportal.core.models import Department\n"
        "from zoneportal.letters.models import Letter, Mailbox\n"
        "from zoneportal.letters.submission import submit_letter\n"
        f"letter = Letter.objects.filter(subject={SUBJECT!r}).first()\n"
        "if letter is None:\n"
        "    department = Department.objects.get(slug='zhaoshang')\n"
        "    box = Mailbox.objects.filter(department=department).first() or Mailbox.objects.create(\n"
        "        slug='oversight-browser', name='督办测试信箱', department=department)\n"
        "    data = {'subject': "
        + repr(SUBJECT)
        + ", 'content': '北门外道路下雨后积水严重，车辆难以通行，请尽快处理。',\n"
        "            'name': '王五', 'phone': '13800007777', 'email': '', 'is_public': False, 'is_anonymous': False}\n"
        "    letter = submit_letter(box, data).letter\n"
        "    received = timezone.now() - datetime.timedelta(days=100)\n"
        "    Letter.objects.filter(pk=letter.pk).update(\n"
        "        received_at=received, due_on=received.date(), department=department)\n"
        "print(letter.tracking_number)"
    )


def test_banner_order_report_and_close(portal_server, new_page):
    number = old_letter(portal_server)
    office = log_in(new_page, portal_server.url, "office_reviewer")
    banner = office.locator("[data-three-months-banner]")
    expect(banner).to_contain_text("三个月")
    banner.get_by_role("link", name=number).click()
    expect(office.locator("h2", has_text=SUBJECT)).to_be_visible()
    assert not axe_violations(office)

    # A mistake first: no deadline. The error is next to the field and the instructions stay.
    office.get_by_label("督办要求").fill("请招商分局负责人亲自过问，三个工作日内答复来信人。")
    office.get_by_role("button", name="下发督办单").click()
    expect(office.locator("#id_issue-working_days_error")).to_contain_text("请填写督办期限")
    expect(office.get_by_label("督办要求")).to_have_value("请招商分局负责人亲自过问，三个工作日内答复来信人。")
    office.get_by_label("督办期限（工作日）").fill("3")
    office.get_by_role("button", name="下发督办单").click()
    expect(office.locator(".messages")).to_contain_text("已下发督办单")
    order = office.locator("article.supervision-order").first
    expect(order).to_contain_text("督办中")
    letter_url = office.url

    head = log_in(new_page, portal_server.url, "zhaoshang_head")
    expect(head.locator("#letters-oversight-content")).to_contain_text(number)
    head.goto(letter_url)
    head.get_by_label("办理情况").fill("已联系施工单位疏通排水沟，本周五前答复来信人。")
    head.get_by_role("button", name="反馈办理情况").click()
    expect(head.locator(".messages")).to_contain_text("已反馈")
    expect(head.get_by_role("button", name="办结督办单")).to_have_count(0)  # closing is the office's

    office.reload()
    expect(office.locator("article.supervision-order").first).to_contain_text("已联系施工单位")
    office.get_by_label("办结意见").fill("已答复来信人，同意办结。")
    office.get_by_role("button", name="办结督办单").click()
    expect(office.locator("article.supervision-order").first).to_contain_text("已办结")
