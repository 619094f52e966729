"""站内搜索: the public search page at /search/?q=&page=.

The page itself (query clean-up, pagination, excerpts, highlighting) lives
here; the matching lives only in :func:`search_pages`, so the engine can be
swapped without touching the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import opencc
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from zoneportal.portal.visibility import visible_to_public

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 120


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise_query(raw: str | None) -> tuple[str, bool]:
    """Clean a visitor's query: drop control characters, collapse spaces, cap the length.

    Returns ``(query, truncated)``. Control characters are removed because
    some databases reject them (PostgreSQL refuses NUL) and they never help.
    """
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in (raw or ""))
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), truncated


def query_terms(query: str) -> list[str]:
    """The distinct whitespace-separated terms of ``query`` (at most ``MAX_TERMS``)."""
    terms: list[str] = []
    for term in query.split():
        if term.lower() not in (t.lower() for t in terms):
            terms.append(term)
    return terms[:MAX_TERMS]


def term_variants(term: str) -> list[str]:
    """A term and, if it is written in traditional characters, its simplified form.

    Content is stored in simplified Chinese, and visitors of the 繁體 view
    naturally type traditional characters.
    """
    simplified = _to_simplified().convert(term)
    return [term] if simplified == term else [term, simplified]


def search_pages(site: Site | None, query: str) -> QuerySet[Page]:
    """Live, public pages of ``site`` that match every term of ``query``, newest first.

    This is the one entry point of the search engine: the search page and
    anything else that searches call only this function, and it returns a
    sliceable, countable sequence of specific pages. Today it is a baseline —
    case-insensitive ``icontains`` over the page title and search description
    and the article subtitle, summary and body, with traditional input also
    matched in simplified form. Issue 3 replaces its body with a Chinese-aware
    index (word segmentation, pinyin, synonyms, ranking); callers stay as they are.
    """
    terms = query_terms(query)
    if site is None or not terms:
        return Page.objects.none()
    pages = visible_to_public(Page.objects.descendant_of(site.root_page, inclusive=True))
    for term in terms:
        term_q = Q()
        for variant in term_variants(term):
            term_q |= (
                Q(title__icontains=variant)
                | Q(search_description__icontains=variant)
                | Q(articlepage__subtitle__icontains=variant)
                | Q(articlepage__summary__icontains=variant)
                | Q(articlepage__body__icontains=variant)
            )
        pages = pages.filter(term_q)
    newest = Coalesce(F("articlepage__publish_at"), F("last_published_at"))
    return pages.order_by(newest.desc(nulls_last=True), "-pk").specific()


def highlight(text: str, terms: Sequence[str]) -> SafeString:
    """``text`` HTML-escaped, with every occurrence of a term wrapped in ``<mark>``."""
    variants = sorted({v for term in terms for v in term_variants(term) if v}, key=len, reverse=True)
    if not text or not variants:
        return mark_safe(escape(text or ""))  # escaped just above
    pattern = re.compile("|".join(re.escape(v) for v in variants), re.IGNORECASE)
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # every piece is escaped


def excerpt(text: str, terms: Sequence[str], length: int = EXCERPT_LENGTH) -> str:
    """About ``length`` characters of plain ``text`` around the first matching term."""
    plain = " ".join(strip_tags(text or "").split())
    if len(plain) <= length:
        return plain
    lowered = plain.lower()
    hits = [lowered.find(v.lower()) for term in terms for v in term_variants(term)]
    hits = [hit for hit in hits if hit >= 0]
    start = max(0, min(hits) - length // 3) if hits else 0
    snippet = plain[start : start + length]
    return ("…" if start > 0 else "") + snippet + ("…" if start + length < len(plain) else "")


@dataclass
class SearchResult:
    """One hit as the template shows it."""

    page: Page
    title: SafeString
    excerpt: SafeString
    date: object
    kind: str


def describe(page: Page, terms: Sequence[str]) -> SearchResult:
    """Title, excerpt, date and type label of a hit, with the matches highlighted."""
    texts = [
        getattr(page, "summary", ""),
        page.search_description,
        getattr(page, "intro", ""),
        getattr(page, "body", "") if isinstance(getattr(page, "body", None), str) else "",
    ]
    source = ""
    lowered_variants = [v.lower() for term in terms for v in term_variants(term)]
    # Prefer a text where a term occurs; otherwise the first non-empty one.
    for text in texts:
        plain = strip_tags(text or "").lower()
        if plain and any(v in plain for v in lowered_variants):
            source = text
            break
    if not source:
        source = next((text for text in texts if text), "")
    return SearchResult(
        page=page,
        title=highlight(page.title, terms),
        excerpt=highlight(excerpt(str(source), terms), terms),
        date=getattr(page, "publish_at", None) or page.last_published_at,
        kind=str(type(page)._meta.verbose_name),
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The search page: never fails, whatever the visitor types."""
    query, truncated = normalise_query(request.GET.get("q"))
    site = Site.find_for_request(request)
    terms = query_terms(query)
    results_page = None
    results: list[SearchResult] = []
    if terms:
        paginator = Paginator(search_pages(site, query), RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        results = [describe(page, terms) for page in results_page.object_list]
    context = {
        "search_query": query,
        "search_terms": terms,
        "query_truncated": truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "results_page": results_page,
        "results": results,
        "meta_title": _("站内搜索"),
        "meta_description": _("在本站搜索新闻、通知公告、政策和办事信息"),
        "breadcrumb_title": _("站内搜索"),
        "noindex": True,
    }
    return render(request, "search/search.html", context)
