"""A citizen writes to 主任信箱 in the demo zone, keeps the number and code, and looks the letter up."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser

NUMERALS = "零一二三四五六七八九"


def chinese_number(text: str) -> int:
    """十二 → 12, 七 → 7 (the 验证问题's numbers are below one hundred)."""
    if "十" not in text:
        return NUMERALS.index(text)
    tens, _, ones = text.partition("十")
    return (NUMERALS.index(tens) if tens else 1) * 10 + (NUMERALS.index(ones) if ones else 0)


def answer(page) -> str:
    """Read the 验证问题 the way a person does and answer it."""
    label = page.locator("label[for=id_captcha_answer]").inner_text()
    first, operator, second = re.search(r"：(.+?)([加减])(.+?)等于多少", label).groups()
    a, b = chinese_number(first), chinese_number(second)
    return str(a + b if operator == "加" else a - b)


def test_write_a_letter_then_look_it_up(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/")
    page.get_by_role("link", name=re.compile("我要写信")).click()
    expect(page).to_have_url(re.compile(r"/hudong/xinxiang/zhuren/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("主任信箱")
    assert axe_violations(page) == []

    # Similar published replies appear once a subject is typed (the demo's replies are in site search).
    page.get_by_role("textbox", name=re.compile("^标题")).press_sequentially("路灯不亮", delay=60)
    expect(page.locator("#similar-region .similar a").first).to_contain_text("路灯")

    # Sent half-filled: the problems are listed (and focused), each beside its field, the text kept.
    page.get_by_role("textbox", name=re.compile("^标题")).fill("园区公交站台没有遮雨棚")
    page.get_by_role("button", name="提交信件").click()
    problems = page.locator("#form-problems")
    expect(problems).to_be_focused()
    expect(page.locator("#id_content_error")).to_contain_text("请填写信件内容")
    expect(page.get_by_role("textbox", name=re.compile("^标题"))).to_have_value("园区公交站台没有遮雨棚")
    assert axe_violations(page) == []

    page.locator("#id_content").fill("工业园区门口的公交站台没有遮雨棚，下雨天等车的职工都被淋湿了，希望加装。😀")
    page.get_by_role("textbox", name=re.compile("^姓名")).fill("测试市民")
    page.get_by_role("textbox", name=re.compile("^联系电话")).fill("13800005678")
    page.get_by_role("radio", name=re.compile("^同意公开")).check()
    page.get_by_role("checkbox", name=re.compile("我已阅读上面的来信须知")).check()
    page.locator("#id_captcha_answer").fill(answer(page))
    page.get_by_role("button", name="提交信件").click()

    expect(page).to_have_url(re.compile(r"/hudong/xinxiang/huizhi/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("信件已提交")
    expect(page.get_by_role("button", name="打印回执")).to_be_visible()
    number = page.locator("#receipt-number").inner_text()
    code = page.locator("#receipt-code").inner_text()
    assert re.fullmatch(r"LF\d{8}-\d{4}", number) and re.fullmatch(r"[A-Z2-9]{8}", code)
    assert code not in page.url

    # Another browser (no session): number and code are all it takes.
    visitor = new_page()
    visitor.goto(portal_server.url + "/hudong/xinxiang/")
    visitor.get_by_role("link", name="查询办理进度").first.click()
    visitor.get_by_role("textbox", name=re.compile("^信件编号")).fill(number)
    visitor.get_by_role("textbox", name=re.compile("^查询码")).fill("AAAAAAAA")
    visitor.get_by_role("button", name="查询").click()
    expect(visitor.locator("#form-problems")).to_have_text(re.compile("信件编号或查询码不正确"))
    visitor.get_by_role("textbox", name=re.compile("^查询码")).fill(code.lower())
    visitor.get_by_role("button", name="查询").click()

    expect(visitor.get_by_role("heading", level=1)).to_have_text("办理进度")
    expect(visitor.get_by_role("heading", name="园区公交站台没有遮雨棚")).to_be_visible()
    expect(visitor.locator(".timeline__step").first).to_contain_text("收到来信")
    expect(visitor.locator(".letter-meta")).to_contain_text("待受理")
    expect(visitor.locator(".letter-text")).to_contain_text("😀")
    assert axe_violations(visitor) == []


def test_the_published_letters_of_the_demo(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/hudong/xinxiang/gongkai/")
    items = page.locator(".letter-item")
    expect(items).to_have_count(10)
    expect(page.locator(".letters-count")).to_have_text(re.compile(r"共 \d+ 封"))
    page.get_by_label("信箱", exact=True).select_option(label="咨询")
    page.get_by_role("button", name="筛选").click()
    expect(items.first).to_contain_text("咨询")
    items.first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="答复内容")).to_be_visible()
    assert axe_violations(page) == []
