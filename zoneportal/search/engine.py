"""The search engine's public face: search, suggest, the query log.

Everything that searches — the results page, the API, benchmarks — calls
:func:`search` with a :class:`SearchRequest`. A query is understood once
(``query.plan_query``: segmentation, pinyin, typo correction, synonyms), then
answered on the full-text side table: a count inside the index, one statement
counting matches per facet value, one fetching the ranked page (docs/search.md).
"""

from __future__ import annotations

import math
import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from threading import Lock

from django.db import connection
from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.models import Site

from zoneportal.portal.models import ArticlePage
from zoneportal.portal.page_cache import current_generation

from .analysis import fold
from .backends import filter_tags, full_text
from .index import rebuild_index  # noqa: F401  (part of the engine's API)
from .models import DocumentType, SearchDocument, SearchQuery, SearchTerm, Synonym
from .query import QueryPlan, parse_synonym_rules, plan_query
from .snippets import excerpt, highlight

MAX_QUERY_LENGTH = 100
MAX_PAGE = 100
#: Queries matching more documents than this are ranked, and their facets
#: counted, over their newest RANK_CAP matches (see _ranked_page).
RANK_CAP = 500
#: A query of this many word groups is taken as a question: a short page is
#: filled with documents sharing most of its words.
QUESTION_GROUPS = 3
FACETS = ("type", "category", "issuer", "year", "validity")
#: Facets that describe policy documents only.
POLICY_FACETS = ("category", "issuer", "year", "validity")
VALIDITY_LABELS = dict(ArticlePage.Validity.choices)


@dataclass
class SearchRequest:
    """A visitor's search: the query, filters, sort order and page."""

    query: str
    site: Site | None = None
    type: str = ""
    category: str = ""
    issuer: str = ""
    year: int | None = None
    validity: str = ""
    sort: str = "relevance"  # or "date"
    page: int = 1
    per_page: int = 10
    correct: bool = True  # False when the visitor insists on the original query


@dataclass
class SearchHit:
    """One result as pages and the API show it."""

    type: str
    type_label: str
    title: SafeString
    url: str
    snippet: SafeString
    date: datetime | None
    doc_number: str
    external_id: str
    category: str = ""
    issuer: str = ""
    validity: str = ""
    plain_title: str = ""
    plain_snippet: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResponse:
    query: str
    corrected_query: str | None
    total: int
    page: int
    per_page: int
    num_pages: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    results: list[SearchHit] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    highlights: list[str] = field(default_factory=list)
    facets_exact: bool = True  # False: a very common query's facets count its newest RANK_CAP matches


# ---------------------------------------------------------------- vocabulary


class VocabularyLexicon:
    """The vocabulary table in memory: word frequencies and pinyin lookups in microseconds."""

    def __init__(self, terms: Sequence[tuple[str, str, str, int]]) -> None:
        self.frequencies: dict[str, int] = {}
        self.pinyin_index: dict[str, list[str]] = defaultdict(list)
        self.initials_index: dict[str, list[str]] = defaultdict(list)
        for word, pinyin, initials, documents in sorted(terms, key=lambda t: (-t[3], t[0])):
            self.frequencies[word] = documents
            if pinyin:
                self.pinyin_index[pinyin].append(word)
                self.initials_index[initials].append(word)
        self.sorted_pinyin = sorted(self.pinyin_index)
        self.character_index: dict[str, list[str]] = defaultdict(list)
        for word in self.frequencies:  # already most frequent first
            for character in set(word):
                self.character_index[character].append(word)

    def frequency(self, word: str) -> int:
        return self.frequencies.get(word, 0)

    def by_pinyin(self, pinyin: str) -> list[str]:
        return self.pinyin_index.get(pinyin, [])

    def by_initials(self, initials: str) -> list[str]:
        return self.initials_index.get(initials, [])

    def containing(self, fragment: str, limit: int) -> list[str]:
        """The most frequent words containing ``fragment`` (a one- or two-character query)."""
        if not fragment:
            return []
        candidates = self.character_index.get(fragment[0], [])
        return [word for word in candidates if fragment in word][:limit]

    def pinyin_prefix(self, prefix: str, limit: int) -> list[str]:
        words: list[str] = []
        position = bisect_left(self.sorted_pinyin, prefix)
        while position < len(self.sorted_pinyin) and self.sorted_pinyin[position].startswith(prefix):
            words.extend(self.pinyin_index[self.sorted_pinyin[position]])
            position += 1
            if len(words) >= limit * 4:
                break
        return sorted(words, key=self.frequency, reverse=True)[:limit]


class _PerGeneration:
    """A value rebuilt when content changes (the page-cache generation moves) or after ``max_age`` seconds."""

    def __init__(self, build, max_age: float = 300.0) -> None:
        self.build = build
        self.max_age = max_age
        self.lock = Lock()
        self.key: tuple[str, str] | None = None
        self.value = None
        self.built_at = 0.0

    def get(self):
        key = (connection.settings_dict["NAME"], current_generation())
        if key != self.key or time.monotonic() - self.built_at > self.max_age:
            with self.lock:
                self.value = self.build()
                self.key, self.built_at = key, time.monotonic()
        return self.value


_lexicon = _PerGeneration(
    lambda: VocabularyLexicon(list(SearchTerm.objects.values_list("word", "pinyin", "initials", "documents")))
)
_synonyms = _PerGeneration(
    lambda: parse_synonym_rules("\n".join(Synonym.objects.filter(enabled=True).values_list("rule", flat=True)))
)
_indexed_sites = _PerGeneration(
    lambda: frozenset(SearchDocument.objects.order_by().values_list("site_id", flat=True).distinct())
)


def lexicon() -> VocabularyLexicon:
    """This process's copy of the vocabulary."""
    return _lexicon.get()


def synonyms() -> Mapping[str, Sequence[str]]:
    """The enabled synonym rules, parsed."""
    return _synonyms.get()


# ---------------------------------------------------------------- searching


def clean_query(raw: str | None) -> str:
    """The visitor's text without control characters and extra spaces, at most ``MAX_QUERY_LENGTH`` long."""
    text = "".join(" " if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 else ch for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def _tags(request: SearchRequest, with_filters: bool = True) -> list[str]:
    """The filter tags a search requires: its site and, with ``with_filters``, the chosen facet values.

    The site's tag is left out when every indexed document belongs to it: a
    tag that every document holds filters nothing but costs a pass over its
    whole posting list.
    """
    site = request.site.pk if request.site else None
    values: dict[str, object] = {"site": None if _indexed_sites.get() == {site} else site}
    if with_filters:
        values.update((name, getattr(request, name)) for name in FACETS)
    return filter_tags(**values)


def _facets(combinations: list[dict], request: SearchRequest) -> dict[str, list[FacetValue]]:
    """Per facet, the counts under every other active filter (a facet never hides its own alternatives)."""
    active = {name: getattr(request, name) for name in FACETS if getattr(request, name) not in ("", None)}
    counts: dict[str, dict] = {name: defaultdict(int) for name in FACETS}
    for combo in combinations:
        failed = [name for name, value in active.items() if combo[name] != value]
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            value = combo[name]
            if value in ("", None) or (name in POLICY_FACETS and combo["type"] != DocumentType.POLICY):
                continue
            counts[name][value] += combo["count"]
    type_labels = dict(DocumentType.choices)
    type_order = [value for value, _label in DocumentType.choices]
    facets: dict[str, list[FacetValue]] = {}
    for name, values in counts.items():
        if name == "type":
            ordered = sorted(values, key=type_order.index)
        elif name == "year":
            ordered = sorted(values, reverse=True)
        else:
            ordered = sorted(values, key=lambda v, values=values: (-values[v], str(v)))
        labels = type_labels if name == "type" else VALIDITY_LABELS if name == "validity" else {}
        facets[name] = [FacetValue(str(value), str(labels.get(value, value)), values[value]) for value in ordered]
    return facets


def _count_and_facets(cursor, plan: QueryPlan, request: SearchRequest, any_group: bool) -> tuple[int, dict, bool]:
    """``(total, facets, facets_exact)``.

    The total is exact, counted inside the full-text index. Facet counts are
    exact up to ``RANK_CAP`` matches; a query matching more (a very common
    word) gets them from its ``RANK_CAP`` newest matches, so that its cost
    does not grow with the size of the index.
    """
    backend = full_text()
    in_site = backend.expression(plan.groups, any_group, _tags(request, with_filters=False))
    matches = backend.count(cursor, in_site)
    if not matches:
        return 0, {}, True
    match = backend.match(in_site)
    where, params = match.condition, list(match.params)
    exact = matches <= RANK_CAP
    if not exact:
        newest, newest_params = backend.newest(cursor, in_site, RANK_CAP, matches)
        where += f" AND {newest}"
        params += newest_params
    columns = ", ".join(f"d.{name}" for name in FACETS)
    cursor.execute(f"SELECT {columns}, COUNT(*) FROM {match.tables} WHERE {where} GROUP BY {columns}", params)
    combinations = [dict(zip((*FACETS, "count"), row, strict=True)) for row in cursor.fetchall()]
    filtered = any(getattr(request, name) not in ("", None) for name in FACETS)
    total = backend.count(cursor, backend.expression(plan.groups, any_group, _tags(request))) if filtered else matches
    return total, _facets(combinations, request), exact


def _title_phrase(plan: QueryPlan) -> str:
    """What a title naming the thing searched for would say: the (corrected) query, or the word pinyin stood for."""
    phrase = "".join(fold(plan.corrected or plan.original).split())
    if phrase.isascii() and len(plan.groups) == 1:
        phrase = "".join(plan.groups[0][0])
    return phrase


def _title_has_every_group(plan: QueryPlan, backend) -> tuple[str, list]:
    """SQL: the title contains, for every group of the plan, one of its alternatives (written together)."""
    conditions, params = [], []
    for group in plan.groups:
        words = ["".join(alternative) for alternative in group]
        conditions.append("(" + " OR ".join(backend.contains("d.title") for _ in words) + ")")
        params.extend(words)
    return " AND ".join(conditions), params


RESULT_COLUMNS = ["id", "external_id", "type", "url", "title", "text", "date", "doc_number", "category", "issuer"]
RESULT_COLUMNS += ["validity", "site_id"]


def _ranked_page(cursor, plan: QueryPlan, request: SearchRequest, any_group: bool, total: int, offset: int) -> list:
    """One page of results, best first (or newest first, always over every match).

    Relevance ranking of a query matching more than ``RANK_CAP`` documents
    considers its ``RANK_CAP`` newest matches: scoring every match of a word
    that most documents contain costs time in proportion to the index and
    would not change what a visitor sees on the first pages in practice
    (docs/search.md, "Very common words").
    """
    backend = full_text()
    expression = backend.expression(plan.groups, any_group, _tags(request))
    columns = ", ".join("d." + column for column in RESULT_COLUMNS)
    if request.sort == "date":
        tables, params = backend.date_order(cursor, expression)
        cursor.execute(
            f"SELECT {columns}, 0 FROM {tables} ORDER BY d.date DESC, d.id DESC LIMIT %s OFFSET %s",
            [*params, request.per_page, offset],
        )
        return [dict(zip((*RESULT_COLUMNS, "score"), row, strict=True)) for row in cursor.fetchall()]
    match = backend.match(expression)
    conditions, params = [match.condition], list(match.params)
    if total > RANK_CAP:
        newest, newest_params = backend.newest(cursor, expression, RANK_CAP, total)
        conditions.append(newest)
        params += newest_params
    age = backend.age_in_years()
    every_group, every_group_params = _title_has_every_group(plan, backend)
    # Small boosts: valid documents over repealed ones, recent over old.
    score = (
        f"{match.relevance} * (CASE d.validity WHEN 'valid' THEN 1.1 WHEN 'expired' THEN 0.85 "
        f"WHEN 'repealed' THEN 0.8 ELSE 1.0 END) * (1 + 0.2 / (1 + COALESCE({age}, 50)))"
        # Section pages (栏目) match their own names; the articles inside are what people look for.
        f" * (CASE d.type WHEN 'page' THEN 0.8 ELSE 1.0 END)"
        # A title that is, or contains, what was searched for names the thing itself;
        # one holding a word of every group (a question's FAQ) is likely the answer.
        f" * (CASE WHEN d.title = %s THEN 2.0 WHEN {backend.contains('d.title')} THEN 1.5"
        f" WHEN {every_group} THEN 1.3 ELSE 1.0 END)"
    )
    phrase = _title_phrase(plan)
    score_params = [*match.relevance_params, phrase, phrase, *every_group_params]
    if any_group:
        # Answers to a question share most of its words: more groups matched first.
        matched, matched_params = backend.groups_matched(plan.groups)
        score = f"({matched}) * 1000000 + {score}"
        score_params = [*matched_params, *score_params]
    cursor.execute(
        f"SELECT {columns}, {score} AS score FROM {match.tables} "
        f"WHERE {' AND '.join(conditions)} ORDER BY score DESC, d.id DESC LIMIT %s OFFSET %s",
        [*score_params, *params, request.per_page, offset],
    )
    return [dict(zip((*RESULT_COLUMNS, "score"), row, strict=True)) for row in cursor.fetchall()]


def _hit(row: dict, highlights: Sequence[str], site: Site | None, site_roots: dict[int, str]) -> SearchHit:
    url = row["url"]
    if site is None or row["site_id"] != site.pk:
        url = site_roots.get(row["site_id"], "") + url
    date = row["date"]
    if isinstance(date, str):  # SQLite hands back raw text from a raw query
        date = datetime.fromisoformat(date)
    if date is not None and timezone.is_naive(date):
        date = date.replace(tzinfo=UTC)
    snippet_text = excerpt(row["text"], highlights)
    return SearchHit(
        type=row["type"],
        type_label=str(DocumentType(row["type"]).label) if row["type"] in DocumentType.values else row["type"],
        title=highlight(row["title"], highlights),
        url=url,
        snippet=highlight(snippet_text, highlights),
        date=date,
        doc_number=row["doc_number"],
        external_id=row["external_id"],
        category=row["category"],
        issuer=row["issuer"],
        validity=row["validity"],
        plain_title=row["title"],
        plain_snippet=snippet_text,
    )


def _site_roots() -> dict[int, str]:
    return {site.pk: site.root_url for site in Site.objects.all()}


def search(request: SearchRequest) -> SearchResponse:
    """Answer a search; never raises on whatever the visitor typed."""
    query = clean_query(request.query)
    request.page = max(1, min(int(request.page or 1), MAX_PAGE))
    request.per_page = max(1, min(int(request.per_page or 10), 50))
    plan = plan_query(query, lexicon(), synonyms(), correct=request.correct) if query else None
    response = SearchResponse(query=query, corrected_query=None, total=0, page=request.page,
                              per_page=request.per_page, num_pages=0)  # fmt: skip
    if plan is None or not plan.groups:
        response.suggestions = hot_queries(site=request.site)
        return response
    response.corrected_query = plan.corrected
    response.highlights = list(plan.highlight)
    any_group = False
    with full_text().session() as cursor:
        total, facets, exact = _count_and_facets(cursor, plan, request, any_group)
        if (total == 0 and len(plan.groups) > 1) or (total < request.per_page and len(plan.groups) >= QUESTION_GROUPS):
            # Plain-language questions rarely share every word with the answer:
            # widen to documents with any of the words; those with more of them rank first.
            any_group = True
            total, facets, exact = _count_and_facets(cursor, plan, request, any_group)
        response.total, response.facets, response.facets_exact = total, facets, exact
        response.num_pages = math.ceil(total / request.per_page)
        response.page = min(request.page, max(1, response.num_pages))
        rows = []
        if total:
            offset = (response.page - 1) * request.per_page
            rows = _ranked_page(cursor, plan, request, any_group, total, offset)
    if total:
        roots = _site_roots() if any(request.site is None or r["site_id"] != request.site.pk for r in rows) else {}
        response.results = [_hit(row, plan.highlight, request.site, roots) for row in rows]
    else:
        response.suggestions = suggest(query, request.site) or hot_queries(site=request.site)
    return response


# ---------------------------------------------------------------- suggestions and the query log


def suggest(prefix: str, site: Site | None = None, limit: int = 8) -> list[str]:
    """Completions for what a visitor is typing: popular queries, titles, then words by pinyin."""
    prefix = clean_query(prefix)[:30]
    if not prefix:
        return []
    folded = fold(prefix)
    found: list[str] = []

    def add(candidates) -> None:
        for candidate in candidates:
            if candidate and candidate not in found and len(found) < limit:
                found.append(candidate)

    since = timezone.now() - timedelta(days=30)
    popular = (
        SearchQuery.objects.filter(created_at__gte=since, results__gt=0, text__startswith=folded)
        .values("text")
        .annotate(n=Count("id"))
        .order_by("-n")[:limit]
    )
    add(row["text"] for row in popular)
    titles = SearchDocument.objects.filter(title__startswith=folded)
    if site is not None:
        titles = titles.filter(site=site)
    add(titles.order_by("-date").values_list("title", flat=True)[:limit])
    if len(found) < limit:
        words = lexicon()
        latin = "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalpha())
        if latin and latin == folded.replace(" ", "").lower():
            add(words.pinyin_prefix(latin, limit))
        else:
            add(sorted((w for w in words.frequencies if w.startswith(folded) and w != folded),
                       key=words.frequency, reverse=True)[:limit])  # fmt: skip
    return found[:limit]


def record_query(query: str, total: int, site: Site | None) -> None:
    """Remember a visitor's query for the hot words and the administrators' report."""
    text = clean_query(query)
    if text:
        SearchQuery.objects.create(text=text, results=total, site=site)


def hot_queries(days: int = 7, limit: int = 10, site: Site | None = None) -> list[str]:
    """This week's most asked queries that found something."""
    queries = SearchQuery.objects.filter(created_at__gte=timezone.now() - timedelta(days=days), results__gt=0)
    if site is not None:
        queries = queries.filter(site=site)
    return list(
        queries.values("text").annotate(n=Count("id")).order_by("-n", "text").values_list("text", flat=True)[:limit]
    )


def query_report(days: int = 30, limit: int = 50) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """``(top queries, zero-result queries)`` of the last ``days`` days, each with how often it was asked."""
    queries = SearchQuery.objects.filter(created_at__gte=timezone.now() - timedelta(days=days))
    grouped = queries.values("text").annotate(n=Count("id")).order_by("-n", "text")
    top = [(row["text"], row["n"]) for row in grouped[:limit]]
    zero = [(row["text"], row["n"]) for row in grouped.filter(results=0)[:limit]]
    return top, zero
