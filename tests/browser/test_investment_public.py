"""A visitor reads the zone's economic indicators (charts with their tables) and the 2014 list on its overview page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser

DATA = "/zhengwu/zhaoshangshuju/"
INVEST_2014 = "/zhengwu/gaikuang/fazhanzhuangkuang/zhaoshang-2014/"


def test_indicators_have_charts_and_tables(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + DATA)
    page.locator("nav.investment-sections").get_by_role("link", name="经济指标", exact=True).click()
    expect(page).to_have_url(portal_server.url + DATA + "zhibiao/")
    expect(page.locator("h1")).to_have_text("经济指标")
    output = page.locator("section.investment-chart", has_text="工业总产值")
    expect(output.locator(".chart[data-chart-ready='true'] svg")).to_have_count(1)
    expect(output.locator("table")).to_contain_text("34.35")
    expect(page.locator("nav.breadcrumbs [aria-current=page]")).to_have_text("经济指标")
    assert not axe_violations(page)

    # A year chosen in the filter narrows every table and chart to that year.
    page.get_by_label("年份").select_option("2020")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(portal_server.url + DATA + "zhibiao/?year=2020")
    expect(page.locator("section.investment-chart").first.locator("table tbody tr")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text("34.35")


def test_enterprise_directory_filters_and_passes_axe(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + DATA + "qiye/")
    expect(page.locator("table.investment-table")).to_contain_text("金凤")
    assert not axe_violations(page)


def test_the_2014_overview_page_reads_the_project_records(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + INVEST_2014)
    block = page.locator(".investment-block")
    expect(block.locator(".figures")).to_contain_text("49100")  # summed from the projects' 2014 rows
    expect(block.locator(".chart[data-chart-ready='true'] svg")).to_have_count(1)
    expect(block.locator("table")).to_contain_text("2014年招商引资到位资金（按企业）")
    assert not axe_violations(page)
