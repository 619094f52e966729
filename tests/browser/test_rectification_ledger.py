"""A visitor reads the public 整改台账 under 互动交流 and filters it by state; axe-core finds nothing serious."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser


def test_the_public_ledger_filters_by_state(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/")
    page.get_by_role("navigation").get_by_role("link", name="互动交流", exact=True).first.click()
    page.wait_for_load_state()
    page.locator("main, aside").get_by_role("link", name="整改台账").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("整改台账")
    items = page.locator(".ledger-item")
    expect(items.first).to_be_visible()
    every = items.count()
    states = set(page.locator(".ledger-item .ledger-state").all_inner_texts())
    assert {"整改中", "已整改", "已销号"} <= {state.replace("整改状态：", "").strip() for state in states}
    assert not axe_violations(page)

    # Keyboard only: choose 已销号 in the state list and submit the form.
    page.get_by_label("整改状态").focus()
    page.get_by_label("整改状态").select_option(label="已销号")
    page.get_by_role("button", name="筛选").press("Enter")
    page.wait_for_load_state()
    assert "state=closed" in page.url
    expect(page.get_by_label("整改状态")).to_have_value("closed")
    closed = page.locator(".ledger-item")
    expect(closed.first).to_be_visible()
    assert 0 < closed.count() < every
    for state in page.locator(".ledger-item .ledger-state").all_inner_texts():
        assert "已销号" in state
    expect(page.locator(".ledger-count")).to_contain_text(f"共 {closed.count()} 项")
    # The demo's responsible people are never shown to the public.
    expect(page.locator("main")).not_to_contain_text("负责人（演示）")

    page.get_by_role("link", name="清除条件").click()
    page.wait_for_load_state()
    expect(page.locator(".ledger-item")).to_have_count(every)

    # One item on its own page: its progress, and nothing serious for axe-core either.
    first = page.locator(".ledger-item__title a").first
    title = first.inner_text().strip()
    first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text("整改措施")
    assert not axe_violations(page)
