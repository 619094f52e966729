"""Published service items in site search (type 办事指南, the built-in ``guide``).

``all_entries()`` and ``entries_for(item)`` give the index one entry per published
item, ``service:<id>``, linking below the first live 办事指南 page inside a site;
without one there is nowhere to link to, so nothing is indexed.
"""

from __future__ import annotations

from collections.abc import Iterator

from zoneportal.search.indexers import IndexEntry, SiteTree
from zoneportal.search.models import DocumentType

from .models import ServiceItem
from .pages import ServiceIndexPage

PREFIX = "service"


def _list_page(sites: SiteTree) -> tuple[int, str] | None:
    """The site id and URL in that site (ending in ``/``) of the 办事指南 page items link to."""
    for page in ServiceIndexPage.objects.live().public().order_by("path"):
        located = sites.locate(page)
        if located is not None:
            site, url = located
            return site.pk, url
    return None


def _entry(item: ServiceItem, site_id: int, list_url: str) -> IndexEntry:
    names = [topic.name for topic in (*item.topics.all(), *item.life_events.all())]
    materials = [material.name for material in item.materials.all()]
    return IndexEntry(
        external_id=f"{PREFIX}:{item.pk}",
        type=DocumentType.GUIDE,
        title=item.name,
        url=f"{list_url}{item.pk}/",
        text=" ".join([item.summary, item.conditions, item.legal_basis, *materials]).strip(),
        keywords=",".join(["办事指南", item.get_kind_display(), *names]),
        site_id=site_id,
        date=item.updated_at,
        issuer=item.department.name,
    )


def _items():
    return (
        ServiceItem.objects.published()
        .select_related("department")
        .prefetch_related("topics", "life_events", "materials")
        .order_by("pk")
    )


def all_entries() -> Iterator[IndexEntry]:
    """An entry for every published item (none while no 办事指南 page is live)."""
    located = _list_page(SiteTree())
    if located is None:
        return
    for item in _items():
        yield _entry(item, *located)


def entries_for(item: ServiceItem) -> list[IndexEntry]:
    """The entry of ``item``: none when it is not published or no 办事指南 page is live."""
    if not item.published:
        return []
    located = _list_page(SiteTree())
    return [_entry(item, *located)] if located is not None else []
