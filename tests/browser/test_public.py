"""A visitor browses the demo zone: home → a column → an article, then 繁體."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

INTERNAL_LINKS_JS = """() => [...document.querySelectorAll('a[href], form[action]')]
    .map(el => new URL(el.getAttribute('href') ?? el.getAttribute('action'), location.href))
    .filter(url => url.origin === location.origin)
    .map(url => url.pathname)"""
UNPREFIXED = ("/static/", "/media/", "/documents/", "/admin/")


def open_first_article(page, base_url: str) -> str:
    """From the home page, open 新闻快递 in the navigation, then its newest article; returns its title."""
    page.goto(base_url + "/")
    page.get_by_role("navigation").get_by_role("link", name="新闻快递", exact=True).first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("新闻快递")
    article_link = page.locator("main a[href*='/']", has_text=re.compile(r"\S{6,}")).filter(has_not_text="新闻快递")
    title = article_link.first.inner_text().strip()
    article_link.first.click()
    page.wait_for_load_state()
    return title


def test_home_column_article(portal_server, new_page):
    page = new_page()
    response = page.goto(portal_server.url + "/")
    assert response.ok
    expect(page).to_have_title(re.compile("来凤经济开发区"))
    expect(page.locator("header")).to_contain_text("来凤经济开发区")
    # A search box on the page.
    expect(page.locator("input[name='q']").first).to_be_visible()

    title = open_first_article(page, portal_server.url)
    expect(page.locator("h1")).to_contain_text(title[:10])
    expect(page.locator("main")).to_contain_text("发布时间")
    assert page.evaluate("() => document.querySelector('meta[name=ArticleTitle]')?.content")


def test_search_box_finds_an_article(portal_server, new_page):
    page = new_page()
    open_first_article(page, portal_server.url)  # an article the demo surely has
    title = page.locator("h1").inner_text().strip()  # in full (a listing may shorten it)
    page.goto(portal_server.url + "/")
    box = page.locator("input[name='q']").first
    box.fill(title)
    box.press("Enter")
    page.wait_for_load_state()
    assert "/search/?" in page.url and "q=" in page.url, page.url
    # Results, not just the query echoed back: the article is listed first, with its words marked …
    first = page.locator(".search-result__title a").first
    expect(first).to_have_text(title)
    expect(first.locator("mark").first).to_be_visible()
    # … and the link opens the article itself.
    first.click()
    page.wait_for_load_state()
    assert "/search/" not in page.url
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("main")).to_contain_text("发布时间")


def test_switch_to_traditional_and_keep_it_while_browsing(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/")
    page.get_by_role("link", name="繁體").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(portal_server.url + "/zh-hant/")
    expect(page.locator("header")).to_contain_text("來鳳經濟開發區")
    assert "来凤经济开发区" not in page.locator("body").inner_text()

    # Every link on the page keeps the 繁體 prefix (except files, the back office and the 简体 switch).
    paths = page.evaluate(INTERNAL_LINKS_JS)
    offenders = [p for p in paths if not p.startswith("/zh-hant/") and not p.startswith(UNPREFIXED) and p != "/"]
    assert not offenders, offenders

    # Follow the navigation: still traditional.
    page.get_by_role("navigation").get_by_role("link", name="新聞快遞", exact=True).first.click()
    page.wait_for_load_state()
    assert "/zh-hant/" in page.url
    expect(page.locator("h1")).to_contain_text("新聞快遞")

    # And back to simplified.
    page.get_by_role("link", name=re.compile("^(简体|簡體)$")).first.click()
    page.wait_for_load_state()
    assert "/zh-hant/" not in page.url
    expect(page.locator("h1")).to_contain_text("新闻快递")


def test_phone_width_has_no_horizontal_scrolling(portal_server, new_page):
    page = new_page(viewport={"width": 360, "height": 740})
    for path in ("/", "/zh-hant/"):
        page.goto(portal_server.url + path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a 360px phone"


def test_keyboard_focus_is_visible(portal_server, new_page):
    page = new_page()
    page.goto(portal_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const el = document.activeElement; const s = getComputedStyle(el);
        return {tag: el.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                shadow: s.boxShadow !== 'none'}; }"""
    )
    assert focused["tag"] in ("A", "BUTTON", "INPUT")
    assert focused["outline"] or focused["shadow"], focused
