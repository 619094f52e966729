"""部门绩效 in a real browser: opened from 网上办公, a month's filter changes the figures, axe finds nothing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import log_in

pytestmark = pytest.mark.browser


def totals(page) -> dict[str, int]:
    """部门 → 合计 of the ranking table."""
    rows = page.locator("#performance-ranking tbody tr")
    return {
        rows.nth(number).locator("th").inner_text(): int(rows.nth(number).locator("td.items").inner_text())
        for number in range(rows.count())
    }


def test_the_office_filters_the_performance_by_month(portal_server, new_page):
    page = log_in(new_page, portal_server.url, "office_reviewer")
    page.get_by_role("button", name="网上办公").click()
    page.get_by_role("link", name="部门绩效").click()
    expect(page.locator("#performance-ranking")).to_be_visible()
    assert not axe_violations(page)

    page.get_by_label("统计周期").select_option("month")
    page.get_by_label("日期").fill("2015-03-15")
    page.get_by_role("button", name="统计").click()
    expect(page.locator("#performance-period")).to_have_text("2015-03-01 至 2015-03-31")
    march = totals(page)
    assert sum(march.values()) > 0  # the demo's articles of March 2015

    page.get_by_label("日期").fill("2015-07-15")
    page.get_by_role("button", name="统计").click()
    expect(page.locator("#performance-period")).to_have_text("2015-07-01 至 2015-07-31")
    assert totals(page) != march
    expect(page.get_by_role("link", name="导出 Excel")).to_have_attribute(
        "href", "/admin/performance/export/?kind=month&day=2015-07-15"
    )
    assert not axe_violations(page)

    # A missing date is said in Chinese (Wagtail's wording).
    page.get_by_label("日期").fill("")
    page.get_by_role("button", name="统计").click()
    expect(page.locator(".error-message")).to_contain_text("必需字段")
