"""Rich text for government documents: 首行缩进 and alignment, tables, and Word/WPS markup cleaned up."""

from __future__ import annotations

import json
import re

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.test.utils.form_data import rich_text

from tests.utils import add_article_url, admin_form, logged_in_client, soup
from zoneportal.portal.models import RICH_TEXT_FEATURES, ArticlePage

pytestmark = pytest.mark.django_db

STYLED = (
    '<p class="indent">开发区坚持工业强县战略。</p>'
    '<p class="align-center">来凤经济开发区管理委员会</p>'
    '<p class="align-right">2024年3月1日</p>'
)

#: What Word and WPS put on the clipboard: Office namespaces, mso styles, <o:p>, <font>, spans.
WORD_HTML = (
    '<p class="MsoNormal" style="text-indent:21.0pt;mso-char-indent-count:2.0">'
    '<span lang="EN-US" style="font-family:仿宋_GB2312;mso-bidi-font-family:宋体">'
    '<font face="仿宋">根据《来凤经济开发区管理办法》</font></span><o:p></o:p></p>'
    '<p class="MsoNormal"><span style="mso-spacerun:yes">&nbsp;</span><b style="mso-bidi-font-weight:normal">'
    "<span>特此通知。</span></b><o:p></o:p></p>"
    "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
)


def without_block_keys(html: str) -> str:
    """Stored rich text minus the editor's ``data-block-key`` attributes (the sanitiser drops them too)."""
    return re.sub(r' data-block-key="[^"]*"', "", html)


def test_paragraph_styles_round_trip_through_the_editor_format():
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    state = json.loads(converter.from_database_format(STYLED))
    assert [block["type"] for block in state["blocks"]] == ["indent", "align-center", "align-right"]
    assert without_block_keys(converter.to_database_format(json.dumps(state))) == STYLED


def test_word_markup_becomes_clean_paragraphs():
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    cleaned = without_block_keys(converter.to_database_format(converter.from_database_format(WORD_HTML)))
    assert cleaned == "<p>根据《来凤经济开发区管理办法》</p><p><b>特此通知。</b></p>" or cleaned == (
        "<p>根据《来凤经济开发区管理办法》</p><p> <b>特此通知。</b></p>"
    )
    for residue in ("mso", "o:p", "font", "span", "style", "Mso", "w:"):
        assert residue not in cleaned


def test_an_article_with_styles_and_a_table_through_the_admin(zone, client):
    editor = logged_in_client(zone.users["admin"])
    column = zone.columns["finance"]
    data = admin_form(editor.get(add_article_url(column)))
    data["title"] = "2025年开发区财政预算公开"
    data["body"] = rich_text(STYLED, features=RICH_TEXT_FEATURES)
    table = {
        "data": [["项目", "预算数（万元）"], ["一般公共预算收入", "12,500"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_header_choice": "row",
        "table_caption": "2025年一般公共预算收支表",
    }
    # A StreamField as the admin posts it; a TableBlock's value is its JSON.
    for key, value in {
        "tables-count": "1",
        "tables-0-type": "table",
        "tables-0-deleted": "",
        "tables-0-order": "0",
        "tables-0-id": "",
        "tables-0-value": json.dumps(table, ensure_ascii=False),
    }.items():
        data[key] = value
    response = editor.post(add_article_url(column), {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    article = ArticlePage.objects.get(title="2025年开发区财政预算公开")
    assert without_block_keys(article.body) == STYLED

    page = soup(client.get(article.url))
    body = page.select_one(".article__body")
    assert body.select_one("p.indent").get_text() == "开发区坚持工业强县战略。"
    assert body.select_one("p.align-center") and body.select_one("p.align-right")
    table = body.select_one(".table-scroll table")
    assert table.select_one("caption").get_text(strip=True) == "2025年一般公共预算收支表"
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["项目", "预算数（万元）"]
    assert "12,500" in table.get_text()


def test_table_text_is_searchable(zone):
    from zoneportal.search.indexers import page_text

    article = zone.articles["finance1"]
    article.tables = json.dumps(
        [
            {
                "type": "table",
                "value": {
                    "data": [["项目", "金额"], ["标准化厂房补助", "300"]],
                    "table_header_choice": "row",
                    "table_caption": "",
                },
            }
        ],
        ensure_ascii=False,
    )
    assert "标准化厂房补助" in page_text(article)


def test_a_post_without_the_tables_editor_keeps_the_tables(zone):
    article = zone.articles["finance1"]
    article.tables = json.dumps(
        [{"type": "table", "value": {"data": [["项目", "金额"]], "table_header_choice": "row", "table_caption": ""}}],
        ensure_ascii=False,
    )
    article.save_revision().publish()
    admin = logged_in_client(zone.users["admin"])
    data = admin_form(admin.get(f"/admin/pages/{article.pk}/edit/"))
    assert "tables-count" not in data  # drawn by JavaScript, so a scripted client does not send it
    data["summary"] = "只改摘要"
    response = admin.post(f"/admin/pages/{article.pk}/edit/", {**data.dict(), "action-publish": "action-publish"})
    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.summary == "只改摘要"
    assert article.tables[0].value["data"] == [["项目", "金额"]]
