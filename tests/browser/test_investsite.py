"""An investor uses the English 招商网: switches language with the keyboard, sends an inquiry, gets a number;
招商发展分局's editor finds it among the 投资线索 in the back office."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_review_flow import log_in

pytestmark = pytest.mark.browser


def invest_url(portal_server, path: str) -> str:
    return portal_server.url.replace("127.0.0.1", "invest.localhost") + path


def test_an_english_inquiry_becomes_a_lead(portal_server, new_page):
    page = new_page()
    page.goto(invest_url(portal_server, "/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert axe_violations(page) == []

    # The switcher with the keyboard: Tab to 简体中文, Enter, and back to English the same way.
    switch = page.locator(".language-switch")
    chinese = switch.get_by_role("link", name="简体中文")
    expect(chinese).to_have_attribute("lang", "zh-Hans")
    chinese.focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page).to_have_url(re.compile(r"invest\.localhost:\d+/$"))
    page.locator(".language-switch").get_by_role("link", name="English").focus()
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Contact us").click()
    expect(page.locator("h1")).to_have_text("Contact us")
    page.get_by_label("Name").fill("Mei Tanaka")
    page.get_by_label("Company").fill("Tanaka Trading Ltd")
    page.get_by_label("Country or region").fill("Japan")
    page.get_by_label("E-mail").fill("mei.tanaka@example")
    page.get_by_label("Message").fill("We would like to visit the Guihuashu park.")
    page.get_by_role("button", name="Send inquiry").click()
    expect(page.locator("#id_email-error")).to_contain_text("Enter a valid email address.")
    expect(page.get_by_label("Company")).to_have_value("Tanaka Trading Ltd")
    expect(page.get_by_label("Message")).to_have_value("We would like to visit the Guihuashu park.")
    assert axe_violations(page) == []

    page.get_by_label("E-mail").fill("mei.tanaka@example.com")
    page.get_by_role("button", name="Send inquiry").click()
    number = page.locator(".tracking-number")
    expect(number).to_have_text(re.compile(r"ZS-\d{8}-[0-9A-F]{6}"))
    tracking = number.inner_text().strip()
    assert axe_violations(page) == []

    stored = portal_server.query(
        "from zoneportal.investsite.models import InvestorLead; "
        f"lead = InvestorLead.objects.get(tracking_number={tracking!r}); "
        "print(lead.company, lead.language, lead.status, lead.department.slug, sep='|')"
    )
    assert stored == "Tanaka Trading Ltd|en|new|zhaoshang"

    # The investment bureau's editor opens 投资线索 from the menu and finds the inquiry, marked 新线索.
    office = log_in(new_page, portal_server.url, "zhaoshang_editor")
    office.get_by_role("navigation", name="主菜单").get_by_role("link", name="投资线索").click()
    row = office.locator("tr", has_text=tracking)
    expect(row).to_contain_text("Tanaka Trading Ltd")
    expect(row).to_contain_text("新线索")
    row.get_by_role("link").first.click()
    expect(office.locator("main")).to_contain_text("We would like to visit the Guihuashu park.")
    expect(office.locator("#id_status")).to_have_value("new")
