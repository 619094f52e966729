"""Downloadable files of the demo: PDFs drawn with Pillow, spreadsheets made with openpyxl, Word forms.

The PDFs are pictures of A4 pages (Pillow has no text layer), which is what
many scanned government files are anyway; their bytes start with ``%PDF-``
and the spreadsheets are real .xlsx (ZIP) files, so both pass the upload
content check of ``zoneportal.core.uploads``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from PIL import Image, ImageDraw

from .images import BLUE, DARK_BLUE, MUTED, font, wrap

A4 = (1240, 1754)  # 150 dpi
MARGIN = 120
DEMO_FOOTER = "来凤经济开发区门户网站演示文件 · 内容摘自开发区公开资料，仅供演示"


def pdf(title: str, blocks: Sequence[tuple[str, str]], images: Sequence[Image.Image] = ()) -> bytes:
    """A multi-page A4 PDF: ``blocks`` are ("h"|"p", text) pairs, ``images`` follow on their own pages."""
    pages = pdf_pages(title, blocks, images)
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=150, title=title)
    return buffer.getvalue()


def pdf_pages(title: str, blocks: Sequence[tuple[str, str]], images: Sequence[Image.Image] = ()) -> list[Image.Image]:
    """The pages of ``pdf`` as images."""
    pages: list[Image.Image] = []
    page: Image.Image | None = None
    draw: ImageDraw.ImageDraw | None = None
    y = 0

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        draw.line((MARGIN, A4[1] - 110, A4[0] - MARGIN, A4[1] - 110), fill=200, width=2)
        draw.text((MARGIN, A4[1] - 80), DEMO_FOOTER, font=font(18), fill=120)
        draw.text((A4[0] - MARGIN, A4[1] - 80), f"第 {len(pages)} 页", font=font(18), fill=120, anchor="ra")
        y = MARGIN

    new_page()
    assert draw is not None
    for line in wrap(title, font(40), A4[0] - 2 * MARGIN):
        draw.text((A4[0] / 2, y), line, font=font(40), fill=0, anchor="ma", stroke_width=1, stroke_fill=0)
        y += 60
    draw.line((MARGIN, y + 10, A4[0] - MARGIN, y + 10), fill=60, width=3)
    y += 50
    for kind, text in blocks:
        size, gap = (30, 22) if kind == "h" else (25, 14)
        lines = wrap(("" if kind == "h" else "\u3000\u3000") + text, font(size), A4[0] - 2 * MARGIN)
        for line in lines:
            if y + size * 1.7 > A4[1] - 140:
                new_page()
            draw.text((MARGIN, y), line, font=font(size), fill=0, stroke_width=1 if kind == "h" else 0, stroke_fill=0)
            y += int(size * 1.7)
        y += gap
    text_pages = len(pages)
    for image in images:
        new_page()
        fitted = image.convert("L")
        fitted.thumbnail((A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN - 140))
        pages[-1].paste(fitted, ((A4[0] - fitted.width) // 2, MARGIN))
    # Text pages as bilevel images (CCITT G4 in the PDF: a few dozen KB a page), pictures in grey.
    return [
        page if index >= text_pages else page.point(lambda v: 255 if v > 150 else 0, "1")
        for index, page in enumerate(pages)
    ]


def xlsx(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    notes: Sequence[str] = (),
    sheet_name: str = "Sheet1",
    widths: Sequence[int] = (),
) -> bytes:
    """A one-sheet workbook: a title row, a header row, the rows, then notes (source, demo mark)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_name[:31]
    thin = Side(style="thin", color="9AA5B1")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet["A1"].font = Font(size=14, bold=True, color=_hex(DARK_BLUE))
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append(list(headers))
    for cell in sheet[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=_hex(BLUE))
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    for note in notes:
        sheet.append([note])
        sheet.cell(row=sheet.max_row, column=1).font = Font(size=9, color=_hex(MUTED))
    for index in range(len(headers)):
        width = widths[index] if index < len(widths) else 16
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _hex(colour: tuple[int, int, int]) -> str:
    return "".join(f"{c:02X}" for c in colour)


# A .docx is a ZIP of three XML parts at least; these are the two that never change.
_DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_WIDTH = 9026  # A4 less 1440 twips a side


def _docx_paragraph(text: str, size: int = 24, bold: bool = False, centre: bool = False) -> str:
    properties = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centre else ""
    run = f'<w:rFonts w:eastAsia="宋体"/>{"<w:b/>" if bold else ""}<w:sz w:val="{size}"/>'
    return f'<w:p>{properties}<w:r><w:rPr>{run}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _docx_table(rows: Sequence[tuple[str, str]]) -> str:
    """A two-column bordered table: a label, then the space to fill in (or the sample's value)."""
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    widths = (_DOCX_WIDTH // 3, _DOCX_WIDTH - _DOCX_WIDTH // 3)
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    body = ""
    for label, value in rows:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{_docx_paragraph(text)}</w:tc>'
            for width, text in zip(widths, (label, value), strict=True)
        )
        body += f'<w:tr><w:trPr><w:trHeight w:val="560"/></w:trPr>{cells}</w:tr>'
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{_DOCX_WIDTH}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def docx(title: str, rows: Sequence[tuple[str, str]], notes: Sequence[str] = ()) -> bytes:
    """A one-page Word form: the title, a table of ``(label, value)`` rows, then ``notes`` as paragraphs."""
    body = _docx_paragraph(title, size=36, bold=True, centre=True) + _docx_table(rows)
    body += "".join(_docx_paragraph(note, size=21) for note in (*notes, DEMO_FOOTER))
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" '
        'w:gutter="0"/></w:sectPr>'
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}{section}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # The content types first: what tools (and core.uploads) look at to know the file.
        archive.writestr("[Content_Types].xml", _DOCX_CONTENT_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
