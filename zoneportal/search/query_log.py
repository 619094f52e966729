"""What of the query log may be shown: not hidden terms, not junk.

Hot words, suggestions and the 搜索统计 report read the log through these filters, so a
probe such as ``1' or '1'='1`` or ``<script>`` typed by a scanner never becomes a hot
word on a government site, and an administrator can take any term out by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from .models import HiddenSearchTerm

#: Longer queries are pasted text or attacks, not something to show as a hot word.
JUNK_MAX_LENGTH = 40

_SQL = re.compile(
    r"\b(?:select|union|insert|update|delete|drop|exec|sleep|benchmark|waitfor|information_schema|xp_cmdshell)\b"
    r"|--|/\*|\*/|;|['\"]\s*(?:or|and)\b|\b(?:or|and)\s+\d+\s*=\s*\d+",
    re.IGNORECASE,
)
#: The same character four or more times in a row: aaaa, 1111, 哈哈哈哈.
_REPEATED = re.compile(r"(\S)\1{3,}")


def is_junk(text: str) -> bool:
    """Whether a logged query is junk: markup, an SQL fragment, a run of one character, or very long."""
    return (
        "<" in text
        or ">" in text
        or len(text) > JUNK_MAX_LENGTH
        or bool(_SQL.search(text))
        or bool(_REPEATED.search(text))
    )


def without_hidden(queries: QuerySet) -> QuerySet:
    """``queries`` (of ``SearchQuery``) minus the terms administrators have hidden."""
    return queries.exclude(text__in=HiddenSearchTerm.objects.values("text"))


def shown(rows: Iterable, limit: int, text=lambda row: row) -> Iterator:
    """The first ``limit`` of ``rows`` whose text is not junk (``text`` reads it from a row)."""
    count = 0
    for row in rows:
        if count >= limit:
            return
        if not is_junk(text(row)):
            count += 1
            yield row
