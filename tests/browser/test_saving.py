"""Saving never loses work: Wagtail's autosave and the project's save guard as one design.

Each test writes its own article in 招商发展分局's column (through the
server's Django), then edits it in the back office as a person would.
"""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_review_flow import log_in, owned_column

pytestmark = pytest.mark.browser

SAVE_DRAFT = "footer button.action-save"
INDICATOR_STATE = "document.querySelector('#w-autosave-indicator')?.dataset.wAutosaveStateValue"


def new_article(server, title: str) -> int:
    """A draft article by zhaoshang_editor in the department's column; returns its id."""
    column_id, _url = owned_column(server, "zhaoshang")
    answer = server.query(
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.models import Page\n"
        "from zoneportal.portal.models import ArticlePage\n"
        f"column = Page.objects.get(pk={column_id}).specific\n"
        f"a = ArticlePage(title={title!r}, slug='saving-{time.time_ns()}', subtitle='原副标题',\n"
        "    summary='原摘要', body='<p>正文。</p>', live=False)\n"
        "column.add_child(instance=a)\n"
        "a.save_revision(user=get_user_model().objects.get(username='zhaoshang_editor'))\n"
        "print(a.pk)"
    )
    return int(answer.splitlines()[-1])


def revisions(server, page_id: int) -> list[dict]:
    """The article's revisions, oldest first: id, author, subtitle and summary."""
    answer = server.query(
        "import json\n"
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(pk={page_id})\n"
        "rows = [{'id': r.pk, 'user': r.user.username if r.user else None,\n"
        "         'subtitle': r.content.get('subtitle'), 'summary': r.content.get('summary'),\n"
        "         'attachments': len(r.content.get('attachments', []))}\n"
        "        for r in page.revisions.order_by('created_at', 'pk')]\n"
        "print(json.dumps(rows, ensure_ascii=False))"
    )
    return json.loads(answer.splitlines()[-1])


def open_editor(page, base: str, page_id: int) -> None:
    """Open the editor and wait until it watches for edits.

    Wagtail takes its snapshot of the form two seconds after loading; a
    change made before that is part of the snapshot and never autosaved.
    """
    page.goto(f"{base}/admin/pages/{page_id}/edit/", wait_until="networkidle")
    page.wait_for_timeout(2500)


def wait_for_autosave(page, state: str) -> None:
    """Wait until the autosave indicator shows ``state`` ("saved", or "paused" when refused)."""
    page.wait_for_function(f"() => {INDICATOR_STATE} === {state!r}")


def save_draft(page) -> None:
    """Click 保存草稿 and wait until the reloaded editor watches for edits again (see ``open_editor``)."""
    page.locator(SAVE_DRAFT).click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2500)


def two_windows(server, new_page, title: str):
    """A new article open in two editor windows of zhaoshang_editor: (article id, window A, window B)."""
    article_id = new_article(server, title)
    windows = [log_in(new_page, server.url, "zhaoshang_editor") for _ in range(2)]
    for window in windows:
        open_editor(window, server.url, article_id)
    return article_id, *windows


def test_chooser_autosave_then_save_draft_is_not_refused(portal_server, new_page):
    """Picking a document autosaves; the next 保存草稿 builds on that autosave instead of being refused."""
    base = portal_server.url
    article_id = new_article(portal_server, f"浏览器测试：附件自动保存{time.time_ns()}")
    before = revisions(portal_server, article_id)

    editor = log_in(new_page, base, "zhaoshang_editor")
    open_editor(editor, base, article_id)
    editor.locator("#id_attachments-ADD").click()
    editor.locator("#id_attachments-0-document-chooser button[data-chooser-action-choose]").click()
    editor.locator("a[data-chooser-modal-choice]").first.click()
    expect(editor.locator("#id_attachments-0-document-chooser")).not_to_have_class("blank")
    wait_for_autosave(editor, "saved")
    autosaved = revisions(portal_server, article_id)
    assert len(autosaved) == len(before) + 1
    assert autosaved[-1]["attachments"] == 1

    editor.fill("#id_subtitle", "上传附件后修改的副标题")
    save_draft(editor)
    expect(editor.locator(".messages")).not_to_contain_text("保存失败")
    expect(editor.locator(".messages .success")).to_have_count(1)
    after = revisions(portal_server, article_id)
    # The deliberate save replaced this window's autosave revision.
    assert len(after) == len(before) + 1
    assert after[-1]["subtitle"] == "上传附件后修改的副标题"
    assert after[-1]["attachments"] == 1


def test_two_windows_autosave_never_reverts_and_the_editor_decides(portal_server, new_page):
    """Window A saves a 副标题; window B's autosave is refused (A's subtitle stays); B is asked once,
    and B's confirmed save keeps B's content."""
    article_id, window_a, window_b = two_windows(portal_server, new_page, f"浏览器测试：两个窗口{time.time_ns()}")

    window_a.fill("#id_subtitle", "窗口A的副标题")
    save_draft(window_a)
    expect(window_a.locator(".messages .success")).to_have_count(1)

    window_b.fill("#id_summary", "窗口B的摘要")
    wait_for_autosave(window_b, "paused")
    latest = revisions(portal_server, article_id)[-1]
    assert latest["subtitle"] == "窗口A的副标题", "B's autosave reverted A's subtitle"

    # Wagtail's editing session has noticed the newer version: the save asks first.
    window_b.locator(SAVE_DRAFT).click()
    dialog = window_b.locator("#w-save-confirmation-dialog")
    expect(dialog).to_be_visible()
    assert revisions(portal_server, article_id)[-1]["subtitle"] == "窗口A的副标题"
    dialog.locator("[data-w-dialog-target='confirm']").click()
    window_b.wait_for_load_state()
    expect(window_b.locator(".messages")).not_to_contain_text("保存失败")
    latest = revisions(portal_server, article_id)[-1]
    assert latest["summary"] == "窗口B的摘要"
    assert latest["subtitle"] == "原副标题"  # B chose to keep B's whole form


def test_save_sent_before_the_conflict_was_noticed_is_refused_once(portal_server, new_page):
    """The gap in Wagtail's check: B saves before its editing session has seen A's save.

    The server refuses once, in Chinese, keeping B's input; autosave is off on
    the refused form, and B's second save keeps B's content.
    """
    article_id, window_a, window_b = two_windows(portal_server, new_page, f"浏览器测试：先保存者{time.time_ns()}")
    window_a.fill("#id_subtitle", "窗口A的副标题")

    # B's connection is slow: its editing session's pings get no answer, so
    # Wagtail in B cannot know of A's save.
    held = []
    window_b.route("**/editing-sessions/ping/**", lambda route: held.append(route))
    save_draft(window_a)
    # B types and saves at once, before an autosave could notice A's save.
    with window_b.expect_navigation():
        window_b.evaluate(
            "() => { document.querySelector('#id_subtitle').value = '窗口B的副标题';"
            f" document.querySelector({SAVE_DRAFT!r}).click(); }}"
        )
    messages = window_b.locator(".messages")
    expect(messages).to_contain_text("保存失败")
    expect(messages).to_contain_text("再次保存将以您的内容为准")
    expect(window_b.locator("#id_subtitle")).to_have_value("窗口B的副标题")
    assert "w-autosave" not in window_b.locator("#page-edit-form").get_attribute("data-controller")
    window_b.unroute("**/editing-sessions/ping/**")
    window_b.wait_for_timeout(1500)  # an autosave, were it on, would have gone by now
    assert revisions(portal_server, article_id)[-1]["subtitle"] == "窗口A的副标题"

    save_draft(window_b)
    expect(window_b.locator(".messages")).not_to_contain_text("保存失败")
    assert revisions(portal_server, article_id)[-1]["subtitle"] == "窗口B的副标题"


def test_autosave_of_an_unchanged_form_makes_no_revision(portal_server, new_page):
    base = portal_server.url
    article_id = new_article(portal_server, f"浏览器测试：未修改{time.time_ns()}")
    editor = log_in(new_page, base, "zhaoshang_editor")
    open_editor(editor, base, article_id)
    save_draft(editor)  # saved once through the editor, as any page edited here has been
    before = revisions(portal_server, article_id)

    # A trailing space changes the form but not what is saved (the title is trimmed).
    title = editor.locator("#id_title")
    title.press("End")
    title.type(" ")
    wait_for_autosave(editor, "saved")
    assert revisions(portal_server, article_id) == before

    # A real change autosaves once; further autosaves of this window replace it.
    editor.fill("#id_subtitle", "第一次修改")
    wait_for_autosave(editor, "saved")
    editor.fill("#id_subtitle", "第二次修改")
    editor.wait_for_function(f"() => {INDICATOR_STATE} === 'saving'", timeout=5000)
    wait_for_autosave(editor, "saved")
    after = revisions(portal_server, article_id)
    assert len(after) == len(before) + 1
    assert after[-1]["subtitle"] == "第二次修改"


def test_reviewer_compares_with_the_previous_submission(portal_server, new_page):
    """After a rejection, the head's 与上一个版本进行比较 shows what the editor changed since.

    The editor's fix is saved twice before resubmitting (as autosave and
    保存草稿 do), so Wagtail's "previous revision" holds the same text.
    """
    base = portal_server.url
    title = f"浏览器测试：退回后修改{time.time_ns()}"
    article_id = new_article(portal_server, title)
    portal_server.query(
        "from django.contrib.auth import get_user_model\n"
        "from zoneportal.portal.models import ArticlePage\n"
        "users = get_user_model().objects\n"
        "editor, head = users.get(username='zhaoshang_editor'), users.get(username='zhaoshang_head')\n"
        f"page = ArticlePage.objects.get(pk={article_id})\n"
        "page.get_workflow().start(page, editor)\n"
        f"page = ArticlePage.objects.get(pk={article_id})\n"
        "task_state = page.current_workflow_task_state\n"
        "task_state.task.specific.on_action(task_state, head, 'reject', comment='请修改副标题')\n"
        f"draft = ArticlePage.objects.get(pk={article_id}).get_latest_revision_as_object()\n"
        "draft.subtitle = '退回后修改的副标题'\n"
        "draft.save_revision(user=editor)\n"
        "draft.save_revision(user=editor)\n"
        f"ArticlePage.objects.get(pk={article_id}).current_workflow_state.resume(editor)\n"
    )

    head = log_in(new_page, base, "zhaoshang_head")
    row = head.locator("tr", has_text=title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    row.get_by_role("link", name="与上一个版本进行比较").click()
    head.wait_for_load_state()
    content = head.locator("main")
    expect(content).to_contain_text("原副标题")
    expect(content).to_contain_text("退回后修改的副标题")
