"""What the admin's JavaScript renders is Chinese too: the sidebar, the help menu, the editor's
status bar after an autosave and the keyboard-shortcuts dialog (strings from djangojs and the
server's JSON, which the Django-client sweep in tests/core/test_admin_chinese.py cannot run)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_review_flow import log_in, owned_column
from tests.core.test_admin_chinese import english_words

pytestmark = pytest.mark.browser


#: Where a word shows up in the page, for the failure message (the closest element containing it).
FIND_WORD = r"""word => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node && found.length < 3; node = walker.nextNode()) {
        if (new RegExp(`\\b${word}\\b`).test(node.textContent)) found.push(node.parentElement.outerHTML.slice(0, 300));
    }
    const attributes = ['title', 'placeholder', 'aria-label', 'alt', 'data-w-tooltip-content-value'];
    for (const el of document.querySelectorAll(attributes.map(a => `[${a}]`).join(','))) {
        if (found.length >= 3) break;
        if (attributes.some(a => (el.getAttribute(a) || '').includes(word))) {
            found.push(el.outerHTML.slice(0, 300));
        }
    }
    return found;
}"""


def assert_chinese(page, where: str) -> None:
    words = english_words(page.content())
    places = {word: page.evaluate(FIND_WORD, word) for word in words[:3]}
    assert not words, f"{where} shows English: {', '.join(words)}; {places}; title: {page.title()}"


def test_login_page_carries_the_zones_name(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/admin/login/")
    expect(page.locator("h1")).to_contain_text("来凤经济开发区")
    expect(page.locator("[data-zp-brand]")).to_be_visible()
    assert "Wagtail" not in page.title()
    assert_chinese(page, "login page")


def test_sidebar_help_menu_and_shortcuts_dialog(portal_server, new_page):
    base = portal_server.url
    page = log_in(new_page, base, "zhaoshang_editor")
    expect(page.locator("#wagtail-sidebar [data-zp-brand]")).to_be_attached()
    assert_chinese(page, "dashboard")

    page.locator("#wagtail-sidebar").get_by_role("button", name="帮助").click()
    guide = page.locator("#wagtail-sidebar").get_by_role("link", name="后台使用指南")
    expect(guide).to_have_attribute("href", "/admin/guide/")
    assert_chinese(page, "help menu")

    page.locator("#wagtail-sidebar").get_by_role("button", name="快捷键").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("键盘快捷键")
    words = english_words(dialog.inner_html())
    assert not words, f"keyboard shortcuts dialog shows English: {', '.join(words)}"


def test_editor_status_after_autosave_is_chinese(portal_server, new_page):
    base = portal_server.url
    column_id, _ = owned_column(portal_server, "zhaoshang")
    page = log_in(new_page, base, "zhaoshang_editor")
    page.goto(f"{base}/admin/pages/add/portal/articlepage/{column_id}/")
    page.fill("#id_title", "浏览器测试：后台界面是中文")
    page.fill("#id_summary", "检查编辑页面的状态文字")
    # Autosave turns the new page into a draft and reports it in the status bar.
    page.wait_for_timeout(1500)
    page.wait_for_function(
        "() => document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"
    )
    page.wait_for_load_state("networkidle")
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_be_attached()
    words = english_words(indicator.inner_html())
    assert not words, f"autosave indicator shows English: {', '.join(words)}"
    assert_chinese(page, "article editor after autosave")

    # The rich-text editor: its toolbar and the "/" block menu are drawn by JavaScript.
    body = page.locator(".Draftail-Editor [contenteditable=true]").first
    body.click()
    body.type("/")
    menu = page.locator(".w-combobox, [role=listbox]").first
    expect(menu).to_be_visible()
    assert_chinese(page, "rich-text editor with the block menu open")


@pytest.mark.parametrize("username", ["zhaoshang_editor", "office_reviewer"])
def test_main_views_after_javascript_are_chinese(portal_server, new_page, username):
    """The views an editor and the office reviewer use most, once their scripts have run.

    (The workflow reports are left to the Django-client sweep: the demo still has Wagtail's default
    "Moderators approval" workflow, content rather than UI, which the demo's own work removes.)
    """
    base = portal_server.url
    column_id, _ = owned_column(portal_server, "zhaoshang")
    page = log_in(new_page, base, username)
    for path in (
        f"/admin/pages/{column_id}/",
        f"/admin/pages/{column_id}/?q=招商",
        "/admin/pages/search/?q=招商",
        "/admin/images/",
        "/admin/documents/",
        "/admin/reports/site-history/",
        "/admin/account/",
        "/admin/guide/",
    ):
        response = page.goto(base + path)
        if response.status == 403 or page.url.rstrip("/") == base + "/admin":
            continue  # not this role's view
        page.wait_for_load_state("networkidle")
        assert_chinese(page, f"{path} ({username})")
