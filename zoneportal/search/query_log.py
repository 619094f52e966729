"""The query log: recording visitors' searches, hot words, the 搜索统计 report, pruning.

And what of the log may be shown: not hidden terms, not junk. Hot words, suggestions and
the report read the log through these filters, so a probe such as ``1' or '1'='1`` or
``<script>`` typed by a scanner never becomes a hot word on a government site, and an
administrator can take any term out by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta
from operator import itemgetter

from django.db.models import Count, QuerySet
from django.utils import timezone
from wagtail.models import Site

from .models import HiddenSearchTerm, SearchQuery
from .query import clean_query

#: The longest period the 搜索统计 report covers; the query log keeps at least this much.
REPORT_DAYS = 30

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


def record_query(query: str, total: int, site: Site | None, visitor: str) -> None:
    """Remember a visitor's query for the hot words and the administrators' report."""
    text = clean_query(query)
    if text:
        SearchQuery.objects.create(text=text, results=total, site=site, visitor=visitor)


def hot_queries(days: int = 7, limit: int = 10, site: Site | None = None) -> list[str]:
    """This week's queries that found something, asked by the most visitors.

    Counting visitors rather than searches keeps one script repeating a
    phrase from putting it among a government site's hot words; hidden terms
    and junk (``query_log``) never show.
    """
    queries = SearchQuery.objects.filter(created_at__gte=timezone.now() - timedelta(days=days), results__gt=0)
    if site is not None:
        queries = queries.filter(site=site)
    ranked = without_hidden(queries).values("text").annotate(visitors=Count("visitor", distinct=True), n=Count("id"))
    return list(shown(ranked.order_by("-visitors", "-n", "text").values_list("text", flat=True).iterator(), limit))


def prune_query_log(days: int) -> int:
    """Delete query log entries older than ``days`` days; returns how many went."""
    deleted, _by_model = SearchQuery.objects.filter(created_at__lt=timezone.now() - timedelta(days=days)).delete()
    return deleted


def query_report(days: int = REPORT_DAYS, limit: int = 50) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """``(top queries, zero-result queries)`` of the last ``days`` days, each with how often it was asked.

    Hidden terms and junk (``query_log``) are left out.
    """
    queries = without_hidden(SearchQuery.objects.filter(created_at__gte=timezone.now() - timedelta(days=days)))
    grouped = queries.values("text").annotate(n=Count("id")).order_by("-n", "text")
    text = itemgetter("text")
    top = [(row["text"], row["n"]) for row in shown(grouped.iterator(), limit, text)]
    zero = [(row["text"], row["n"]) for row in shown(grouped.filter(results=0).iterator(), limit, text)]
    return top, zero
