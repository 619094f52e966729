"""站内搜索: the public results page at /search/?q=.

The engine (:mod:`zoneportal.search.engine`) matches, ranks, highlights and
cuts snippets; :mod:`zoneportal.search.parameters` checks the visitor's
parameters (a bad value is dropped, never an error: search links get pasted,
truncated and probed by robots); this module turns the answer into a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Site

from zoneportal.core.network import client_ip, over_limit
from zoneportal.portal.templatetags.portal_tags import query_string

from . import engine, results_cache
from .parameters import (  # noqa: F401  (MIN_YEAR, MAX_YEAR, clean_filters: importable from here as before)
    FILTERS,
    MAX_PAGE,
    MAX_YEAR,
    MIN_YEAR,
    RESULTS_PER_PAGE,
    RETRY_AFTER_SECONDS,
    SORTS,
    build_request,
    clean_filters,
    clean_text,
    positive_int,
)
from .query import MAX_QUERY_LENGTH
from .query_log import hot_queries, record_query

HOT_QUERIES = 10

#: Facets of policy documents, in the order the page shows them.
POLICY_FACETS = {
    "category": gettext_lazy("分类"),
    "issuer": gettext_lazy("发文机关"),
    "year": gettext_lazy("年份"),
    "validity": gettext_lazy("有效性"),
}


@dataclass
class FacetLink:
    """One value of a facet as a link that adds (or, when active, removes) the filter."""

    label: str
    count: int
    url: str
    active: bool


@dataclass
class Facet:
    name: str
    title: str
    links: list[FacetLink]


@dataclass
class Chip:
    """An active filter, shown with a link that removes it."""

    title: str
    label: str
    remove_url: str


def facet_links(
    request: HttpRequest, response: engine.SearchResponse, name: str, active: str | None
) -> list[FacetLink]:
    """The values of facet ``name`` that have results, each linking to the results filtered by it."""
    links = []
    for value in response.facets.get(name, []):
        if not value.count:
            continue
        is_active = str(value.value) == active
        url = query_string(request, **{name: None if is_active else value.value, "page": None})
        links.append(FacetLink(label=value.label, count=value.count, url=url, active=is_active))
    return links


def facet_label(response: engine.SearchResponse, name: str, value: str) -> str:
    """The label the engine gives a facet value (有效 for ``valid``), or the value itself."""
    return next((v.label for v in response.facets.get(name, []) if str(v.value) == value), value)


def visitor_key(request: HttpRequest) -> str:
    """Who searched, as the query log keeps it: a keyed hash of the visitor's address and today's date.

    Enough to count one visitor's repeated searches once; the address itself
    is not stored, and the key changes every day.
    """
    value = f"{client_ip(request)}|{timezone.localdate().isoformat()}"
    return salted_hmac("zoneportal.search.visitor", value, algorithm="sha256").hexdigest()[:16]


def should_record(request: HttpRequest, query: str, page: int) -> bool:
    """Whether this request is a visitor's new search, worth counting for hot words and reports.

    Only the first page of a fresh search counts: paging, re-sorting, filtering
    and “仍然搜索” are the same visitor refining the same search.
    """
    refining = any(name in request.GET for name in (*FILTERS, "sort", "correct", "page"))
    return request.method == "GET" and bool(query) and page == 1 and not refining


@dataclass(frozen=True)
class ResultsParameters:
    """What besides the query decides a results page, as the visitor's parameters give it (bad values dropped)."""

    filters: dict[str, str]
    sort: str
    page: int
    correct: bool

    @classmethod
    def of(cls, request: HttpRequest) -> ResultsParameters:
        """The parameters of ``request``."""
        return cls(
            filters=clean_filters(request.GET),
            sort=request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance",
            page=positive_int(request.GET.get("page"), MAX_PAGE) or 1,
            correct=request.GET.get("correct") != "0",
        )


@never_cache  # never in browsers or the page cache: each search is recorded (results_cache keeps pages itself)
@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """The search page: never fails, whatever the visitor types."""
    query, truncated = clean_text(request.GET.get("q"))
    site = Site.find_for_request(request)
    if query and not over_limit(request, "search", settings.SEARCH_RATE):
        parameters = ResultsParameters.of(request)
        key = results_cache.results_key(
            request, query, parameters.filters, parameters.sort, parameters.page, parameters.correct, site
        )
        if (kept := results_cache.kept(key)) is not None:
            count_search(request, query, parameters.page, kept.answered, kept.total, site)
            return HttpResponse(kept.content)
        results = results_context(request, query, site, parameters)
        response = render(request, "search/search.html", {**page_context(query, truncated, site), **results})
        answer = results["response"]
        results_cache.keep(key, results_cache.KeptResults(response.content, answered_text(answer, query), answer.total))
        return response
    context = page_context(query, truncated, site)
    if query:
        # Over the limit: what was typed stays in the box; the visitor is told when to try again.
        response = render(request, "search/search.html", {**context, "rate_limited": True}, status=429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return render(request, "search/search.html", context)


def page_context(query: str, truncated: bool, site: Site | None) -> dict:
    """What the search page shows with or without results: the box, the hot words, the page's titles."""
    return {
        "search_query": query,
        "query_truncated": truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "hot_queries": hot_queries(days=7, limit=HOT_QUERIES, site=site),
        "meta_title": _("站内搜索"),
        "meta_description": _("在本站搜索新闻、通知公告、政策和办事信息"),
        "breadcrumb_title": _("站内搜索"),
        "noindex": True,
    }


def answered_text(response: engine.SearchResponse, query: str) -> str:
    """The text the engine answered: the corrected query, the Chinese a pinyin query was read as, or the query."""
    return response.corrected_query or response.reading or query


def count_search(request: HttpRequest, query: str, page: int, answered: str, total: int, site: Site | None) -> None:
    """Record the search in the query log if it is a visitor's new one (fresh or answered by a kept page).

    The text that was answered is recorded: a typo must not become a hot word or a suggestion,
    and pinyin is remembered as the Chinese it was read as.
    """
    if should_record(request, query, page):
        record_query(answered, total, site, visitor_key(request))


def results_context(request: HttpRequest, query: str, site: Site | None, parameters: ResultsParameters) -> dict:
    """Search, record the search if it is a new one, and lay out results, facets and filters."""
    filters, sort, page = parameters.filters, parameters.sort, parameters.page
    # A page past the end (an old link after content was withdrawn) gets the last page's hits.
    response = engine.search(build_request(query, site, filters, sort, page, parameters.correct))
    count_search(request, query, page, answered_text(response, query), response.total, site)

    type_links = facet_links(request, response, "type", filters.get("type"))
    chips = [
        Chip(
            title=str(POLICY_FACETS.get(name, _("类别"))),
            label=facet_label(response, name, value),
            remove_url=query_string(request, **{name: None, "page": None}),
        )
        for name, value in filters.items()
    ]
    return {
        "response": response,
        "rank_cap": engine.RANK_CAP,
        # A pager over the total only: the engine already returned this page's hits.
        "page_obj": Paginator(range(response.listed), response.per_page or RESULTS_PER_PAGE).get_page(response.page),
        "sort": sort,
        "sort_links": [
            (key, label, query_string(request, sort=key, page=None))
            for key, label in (("relevance", _("相关度")), ("date", _("日期")))
        ],
        "type_links": type_links,
        "all_types": FacetLink(
            label=_("全部"),
            count=sum(link.count for link in type_links),
            url=query_string(request, type=None, page=None),
            active="type" not in filters,
        ),
        "policy_facets": [
            Facet(name, str(title), links)
            for name, title in POLICY_FACETS.items()
            if (links := facet_links(request, response, name, filters.get(name)))
        ],
        "chips": chips,
        "clear_filters_url": query_string(request, **dict.fromkeys((*FILTERS, "page"))),
        "original_query_url": query_string(request, correct="0", page=None),
        "hits": [(hit, engine.VALIDITY_LABELS.get(hit.validity, hit.validity)) for hit in response.results],
    }
