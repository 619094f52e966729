"""A document as a text PDF: title, the metadata table, the validity notice, the body and the address.

Drawn with ReportLab in the Adobe CJK font STSong-Light (a standard PDF font for
simplified Chinese that readers supply), so the PDF holds real text: it can be
searched, copied and read aloud, and stays small.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from wagtail.rich_text import expand_db_html

from .models import Policy
from .presentation import metadata_rows, validity_notice

FONT = "STSong-Light"
#: Block elements of the rich text that become paragraphs of their own.
BLOCKS = ("h2", "h3", "h4", "p", "li", "tr")


def _styles() -> dict[str, ParagraphStyle]:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    base = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1, firstLineIndent=0),
        "heading": ParagraphStyle("heading", parent=base, fontSize=13, leading=20, spaceBefore=8, firstLineIndent=0),
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=14, firstLineIndent=0),
        "notice": ParagraphStyle("notice", parent=base, textColor=colors.HexColor("#a01010"), firstLineIndent=0),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12, firstLineIndent=0),
    }


def body_blocks(html: str) -> list[tuple[str, str]]:
    """``(kind, text)`` per block of rich text: ``heading`` or ``body``; a table row's cells joined by spaces."""
    soup = BeautifulSoup(expand_db_html(html), "html.parser")
    blocks = []
    for element in soup.find_all(BLOCKS):
        if element.find_parent(BLOCKS):
            continue  # a paragraph inside a list item or a table cell is part of its block
        cells = element.find_all(["th", "td"]) if element.name == "tr" else [element]
        text = "  ".join(" ".join(cell.get_text(" ").split()) for cell in cells)
        if text:
            blocks.append(("heading" if element.name in {"h2", "h3", "h4"} else "body", text))
    return blocks


def policy_pdf(policy: Policy, url: str) -> bytes:
    """The PDF of ``policy``; ``url`` is its address on the site, printed at the end."""
    styles = _styles()
    story: list = [Paragraph(escape(policy.title), styles["title"]), Spacer(1, 6 * mm)]
    rows = [
        [Paragraph(escape(label), styles["cell"]), Paragraph(escape(value), styles["cell"])]
        for _name, label, value in metadata_rows(policy)
    ]
    table = Table(rows, colWidths=[28 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [table, Spacer(1, 5 * mm)]
    if notice := validity_notice(policy):
        story += [Paragraph(escape(notice), styles["notice"]), Spacer(1, 4 * mm)]
    story += [Paragraph(escape(text), styles[kind]) for kind, text in body_blocks(policy.body)]
    attachments = [attachment.display_title for attachment in policy.attachments.select_related("document")]
    if attachments:
        story.append(Paragraph(escape(_("附件")), styles["heading"]))
        story += [
            Paragraph(escape(f"{number}. {title}"), styles["cell"]) for number, title in enumerate(attachments, 1)
        ]
    if url:
        story += [Spacer(1, 8 * mm), Paragraph(escape(_("本文网址：") + url), styles["small"])]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=policy.title, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm
    )
    document.build(story)
    return buffer.getvalue()
