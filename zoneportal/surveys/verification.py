"""验证码 for surveys that accept one response per phone or e-mail.

A six-digit code goes out through :func:`zoneportal.core.notifications.notify`
after the code's row is committed; the row keeps only keyed hashes of the
phone/e-mail and of the code. A code is good for :data:`CODE_MINUTES` minutes
and :data:`MAX_ATTEMPTS` tries; a new one can be asked for after
:data:`RESEND_SECONDS` seconds.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from zoneportal.core.notifications import notify

from .models import Survey, VerificationCode, keyed_hash

CODE_MINUTES = 10
MAX_ATTEMPTS = 5
RESEND_SECONDS = 60


def contact_hash(survey: Survey, contact: str) -> str:
    """The keyed hash standing for a phone or e-mail in this survey (lower-cased, no spaces)."""
    return keyed_hash("contact", f"{survey.pk}:{contact.strip().lower()}")


def mask(contact: str) -> str:
    """138****0000 or z***@example.com: enough for the visitor to recognise, not to read off the page."""
    if "@" in contact:
        name, _at, domain = contact.partition("@")
        return f"{name[:1]}***@{domain}"
    return f"{contact[:3]}****{contact[-4:]}" if len(contact) >= 7 else "****"


def send_code(survey: Survey, contact: str) -> str | None:
    """Send a new code to ``contact``; returns a Chinese reason when it may not be sent yet, else None."""
    hashed = contact_hash(survey, contact)
    now = timezone.now()
    recent = VerificationCode.objects.filter(
        survey=survey, contact_hash=hashed, created_at__gt=now - timedelta(seconds=RESEND_SECONDS)
    )
    if recent.exists():
        return _("验证码刚刚发出，请%(seconds)d秒后再重新获取。") % {"seconds": RESEND_SECONDS}
    code = f"{secrets.randbelow(10**6):06d}"
    with transaction.atomic():
        VerificationCode.objects.create(
            survey=survey, contact_hash=hashed, code_hash=keyed_hash("code", f"{hashed}:{code}")
        )
        text = _("您正在参与“%(title)s”，验证码 %(code)s，%(minutes)d分钟内有效。如非本人操作请忽略。") % {
            "title": survey.title,
            "code": code,
            "minutes": CODE_MINUTES,
        }
        channel = {"email": contact} if "@" in contact else {"phone": contact}
        transaction.on_commit(partial(notify, subject=_("问卷验证码"), body=text, **channel))
    return None


def check_code(survey: Survey, contact: str, code: str) -> VerificationCode | None:
    """The unused, unexpired code row matching ``code`` for ``contact``, or None (each wrong try counts)."""
    hashed = contact_hash(survey, contact)
    latest = (
        VerificationCode.objects.filter(
            survey=survey,
            contact_hash=hashed,
            used=False,
            created_at__gt=timezone.now() - timedelta(minutes=CODE_MINUTES),
        )
        .order_by("-created_at")
        .first()
    )
    if latest is None or latest.attempts >= MAX_ATTEMPTS:
        return None
    if constant_time_compare(latest.code_hash, keyed_hash("code", f"{hashed}:{code}")):
        return latest
    VerificationCode.objects.filter(pk=latest.pk).update(attempts=latest.attempts + 1)
    return None
