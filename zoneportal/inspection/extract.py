"""Text of attachments (.docx, .xlsx, .pdf), for the personal-data and wording checks.

Read with what the project already trusts: defusedxml for a .docx's XML (no entity expansion),
openpyxl for .xlsx, pypdf for .pdf. Other types (images, video, old .doc) have no text here.
A file that cannot be read is reported, never allowed to break a publish or a run.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from defusedxml import ElementTree

#: Extensions whose text is extracted.
TEXT_EXTENSIONS = frozenset({".docx", ".xlsx", ".pdf", ".txt"})

#: Bigger files are not read (a scanned 200 MB PDF would hold up a publish); reported as unread.
MAX_BYTES = 30 * 1024 * 1024

#: Characters kept from one file: enough for any document a page attaches.
MAX_CHARACTERS = 2_000_000

WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class UnreadableFile(Exception):
    """The file claims a type whose text we read, but its content could not be read."""


def extension(name: str) -> str:
    return PurePath(name).suffix.lower()


def has_text(name: str) -> bool:
    """Whether :func:`extract_text` reads files of this name's type."""
    return extension(name) in TEXT_EXTENSIONS


def extract_text(name: str, data: bytes) -> str:
    """The text of a file named ``name`` with content ``data``; raises :class:`UnreadableFile`."""
    kind = extension(name)
    try:
        if kind == ".docx":
            text = _docx_text(data)
        elif kind == ".xlsx":
            text = _xlsx_text(data)
        elif kind == ".pdf":
            text = _pdf_text(data)
        elif kind == ".txt":
            text = data.decode("utf-8", errors="replace")
        else:
            return ""
    except Exception as error:  # every parser has its own exceptions; any of them means unreadable
        raise UnreadableFile(str(error)) from error
    return text[:MAX_CHARACTERS]


def _docx_text(data: bytes) -> str:
    """The body, headers, footers, footnotes and comments of a .docx, a paragraph per line."""
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [
            name
            for name in archive.namelist()
            if name == "word/document.xml"
            or (
                name.startswith("word/")
                and name.endswith(".xml")
                and name.split("/")[-1].startswith(("header", "footer", "footnotes", "comments"))
            )
        ]
        if "word/document.xml" not in parts:
            raise UnreadableFile("word/document.xml missing")
        for part in parts:
            root = ElementTree.fromstring(archive.read(part))
            for paragraph in root.iter(f"{WORD_NAMESPACE}p"):
                lines.append("".join(node.text or "" for node in paragraph.iter(f"{WORD_NAMESPACE}t")))
    return "\n".join(lines)


def _xlsx_text(data: bytes) -> str:
    """Every cell's value, a row per line (tab between cells), every sheet."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        lines = []
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells = ["" if value is None else str(value) for value in row]
                if any(cells):
                    lines.append("\t".join(cells))
        return "\n".join(lines)
    finally:
        workbook.close()


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
