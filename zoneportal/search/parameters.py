"""A visitor's search parameters, checked the same way for the results page and the API.

The page drops a bad value (search links get pasted, truncated and probed by robots);
the API answers 422 for one (``api.SearchParams`` uses the limits here). Either way the
engine receives a :class:`SearchRequest` built by :func:`build_request`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wagtail.models import Site

from .query import MAX_QUERY_LENGTH, clean_query
from .sources import type_values

#: Deep pages of a search are for robots; people refine the query instead (the engine stops there too).
MAX_PAGE = 100
MIN_YEAR, MAX_YEAR = 1949, 2100
RESULTS_PER_PAGE = 10
#: A visitor over the search rate (settings.SEARCH_RATE, per minute) is asked to wait this long.
RETRY_AFTER_SECONDS = 60
#: The filters a search takes, in the order the page shows them.
FILTERS = ("type", "category", "issuer", "year", "validity")
SORTS = ("relevance", "date")


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


def clean_text(raw: str | None) -> tuple[str, bool]:
    """A visitor's text as the engine will use it, and whether it had to be shortened."""
    text = clean_query(raw)
    return text, len(" ".join((raw or "").split())) > MAX_QUERY_LENGTH


def positive_int(raw: str | None, maximum: int) -> int | None:
    """``raw`` as an integer in 1..maximum, or ``None`` for anything else."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if 1 <= value <= maximum else None


def clean_filters(params: Mapping[str, object]) -> dict[str, str]:
    """The filters of a request that are usable, as strings; the rest are dropped."""
    filters: dict[str, str] = {}
    if params.get("type") in type_values():
        filters["type"] = str(params["type"])
    for name in ("category", "issuer", "validity"):
        if value := clean_query(params.get(name)):
            filters[name] = value
    year = positive_int(params.get("year"), MAX_YEAR)
    if year is not None and year >= MIN_YEAR:
        filters["year"] = str(year)
    return filters


def build_request(
    query: str,
    site: Site | None,
    filters: dict[str, str],
    sort: str = "relevance",
    page: int = 1,
    correct: bool = True,
) -> SearchRequest:
    """The engine's request for a cleaned query and cleaned filters (page and API share it)."""
    return SearchRequest(
        query=query,
        site=site,
        type=filters.get("type", ""),
        category=filters.get("category", ""),
        issuer=filters.get("issuer", ""),
        year=int(filters["year"]) if "year" in filters else None,
        validity=filters.get("validity", ""),
        sort=sort if sort in SORTS else "relevance",
        page=page,
        per_page=RESULTS_PER_PAGE,
        correct=correct,
    )
