"""Downloadable files of the demo: PDFs drawn with Pillow and spreadsheets made with openpyxl.

The PDFs are pictures of A4 pages (Pillow has no text layer), which is what
many scanned government files are anyway; their bytes start with ``%PDF-``
and the spreadsheets are real .xlsx (ZIP) files, so both pass the upload
content check of ``zoneportal.core.uploads``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

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
