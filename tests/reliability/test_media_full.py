"""The media disk full (issue 14 §4): an upload gets a Chinese error, nothing is half-saved.

The private files (letters' attachments, ``PRIVATE_MEDIA_ROOT``) are put on a 1 MB tmpfs filled to a few
kilobytes, and a letter with a 300 KB attachment is sent through the real 领导信箱 form. The write fails
half-way (ENOSPC): the writer gets the form again — 507, the reason next to the attachments field in
Chinese, everything typed kept, a fresh 验证问题 — and there is no letter, no timeline entry, no used
number and no file of it (not even the part written). Once space is freed, the same form sends the letter.
A document uploaded in the back office onto the full ``MEDIA_ROOT`` gets the Chinese 507 page
(``core/storage_guard.py``), and neither a document record nor a partial file
(``core.storage.CleanFileSystemStorage``).

Mounting a tmpfs needs root (CAP_SYS_ADMIN), as in CI and the development container; elsewhere the test
is skipped with that reason — in CI (``$CI`` set) it fails instead.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document

from tests.factories import add_page
from tests.letters.test_public import form_fields, letter_post
from tests.utils import logged_in_client, soup
from zoneportal.letters.models import Letter, LetterEvent, Mailbox, TrackingCounter
from zoneportal.letters.pages import MailboxIndexPage
from zoneportal.portal.models import ColumnPage

pytestmark = pytest.mark.django_db

#: Bigger than what is left on the disk, and written in several chunks (Django writes 64 KB at a time).
ATTACHMENT = b"%PDF-1.4\n" + b"0" * 300_000 + b"\n%%EOF\n"
LEFT_FREE = 32 * 1024


@pytest.fixture
def full_disk():
    """A 1 MB tmpfs with all but ``LEFT_FREE`` bytes taken by one file; unmounted afterwards."""
    mount_point = Path(tempfile.mkdtemp(prefix="zoneportal-full-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        mount_point.rmdir()
        reason = f"cannot mount a tmpfs here (needs root): {mounted.stderr.strip()}"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    try:
        filler = mount_point / "filler"
        with filler.open("wb") as handle:
            handle.write(b"\0" * (os.statvfs(mount_point).f_bavail * os.statvfs(mount_point).f_frsize - LEFT_FREE))
        yield mount_point, filler
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)
        mount_point.rmdir()


@pytest.fixture
def letters_page(zone) -> MailboxIndexPage:
    Mailbox.objects.create(slug="director", name="主任信箱", department=zone.departments["office"])
    kind = ColumnPage.ColumnType.INTERACTION
    column = add_page(zone.home, ColumnPage(title="互动交流", slug="hudong", column_type=kind))
    return add_page(column, MailboxIndexPage(title="领导信箱", slug="xinxiang", department=zone.departments["office"]))


def files_on(mount_point: Path) -> list[str]:
    return sorted(str(path.relative_to(mount_point)) for path in mount_point.rglob("*") if path.is_file())


def test_a_letter_whose_attachment_does_not_fit_is_refused_in_chinese_and_leaves_nothing(
    client, letters_page, full_disk, settings
):
    mount_point, filler = full_disk
    settings.PRIVATE_MEDIA_ROOT = str(mount_point)
    url = f"{letters_page.url}director/"
    typed = "东区雨水管道堵塞，路面积水严重，附上现场照片和说明。"
    data = letter_post(client, url, content=typed)

    response = client.post(url, {**data, "attachments": [SimpleUploadedFile("说明.pdf", ATTACHMENT)]})

    assert response.status_code == 507
    page = soup(response)
    error = page.find(id="id_attachments_error").get_text()
    assert "服务器暂时无法保存附件" in error and "尚未提交" in error
    assert page.find(id="id_content").get_text().lstrip("\n") == typed
    assert page.find(id="id_subject")["value"] == data["subject"]
    assert page.find(id="id_phone")["value"] == data["phone"]
    assert page.find(id="id_captcha_answer").get("value", "") == ""  # a fresh question: the old one was used
    # Nothing half-saved: no letter, no timeline entry, no number given out, no file (whole or partial).
    assert not Letter.objects.exists() and not LetterEvent.objects.exists()
    assert not TrackingCounter.objects.filter(last__gt=0).exists()
    assert files_on(mount_point) == ["filler"]

    filler.unlink()  # the operator frees space; the writer sends the same form again
    again = {**data, **form_fields(response), "attachments": [SimpleUploadedFile("说明.pdf", ATTACHMENT)]}
    sent = client.post(url, again)
    assert sent.status_code == 302
    letter = Letter.objects.get()
    [attachment] = letter.attachments.all()
    assert (mount_point / attachment.file.name).read_bytes() == ATTACHMENT


def test_a_document_uploaded_in_the_back_office_onto_a_full_disk_is_refused_in_chinese(zone, full_disk, settings):
    mount_point, filler = full_disk
    settings.MEDIA_ROOT = str(mount_point)
    before = Document.objects.count()
    client = logged_in_client(zone.users["invest_editor"])
    fields = {"title": "2026年度招商引资工作要点", "collection": zone.departments["invest"].collection.pk}

    response = client.post(reverse("wagtaildocs:add"), {**fields, "file": SimpleUploadedFile("要点.pdf", ATTACHMENT)})

    assert response.status_code == 507
    assert "服务器存储空间不足，文件未能保存" in response.content.decode()
    assert Document.objects.count() == before
    assert files_on(mount_point) == ["filler"]  # Django's storage would have kept the part it wrote

    filler.unlink()
    response = client.post(reverse("wagtaildocs:add"), {**fields, "file": SimpleUploadedFile("要点.pdf", ATTACHMENT)})
    assert response.status_code == 302
    document = Document.objects.get(title=fields["title"])
    assert (mount_point / document.file.name).read_bytes() == ATTACHMENT
