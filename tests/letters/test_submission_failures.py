"""A letter whose storing fails halfway leaves nothing behind: no row, no timeline entry, no file, no used number."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection

from tests.letters.processes import FAIL_MARK, install_failing_trigger
from zoneportal.letters.models import Letter, LetterAttachment, LetterEvent
from zoneportal.letters.submission import submit_letter

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n" + b"0" * 200_000


class BreaksHalfway(SimpleUploadedFile):
    """An upload whose storage write fails after the first chunk (a full disk, a network volume gone)."""

    def chunks(self, chunk_size=None):
        yield self.read(64 * 1024)
        raise OSError("No space left on device")


def letter_files() -> list[Path]:
    folder = Path(settings.MEDIA_ROOT) / "letters"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_failed_attachment_write_rolls_back_the_letter_and_its_files(zone, mailbox, letter_data):
    before = letter_files()
    attachments = [SimpleUploadedFile("照片.pdf", PDF), BreaksHalfway("说明.pdf", PDF)]
    with pytest.raises(OSError):
        submit_letter(mailbox, letter_data, attachments, submission_key="f" * 32)
    assert Letter.objects.count() == LetterAttachment.objects.count() == LetterEvent.objects.count() == 0
    assert letter_files() == before  # neither the whole first file nor the partial second one stays

    receipt = submit_letter(mailbox, letter_data, [SimpleUploadedFile("照片.pdf", PDF)], submission_key="f" * 32)
    assert receipt.letter.tracking_number.endswith("-0001") and not receipt.duplicate  # the number was not used
    [attachment] = receipt.letter.attachments.all()
    assert Path(attachment.file.path).read_bytes() == PDF and attachment.original_name == "照片.pdf"


def test_database_refusing_the_receive_event_rolls_back_the_letter(zone, mailbox, letter_data):
    with connection.cursor() as cursor:
        install_failing_trigger(cursor, connection.vendor)  # undone with the test's transaction
    with pytest.raises(DatabaseError):
        submit_letter(mailbox, {**letter_data, "subject": f"路灯{FAIL_MARK}"}, submission_key="g" * 32)
    assert Letter.objects.count() == LetterEvent.objects.count() == 0

    receipt = submit_letter(mailbox, letter_data, submission_key="g" * 32)
    assert receipt.letter.tracking_number.endswith("-0001") and receipt.letter.events.count() == 1
