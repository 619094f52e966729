"""来信办理 in a real browser: the office's handler accepts a letter and assigns it to 招商发展分局,
the bureau's editor drafts the reply, its head approves it; the writer's public timeline then shows the answer."""

from __future__ import annotations

import json

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
print(json.dumps([receipt.letter.pk, receipt.letter.tracking_number]))
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
    pk, number = json.loads(portal_server.query(CREATE_LETTER).splitlines()[-1])
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

    # What the writer sees: the answer, on the public timeline, and on the website (consent given, box ticked).
    public = json.loads(portal_server.query(PUBLIC_VIEW.format(pk=pk)).splitlines()[-1])
    assert public["status"] == "已答复" and public["reply"] == REPLY
    assert public["timeline"] == ["receive", "accept", "assign", "approve_reply"]
    assert public["published"]
