"""A visitor uses 互动交流: filters 便民问答 and votes 有用; comments on an open draft (意见征集)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser


def test_faq_filter_and_vote(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="互动交流").click()
    page.get_by_role("link", name="便民问答").first.click()
    expect(page.locator("h1")).to_have_text("便民问答")
    assert axe_violations(page) == []

    page.get_by_label("答复部门", exact=True).select_option(label="国土建设分局")
    page.get_by_label("主题", exact=True).select_option(label="环境保护")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(re.compile(r"department=guotu.*topic=environment"))
    questions = page.locator(".faq-item__question")
    expect(questions).to_have_count(2)
    expect(questions.first).to_contain_text("环评")

    entry = page.locator(".faq-item").first
    entry.locator("summary").click()
    helpful = entry.get_by_role("button", name=re.compile("有用"))
    expect(helpful).to_contain_text("0")
    helpful.click()
    expect(entry.locator("[data-vote-status]")).to_have_text("感谢您的评价！")
    expect(helpful).to_contain_text("1")
    expect(helpful).to_be_disabled()

    # Reloading and voting again from the same browser counts nothing.
    page.reload()
    entry = page.locator(".faq-item").first
    entry.locator("summary").click()
    entry.get_by_role("button", name=re.compile("有用")).click()
    expect(entry.locator("[data-vote-status]")).to_contain_text("已评价过")
    expect(entry.get_by_role("button", name=re.compile("有用"))).to_contain_text("1")


def test_comment_on_an_open_draft(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/hudong/yijianzhengji/")
    page.get_by_role("link", name=re.compile("支持小微企业发展")).first.click()
    expect(page.locator(".consultation__state")).to_have_text("正在征集")
    assert axe_violations(page) == []

    # Only spaces: refused next to the field, everything typed kept (the length limit is tested in tests/consultations).
    page.get_by_label("姓名或单位（选填）").fill("演示访客")
    page.get_by_label(re.compile("意见内容")).fill("   ")
    page.get_by_role("button", name="提交意见").click()
    text = page.get_by_label(re.compile("意见内容"))
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_text-error")).to_contain_text("请填写意见内容")
    expect(page.get_by_label("姓名或单位（选填）")).to_have_value("演示访客")

    text.fill("建议在服务专窗公布咨询电话，方便企业先问清再来。")
    page.get_by_role("button", name="提交意见").click()
    expect(page.locator(".consultation__received")).to_contain_text("您的意见已收到，正在等待审核")
    # Awaiting moderation: not shown yet.
    expect(page.locator(".consultation__comments")).to_have_count(0)
