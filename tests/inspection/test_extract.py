"""Attachments' text read back: .docx, .xlsx, .pdf, and unreadable files reported."""

from __future__ import annotations

import pytest

from tests.inspection.files import docx_bytes, pdf_bytes, xlsx_bytes
from zoneportal.inspection import extract


def test_docx_paragraphs_joined_across_runs():
    text = extract.extract_text("名单.docx", docx_bytes("参会人员名单", "张三 422827199003150018"))
    assert text.splitlines() == ["参会人员名单", "张三 422827199003150018"]


def test_xlsx_cells_of_every_row():
    text = extract.extract_text(
        "表.XLSX", xlsx_bytes([["姓名", "卡号"], ["李四", "6222021234567890128"], [None, None]])
    )
    assert text.splitlines() == ["姓名\t卡号", "李四\t6222021234567890128"]


def test_pdf_text():
    text = extract.extract_text("a.pdf", pdf_bytes("Applicant ID 422827199003150018", "Tel 13812345678"))
    assert "422827199003150018" in text and "13812345678" in text


def test_other_types_have_no_text():
    assert not extract.has_text("video.mp4")
    assert extract.extract_text("video.mp4", b"\x00\x01") == ""


@pytest.mark.parametrize(
    "name,data",
    [
        ("broken.docx", b"PK\x03\x04 not a zip"),
        ("broken.xlsx", b"not a workbook"),
        ("broken.pdf", b"%PDF-1.4 nothing"),
        ("empty.docx", b""),
    ],
)
def test_unreadable_files_raise(name, data):
    with pytest.raises(extract.UnreadableFile):
        extract.extract_text(name, data)


def test_a_docx_without_its_body_is_unreadable():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(extract.UnreadableFile):
        extract.extract_text("x.docx", buffer.getvalue())
