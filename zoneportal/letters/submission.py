"""Receiving a letter: validated data in, a committed letter with its tracking number out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from zoneportal.core.notifications import notify

from . import numbers
from .models import Letter, LetterAttachment, LetterEvent, Mailbox, SensitiveWord

logger = logging.getLogger(__name__)


@dataclass
class Receipt:
    """What the writer is told: the tracking number and the query code (shown once)."""

    letter: Letter
    query_code: str
    duplicate: bool = False


def query_code_for(submission_key: str | None) -> str:
    """The query code of a submission.

    With a submission key (a random token of the form page, or the API client's
    Idempotency-Key) the code is derived from it, so a resent form gets the same
    letter *and* the same code to show again; without one it is random.
    """
    if not submission_key:
        return numbers.new_query_code()
    digest = salted_hmac("zoneportal.letters.submission", submission_key, algorithm="sha256").digest()
    alphabet = numbers.QUERY_CODE_ALPHABET
    return "".join(alphabet[b % len(alphabet)] for b in digest[: numbers.QUERY_CODE_LENGTH])


def sensitive_words_in(*texts: str) -> list[str]:
    """The listed sensitive words that occur in ``texts`` (a hit holds the letter for review)."""
    joined = "\n".join(texts)
    return [w for w in SensitiveWord.objects.order_by().values_list("word", flat=True) if w and w in joined]


def submit_letter(
    mailbox: Mailbox,
    data: dict,
    attachments: list[UploadedFile] = (),
    submission_key: str | None = None,
) -> Receipt:
    """Store a letter from cleaned form/API ``data`` and return its receipt.

    Everything is written in one transaction: the letter, its attachments and the
    first timeline entry, or nothing. A ``submission_key`` seen before returns the
    letter already stored under it (two clicks, a resent form) instead of a second one.
    The writer is notified after the commit.
    """
    code = query_code_for(submission_key)
    # Read before the transaction: on SQLite it holds the database's write lock, so it is kept short.
    held = sensitive_words_in(data["subject"], data["content"])
    written: list[str] = []
    try:
        with transaction.atomic():
            letter = _store(mailbox, data, attachments, submission_key, code, held, written)
    except BaseException as exc:
        # Nothing of a letter that was not stored may stay behind, not even its files.
        _discard(written)
        if not isinstance(exc, IntegrityError) or not submission_key:
            raise
        # A key seen before (two clicks, a resent form, a retried API call) fails the unique
        # submission_key; the letter stored under it is the answer. Not looked up beforehand,
        # which would cost every letter a query for the rare resend.
        existing = Letter.objects.filter(submission_key=submission_key).order_by().first()
        if existing:
            return Receipt(existing, code, duplicate=True)
        raise
    transaction.on_commit(lambda: _notify_writer(letter, code))
    return Receipt(letter, code)


def _store(
    mailbox: Mailbox,
    data: dict,
    attachments,
    submission_key: str | None,
    code: str,
    held: list[str],
    written: list[str],
) -> Letter:
    received_at = timezone.now()
    tracking_number = numbers.allocate_tracking_number(timezone.localdate(received_at))
    anonymous = bool(data.get("is_anonymous"))
    letter = Letter(
        tracking_number=tracking_number,
        query_code_hash=numbers.hash_query_code(tracking_number, code),
        submission_key=submission_key or None,
        mailbox=mailbox,
        category=data.get("category"),
        subject=data["subject"],
        content=data["content"],
        name="" if anonymous else data.get("name", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        is_public=bool(data.get("is_public")),
        is_anonymous=anonymous,
        department=mailbox.department,
        received_at=received_at,
        held_for_review=bool(held),
        held_words="、".join(held)[:200],
    )
    letter.due_on = letter.compute_due_on()
    letter.save()
    for position, upload in enumerate(attachments, start=1):
        attachment = LetterAttachment(
            letter=letter, position=position, original_name=upload.name[:200], size=upload.size
        )
        field, storage = attachment.file.field, attachment.file.storage
        name = storage.get_available_name(field.generate_filename(attachment, upload.name), field.max_length)
        # Noted before writing: a write that fails halfway leaves a partial file under this name.
        written.append(name)
        attachment.file.name = written[-1] = storage.save(name, upload, max_length=field.max_length)
        attachment.save()
    LetterEvent.objects.create(letter=letter, action="receive", to_status=letter.status, department=letter.department)
    return letter


def _discard(names: list[str]) -> None:
    """Delete the files written for a letter whose transaction did not commit."""
    storage = LetterAttachment._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("could not delete %s of a letter that was not stored", name)


def _notify_writer(letter: Letter, code: str) -> None:
    notify(
        subject=_("来信已收到"),
        body=_("您的信件编号为 %(number)s，查询码为 %(code)s，请妥善保存，用于查询办理进度。")
        % {"number": letter.tracking_number, "code": code},
        phone=letter.phone,
        email=letter.email,
    )
