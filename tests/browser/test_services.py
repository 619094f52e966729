"""办事指南 in the demo: browse to an item, read its flow chart, download a blank form; answer a journey's questions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations

pytestmark = pytest.mark.browser


def open_guide(page, portal_server) -> None:
    """From the home page through 办事服务 to 办事指南, as a visitor would."""
    page.goto(portal_server.url + "/")
    page.get_by_role("navigation").get_by_role("link", name="办事服务", exact=True).first.click()
    page.wait_for_load_state()
    page.locator("main, aside").get_by_role("link", name="办事指南", exact=True).first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("办事指南")


def test_an_item_is_found_read_and_its_form_downloaded(portal_server, new_page, tmp_path):
    page = new_page()
    open_guide(page, portal_server)
    assert not axe_violations(page)
    total = page.locator(".services-list__item").count()

    # Browse by department: only 国土建设分局's items remain.
    page.get_by_role("navigation", name="按部门").get_by_role("link", name="国土建设分局").click()
    page.wait_for_load_state()
    assert "department=guotu" in page.url
    expect(page.get_by_label("实施部门")).to_have_value("guotu")
    listed = page.locator(".services-list__item")
    assert 0 < listed.count() < total
    for meta in page.locator(".services-list__meta").all_inner_texts():
        assert meta.startswith("国土建设分局")

    page.get_by_role("link", name="建筑工程施工许可", exact=True).click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("建筑工程施工许可")
    chart = page.get_by_role("img", name="建筑工程施工许可办理流程图")
    expect(chart).to_be_visible()
    expect(page.locator(".services-steps li")).to_have_count(page.locator("svg .flow-step").count())
    assert not axe_violations(page)

    with page.expect_download() as download_info:
        # The material's name is visually hidden in the link; Chromium joins it with a space.
        page.get_by_role("link", name=re.compile(r"^空白表格\s*：建筑工程施工许可申请表$")).click()
    download = download_info.value
    assert download.suggested_filename == "建筑工程施工许可申请表（空白表格）.docx"
    saved = tmp_path / "form.docx"
    download.save_as(saved)
    assert Path(saved).read_bytes().startswith(b"PK\x03\x04")

    # 一次性告知: printable, without the site's navigation on paper.
    page.get_by_role("link", name="一次性告知单（可打印）").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("一次性告知单")
    expect(page.get_by_role("button", name="打印本单")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".layout__nav")).to_be_hidden()
    expect(page.get_by_role("button", name="打印本单")).to_be_hidden()
    expect(page.locator("main")).to_contain_text("建筑工程施工许可申请表")


def test_a_journey_narrows_its_items_by_the_answers(portal_server, new_page):
    page = new_page()
    open_guide(page, portal_server)
    page.get_by_role("link", name="项目落地“一件事”").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("项目落地“一件事”")
    stages = page.locator(".services-stages > li")
    every = stages.count()
    expect(stages.filter(has_text="建设项目用地预审")).to_have_count(1)

    # Keyboard only: answer 否 to the land question and submit the form.
    land = page.get_by_role("group", name="项目是否需要新征用地？")
    land.get_by_label("否").focus()
    page.keyboard.press("Space")
    expect(land.get_by_label("否")).to_be_checked()
    page.get_by_role("button", name="查看需要办理的事项").press("Enter")
    page.wait_for_load_state()
    assert "=no" in page.url
    expect(page.get_by_role("group", name="项目是否需要新征用地？").get_by_label("否")).to_be_checked()
    expect(stages).to_have_count(every - 2)
    expect(stages.filter(has_text="建设项目用地预审")).to_have_count(0)
    expect(page.locator(".services-not-needed")).to_contain_text("建设项目用地预审")
    expect(page.locator("#journey-steps")).to_have_text(f"根据您的回答，需要办理 {every - 2} 个事项")
    assert not axe_violations(page)

    page.get_by_role("link", name="重新回答").click()
    page.wait_for_load_state()
    expect(stages).to_have_count(every)
