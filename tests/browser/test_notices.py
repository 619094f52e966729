"""网上办公 › 通知 in a real browser: the office writes a notice to 财政分局 and publishes it; the bureau's
editor opens it on a phone-size screen (375px) and signs it; the office then sees 已签收 for that person."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import DEMO_PASSWORD

pytestmark = pytest.mark.browser

TITLE = "关于报送第四季度安全检查情况的通知（浏览器测试）"
PHONE = {"width": 375, "height": 740}


def log_in(new_page, base_url: str, username: str, viewport: dict | None = None):
    """A fresh browser (own cookies, given screen size) logged in to the back office."""
    page = new_page(viewport)
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")
    return page


def test_office_sends_a_department_signs_on_a_phone_the_office_sees_it(portal_server, new_page):
    base = portal_server.url

    # The office's head writes the notice in the editor and publishes it to 财政分局.
    office = log_in(new_page, base, "bangongshi_head")
    office.goto(base + "/admin/notices/new/", wait_until="networkidle")
    office.fill("#id_title", TITLE)
    office.select_option("#id_urgency", label="急")
    office.get_by_label("财政分局").check()
    office.locator(".Draftail-Editor [contenteditable=true]").click()
    office.keyboard.type("请各单位于本周内报送安全检查情况。")
    office.wait_for_timeout(600)  # the editor writes its content into the form a moment after the last key
    office.get_by_role("button", name="发布", exact=True).click()
    expect(office.locator("#notice-state")).to_have_text("已发布")
    notice_url = office.url
    assert re.search(r"/admin/notices/\d+/$", notice_url)
    expect(office.locator("#notice-completion")).to_contain_text("已签收 0 /")

    # The bureau's editor, on a phone: the menu counts it unread, the inbox lists it, opening it is 已读.
    editor = log_in(new_page, base, "caizheng_editor", PHONE)
    editor.goto(base + "/admin/notices/")
    expect(editor.locator("#notices-unread")).to_contain_text("未读")
    item = editor.locator(".notices-item", has_text=TITLE)
    expect(item).to_contain_text("未读")
    item.get_by_role("link", name=TITLE).click()
    expect(editor.locator("#notice-body")).to_contain_text("请各单位于本周内报送安全检查情况。")
    expect(editor.locator("#notice-receipt")).to_contain_text("已读")
    # Nothing wider than the phone's screen.
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(editor)
    editor.get_by_role("button", name="签收").click()
    expect(editor.locator("#notice-receipt")).to_contain_text("已签收")
    editor.goto(base + "/admin/notices/")
    expect(editor.locator(".notices-item", has_text=TITLE)).to_contain_text("已签收")
    assert editor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(editor)

    # The office sees the editor's 已签收 with its time.
    office.goto(notice_url)
    row = office.locator("#notice-receipts tr", has_text="财政分局编辑")
    expect(row).to_contain_text("已签收")
    expect(office.locator("#notice-completion")).to_contain_text("已签收 1 /")
    assert not axe_violations(office)
