"""Site search entries of the public ledger: one ``IndexEntry`` per public item, prefix ``rectification:``.

An item is found at ``<the ledger page>/<id>/`` on the site holding the first live,
public 整改台账 page; with no such page there is nowhere to link, so no entries.
What is indexed is what the public page shows: title, problem, measures,
department and state — never the responsible person or the source's reference.
The search app calls :func:`all_entries` when it rebuilds and :func:`entries_for`
when an item changes.
"""

from __future__ import annotations

from collections.abc import Iterator

from zoneportal.portal.visibility import visible_to_public
from zoneportal.search.indexers import IndexEntry, SiteTree

from .models import LedgerPage, RectificationItem

PREFIX = "rectification:"
#: ``IndexEntry.type`` of a ledger item (整改台账), registered with the search sources (apps.py).
LEDGER_TYPE = "rectification"


def external_id(item_id: int) -> str:
    """The search document's id of an item."""
    return f"{PREFIX}{item_id}"


def ledger_location(sites: SiteTree | None = None) -> tuple[int, str] | None:
    """``(site id, URL of the ledger page on that site)`` of the public ledger, or None."""
    page = visible_to_public(LedgerPage.objects.all()).order_by("path").first()
    if page is None:
        return None
    located = (sites or SiteTree()).locate(page)
    if located is None:
        return None
    site, url = located
    return site.pk, url


def _entry(item: RectificationItem, location: tuple[int, str]) -> IndexEntry:
    site_id, page_url = location
    text = " ".join(
        part
        for part in (
            item.description,
            " ".join(item.measure_list),
            item.department.name,
            item.get_state_display(),
            item.get_source_kind_display(),
        )
        if part
    )
    return IndexEntry(
        external_id=external_id(item.pk),
        type=LEDGER_TYPE,
        title=item.title,
        url=f"{page_url}{item.pk}/",
        text=text,
        keywords="整改台账",
        site_id=site_id,
        date=item.rectified_at or item.created_at,
        issuer=item.department.name,
    )


def all_entries() -> Iterator[IndexEntry]:
    """Entries of every public item (none without a public ledger page)."""
    location = ledger_location()
    if location is None:
        return
    for item in LedgerPage.public_items():
        yield _entry(item, location)


def entries_for(item: RectificationItem) -> list[IndexEntry]:
    """The entry of ``item`` when it is public and the ledger page is live; else none (remove it)."""
    if not item.is_public or not RectificationItem.objects.filter(pk=item.pk, is_public=True).exists():
        return []
    location = ledger_location()
    if location is None:
        return []
    fresh = LedgerPage.public_items().get(pk=item.pk)
    return [_entry(fresh, location)]
