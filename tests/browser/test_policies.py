"""A visitor uses the policy library: filters it with the keyboard, opens a document, sees the banner of an amended
one and follows it to the replacing document; axe-core finds nothing on either page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser


def test_filter_the_library_and_open_a_document(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/zhengwu/zhengce/")
    expect(page.locator("h1")).to_have_text("政策法规")
    assert axe_violations(page) == []
    total = page.locator(".policy-table tbody tr").count()
    assert total > 3

    # Keyboard only: the category select, then the validity select, then the button.
    page.get_by_label("分类", exact=True).focus()
    page.keyboard.press("End")  # the last category: 开发区设立与管理体制
    page.get_by_label("有效性", exact=True).select_option(value="amended")
    page.get_by_role("button", name="筛选").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"category=11.*validity=amended"))
    rows = page.locator(".policy-table tbody tr")
    expect(rows).to_have_count(1)
    expect(page.get_by_label("有效性", exact=True)).to_have_value("amended")
    expect(page.locator(".policy-total")).to_contain_text("共 1 份文件")

    rows.first.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("鄂体改[2001]127号")
    expect(page.locator(".policy-meta")).to_contain_text("索引号")
    banner = page.locator(".policy-banner")
    expect(banner).to_contain_text("本文件已修订")
    assert axe_violations(page) == []
    banner.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("更名为“湖北来凤经济开发区”")
    expect(page.locator(".policy-banner")).to_have_count(0)
    expect(page.get_by_role("link", name="下载PDF")).to_have_attribute("href", re.compile(r"/pdf/$"))
