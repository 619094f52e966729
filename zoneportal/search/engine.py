"""The search engine's public face: search and suggest.

Everything that searches — the results page, the API, benchmarks — calls
:func:`search` with a :class:`SearchRequest`. A query is understood once
(``query.plan_query``: segmentation, pinyin, typo correction, synonyms), then
answered on the full-text side table: a count inside the index, one statement
counting matches per facet value, one fetching the ranked page (docs/search.md).

Its neighbours, each one concern: ``parameters.py`` (a visitor's parameters, shared by
the results page and the API), ``lexicon.py`` (the vocabulary and synonyms in memory),
``query_log.py`` (recording, hot words, the report). Their public names are also
importable from here, as they were before the split.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from operator import itemgetter

from django.db.models import Count
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.models import Site

from zoneportal.portal.models import ArticlePage

from .analysis import fold
from .backends import filter_tags, full_text
from .index import rebuild_index  # noqa: F401  (part of the engine's API)
from .lexicon import VocabularyLexicon, indexed_sites, lexicon, synonyms
from .models import DocumentType, SearchDocument, SearchQuery
from .parameters import MAX_PAGE, SearchRequest
from .query import MAX_QUERY_LENGTH, QueryPlan, clean_query, plan_query  # noqa: F401
from .query_log import (  # noqa: F401  (the query log's functions, as the engine offered them)
    REPORT_DAYS,
    hot_queries,
    prune_query_log,
    query_report,
    record_query,
    shown,
    without_hidden,
)
from .snippets import excerpt, highlight
from .sources import type_choices, type_label

#: Queries matching more documents than this are ranked, and their facets
#: counted, over a bounded set of candidates: every document holding one of the
#: query's discriminating words, plus the newest RANK_CAP matches (see _candidates).
RANK_CAP = 500
#: A word group held by at most RANK_CAP documents discriminates: each of its
#: documents is a candidate, whatever its date. The rarest groups are taken first,
#: while their documents add up to at most RARE_DOCUMENTS.
RARE_DOCUMENTS = 2000
#: A query of this many word groups is taken as a question: a short page is
#: filled with documents sharing most of its words.
QUESTION_GROUPS = 3
FACETS = ("type", "category", "issuer", "year", "validity")
#: Facets that describe policy documents only.
POLICY_FACETS = ("category", "issuer", "year", "validity")
VALIDITY_LABELS = dict(ArticlePage.Validity.choices)


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
    listed: int = 0  # how many of the total the pages show (see _listed)
    reading: str | None = None  # the Chinese that pinyin or initials were read as (QueryPlan.reading)


# ---------------------------------------------------------------- searching


def _tags(request: SearchRequest, with_filters: bool = True) -> list[str]:
    """The filter tags a search requires: its site and, with ``with_filters``, the chosen facet values.

    The site's tag is left out when every indexed document belongs to it: a
    tag that every document holds filters nothing but costs a pass over its
    whole posting list.
    """
    site = request.site.pk if request.site else None
    values: dict[str, object] = {"site": None if indexed_sites() == {site} else site}
    if with_filters:
        values.update((name, getattr(request, name)) for name in FACETS)
    return filter_tags(**values)


@lru_cache(maxsize=4096)
def _filter_tag(name: str, value: object) -> str:
    """A facet value as the index spells it (folded: 優惠政策 is 优惠政策); "" for no value."""
    tags = filter_tags(**{name: value})
    return tags[0] if tags else ""


def _active_filters(request: SearchRequest) -> dict[str, str]:
    """The chosen facet values, as filter tags."""
    return {
        name: _filter_tag(name, getattr(request, name)) for name in FACETS if getattr(request, name) not in ("", None)
    }


def _failed_filters(row: Mapping, active: Mapping[str, str]) -> list[str]:
    """The active filters a document (or a facet combination) does not pass, compared as the index compares."""
    return [name for name, tag in active.items() if _filter_tag(name, row[name]) != tag]


def _facets(combinations: list[dict], request: SearchRequest) -> dict[str, list[FacetValue]]:
    """Per facet, the counts under every other active filter (a facet never hides its own alternatives)."""
    active = _active_filters(request)
    counts: dict[str, dict] = {name: defaultdict(int) for name in FACETS}
    for combo in combinations:
        failed = _failed_filters(combo, active)
        if len(failed) > 1:
            continue
        for name in failed or FACETS:
            value = combo[name]
            if value in ("", None) or (name in POLICY_FACETS and combo["type"] != DocumentType.POLICY):
                continue
            counts[name][value] += combo["count"]
    type_labels = dict(type_choices())
    type_order = {value: position for position, (value, _label) in enumerate(type_choices())}
    facets: dict[str, list[FacetValue]] = {}
    for name, values in counts.items():
        if name == "type":
            # A type no source declares any more (its documents wait for a rebuild) goes last.
            ordered = sorted(values, key=lambda v: (type_order.get(v, len(type_order)), str(v)))
        elif name == "year":
            ordered = sorted(values, reverse=True)
        else:
            ordered = sorted(values, key=lambda v, values=values: (-values[v], str(v)))
        labels = type_labels if name == "type" else VALIDITY_LABELS if name == "validity" else {}
        facets[name] = [FacetValue(str(value), str(labels.get(value, value)), values[value]) for value in ordered]
    return facets


@dataclass
class _Matches:
    """What a search found: the exact total, the facets, and the candidates its page is ranked from."""

    total: int
    facets: dict[str, list[FacetValue]]
    facets_exact: bool
    candidates: list[dict]  # id, the facet columns and score of each candidate (see _candidates)


def group_frequency(group: Sequence[Sequence[str]], words: VocabularyLexicon | None = None) -> int:
    """About how many documents hold one of a group's alternatives, from the vocabulary's document counts.

    An alternative of several terms is held by at most as many documents as
    its rarest term; the alternatives' counts add up (an overestimate where
    they overlap, which only makes a group look less rare).
    """
    words = words or lexicon()
    return sum(min((words.frequency(term) for term in alternative), default=0) for alternative in group)


def group_weights(plan: QueryPlan) -> list[int]:
    """Each group's weight in a question's ranking: a discriminating group (:func:`rare_groups`) outweighs all the
    common ones together.

    A discriminating group weighs as many as the query has groups, a common one
    (held by more than RANK_CAP documents) 1: the one rare word of a question
    wins over any number of common ones, and among groups of the same class the
    documents matching more of them come first, as before. In a small index
    every word discriminates and the count of groups matched decides; finer
    steps of rarity (rounded IDF) let a sliver of rarity reorder answers that
    relevance should order.
    """
    rare = rare_groups(plan)
    return [len(plan.groups) if group in rare else 1 for group in plan.groups]


def rare_groups(plan: QueryPlan) -> list[list[tuple[str, ...]]]:
    """The query's discriminating word groups, rarest first: each held by at most RANK_CAP documents, together by at
    most RARE_DOCUMENTS.

    Empty when no word discriminates (every word is common): then, and only
    then, a query matching many documents is ranked over its newest matches.
    """
    words = lexicon()
    found, held = [], 0
    for frequency, group in sorted(((group_frequency(g, words), g) for g in plan.groups), key=itemgetter(0)):
        if frequency > RANK_CAP or held + frequency > RARE_DOCUMENTS:
            break
        found.append(group)
        held += frequency
    return found


def _candidates(cursor, plan: QueryPlan, tags: list[str], matches: int, any_group: bool, scored: bool) -> list[dict]:
    """The documents matching the plan under ``tags``, with facet values and scores — all of them up to ``RANK_CAP``.

    Past ``RANK_CAP`` the candidates are every match holding one of the
    query's rare words (:func:`rare_groups`: an old document with the only
    mention of 环评 is ranked whatever its date) and the newest ``RANK_CAP``
    matches, which fill the page when the rare words' documents are few; every
    candidate is scored against the whole query, so common words only rerank.
    One statement per part serves the facet counts and the ranking, so the
    full-text index is read once for both: on PostgreSQL each reading of a very
    common word's posting list costs milliseconds.
    """
    backend = full_text()
    expression = backend.expression(plan.groups, any_group, tags)
    match = backend.match(expression)
    parts: list[tuple[str, list]] = [("", [])]
    if matches > RANK_CAP:
        parts = [backend.newest(cursor, expression, RANK_CAP, matches)]
        rare = rare_groups(plan)
        if rare:
            ids = backend.ids(cursor, backend.expression(rare, True, tags), RARE_DOCUMENTS)
            if ids:
                parts.append(backend.among(ids))
    score, score_params = _score(plan, match, any_group) if scored else ("0", [])
    columns = ", ".join(f"d.{name}" for name in ("id", *FACETS))
    found: dict[int, dict] = {}
    for condition, params in parts:
        where = " AND ".join(filter(None, [match.condition, condition]))
        cursor.execute(
            f"SELECT {columns}, {score} FROM {match.tables} WHERE {where}",
            [*score_params, *match.params, *params],
        )
        for row in cursor.fetchall():
            found.setdefault(row[0], dict(zip(("id", *FACETS, "score"), row, strict=True)))
    return list(found.values())


def _combinations(candidates: list[dict]) -> list[dict]:
    """Facet value combinations of the candidates, each with its count."""
    counted = Counter(tuple(candidate[name] for name in FACETS) for candidate in candidates)
    return [dict(zip(FACETS, values, strict=True), count=count) for values, count in counted.items()]


def _find(cursor, plan: QueryPlan, request: SearchRequest, any_group: bool) -> _Matches:
    """Count the matches, their facets and the candidates to rank, reading the full-text index as little as possible.

    The total is exact, counted inside the full-text index. Facet counts are
    exact up to ``RANK_CAP`` matches; a query matching more (a very common
    word) gets them, and its relevance ranking, from its ``RANK_CAP`` newest
    matches, so that its cost does not grow with the size of the index
    (docs/search.md, "Very common words"). Filters narrow the candidates in
    memory when every match is a candidate; otherwise they are counted and
    fetched on their own.
    """
    backend = full_text()
    in_site = backend.expression(plan.groups, any_group, _tags(request, with_filters=False))
    matches = backend.count(cursor, in_site)
    if not matches:
        return _Matches(0, {}, True, [])
    exact = matches <= RANK_CAP
    scored = request.sort != "date"
    active = _active_filters(request)
    site_tags = _tags(request, with_filters=False)
    candidates = _candidates(cursor, plan, site_tags, matches, any_group, scored=scored and (exact or not active))
    facets = _facets(_combinations(candidates), request)
    if not active:
        return _Matches(matches, facets, exact, candidates)
    if exact:
        kept = [candidate for candidate in candidates if not _failed_filters(candidate, active)]
        return _Matches(len(kept), facets, exact, kept)
    filtered = backend.expression(plan.groups, any_group, _tags(request))
    total = backend.count(cursor, filtered)
    kept = _candidates(cursor, plan, _tags(request), total, any_group, scored) if total and scored else []
    return _Matches(total, facets, exact, kept)


def _title_phrase(plan: QueryPlan) -> str:
    """What a title naming the thing searched for would say: the (corrected) query, or the word pinyin stood for."""
    return plan.reading or "".join(fold(plan.corrected or plan.original).split())


def _title_has_every_group(plan: QueryPlan, backend) -> tuple[str, list]:
    """SQL: the title contains, for every group of the plan, one of its alternatives (written together)."""
    conditions, params = [], []
    for group in plan.groups:
        words = ["".join(alternative) for alternative in group]
        conditions.append("(" + " OR ".join(backend.contains("d.title") for _ in words) + ")")
        params.extend(words)
    return " AND ".join(conditions), params


def _score(plan: QueryPlan, match, any_group: bool) -> tuple[str, list]:
    """SQL scoring a match (higher is better), and its parameters."""
    backend = full_text()
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
        # Answers to a question share its words, the rare ones above all: the
        # groups matched, each weighed by its rarity, come first.
        matched, matched_params = backend.groups_matched(plan.groups, group_weights(plan))
        score = f"({matched}) * 1000000 + {score}"
        score_params = [*matched_params, *score_params]
    return score, score_params


RESULT_COLUMNS = ["id", "external_id", "type", "url", "title", "text", "date", "doc_number", "category", "issuer"]
RESULT_COLUMNS += ["validity", "site_id"]


def _page_ids(cursor, plan: QueryPlan, request: SearchRequest, any_group: bool, found: _Matches, offset: int) -> list:
    """The ids of one page of results, best first (or newest first, always over every match)."""
    if request.sort != "date":
        ranked = sorted(found.candidates, key=lambda c: (c["score"], c["id"]), reverse=True)
        return [candidate["id"] for candidate in ranked[offset : offset + request.per_page]]
    backend = full_text()
    tables, params = backend.date_order(cursor, backend.expression(plan.groups, any_group, _tags(request)))
    cursor.execute(
        f"SELECT d.id FROM {tables} ORDER BY d.date DESC, d.id DESC LIMIT %s OFFSET %s",
        [*params, request.per_page, offset],
    )
    return [row[0] for row in cursor.fetchall()]


def _listed(total: int, request: SearchRequest) -> int:
    """How many results can be paged through: ``MAX_PAGE`` pages, and a very common query's ranked candidates."""
    listed = min(total, MAX_PAGE * request.per_page)
    return min(listed, RANK_CAP) if request.sort != "date" else listed


def _hit(row: dict, highlights: Sequence[str], site: Site | None, site_roots: dict[int, str]) -> SearchHit:
    url = row["url"]
    if site is None or row["site_id"] != site.pk:
        url = site_roots.get(row["site_id"], "") + url
    date = row["date"]
    if date is not None and timezone.is_naive(date):
        date = date.replace(tzinfo=UTC)
    snippet_text = excerpt(row["text"], highlights)
    return SearchHit(
        type=row["type"],
        type_label=type_label(row["type"]),
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
    response.corrected_query, response.reading = plan.corrected, plan.reading
    response.highlights = list(plan.highlight)
    any_group = False
    with full_text().session() as cursor:
        found = _find(cursor, plan, request, any_group)
        if (not found.total and len(plan.groups) > 1) or (
            found.total < request.per_page and len(plan.groups) >= QUESTION_GROUPS
        ):
            # Plain-language questions rarely share every word with the answer:
            # widen to documents with any of the words; those with more of them rank first.
            any_group = True
            found = _find(cursor, plan, request, any_group)
        total = response.total = found.total
        response.facets, response.facets_exact = found.facets, found.facets_exact
        response.listed = _listed(total, request)
        response.num_pages = math.ceil(response.listed / request.per_page)
        response.page = min(request.page, max(1, response.num_pages))
        offset = (response.page - 1) * request.per_page
        ids = _page_ids(cursor, plan, request, any_group, found, offset) if total else []
    if total:
        by_id = {row["id"]: row for row in SearchDocument.objects.filter(pk__in=ids).values(*RESULT_COLUMNS)}
        rows = [by_id[pk] for pk in ids if pk in by_id]  # in ranked order; one may have gone since
        roots = _site_roots() if any(request.site is None or r["site_id"] != request.site.pk for r in rows) else {}
        response.results = [_hit(row, plan.highlight, request.site, roots) for row in rows]
    else:
        response.suggestions = suggest(query, request.site) or hot_queries(site=request.site)
    return response


# ---------------------------------------------------------------- suggestions


def suggest(prefix: str, site: Site | None = None, limit: int = 8) -> list[str]:
    """Completions for what a visitor is typing: popular queries, titles, then words by pinyin.

    With a ``site``, queries and titles are that site's only.
    """
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
    logged = without_hidden(SearchQuery.objects.filter(created_at__gte=since, results__gt=0, text__startswith=folded))
    if site is not None:
        logged = logged.filter(site=site)  # like hot words: each site's visitors' own queries
    popular = logged.values("text").annotate(n=Count("id")).order_by("-n")
    add(row["text"] for row in shown(popular.iterator(), limit, itemgetter("text")))
    titles = SearchDocument.objects.filter(title__startswith=folded)
    if site is not None:
        titles = titles.filter(site=site)
    add(titles.order_by("-date").values_list("title", flat=True)[:limit])
    if len(found) < limit:
        words = lexicon()
        latin = "".join(ch for ch in folded.lower() if ch.isascii() and ch.isalpha())
        if latin and latin == folded.replace(" ", "").lower():
            add(words.pinyin_prefix(latin, limit))
            add(words.initials_prefix(latin, limit))
        else:
            add(sorted((w for w in words.frequencies if w.startswith(folded) and w != folded),
                       key=words.frequency, reverse=True)[:limit])  # fmt: skip
    return found[:limit]
