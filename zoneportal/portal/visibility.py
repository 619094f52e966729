"""Which pages the public may see, from a list of private sections kept per page-cache generation.

Wagtail's ``PageQuerySet.public()`` first fetches every view restriction and
then filters, one extra query per call; a page listing several sections would
pay it many times, and its check before serving a page costs two queries more.
Here the paths of the pages that carry a view restriction (login, password,
groups) are read once per page-cache generation — saving or deleting a
restriction, and publishing or moving a page, start a new one
(``signals.py``) — and a page is private when its path starts with one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.query import PageQuerySet

from .page_cache import current_generation, layered_cache

#: Upper bound on anything the generation signals might miss.
SECTIONS_CACHE_SECONDS = 300


@dataclass(frozen=True)
class PrivateSections:
    """Paths of the pages with a view restriction, and of alias pages (which take their original's)."""

    restricted: tuple[str, ...]
    aliases: tuple[str, ...]

    def is_private(self, path: str) -> bool:
        """True when the page at ``path`` is, or is below, a page with a view restriction."""
        return path.startswith(self.restricted)


def private_sections() -> PrivateSections:
    """The site's private sections (one query per page-cache generation)."""
    from wagtail.models import Page

    key = f"portal:private-sections:{current_generation()}"
    sections = layered_cache.get(key)
    if sections is None:
        rows = Page.objects.filter(Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False)).values_list(
            "path", "alias_of_id", "view_restrictions"
        )
        restricted, aliases = set(), set()
        for path, alias_of_id, restriction_id in rows:
            if restriction_id is not None:
                restricted.add(path)
            if alias_of_id is not None:
                aliases.add(path)
        sections = PrivateSections(tuple(sorted(restricted)), tuple(sorted(aliases)))
        layered_cache.set(key, sections, SECTIONS_CACHE_SECONDS)
    return sections


def outside_private_sections() -> Q:
    """Query condition: the page is in no private section."""
    restricted = private_sections().restricted
    if not restricted:
        return Q()
    return ~reduce(or_, (Q(path__startswith=path) for path in restricted))


def visible_to_public(pages: PageQuerySet) -> PageQuerySet:
    """Live pages of ``pages`` outside every private section."""
    return pages.live().filter(outside_private_sections())


class PublicViewRestrictionsMixin:
    """Page mixin: answer Wagtail's view-restriction check without queries for pages nobody restricted.

    Wagtail checks ``get_view_restrictions()`` before serving every page: two
    queries (the page's ancestors, then their restrictions). A page in no
    private section and below no alias page has none; for the others Wagtail's
    own lookup runs unchanged.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        sections = private_sections()
        if self.alias_of_id is None and not self.path.startswith(sections.restricted + sections.aliases):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
