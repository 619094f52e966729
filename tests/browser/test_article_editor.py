"""Writing an article in the Wagtail editor: the editor's department, text pasted from Word,
首行缩进 from the block menu, and the short pinyin address the server gives it."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_review_flow import owned_column, start_article, submit_for_review

pytestmark = pytest.mark.browser

#: Word's clipboard HTML, shortened: Office namespaces, mso styles, <o:p>, <font>, spans.
WORD_HTML = (
    "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>"
    '<p class="MsoNormal" style="text-indent:21.0pt;mso-char-indent-count:2.0">'
    '<span lang="EN-US" style="font-family:仿宋_GB2312;mso-bidi-font-family:宋体;color:red">'
    '<font face="仿宋">根据开发区管理办法，现将有关事项通知如下。</font></span><o:p></o:p></p>'
    '<p class="MsoNormal"><b style="mso-bidi-font-weight:normal"><span>特此通知。</span></b><o:p></o:p></p>'
    "</body></html>"
)

PASTE = """(element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', element.innerText);
    element.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def test_an_article_written_in_the_editor(portal_server, new_page):
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "zhaoshang")
    title = f"浏览器测试：招商引资推进会{int(time.time())}"

    editor = start_article(new_page, base, "zhaoshang_editor", column_id, title)
    # 来源部门 is already the editor's department.
    expect(editor.locator("[data-contentpath='source_department']")).to_contain_text("招商发展分局")
    editor.fill("#id_summary", "推进会部署招商工作。")

    body = editor.locator("[data-contentpath='body'] [contenteditable='true']").first
    body.click()
    body.evaluate(PASTE, WORD_HTML)
    expect(body).to_contain_text("根据开发区管理办法，现将有关事项通知如下。")
    expect(body).to_contain_text("特此通知。")
    # A new paragraph made 首行缩进 from the block menu ("/").
    editor.keyboard.press("Control+End")
    editor.keyboard.press("Enter")
    editor.keyboard.type("/缩进")
    editor.keyboard.press("Enter")
    editor.keyboard.type("开发区坚持工业强县战略。")
    expect(body.locator(".Draftail-block--indent")).to_contain_text("开发区坚持工业强县战略。")
    submit_for_review(editor)

    stored = json.loads(
        portal_server.query(
            "import json\n"
            "from zoneportal.portal.models import ArticlePage\n"
            f"page = ArticlePage.objects.get(title={title!r}).get_latest_revision_as_object()\n"
            "print(json.dumps({'body': page.body, 'slug': page.slug,"
            " 'source': page.source_department.name if page.source_department else None}, ensure_ascii=False))"
        ).splitlines()[-1]
    )
    assert stored["source"] == "招商发展分局"
    assert stored["slug"].startswith("liulanqi-ceshi-zhaoshangyinzi-"), stored["slug"]
    body_html = stored["body"]
    assert "根据开发区管理办法，现将有关事项通知如下。" in body_html
    assert 'class="indent"' in body_html and "开发区坚持工业强县战略。" in body_html
    for residue in ("mso", "Mso", "o:p", "<font", "<span", "style=", "仿宋"):
        assert residue not in body_html, residue


def test_a_table_pasted_from_a_spreadsheet_becomes_the_articles_table(portal_server, new_page):
    base = portal_server.url
    column_id, _url = owned_column(portal_server, "caizheng")
    title = f"浏览器测试：财政预算表{int(time.time())}"

    editor = start_article(new_page, base, "caizheng_editor", column_id, title)
    editor.locator("[data-contentpath='body'] [contenteditable='true']").first.click()
    editor.keyboard.type("2025年财政预算如下表。")

    tables = editor.locator("[data-contentpath='tables']")
    tables.locator("button").first.click()
    grid = tables.locator(".handsontable").first
    expect(grid).to_be_visible()
    grid.locator("td").first.click()
    # What Excel and WPS put on the clipboard for a copied range: tab-separated text (and HTML).
    editor.evaluate(
        """() => {
            const data = new DataTransfer();
            data.setData('text/plain', '项目\\t预算数（万元）\\n一般公共预算收入\\t12500\\n');
            const target = document.activeElement || document.body;
            target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        }"""
    )
    expect(grid).to_contain_text("一般公共预算收入")
    submit_for_review(editor)

    stored = json.loads(
        portal_server.query(
            "import json\n"
            "from zoneportal.portal.models import ArticlePage\n"
            f"page = ArticlePage.objects.get(title={title!r}).get_latest_revision_as_object()\n"
            "print(json.dumps([block.value['data'] for block in page.tables], ensure_ascii=False))"
        ).splitlines()[-1]
    )
    assert stored and stored[0][0][:2] == ["项目", "预算数（万元）"]
    assert stored[0][1][:2] == ["一般公共预算收入", "12500"]
