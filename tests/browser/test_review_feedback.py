"""Review that shows itself, in the browser: a head returns an article with a
comment (not without one), the editor sees who returned it and why; approving
from the dashboard says what happened; the menu counts the waiting tasks."""

from __future__ import annotations

import email
import email.policy
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_review_flow import log_in, owned_column, start_article, submit_for_review

pytestmark = pytest.mark.browser

HEAD_NAME = "招商发展分局负责人（演示）"  # the demo's zhaoshang_head (first_name)
COMMENT = "请补充项目投资额的数据来源，并核对签约日期。"


def write_and_submit(new_page, base: str, column_id: int, title: str):
    """As zhaoshang_editor: write an article in the column and submit it; returns the editor's browser page."""
    editor = start_article(new_page, base, "zhaoshang_editor", column_id, title)
    editor.fill("#id_summary", "三个项目签约落户。")
    editor.locator("[data-contentpath='body'] [contenteditable='true']").first.click()
    editor.keyboard.type("项目总投资12亿元。")
    submit_for_review(editor)
    return editor


def waiting_menu_item(page):
    """The 待审核 item of the admin menu (the sidebar is drawn by script)."""
    return page.locator("#wagtail-sidebar a[href$='#awaiting-review']")


def waiting_count(page) -> int:
    """The number the 待审核 menu item shows (0 when it shows none)."""
    label = waiting_menu_item(page).inner_text()
    found = re.search(r"（(\d+)）", label)
    return int(found.group(1)) if found else 0


def open_row_actions(page, title: str):
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    return row


def mails_to(server, address: str) -> list[email.message.EmailMessage]:
    """Messages the demo server wrote for ``address`` (the embedded profile keeps mail as files in var/mail)."""
    folder = Path(server.env["ZONEPORTAL_VAR_DIR"]) / "mail"
    found = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        # The file backend appends each message followed by a line of dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
            if address in str(message.get("To", "")):
                found.append(message)
    return found


def test_head_returns_with_a_comment_and_the_editor_sees_it(portal_server, new_page):
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "zhaoshang")
    title = f"浏览器测试：退回修改稿件{int(time.time())}"
    write_and_submit(new_page, base, column_id, title)

    # The head's menu counts what waits for them, as many as the dashboard lists.
    head = log_in(new_page, base, "zhaoshang_head")
    expect(head.locator("#awaiting-review-section tr", has_text=title)).to_have_count(1)
    waiting = head.locator("#awaiting-review-section tbody tr").count()
    expect(waiting_menu_item(head)).to_contain_text(f"待审核（{waiting}）")

    # 退回修改 without a comment: refused in the dialog, which stays open with the field.
    open_row_actions(head, title)
    head.locator("button[data-workflow-action-url*='/reject/']").first.click()
    dialog = head.locator(".modal")
    comment = dialog.locator("textarea[name='comment']")
    expect(comment).to_be_visible()
    dialog.locator("form [type='submit']").click()
    expect(dialog).to_contain_text("退回修改时必须填写退回意见")
    expect(dialog.locator("textarea[name='comment']")).to_be_visible()

    # With a comment: done, and the dashboard says so; the row is gone.
    dialog.locator("textarea[name='comment']").fill(COMMENT)
    dialog.locator("form [type='submit']").click()
    expect(head.locator(".messages")).to_contain_text(f"已退回“{title}”修改")
    expect(head.locator("#awaiting-review-section tr", has_text=title)).to_have_count(0)
    if waiting > 1:
        expect(waiting_menu_item(head)).to_contain_text(f"待审核（{waiting - 1}）")
    else:
        expect(waiting_menu_item(head)).to_have_text(re.compile(r"^\s*待审核\s*$"))

    # The editor's dashboard: a 退回修改 banner with the reviewer's name and the comment.
    editor = log_in(new_page, base, "zhaoshang_editor")
    returned = editor.locator("#returned-for-changes-section [data-review-returned]", has_text=title)
    expect(returned).to_contain_text(COMMENT)
    expect(returned).to_contain_text(HEAD_NAME)
    returned.get_by_role("link", name="去修改").click()

    # The edit page: the banner again, the status 已退回修改, the dialog names the head.
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    banner = editor.locator("[data-review-returned]")
    expect(banner).to_contain_text(COMMENT)
    expect(banner).to_contain_text(HEAD_NAME)
    editor.locator("[data-side-panel-toggle='status']").click()
    status = editor.locator("[data-review-status='returned']")
    expect(status).to_contain_text("已退回修改")
    expect(editor.locator("[data-side-panel='status']")).not_to_contain_text("审核中")
    status.get_by_role("button", name="查看详情").click()
    heading = editor.locator("#workflow-status-dialog .w-dialog__message-heading")
    expect(heading).to_contain_text(HEAD_NAME)
    expect(heading).not_to_contain_text("编辑")
    expect(editor.locator("#workflow-status-dialog")).to_contain_text(COMMENT)

    # The email back to the editor, in Chinese, with the comment.
    (message,) = [m for m in mails_to(portal_server, "zhaoshang_editor@example.org") if title in str(m["Subject"])]
    assert str(message["Subject"]).strip() == f"【退回修改】“{title}”被 {HEAD_NAME} 退回"
    assert COMMENT in message.get_content()


def test_approving_from_the_dashboard_confirms_it(portal_server, new_page):
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "zhaoshang")
    title = f"浏览器测试：通过确认稿件{int(time.time())}"
    write_and_submit(new_page, base, column_id, title)
    (notice,) = [m for m in mails_to(portal_server, "zhaoshang_head@example.org") if title in str(m["Subject"])]
    assert str(notice["Subject"]).strip() == f"【待审核】“{title}”等您审核（招商发展分局负责人审核）"

    head = log_in(new_page, base, "zhaoshang_head")
    waiting = waiting_count(head)
    assert waiting >= 1
    open_row_actions(head, title)
    head.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").first.click()
    expect(head.locator(".messages")).to_contain_text(
        f"已通过“{title}”的招商发展分局负责人审核，已转交“管委会办公室终审”"
    )
    expect(head.locator("#awaiting-review-section tr", has_text=title)).to_have_count(0)
    assert waiting_count(head) == waiting - 1

    # The office reviewer is told by email and sees it counted in the menu.
    (notice,) = [m for m in mails_to(portal_server, "office_reviewer@example.org") if title in str(m["Subject"])]
    assert str(notice["Subject"]).strip() == f"【待审核】“{title}”等您审核（管委会办公室终审）"
    office = log_in(new_page, base, "office_reviewer")
    assert waiting_count(office) >= 1
    open_row_actions(office, title)
    office.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").first.click()
    expect(office.locator(".messages")).to_contain_text(f"已通过“{title}”的管委会办公室终审，审核全部完成，页面已发布")
