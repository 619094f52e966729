"""Site search in a real browser: suggestions in the header box by keyboard, results, type filter, axe-core."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import watch_csp_violations
from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def search_server(portal_server):
    """The demo server with its search index built (publishing only queues index updates for the worker)."""
    portal_server.manage("rebuild_search_index")
    return portal_server


@pytest.mark.postgresql
def test_a_rebuild_leaves_the_postgresql_index_vacuumed(search_server):
    """``rebuild_search_index`` ends with VACUUM on PostgreSQL: all-visible pages let a count skip the table."""
    all_visible, pages = search_server.query(
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute(\"SELECT relallvisible, relpages FROM pg_class WHERE relname = 'search_fulltext'\")\n"
        "    print(*cursor.fetchone())\n"
    ).split()
    assert int(pages) > 0 and int(all_visible) == int(pages)


def test_pick_a_suggestion_with_the_keyboard_and_filter_the_results(search_server, new_page):
    from playwright.sync_api import expect

    page = new_page()
    page.goto(search_server.url + "/")
    box = page.locator("#header-search-q")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("招商", delay=80)

    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    options = listbox.get_by_role("option")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options.first).to_contain_text("招商")

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = options.nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    chosen = second.text_content()
    box.press("Enter")

    page.wait_for_url(re.compile(r"/search/\?q="))
    expect(page.locator("#page-search-q")).to_have_value(chosen)
    expect(page.locator(".search-result").first).to_be_visible()

    # Narrow to one type with its tab: every hit is then of that type.
    page.goto(search_server.url + "/search/?q=招商引资")
    tab = page.locator(".search-types a", has_text="政策文件")
    tab.click()
    page.wait_for_url(re.compile(r"type=policy"))
    expect(page.locator(".search-types a[aria-current]")).to_contain_text("政策文件")
    kinds = page.locator(".search-result__kind").all_text_contents()
    assert kinds and set(kinds) == {"政策文件"}
    expect(page.locator(".search-chip")).to_contain_text("政策文件")


def test_escape_closes_the_suggestions_and_keeps_the_text(search_server, new_page):
    from playwright.sync_api import expect

    page = new_page()
    page.goto(search_server.url + "/")
    box = page.locator("#header-search-q")
    box.press_sequentially("zhaoshang", delay=60)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(listbox).to_be_visible()
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("zhaoshang")


def test_the_form_works_without_javascript(search_server, browser):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    violations = watch_csp_violations(context)  # its own context: new_page's watch does not cover it
    try:
        page = context.new_page()
        page.goto(search_server.url + "/")
        page.fill("#header-search-q", "招商引资")
        page.press("#header-search-q", "Enter")
        page.wait_for_url(re.compile(r"/search/\?q="))
        assert page.locator(".search-result").count() > 0
    finally:
        context.close()
    assert not violations, violations


@pytest.mark.parametrize("width", [1280, 360])
def test_results_page_has_no_serious_or_critical_violations(search_server, new_page, width):
    page = new_page(viewport={"width": width, "height": 900})
    response = page.goto(search_server.url + "/search/?q=招商引资&type=policy")
    assert response.ok
    assert page.locator(".search-result").count() > 0
    assert not axe_violations(page)
    # Readable at phone width: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_open_suggestions_have_no_violations(search_server, new_page):
    from playwright.sync_api import expect

    page = new_page()
    page.goto(search_server.url + "/search/?q=园区")
    box = page.locator("#header-search-q")
    box.fill("")
    box.press_sequentially("园区", delay=80)
    expect(page.locator("#" + box.get_attribute("aria-controls"))).to_be_visible()
    box.press("ArrowDown")
    assert not axe_violations(page)
