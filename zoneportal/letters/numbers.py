"""Tracking numbers (信件编号) and query codes (查询码).

A tracking number is the zone's prefix, the day and a serial: ``LF20261206-0001``.
The serial comes from one counter row per day, incremented inside the caller's
transaction: on PostgreSQL the UPDATE locks the row until commit; on SQLite the
project's IMMEDIATE transactions hold the database's write lock. So concurrent
submissions from several processes never share a number.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import TrackingCounter

#: Letters and digits that cannot be mistaken for one another when read aloud or copied.
QUERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
QUERY_CODE_LENGTH = 8


def allocate_tracking_number(
    day: datetime.date, counter: type[models.Model] = TrackingCounter, prefix: str | None = None
) -> str:
    """The next tracking number of ``day``; call inside the transaction that stores the record.

    ``counter`` (a model with a unique ``day`` and a ``last`` serial) and ``prefix`` let another
    kind of record number itself the same way with a series of its own (依申请公开: ``GK…``).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_tracking_number must run inside the record's transaction")
    updated = counter.objects.filter(day=day).update(last=F("last") + 1)
    if not updated:
        try:
            with transaction.atomic():
                counter.objects.create(day=day, last=1)
        except IntegrityError:
            # Another process created today's counter first: take the next number from it.
            counter.objects.filter(day=day).update(last=F("last") + 1)
    serial = counter.objects.get(day=day).last
    prefix = settings.LETTER_NUMBER_PREFIX if prefix is None else prefix
    return f"{prefix}{day:%Y%m%d}-{serial:04d}"


def new_query_code() -> str:
    """A fresh query code (40 random bits); it is shown once and only :func:`hash_query_code` is stored."""
    return "".join(secrets.choice(QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def hash_query_code(tracking_number: str, code: str) -> str:
    """The stored form of a letter's query code.

    A keyed HMAC rather than a password hasher: the code is random, not chosen by a
    person, and lookups are rate-limited, so a slow hash would only slow every
    submission (the letters benchmark asks for 100+ per second on two cores).
    """
    normalised = code.strip().upper().replace(" ", "")
    return salted_hmac(
        "zoneportal.letters.query_code", f"{tracking_number}:{normalised}", algorithm="sha256"
    ).hexdigest()


def query_code_matches(tracking_number: str, code: str, hashed: str) -> bool:
    """Whether ``code`` (as typed: case and spaces forgiven) is the letter's query code."""
    return constant_time_compare(hash_query_code(tracking_number, code), hashed)
