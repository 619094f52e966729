"""What the public may see of a letter: its text with personal data hidden, for pages and search alike.

The writer's own name, phone and e-mail are masked wherever they appear (also
inside the letter's text and the reply), and so are any mobile numbers, e-mail
addresses and identity-card numbers a writer typed into the content: a
published letter must never publish its writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from .masking import mask_email, mask_name, mask_phone
from .models import Letter

MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LANDLINE_IN_TEXT = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ID_CARD_IN_TEXT = re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])")


def mask_text(text: str, letter: Letter | None = None) -> str:
    """``text`` with the writer's name and any phone, e-mail or identity-card number masked."""
    if letter is not None:
        name = letter.name.strip()
        if len(name) >= 2:
            text = text.replace(name, mask_name(name))
        if letter.phone:
            text = text.replace(letter.phone, mask_phone(letter.phone))
        if letter.email:
            text = text.replace(letter.email, mask_email(letter.email))
    text = ID_CARD_IN_TEXT.sub(lambda m: m.group()[:6] + "*" * 8 + m.group()[-4:], text)
    text = MOBILE_IN_TEXT.sub(lambda m: mask_phone(m.group()), text)
    text = LANDLINE_IN_TEXT.sub(lambda m: mask_phone(m.group()), text)
    return EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group()), text)


@dataclass(frozen=True)
class PublicLetter:
    """A published letter as the public list, its detail page and site search show it."""

    tracking_number: str
    mailbox: str
    mailbox_slug: str
    category: str
    subject: str
    content: str
    writer: str
    received_at: datetime
    replied_at: datetime | None
    department: str
    reply: str

    @classmethod
    def of(cls, letter: Letter) -> PublicLetter:
        """The public view of ``letter`` (its mailbox, category and departments should be selected)."""
        department = letter.reply_department or letter.department
        return cls(
            tracking_number=letter.tracking_number,
            mailbox=letter.mailbox.name,
            mailbox_slug=letter.mailbox.slug,
            category=letter.category.name if letter.category_id else "",
            subject=mask_text(letter.subject, letter),
            content=mask_text(letter.content, letter),
            writer=_("匿名") if letter.is_anonymous else mask_name(letter.name),
            received_at=letter.received_at,
            replied_at=letter.replied_at,
            department=department.name if department else "",
            reply=mask_text(letter.reply, letter),
        )
