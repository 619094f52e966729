"""来信办理 in a real browser: the office's handler accepts a letter and assigns it to 招商发展分局,
the bureau's editor drafts the reply, its head approves it; the writer then looks the letter up on the
public 查询 page with its number and code, reads the answer and rates it 满意."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import log_in

pytestmark = pytest.mark.browser

REPLY = "经现场核实，北路路灯已于本周更换完毕，感谢您对园区建设的关心。"

#: A letter to a mailbox of the office, stored as the public form stores it (the demo's own mailboxes may differ).
CREATE_LETTER = """
import json
from zoneportal.core.models import Department
from zoneportal.letters.models import Mailbox
from zoneportal.letters.submission import submit_letter
box, _ = Mailbox.objects.get_or_create(
    slug="inbox-browser-test",
    defaults={"name": "主任信箱（测试）", "department": Department.objects.get(slug="bangongshi")},
)
receipt = submit_letter(box, {
    "subject": "园区北路路灯不亮",
    "content": "园区北路多盏路灯夜间不亮，企业职工下班出行不便，请尽快维修。",
    "name": "王五", "phone": "13900001111", "email": "", "is_public": True, "is_anonymous": False,
})
print(json.dumps([receipt.letter.pk, receipt.letter.tracking_number, receipt.query_code]))
"""

PUBLIC_VIEW = """
import json
from zoneportal.letters.models import Letter
letter = Letter.objects.get(pk={pk})
print(json.dumps({{
    "status": letter.get_status_display(),
    "reply": letter.reply,
    "timeline": [event.action for event in letter.public_timeline()],
    "published": Letter.objects.published().filter(pk=letter.pk).exists(),
}}, ensure_ascii=False))
"""


def test_accept_assign_draft_and_approve(portal_server, new_page):
    base = portal_server.url
    pk, number, code = json.loads(portal_server.query(CREATE_LETTER).splitlines()[-1])
    detail = f"{base}/admin/letters/{pk}/"

    # The office's handler finds it in the inbox, accepts it and assigns it with a deadline in working days.
    handler = log_in(new_page, base, "bangongshi_editor")
    expect(handler.locator("#wagtail-sidebar")).to_contain_text("来信办理")
    handler.goto(base + "/admin/letters/")
    handler.get_by_role("link", name=number).click()
    expect(handler.locator("#letter-writer")).to_contain_text("13900001111")
    handler.locator("#step-accept button[value=accept]").click()
    expect(handler.locator(".messages")).to_contain_text("已受理")
    expect(handler.locator("#letter-status")).to_have_text("已受理")
    handler.select_option("#id_assign-department", label="招商发展分局")
    handler.fill("#id_assign-days", "5")
    handler.fill("#id_assign-note", "请招商发展分局核实后答复。")
    handler.locator("#step-assign button[value=assign]").click()
    expect(handler.locator(".messages")).to_contain_text("已交办")
    expect(handler.locator("#letter-status")).to_have_text("办理中")
    # axe on the page itself (Wagtail's message bar fades in, and half-faded text fails the contrast rule).
    handler.goto(detail)
    assert not axe_violations(handler)

    # The bureau's editor answers, keyboard only: type the draft, then the button 提交审核.
    editor = log_in(new_page, base, "zhaoshang_editor")
    editor.goto(detail)
    editor.locator("#id_submit_reply-draft_reply").fill(REPLY)
    editor.locator("#step-submit_reply button[value=submit_reply]").focus()
    editor.keyboard.press("Enter")
    expect(editor.locator(".messages")).to_contain_text("已提交")
    expect(editor.locator("#letter-status")).to_have_text("待审核")
    expect(editor.locator("#step-approve_reply")).to_have_count(0)  # an editor does not approve

    # The head checks the reply and sends it.
    head = log_in(new_page, base, "zhaoshang_head")
    head.goto(base + "/admin/letters/?waiting=1")
    head.get_by_role("link", name=number).click()
    expect(head.locator("#id_approve_reply-draft_reply")).to_have_value(REPLY)
    head.locator("#step-approve_reply button[value=approve_reply]").click()
    expect(head.locator(".messages")).to_contain_text("已答复")
    expect(head.locator("#letter-reply")).to_contain_text(REPLY)
    expect(head.locator("#letter-log")).to_contain_text("答复")

    # The writer, in a browser of their own, looks the letter up with its number and code on the real 查询 page.
    writer = new_page()
    writer.goto(base + "/hudong/xinxiang/chaxun/")
    writer.get_by_role("textbox", name=re.compile("^信件编号")).fill(number)
    writer.get_by_role("textbox", name=re.compile("^查询码")).fill(code)
    writer.get_by_role("button", name="查询").click()
    expect(writer.get_by_role("heading", level=1)).to_have_text("办理进度")
    expect(writer.locator(".letter-meta")).to_contain_text("已答复")
    expect(writer.locator(".letter-reply")).to_contain_text(REPLY)
    expect(writer.locator(".letter-reply")).to_contain_text("招商发展分局")
    expect(writer.locator(".timeline__step")).to_have_count(4)  # received, accepted, assigned, answered
    expect(writer.locator(".timeline")).not_to_contain_text("提交答复审核")  # internal steps stay internal
    assert not axe_violations(writer)

    # … and rates the answer 满意 (keyboard: the radio button, then the button).
    writer.get_by_role("radio", name="满意", exact=True).check()
    writer.get_by_role("textbox", name=re.compile("^评价意见")).fill("修得很快，谢谢。")
    writer.get_by_role("button", name="提交评价").click()
    expect(writer.locator(".letter-rating")).to_contain_text("您的评价：满意")
    expect(writer.locator(".letter-meta")).to_contain_text("已评价")
    expect(writer.get_by_role("button", name="提交评价")).to_have_count(0)  # rated once
    expect(writer.get_by_role("button", name="申请重新办理")).to_have_count(0)  # only after 不满意

    # The head sees the rating on the letter page.
    head.goto(detail)
    expect(head.locator("#letter-status")).to_have_text("已评价")
    expect(head.locator(".letters-summary")).to_contain_text("满意：修得很快，谢谢。")
    expect(head.locator("#letter-follow-up")).to_be_visible()
    assert not axe_violations(head)

    # The head turns the answer into an FAQ entry in one step and lands on its edit page (not yet public).
    head.get_by_role("button", name="转为问答").click()
    expect(head).to_have_url(re.compile(r"/admin/snippets/faq/faqentry/edit/\d+/$"))
    expect(head.locator(".messages")).to_contain_text("已根据信件")
    expect(head.get_by_role("textbox", name=re.compile("^答复"))).to_have_value(REPLY)
    # … and opens a ledger item from the letter, landing on the item's edit page to fill in the measures.
    head.goto(detail)
    head.get_by_role("button", name="开立整改事项").click()
    expect(head).to_have_url(re.compile(r"/admin/rectification/edit/\d+/$"))
    expect(head.get_by_role("textbox", name=re.compile("^来源编号或说明"))).to_have_value(number)
    head.goto(detail)
    expect(head.locator("#letter-log")).to_contain_text("转为问答")
    expect(head.locator("#letter-log")).to_contain_text("开立整改事项")

    # What the database holds: the public timeline with the rating, and the letter on the website.
    public = json.loads(portal_server.query(PUBLIC_VIEW.format(pk=pk)).splitlines()[-1])
    assert public["status"] == "已评价" and public["reply"] == REPLY
    assert public["timeline"] == ["receive", "accept", "assign", "approve_reply", "rate"]
    assert public["published"]
