"""A visitor answers the demo's open poll (a conditional question appears) and reads results with charts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser

POLL = "/hudong/diaocha/wangzhan-yijian/"
CAMPAIGN_RESULTS = "/hudong/diaocha/zhiyong-wenze-wenjuan/jieguo/"


def test_answer_the_poll_with_its_conditional_question(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/hudong/")
    page.get_by_role("link", name="民意调查").first.click()
    page.get_by_role("link", name="门户网站使用体验征集", exact=True).click()
    expect(page.locator("h1")).to_have_text("门户网站使用体验征集")

    follow_up = page.locator("fieldset", has_text="没找到的是什么信息？")
    expect(follow_up).to_be_hidden()  # shown only for 没找到
    page.get_by_label("办事服务", exact=True).check()
    page.get_by_label("没找到", exact=True).check()
    expect(follow_up).to_be_visible()

    # Submitting with questions missing: a Chinese error at each, what was chosen kept, focus on the summary.
    page.get_by_role("button", name="提交问卷").click()
    expect(page.locator("#survey-errors")).to_be_focused()
    expect(follow_up.locator(".survey-error")).to_have_text("这是必答题，请填写。")
    expect(page.get_by_label("没找到", exact=True)).to_be_checked()
    expect(follow_up).to_be_visible()
    assert not axe_violations(page)

    follow_up.get_by_role("textbox").fill("企业入园的收费标准")
    page.get_by_label("政策问答").check()
    page.get_by_label("4分").check()
    page.get_by_role("button", name="提交问卷").click()
    expect(page.locator(".survey-done")).to_contain_text("提交成功")

    # The results are published: the answer is counted, with a chart and its table.
    page.get_by_role("link", name="查看调查结果").click()
    found = page.locator("section.survey-result", has_text="这次在网站上找到您要的信息了吗？")
    expect(found.locator("table")).to_contain_text("没找到")
    expect(found.locator(".chart svg")).to_have_count(1)
    page.goto(portal_server.url + POLL)
    expect(page.locator(".notice")).to_contain_text("您已经参与过本次调查")


def test_results_of_the_campaign_have_a_chart_and_table_per_question(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + CAMPAIGN_RESULTS)
    expect(page.locator(".survey-card__meta")).to_contain_text("共收到630份答卷")
    expect(page.locator(".survey-card__meta")).to_contain_text("演示数据")
    charts = page.locator(".chart[data-chart-ready='true']")
    expect(charts).to_have_count(6)  # the six choice questions; the written suggestions are only counted
    expect(charts.first.locator("svg")).to_have_count(1)
    expect(page.locator("table.survey-table")).to_have_count(6)
    multiple = page.locator("section.survey-result", has_text="办事时，您遇到过下列哪些情况？")
    expect(multiple).to_contain_text("比例按答题人数计算")
    assert not axe_violations(page)
