"""公文流转 in a real browser: 招商引资服务中心's editor drafts a notice and sends it for review, the centre's
head approves it, the office signs it with a 文号 and distributes it to 财政分局, whose editor signs for it
(签收) on a phone (375px wide); axe-core finds nothing serious on the phone's pages."""

from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import DEMO_PASSWORD, log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


def test_draft_review_sign_distribute_and_receive_on_a_phone(portal_server, new_page):
    base = portal_server.url
    suffix = uuid.uuid4().hex[:6]
    title = f"关于做好园区防汛准备工作的通知{suffix}"
    number = f"来开管发〔2026〕{suffix}号"

    # 拟稿 and 送审.
    drafter = log_in(new_page, base, "fuwu_editor")
    drafter.goto(base + "/admin/circulation/new/")
    drafter.fill("#id_title", title)
    drafter.fill("#id_body", "各单位：请于汛期前完成排水设施检查。")
    drafter.get_by_role("button", name="保存草稿").click()
    expect(drafter.locator("#circ-title")).to_have_text(title)
    drafter.get_by_role("button", name="送审").click()
    expect(drafter.locator("#circ-state")).to_contain_text("审核")
    expect(drafter.get_by_role("button", name="审核通过")).to_have_count(0)  # read-only for the drafter now

    # 审核: the centre's head finds it among the pending documents.
    head = log_in(new_page, base, "fuwu_head")
    head.goto(base + "/admin/circulation/")
    head.get_by_role("link", name=title).click()
    head.get_by_label("意见").fill("同意，请办公室签发。")
    head.get_by_role("button", name="审核通过").click()
    expect(head.locator("#circ-state")).to_contain_text("签发")

    # 签发 and 分发 by the office.
    office = log_in(new_page, base, "office_reviewer")
    office.goto(base + "/admin/circulation/")
    office.get_by_role("link", name=title).click()
    office.get_by_label("文号").fill(number)
    office.get_by_role("button", name="签发", exact=True).click()
    expect(office.locator("#circ-state")).to_contain_text("待分发")
    office.get_by_label("财政分局").check()
    office.get_by_role("button", name="分发").click()
    expect(office.locator("#circ-state")).to_contain_text("已分发")

    # 签收 by 财政分局's editor on a phone.
    phone = new_page(viewport=PHONE)
    phone.goto(base + "/admin/login/")
    phone.fill("#id_username", "caizheng_editor")
    phone.fill("#id_password", DEMO_PASSWORD)
    phone.click("button[type=submit]")
    phone.wait_for_url(base + "/admin/")
    phone.goto(base + "/admin/circulation/")
    link = phone.get_by_role("link", name=title)
    expect(link).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(phone)
    link.click()
    expect(phone.locator("#circ-title")).to_have_text(title)
    receive = phone.get_by_role("button", name="签收")
    receive.scroll_into_view_if_needed()
    box = receive.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    receive.click()
    copy = phone.locator(".circ-copy", has_text="财政分局")
    expect(copy).to_contain_text("已签收")
    expect(phone.locator(".circ-route")).to_contain_text(number)
    expect(phone.locator(".circ-route")).to_contain_text("同意，请办公室签发。")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(phone)
