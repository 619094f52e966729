"""Uploads are checked by content and size, through the real admin upload views."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.factories import MP4_BYTES, PDF_BYTES, png_bytes
from tests.utils import CJK, logged_in_client, soup
from zoneportal.core.uploads import CheckedDocumentForm, content_matches_extension

pytestmark = pytest.mark.django_db

MISMATCH_MESSAGE = "文件内容与扩展名不符"
HTML_AS_PDF = b"<!DOCTYPE html><html><body><script>alert('x')</script></body></html>"


def upload_document(zone, filename: str, content: bytes, title: str = "上传测试文档"):
    editor = zone.users["invest_editor"]
    client = logged_in_client(editor)
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, content, content_type="application/pdf"),
            "collection": zone.departments["invest"].collection.pk,
        },
    )


def test_html_renamed_to_pdf_is_refused_with_a_chinese_message(zone):
    before = Document.objects.count()
    response = upload_document(zone, "政策文件.pdf", HTML_AS_PDF)
    assert response.status_code == 200  # the form again, with the error
    assert MISMATCH_MESSAGE in response.content.decode()
    assert Document.objects.count() == before
    # Nothing lost: the title the editor typed is still in the form.
    assert "上传测试文档" in response.content.decode()


def test_real_pdf_is_accepted_into_the_departments_collection(zone):
    response = upload_document(zone, "政策文件.pdf", PDF_BYTES, title="真实的政策文件")
    assert response.status_code == 302
    document = Document.objects.get(title="真实的政策文件")
    assert document.collection == zone.departments["invest"].collection
    assert document.uploaded_by_user == zone.users["invest_editor"]


def test_oversized_document_is_refused_with_a_chinese_message(zone, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = Document.objects.count()
    response = upload_document(zone, "大文件.pdf", PDF_BYTES + b"0" * 4096)
    assert response.status_code == 200
    assert Document.objects.count() == before
    body = response.content.decode()
    assert "文件过大" in body or "超过" in body, "no Chinese size message"


@pytest.mark.parametrize(
    ("filename", "content", "accepted"),
    [
        ("a.pdf", PDF_BYTES, True),
        ("a.pdf", HTML_AS_PDF, False),
        ("a.pdf", b"MZ\x90\x00" + b"\x00" * 100, False),  # a Windows executable
        ("a.docx", b"PK\x03\x04" + b"\x00" * 100, True),
        ("a.docx", PDF_BYTES, False),
        ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, True),
        ("a.xls", b"<html><body>not a spreadsheet</body></html>", False),
        ("a.txt", "开发区通知，纯文本。".encode(), True),
        ("a.txt", "开发区通知，纯文本。".encode("gb18030"), True),
        ("a.txt", b"<html><script>alert(1)</script></html>", False),
        ("a.csv", b"\x00\x01\x02binary", False),
        ("a.mp4", MP4_BYTES, True),
        ("a.mp4", HTML_AS_PDF, False),
        ("a.exe", b"MZ\x90\x00", False),
    ],
)
def test_content_check_by_type(filename, content, accepted):
    assert content_matches_extension(SimpleUploadedFile(filename, content)) is accepted


def test_document_form_refuses_mismatch_and_names_the_problem(zone):
    from wagtail.documents.forms import get_document_form

    form_class = get_document_form(Document)
    assert issubclass(form_class, CheckedDocumentForm)
    form = form_class(
        data={"title": "伪装的文件", "collection": zone.departments["invest"].collection.pk},
        files={"file": SimpleUploadedFile("x.pdf", HTML_AS_PDF)},
        user=zone.users["admin"],
    )
    assert not form.is_valid()
    assert MISMATCH_MESSAGE in " ".join(form.errors["file"])


def test_fake_image_is_refused_with_a_chinese_message(zone):
    client = logged_in_client(zone.users["invest_editor"])
    before = Image.objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "伪装的图片",
            "file": SimpleUploadedFile("photo.png", HTML_AS_PDF, content_type="image/png"),
            "collection": zone.departments["invest"].collection.pk,
        },
    )
    assert response.status_code == 200
    assert Image.objects.count() == before
    errors = " ".join(tag.get_text() for tag in soup(response).select(".error-message"))
    assert CJK.search(errors), "no Chinese error message next to the file field"


def test_real_image_is_accepted(zone):
    client = logged_in_client(zone.users["invest_editor"])
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "园区新貌",
            "file": SimpleUploadedFile("photo.png", png_bytes(), content_type="image/png"),
            "collection": zone.departments["invest"].collection.pk,
        },
    )
    assert response.status_code == 302
    assert Image.objects.get(title="园区新貌").collection == zone.departments["invest"].collection


def chinese_text(lead: int, encoding: str, size: int = 3 * 8192) -> bytes:
    """A genuine Chinese text file of about ``size`` bytes: ``lead`` ASCII bytes (the byte alignment),
    then Chinese characters only, so the 8 KiB sample ends inside a character in most alignments."""
    line = "企业名称，来凤经济开发区食品有限公司；投资额，一千二百万元。"
    return ("#" * lead + line * (size // len(line.encode(encoding)) + 1)).encode(encoding)


@pytest.mark.parametrize("lead", [0, 1, 2, 3])
@pytest.mark.parametrize(("filename", "encoding"), [("a.txt", "utf-8"), ("a.csv", "utf-8"), ("a.csv", "gb18030")])
def test_genuine_text_over_8_kib_is_accepted_at_every_byte_alignment(filename, encoding, lead):
    assert content_matches_extension(SimpleUploadedFile(filename, chinese_text(lead, encoding))) is True


def test_text_cut_short_at_the_end_of_the_whole_file_is_still_refused():
    broken = "开发区通知".encode()[:-1]  # the last character lacks its last byte, and nothing follows
    assert content_matches_extension(SimpleUploadedFile("a.txt", broken)) is False


def upload_many(zone, filename: str, content: bytes):
    """Upload one file through the multiple-upload view (上传多个文档), as its JavaScript does."""
    client = logged_in_client(zone.users["invest_editor"])
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(filename, content),
            "title": filename,
            "collection": zone.departments["invest"].collection.pk,
        },
    )


@pytest.mark.parametrize("lead", [0, 1, 2])
def test_gb18030_csv_over_8_kib_is_accepted_through_multiple_upload(zone, lead):
    response = upload_many(zone, "招商企业名单.csv", chinese_text(lead, "gb18030"))
    assert response.json()["success"] is True, response.json()
    assert Document.objects.filter(title="招商企业名单.csv").exists()


@pytest.mark.parametrize("lead", [0, 1, 2])
def test_utf8_text_over_8_kib_is_accepted_through_multiple_upload(zone, lead):
    response = upload_many(zone, "通知.txt", chinese_text(lead, "utf-8"))
    assert response.json()["success"] is True, response.json()


EXE = b"MZ\x90\x00" + b"\x00" * 100
EXTENSION_MESSAGE = "文件扩展“exe”是不被允许"


@pytest.mark.parametrize(
    ("filename", "message"), [("setup.exe", EXTENSION_MESSAGE), ("政策文件.pdf", MISMATCH_MESSAGE)]
)
def test_a_disguised_exe_gets_one_clear_message_through_multiple_upload(zone, filename, message):
    response = upload_many(zone, filename, EXE)
    errors = response.json()["error_message"].splitlines()
    assert len(errors) == 1, errors
    assert message in errors[0]


@pytest.mark.parametrize(
    ("filename", "message"), [("setup.exe", EXTENSION_MESSAGE), ("政策文件.pdf", MISMATCH_MESSAGE)]
)
def test_a_disguised_exe_gets_one_clear_message_in_the_upload_form(zone, filename, message):
    response = upload_document(zone, filename, EXE)
    assert response.status_code == 200
    errors = [tag.get_text(" ", strip=True) for tag in soup(response).select(".error-message")]
    file_errors = [error for error in errors if "扩展" in error or MISMATCH_MESSAGE in error]
    assert len(file_errors) == 1 and message in file_errors[0], errors
    assert "文件扩展“”" not in response.content.decode()
