"""领导驾驶舱 in a real browser: 国土建设分局's editor opens it from the menu, the charts draw (ECharts SVG),
a filter changes the numbers, the tables and exports are there, and axe-core finds nothing serious."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import log_in
from zoneportal.demo.content import facts

pytestmark = pytest.mark.browser


def test_the_dashboard_draws_its_charts_and_filters_change_the_numbers(portal_server, new_page):
    page = log_in(new_page, portal_server.url, "guotu_editor")
    page.get_by_role("button", name="招商与园区").click()
    page.get_by_role("link", name="领导驾驶舱").click()
    expect(page.locator("h1, h2").filter(has_text="领导驾驶舱").first).to_be_visible()

    # The 2014 investment list: the money arrived as the report gives it, against the year's task.
    page.get_by_label("年份", exact=True).select_option("2014")
    page.get_by_role("button", name="查看").click()
    arrived = page.locator("[data-figure=arrived]")
    expect(arrived).to_have_text(f"{facts.INVESTMENT_2014_ACTUAL:,}.00")
    rate = round(facts.INVESTMENT_2014_ACTUAL * 100 / facts.INVESTMENT_2014_TASK, 1)
    expect(page.locator("[data-figure=achievement]")).to_have_text(f"{rate}%")
    charts = page.locator(".chart[data-chart-ready='true']")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 4
    expect(page.locator("#investment-years .chart svg")).to_have_count(1)
    expect(page.locator("#project-stages .chart svg")).to_have_count(1)

    # Each chart's table is one click away and names its figures.
    years = page.locator("#investment-years")
    years.get_by_text("数据表").click()
    expect(years.locator("table")).to_contain_text(f"{facts.INVESTMENT_2014_ACTUAL:,}.00")
    excel = years.get_by_role("link", name=re.compile(r"^导出 Excel\s*：招商引资任务与到位资金（按年份）$"))
    expect(excel).to_have_attribute(
        "href", re.compile(r"^/admin/investment-dashboard/export/investment-years\.xlsx\?year=2014&")
    )
    assert not axe_violations(page)

    # One industry: less money, no zone-wide task, and the filters kept in the form and the exports.
    page.get_by_label("产业集群", exact=True).select_option(label="新型建材")
    page.get_by_role("button", name="查看").click()
    expect(arrived).not_to_have_text(f"{facts.INVESTMENT_2014_ACTUAL:,}.00")
    expect(page.locator("[data-figure=achievement]")).to_have_text("—")
    expect(page.get_by_label("年份", exact=True)).to_have_value("2014")
    expect(page.locator("[data-dashboard-filters]")).to_contain_text("2014年 · 全部园区 · 新型建材")
    assert re.search(
        r"[?&]industry=\d+", page.locator("#top-output .dashboard-chart__exports a").first.get_attribute("href")
    )
    assert not axe_violations(page)
