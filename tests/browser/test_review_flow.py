"""An editor writes and submits an article in the Wagtail editor; the head and the
office approve it from their dashboards; the public then sees it live."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DEMO_PASSWORD = "laifeng2016"  # printed by load_demo for every demo account


def log_in(new_page, base_url: str, username: str):
    """A fresh browser (own cookies) logged in to the back office."""
    page = new_page()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")
    return page


def start_article(new_page, base_url: str, username: str, column_id: int, title: str):
    """Log in as ``username`` and open a new article in the column with ``title`` typed; returns the page."""
    page = log_in(new_page, base_url, username)
    page.goto(f"{base_url}/admin/pages/add/portal/articlepage/{column_id}/", wait_until="networkidle")
    page.fill("#id_title", title)
    return page


def submit_for_review(page) -> None:
    """Let the editor's autosave settle (as a person sees "已保存"), then submit.

    Wagtail 8 autosaves the new page after the first edits and turns the form
    into the edit form; submitting while that first autosave is under way
    races with it, so a person (and this test) waits for the indicator.
    """
    page.wait_for_timeout(1500)  # longer than the autosave interval (0.5 s)
    page.wait_for_function(
        "() => document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue !== 'saving'"
    )
    page.wait_for_load_state("networkidle")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("提交")


def approve_from_dashboard(page, base_url: str, title: str) -> None:
    """Use the dashboard's "awaiting your review" panel to approve ``title``."""
    page.goto(base_url + "/admin/")
    row = page.locator("tr", has_text=title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    approve = page.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").first
    approve.click()
    # The admin posts the action, then reloads the dashboard without the row.
    expect(page.locator("tr", has_text=title)).to_have_count(0)


def owned_column(server, department_slug: str) -> tuple[int, str]:
    """The id and public URL of an article column of the department (looked up in the server's database)."""
    answer = server.query(
        "import json\n"
        "from wagtail.models import WorkflowPage\n"
        "from zoneportal.core.models import Department\n"
        "from zoneportal.portal.models import ColumnPage\n"
        f"d = Department.objects.get(slug={department_slug!r})\n"
        "pages = WorkflowPage.objects.filter(workflow=d.workflow).values_list('page_id', flat=True)\n"
        "c = ColumnPage.objects.live().filter(pk__in=pages).order_by('path').first()\n"
        "print(json.dumps([c.pk, c.get_url_parts()[2]]))"
    )
    column_id, url = json.loads(answer.splitlines()[-1])
    return column_id, url


def test_editor_submits_head_and_office_approve_article_goes_live(portal_server, new_page):
    base = portal_server.url
    column_id, column_url = owned_column(portal_server, "zhaoshang")
    title = f"浏览器测试：开发区新签约项目{int(time.time())}"

    # 1. The editor of 招商发展分局 writes the article and submits it.
    editor = start_article(new_page, base, "zhaoshang_editor", column_id, title)
    editor.fill("#id_summary", "三个工业项目签约落户开发区。")
    body = editor.locator("[data-contentpath='body'] [contenteditable='true']").first
    body.click()
    editor.keyboard.type("项目总投资12亿元，建成后年产值可达20亿元。")
    # Publishing is not offered to an editor at all.
    assert editor.locator("button[name='action-publish']").count() == 0
    submit_for_review(editor)

    # Not public yet.
    public = new_page()
    listing = public.goto(base + column_url)
    assert listing.ok
    assert title not in public.content()

    # 2. The department head approves (first step).
    head = log_in(new_page, base, "zhaoshang_head")
    approve_from_dashboard(head, base, title)
    public.goto(base + column_url)
    assert title not in public.content()

    # 3. The office reviewer approves (final step), which publishes.
    reviewer = log_in(new_page, base, "office_reviewer")
    approve_from_dashboard(reviewer, base, title)

    # 4. Anyone sees it on the public site, in the column and on its own page.
    # (A new visitor: pages carry Cache-Control max-age, so the earlier
    # visitor's browser may still hold its copy of the column for a while.)
    public = new_page()
    public.goto(base + column_url)
    link = public.get_by_role("link", name=title)
    assert link.count() >= 1, "the approved article is not listed in its column"
    link.first.click()
    public.wait_for_load_state()
    assert public.locator("h1", has_text=title).count() == 1
    assert "项目总投资12亿元" in public.content()


def test_head_of_another_department_sees_nothing_to_review(portal_server, new_page):
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "zhaoshang")
    title = f"浏览器测试：待审稿件{int(time.time())}"
    editor = start_article(new_page, base, "zhaoshang_editor", column_id, title)
    editor.locator("[data-contentpath='body'] [contenteditable='true']").first.click()
    editor.keyboard.type("正文。")
    submit_for_review(editor)

    # The department's own head has it on the dashboard, with the actions to review it …
    own_head = log_in(new_page, base, "zhaoshang_head")
    own_head.goto(base + "/admin/")
    own_row = own_head.locator("tr", has_text=title)
    expect(own_row).to_have_count(1)
    # … another department's head, on the same dashboard, neither sees it nor may open it.
    other_head = log_in(new_page, base, "caizheng_head")
    response = other_head.goto(base + "/admin/")
    assert response.ok and other_head.url == base + "/admin/"
    expect(other_head.locator("main")).to_be_visible()
    expect(other_head.locator("tr", has_text=title)).to_have_count(0)
    edit_href = own_row.locator("a[href*='/edit/']").first.get_attribute("href")
    assert other_head.goto(base + edit_href).status == 403
