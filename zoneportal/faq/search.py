"""The FAQ in site search: index entries of type 问答, and similar answers for the letter form.

``all_entries()`` and ``entries_for(entry)`` give the search index one
:class:`~zoneportal.search.indexers.IndexEntry` per published entry, with the
``faq:`` prefix; an unpublished entry (or one with no 便民问答 page to show it)
gives none, which tells the index to drop it.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q
from wagtail.models import Page

from zoneportal.search.analysis import query_words
from zoneportal.search.indexers import IndexEntry, SiteTree
from zoneportal.search.models import DocumentType

from .models import FaqEntry, FaqIndexPage

PREFIX = "faq:"
#: Words of a letter taken into account for similar answers (the longest first).
SIMILAR_WORDS = 8


def external_id(entry: FaqEntry) -> str:
    return f"{PREFIX}{entry.pk}"


def _list_page(sites: SiteTree) -> tuple[Page, int, str] | None:
    """The 便民问答 page entries link to (the first live one inside a site): page, site id, URL in the site."""
    for page in FaqIndexPage.objects.live().order_by("path"):
        located = sites.locate(page)
        if located is not None:
            site, url = located
            return page, site.pk, url
    return None


def _entry(entry: FaqEntry, site_id: int, list_url: str) -> IndexEntry:
    return IndexEntry(
        external_id=external_id(entry),
        type=DocumentType.FAQ,
        title=entry.question,
        url=f"{list_url}{entry.pk}/",
        text=" ".join([entry.answer, entry.topic.name if entry.topic else ""]).strip(),
        keywords=entry.topic.name if entry.topic else "",
        site_id=site_id,
        date=entry.updated_at,
        issuer=entry.department.name,
    )


def all_entries() -> Iterator[IndexEntry]:
    """An index entry for every published FAQ entry (none while no 便民问答 page is live)."""
    located = _list_page(SiteTree())
    if located is None:
        return
    _page, site_id, list_url = located
    for entry in FaqEntry.objects.published().select_related("department", "topic").order_by("pk"):
        yield _entry(entry, site_id, list_url)


def entries_for(entry: FaqEntry) -> list[IndexEntry]:
    """The index entries of one FAQ entry: one if the public can read it, none if it must leave the index."""
    if not entry.published:
        return []
    located = _list_page(SiteTree())
    if located is None:
        return []
    _page, site_id, list_url = located
    return [_entry(entry, site_id, list_url)]


def similar_entries(text: str, limit: int = 5) -> list[FaqEntry]:
    """Published entries sharing the most words with ``text`` (a letter being written), best first.

    A database query rather than the site search engine: it works whether or not
    the FAQ is in the search index yet. The text is segmented as search queries
    are; a word in an entry's question counts twice as much as one in its answer.
    """
    words = sorted({word for word in query_words(text) if len(word) >= 2}, key=len, reverse=True)[:SIMILAR_WORDS]
    if not words or limit <= 0:
        return []
    condition = Q()
    for word in words:
        condition |= Q(question__icontains=word) | Q(answer__icontains=word)
    candidates = FaqEntry.objects.published().filter(condition).select_related("department", "topic")[:200]

    def score(entry: FaqEntry) -> tuple[int, int]:
        question, answer = entry.question.lower(), entry.answer.lower()
        return (sum(2 * (word in question) + (word in answer) for word in words), entry.helpful_count)

    ranked = sorted(candidates, key=score, reverse=True)
    return ranked[:limit]
