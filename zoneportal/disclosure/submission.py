"""Receiving a request: validated data in, a committed request with its number and query code out."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.core.notifications import notify
from zoneportal.letters import numbers
from zoneportal.letters.submission import query_code_for

from . import deadlines
from .models import DisclosureRequest, RequestCounter, RequestEvent, RequestFile
from .workflow import discard_files, store_file


@dataclass
class Receipt:
    """What the applicant is told: the tracking number and the query code (shown once)."""

    request: DisclosureRequest
    query_code: str
    duplicate: bool = False


def submit_request(data: dict, proof: list[UploadedFile] = (), submission_key: str | None = None) -> Receipt:
    """Store a request from cleaned form ``data`` and return its receipt.

    The request, its file and the first timeline entry are written in one transaction, or
    nothing is (a file already written is removed again). A ``submission_key`` seen before
    returns the request stored under it (two clicks, a resent form). The applicant is told
    the number and code after the commit.
    """
    code = query_code_for(submission_key)
    written: list[str] = []
    try:
        with transaction.atomic():
            stored = _store(data, proof, submission_key, code, written)
    except BaseException as exc:
        discard_files(written)
        if not isinstance(exc, IntegrityError) or not submission_key:
            raise
        existing = DisclosureRequest.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return Receipt(existing, code, duplicate=True)
    transaction.on_commit(lambda: _notify_applicant(stored, code))
    return Receipt(stored, code)


def _store(data: dict, proof, submission_key: str | None, code: str, written: list[str]) -> DisclosureRequest:
    received_at = timezone.now()
    received_on = timezone.localdate(received_at)
    number = numbers.allocate_tracking_number(
        received_on, counter=RequestCounter, prefix=settings.DISCLOSURE_NUMBER_PREFIX
    )
    request = DisclosureRequest(
        tracking_number=number,
        query_code_hash=numbers.hash_query_code(number, code),
        submission_key=submission_key or None,
        received_at=received_at,
        clock_start=received_on,
        due_on=deadlines.answer_due(received_on),
        **data,
    )
    request.save()
    for position, upload in enumerate(proof, start=1):
        store_file(request, RequestFile.Role.APPLICANT, position, upload, written)
    RequestEvent.objects.create(request=request, at=received_at, action="receive", to_status=request.status)
    return request


def _notify_applicant(request: DisclosureRequest, code: str) -> None:
    notify(
        subject=_("政府信息公开申请已收到"),
        body=_("您的申请编号为 %(number)s，查询码为 %(code)s，答复期限为 %(due)s（遇补正、征求第三方意见顺延）。")
        % {"number": request.tracking_number, "code": code, "due": request.due_on},
        phone=request.phone,
        email=request.email,
    )
