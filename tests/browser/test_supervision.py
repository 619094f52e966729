"""督办事项 in a real browser: the office assigns a leader's instruction, the lead department reports progress
on a phone (375 px), the office closes it; the pages pass axe-core and fit the phone's width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import DEMO_PASSWORD, log_in

pytestmark = pytest.mark.browser

TITLE = "督办浏览器测试：标准化厂房二期建设"
PHONE = {"width": 375, "height": 740}


def test_instruction_assigned_reported_on_a_phone_and_closed(portal_server, new_page):
    office = log_in(new_page, portal_server.url, "office_reviewer")
    office.goto(portal_server.url + "/admin/supervision/new/")
    office.locator("#id_source").select_option(label="领导批示")  # "来源说明" also has 来源 in its label
    office.locator("#id_title").fill(TITLE)
    office.get_by_label("批示领导").select_option(index=1)
    office.get_by_label("批示内容").fill("请招商分局牵头，倒排工期，确保年内完工。")
    office.get_by_label("牵头部门").select_option(label="招商发展分局")
    office.get_by_label("督办要求").fill("每周五反馈一次进展。")
    office.get_by_label("督办期限（工作日）").fill("5")
    office.get_by_role("button", name="下达").click()
    expect(office.locator(".messages")).to_contain_text("已下达督办事项")
    expect(office.locator("#item-heading")).to_have_text(TITLE)
    item_url = office.url
    assert not axe_violations(office)

    phone = new_page(viewport=PHONE)
    phone.goto(portal_server.url + "/admin/login/")
    phone.fill("#id_username", "zhaoshang_editor")
    phone.fill("#id_password", DEMO_PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(portal_server.url + "/admin/")
    phone.goto(portal_server.url + "/admin/supervision/")
    phone.get_by_role("link", name=TITLE).click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Nothing written: the error says so in Chinese, the percentage typed stays.
    phone.get_by_label("完成进度（%）").fill("40")
    phone.get_by_role("button", name="反馈办理进展").click()
    expect(phone.locator("#id_progress-text_error")).to_contain_text("请填写办理进展")
    expect(phone.get_by_label("完成进度（%）")).to_have_value("40")
    phone.locator("#id_progress-text").fill("主体结构已完成四成，钢结构材料已进场。")
    phone.get_by_role("button", name="反馈办理进展").click()
    expect(phone.locator(".messages")).to_contain_text("已反馈办理进展")
    expect(phone.locator("[data-report]").last).to_contain_text("钢结构材料已进场")
    expect(phone.get_by_role("button", name="办结")).to_have_count(0)  # closing is the office's
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(phone)

    office.goto(item_url)
    office.get_by_label("办结意见或撤销原因").fill("进展符合要求，转入日常跟踪，同意办结。")
    office.get_by_role("button", name="办结", exact=True).click()
    expect(office.locator("[data-conclusion]")).to_contain_text("同意办结")
    expect(office.locator("section[data-state]")).to_have_attribute("data-state", "done")
