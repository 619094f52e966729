"""Personal data in text: 身份证号 (GB 11643-1999 check digit), mobile numbers, bank card numbers (Luhn), addresses.

A published page must not expose a citizen's ID or bank card number: both are blocking. A mobile
number is a warning — a contact person's work mobile is often published on purpose, the reviewer decides.
So is a street address with a house number (住址), looked for in attachments only: lists of names with
home addresses come as .docx/.xlsx, while a page's own text names the offices' addresses on purpose.
"""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from . import Finding, Severity, excerpt

#: GB 11643-1999: weights of the first 17 digits, and the check character for the sum modulo 11.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"

# Six digits of region, a birth date 1900–2099, three of sequence, the check character; not inside a longer number.
ID_PATTERN = re.compile(
    r"(?<![0-9A-Za-z])([1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])"
)
# 13x–19x, eleven digits, optionally +86 and separated 3-4-4 by a space or hyphen.
MOBILE_PATTERN = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?![0-9])")
# 16–19 digits, optionally in groups of four separated by one space or hyphen.
CARD_PATTERN = re.compile(r"(?<![0-9])(\d{4}(?:[- ]?\d{4}){3}(?:[- ]?\d{1,3})?)(?![0-9])")

# A place (…省/市/县/区/镇/乡/村), within twenty characters a road, street or village group (路/街/大道/巷/组)
# with a house number (号), then optionally building, unit and room (栋/幢, 单元, 室).
HOUSE_NUMBER = r"[0-9０-９一二三四五六七八九十百]{1,6}"
ADDRESS_PATTERN = re.compile(
    r"[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|镇|乡|村)[\u4e00-\u9fff0-9０-９]{0,20}?(?:路|街|大道|巷|组)"
    rf"{HOUSE_NUMBER}号(?:[0-9０-９]{{1,4}}[栋幢])?(?:[0-9０-９]{{1,3}}单元)?(?:[0-9０-９]{{1,5}}室)?"
)


def id_check_character(first17: str) -> str:
    """The 18th character of a 身份证号 whose first 17 digits are ``first17``."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11]


def is_valid_id_number(number: str) -> bool:
    """A well-formed 18-character 身份证号: digits, a real birth date, the right check character."""
    number = number.upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return False
    try:
        datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return id_check_character(number[:17]) == number[17]


def luhn_valid(number: str) -> bool:
    """The Luhn (ISO/IEC 7812) check over a string of digits, as bank cards carry it."""
    if not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def masked(number: str) -> str:
    """The number with all but its first and last four characters hidden (a finding must not repeat it)."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else "*" * len(number)


def _masked_excerpt(text: str, start: int, end: int) -> str:
    return excerpt(text[:start] + masked(text[start:end]) + text[end:], start, end)


def find_personal_data(text: str) -> list[Finding]:
    """身份证号, bank card numbers and mobile numbers in ``text`` (each masked in the excerpt)."""
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for match in ID_PATTERN.finditer(text):
        start, end = match.span(1)
        taken.append((start, end))
        if is_valid_id_number(match.group(1)):
            findings.append(
                Finding(
                    "id_number",
                    Severity.BLOCKING,
                    _("含公民身份证号码，发布前须删除或隐去"),
                    excerpt=_masked_excerpt(text, start, end),
                )
            )
        else:
            findings.append(
                Finding(
                    "id_number",
                    Severity.WARNING,
                    _("疑似身份证号码（校验位不符），请核实后删除或隐去"),
                    excerpt=_masked_excerpt(text, start, end),
                )
            )
    for match in CARD_PATTERN.finditer(text):
        start, end = match.span(1)
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        digits = re.sub(r"[- ]", "", match.group(1))
        if 16 <= len(digits) <= 19 and luhn_valid(digits):
            taken.append((start, end))
            findings.append(
                Finding(
                    "bank_card",
                    Severity.BLOCKING,
                    _("含银行卡号，发布前须删除或隐去"),
                    excerpt=_masked_excerpt(text, start, end),
                )
            )
    for match in MOBILE_PATTERN.finditer(text):
        start, end = match.span(1)
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        findings.append(
            Finding(
                "mobile",
                Severity.WARNING,
                _("含手机号码，如非公开的工作电话请删除或隐去"),
                excerpt=_masked_excerpt(text, start, end),
            )
        )
    return findings


def find_addresses(text: str) -> list[Finding]:
    """Street addresses with a house number (住址) in ``text``: warnings, their numbers masked in the excerpt."""
    findings = []
    for match in ADDRESS_PATTERN.finditer(text):
        start, end = match.span()
        hidden = text[:start] + re.sub(r"[0-9０-９]", "*", text[start:end]) + text[end:]
        findings.append(
            Finding(
                "address",
                Severity.WARNING,
                _("附件含详细住址，如为个人住址请删除或隐去"),
                excerpt=excerpt(hidden, start, end),
            )
        )
    return findings
