"""验证问题: a small arithmetic question written in Chinese, answered in digits or Chinese numerals.

Text rather than a distorted image, so it is the same for everyone: a screen
reader reads it aloud, a keyboard answers it, and nothing is fetched from outside.
The question travels in a signed, time-limited token together with a keyed hash
of its answer (never the answer itself); the server keeps no state until the
answer is used. A token answers one letter only: :func:`consume` marks it used
for the form that sent it (a resent form — the same submission key — may use it
again; any other form may not).

``settings.LETTER_CAPTCHA_BYPASS`` switches the check off for benchmarks; it is
off unless the environment says otherwise.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

#: How long a question may be answered: writing a careful letter takes a while.
MAX_AGE_SECONDS = 2 * 60 * 60
SALT = "zoneportal.letters.captcha"
USED_KEY = "letters:captcha-used:{nonce}"

NUMERALS = "零一二三四五六七八九"
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

EXPIRED = _("验证问题已过期，请回答新的问题。")
WRONG = _("验证问题回答不正确，请回答新的问题。")
USED = _("验证问题已使用过，请回答新的问题。")
MISSING = _("请回答验证问题（填写数字即可）。")
UNAVAILABLE = _("暂时无法核对验证问题（服务器缓存服务故障），信件尚未提交。您填写的内容已保留，请稍后再提交。")


def chinese_number(value: int) -> str:
    """0–99 in Chinese numerals: 7 → 七, 12 → 十二, 20 → 二十."""
    if value < 10:
        return NUMERALS[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[ones] if ones else "")


def parse_number(text: str) -> int | None:
    """An answer as typed: ``12``, ``１２`` or ``十二`` (spaces forgiven); None if it is not a number."""
    text = "".join(text.split()).translate(FULL_WIDTH_DIGITS)
    if text.isascii() and text.isdigit():
        return int(text)
    for value in range(100):
        if chinese_number(value) == text:
            return value
    return None


@dataclass(frozen=True)
class Challenge:
    """One question: its text and the token the form sends back with the answer."""

    question: str
    token: str


def _digest(nonce: str, answer: int) -> str:
    return salted_hmac(SALT, f"{nonce}:{answer}", algorithm="sha256").hexdigest()[:32]


def new_challenge() -> Challenge:
    """A fresh question: a sum or a difference of small numbers (never below zero)."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    if secrets.randbelow(2):
        question, answer = f"{chinese_number(first)}加{chinese_number(second)}等于多少？", first + second
    else:
        first, second = max(first, second) + 5, min(first, second)
        question, answer = f"{chinese_number(first)}减{chinese_number(second)}等于多少？", first - second
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "q": question, "h": _digest(nonce, answer)}, salt=SALT)
    return Challenge(question=question, token=token)


def _payload(token: str) -> dict | None:
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return payload if isinstance(payload, dict) and {"n", "q", "h"} <= payload.keys() else None


def challenge_from(token: str) -> Challenge | None:
    """The question a still-valid token carries (to show it again with the form), else None."""
    payload = _payload(token or "")
    return Challenge(question=payload["q"], token=token) if payload else None


def check(token: str, answer: str, owner: str = "") -> str | None:
    """Why the answer is refused (a Chinese message), or None when it is right and unused.

    ``owner`` is the form's submission key: a token already used by that same
    form still counts as unused (the visitor clicked twice).
    """
    if settings.LETTER_CAPTCHA_BYPASS:
        return None
    payload = _payload(token or "")
    if payload is None:
        return str(EXPIRED)
    if not (answer or "").strip():
        return str(MISSING)
    value = parse_number(answer)
    if value is None or not constant_time_compare(_digest(payload["n"], value), payload["h"]):
        return str(WRONG)
    used_by = cache.get(USED_KEY.format(nonce=payload["n"]))
    if used_by is not None and used_by != owner:
        return str(USED)
    return None


def consume(token: str, owner: str) -> bool:
    """Mark the token used by the form ``owner``; False when another form used it first."""
    return refusal(token, owner) is None


def refusal(token: str, owner: str) -> str | None:
    """Mark the token used by the form ``owner``: None when the form may go on, else why not (in Chinese).

    :data:`USED` when another form used the question first; :data:`UNAVAILABLE` when the cache that
    records used questions (Redis in production) does not answer — the degrading backend then refuses
    every ``add`` and finds nothing, which must not read as "used" to a writer who cannot fix it.
    """
    if settings.LETTER_CAPTCHA_BYPASS:
        return None
    payload = _payload(token or "")
    if payload is None:
        return str(USED)
    key = USED_KEY.format(nonce=payload["n"])
    if cache.add(key, owner, timeout=MAX_AGE_SECONDS + 60):
        return None
    used_by = cache.get(key)
    if used_by == owner:
        return None
    return str(UNAVAILABLE if used_by is None else USED)
