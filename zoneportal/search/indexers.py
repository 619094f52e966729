"""What goes into the search index: one ``IndexEntry`` per public item, and the pages source.

Pages are described generically from their Wagtail ``search_fields`` (so a
new page type is searchable without code here), with articles adding their
document properties and the kind of their column. Pages are one source among
others (``sources.py``): :func:`register_pages` registers them as other apps
register theirs, under the prefix ``page``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site
from wagtail.search import index

from zoneportal.portal.models import ArticlePage, ColumnPage, GovernmentMetaMixin
from zoneportal.portal.visibility import visible_to_public

from .models import DocumentType

#: Plain text kept per document for snippets; the index itself has all of it.
TEXT_LIMIT = 20_000


@dataclass
class IndexEntry:
    """One searchable item, as the indexer receives it (plain text, not yet segmented)."""

    external_id: str
    type: str
    title: str
    url: str
    text: str = ""
    keywords: str = ""
    site_id: int | None = None
    date: datetime | None = None
    doc_number: str = ""
    category: str = ""
    issuer: str = ""
    year: int | None = None
    validity: str = ""


def page_external_id(page_id: int) -> str:
    return f"page:{page_id}"


class SiteTree:
    """Which site a page belongs to and its URL there, without a query per page."""

    def __init__(self) -> None:
        # Deepest roots first, so a sub-site below the main site wins.
        self.sites = sorted(Site.objects.select_related("root_page"), key=lambda s: -len(s.root_page.path))

    def locate(self, page: Page) -> tuple[Site, str] | None:
        """``(site, url relative to that site)``, or None for a page outside every site."""
        for site in self.sites:
            root = site.root_page
            if page.path.startswith(root.path):
                return site, page.url_path[len(root.url_path) - 1 :]
        return None


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    return " ".join(strip_tags(str(value)).split())


def page_text(page: Page) -> str:
    """Every searchable field of the page except its title, as plain text."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_plain(field.get_value(page)))
    return " ".join(part for part in parts if part)


def page_entries(pages: Iterable[Page], sites: SiteTree | None = None) -> Iterator[IndexEntry]:
    """Index entries of specific ``pages`` that the public can see on some site."""
    sites = sites or SiteTree()
    pages = list(pages)
    parent_paths = {page.path[: -Page.steplen] for page in pages if isinstance(page, ArticlePage)}
    column_kinds = dict(ColumnPage.objects.filter(path__in=parent_paths).values_list("path", "content_kind"))
    for page in pages:
        located = sites.locate(page)
        if located is None or page.depth <= 1:
            continue
        site, url = located
        entry = IndexEntry(
            external_id=page_external_id(page.pk),
            type=DocumentType.PAGE,
            title=page.title,
            url=url,
            text=page_text(page)[:TEXT_LIMIT],
            site_id=site.pk,
            date=page.last_published_at,
        )
        if isinstance(page, GovernmentMetaMixin):
            entry.keywords = page.keywords
        if isinstance(page, ArticlePage):
            entry.type = column_kinds.get(page.path[: -Page.steplen], DocumentType.NEWS)
            entry.date = page.publish_at
            entry.doc_number = page.doc_number
            entry.category = page.policy_category
            entry.issuer = page.issuer or (page.content_source if entry.type == DocumentType.POLICY else "")
            entry.validity = page.validity
            if entry.type == DocumentType.POLICY:
                entry.year = timezone.localtime(page.publish_at).year
        # A page type may say more about itself (its type, date, issuer) than its search fields.
        amend = getattr(page, "amend_index_entry", None)
        if amend is not None:
            amend(entry)
        yield entry


def public_pages():
    """Every live Chinese page the public can see, as specific pages.

    The 招商网's translations (/en/, /ru/ …, investsite) are left out: the site search, its
    suggestions and its spelling are Chinese, and those pages lie outside every site's root.
    """
    pages = Page.objects.filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE)
    return visible_to_public(pages).specific().order_by("path")


#: Pages are read from the database this many at a time while the index is rebuilt.
PAGE_CHUNK = 500


def all_page_entries() -> Iterator[IndexEntry]:
    """Entries of every public page, read a chunk at a time."""
    sites = SiteTree()
    pages = public_pages().iterator(chunk_size=PAGE_CHUNK)
    while chunk := list(islice(pages, PAGE_CHUNK)):
        yield from page_entries(chunk, sites)


def page_entries_for_ids(page_ids: list) -> list[IndexEntry]:
    """Entries of these pages if the public can see them (a move or a privacy change reaches whole subtrees)."""
    return list(page_entries(public_pages().filter(pk__in=page_ids)))


def register_pages() -> None:
    """The pages source: every public page of every site, kept current by ``signals.py``."""
    from .sources import register_source

    register_source(
        "page",
        DocumentType.PAGE,
        DocumentType.PAGE.label,
        all_page_entries,
        lambda page: page_entries_for_ids([page.pk]),
        model=Page,
        count=lambda: public_pages().count(),
        entries_for_ids=page_entries_for_ids,
        other_types=[(kind.value, kind.label) for kind in ColumnPage.ContentKind],
    )
