"""Notifications to citizens (通知): a text message (短信) to a phone, an e-mail, or both.

Letters, disclosure requests and survey verification codes tell the person who
wrote in through :func:`notify`. E-mail goes through Django's mail backend
(``EMAIL_*`` settings). Text messages go through ``SMS_BACKEND``: a zone plugs in
its operator's gateway by naming a class with a ``send(phone, text)`` method; the
demo's default writes each message under ``var/sms`` so nothing leaves the
machine, and the tests keep them in :data:`outbox` as Django's ``locmem`` mail
backend does.

A notification is sent after the record it speaks of is committed and never
undoes it: a failing gateway is logged, and the person still has the number
shown on the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass
class TextMessage:
    """短信: one text message as a gateway receives it."""

    phone: str
    text: str


#: Messages "sent" by :class:`MemorySMSBackend` (tests read and clear it).
outbox: list[TextMessage] = []


class MemorySMSBackend:
    """Keeps messages in :data:`outbox` (tests)."""

    def send(self, phone: str, text: str) -> None:
        outbox.append(TextMessage(phone, text))


class FileSMSBackend:
    """Writes each message as a line of ``SMS_FILE_PATH/outbox.txt`` (the embedded demo profile)."""

    def send(self, phone: str, text: str) -> None:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "outbox.txt").open("a", encoding="utf-8") as out:
            out.write(f"{datetime.now().isoformat(timespec='seconds')}\t{phone}\t{text}\n")


def sms_backend():
    """The configured text-message gateway."""
    return import_string(settings.SMS_BACKEND)()


def notify(*, subject: str, body: str, phone: str = "", email: str = "") -> bool:
    """Send ``body`` by text message to ``phone`` and by e-mail to ``email`` (either may be empty).

    Returns whether every channel asked for succeeded. Failures are logged, not raised:
    call this after the transaction that stored the record has committed
    (``transaction.on_commit``), so a notification can never lose what it reports.
    """
    ok = True
    if phone:
        try:
            sms_backend().send(phone, f"{subject}：{body}")
        except Exception:
            logger.exception("text message to %s failed", phone[-4:])
            ok = False
    if email:
        try:
            send_mail(subject, body, None, [email])
        except Exception:
            logger.exception("e-mail notification failed")
            ok = False
    return ok


def admin_address(path: str) -> str:
    """A back-office path as e-mails give it, under ``WAGTAILADMIN_BASE_URL``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
