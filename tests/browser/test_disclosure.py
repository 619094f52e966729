"""A citizen files a request for government information (依申请公开) in the demo zone: a bad submission keeps
what was typed and names the field; the receipt gives a number and code; another browser looks it up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_letters import answer

pytestmark = pytest.mark.browser

DESCRIPTION = "请公开开发区2025年企业稳岗补贴的申请条件和发放程序。"


def test_file_a_request_then_look_it_up(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/zhengwu/xinxigongkai/")
    expect(page.get_by_role("heading", level=1)).to_have_text("信息公开")
    page.get_by_role("link", name="依申请公开").first.click()
    expect(page).to_have_url(re.compile(r"/zhengwu/xinxigongkai/shenqing/$"))
    assert axe_violations(page) == []

    # Sent without an identity number: the problem is listed (and focused), named beside its field, all kept.
    page.get_by_role("radio", name="公民").check()
    page.get_by_role("textbox", name=re.compile("^姓名")).fill("测试市民")
    page.get_by_role("textbox", name=re.compile("^联系电话")).fill("13800005678")
    page.get_by_role("textbox", name=re.compile("^所需信息的内容描述")).fill(DESCRIPTION)
    page.get_by_role("radio", name="电子文档").check()
    page.get_by_role("radio", name="网站查询").check()
    page.get_by_role("checkbox", name=re.compile("我已阅读公开指南")).check()
    page.locator("#id_captcha_answer").fill(answer(page))
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#form-problems")).to_be_focused()
    expect(page.locator("#id_id_number_error")).to_contain_text("公民申请请填写身份证号码")
    expect(page.get_by_role("textbox", name=re.compile("^所需信息的内容描述"))).to_have_value(DESCRIPTION)
    expect(page.get_by_role("textbox", name=re.compile("^姓名"))).to_have_value("测试市民")
    expect(page.get_by_role("radio", name="网站查询")).to_be_checked()
    assert axe_violations(page) == []

    page.get_by_role("textbox", name=re.compile("^身份证号码")).fill("11010519491231002X")
    page.get_by_role("checkbox", name=re.compile("我已阅读公开指南")).check()
    page.locator("#id_captcha_answer").fill(answer(page))
    page.get_by_role("button", name="提交申请").click()

    expect(page).to_have_url(re.compile(r"/zhengwu/xinxigongkai/huizhi/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("申请已提交")
    number = page.locator("#receipt-number").inner_text()
    code = page.locator("#receipt-code").inner_text()
    assert re.fullmatch(r"GK\d{8}-\d{4}", number) and re.fullmatch(r"[A-Z2-9]{8}", code)
    assert code not in page.url

    # Another browser (no session): the number and the code are all it takes.
    visitor = new_page()
    visitor.goto(portal_server.url + "/zhengwu/xinxigongkai/")
    visitor.get_by_role("link", name="申请查询").first.click()
    visitor.get_by_role("textbox", name=re.compile("^申请编号")).fill(number)
    visitor.get_by_role("textbox", name=re.compile("^查询码")).fill("WRONG234")
    visitor.get_by_role("button", name="查询").click()
    expect(visitor.locator("#form-problems")).to_contain_text("申请编号或查询码不正确")
    visitor.get_by_role("textbox", name=re.compile("^查询码")).fill(code.lower())
    visitor.get_by_role("button", name="查询").click()
    expect(visitor).to_have_url(re.compile(rf"/chaxun/{number}/$"))
    expect(visitor.locator("#status-state")).to_have_text("待登记")
    expect(visitor.locator("#status-timeline")).to_contain_text("收到申请")
    assert axe_violations(visitor) == []
