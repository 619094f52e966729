"""Result snippets: a window of text around the first match, with matches marked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 120


def _pattern(words: Sequence[str]) -> re.Pattern | None:
    return _compiled(tuple(sorted({word for word in words if word}, key=len, reverse=True)))


@lru_cache(maxsize=256)
def _compiled(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def highlight(text: str, words: Sequence[str]) -> SafeString:
    """``text`` HTML-escaped, every occurrence of a word wrapped in ``<mark>``."""
    pattern = _pattern(words)
    if not text or pattern is None:
        return mark_safe(escape(text or ""))  # escaped just above
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped


def excerpt(text: str, words: Sequence[str], length: int = SNIPPET_LENGTH) -> str:
    """About ``length`` characters of plain ``text``, starting a little before the first match."""
    text = text or ""
    if len(text) <= length:
        return text
    pattern = _pattern(words)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - length // 4) if found else 0
    snippet = text[start : start + length]
    return ("…" if start > 0 else "") + snippet + ("…" if start + length < len(text) else "")
