"""Which pages the public may see, decided inside one SQL query.

Wagtail's ``PageQuerySet.public()`` first fetches every view restriction and
then filters, one extra query per call; a page listing several sections would
pay it many times. ``visible_to_public`` asks the same question as a
correlated subquery instead.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.query import PageQuerySet


def in_private_section() -> Exists:
    """SQL condition: the page is, or is below, a page with a view restriction (login, password, groups)."""
    from wagtail.models import PageViewRestriction

    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))


def visible_to_public(pages: PageQuerySet) -> PageQuerySet:
    """Live pages of ``pages`` outside every private section."""
    return pages.live().exclude(in_private_section())


def _paths_needing_full_check() -> list[str]:
    """Paths of the pages with a view restriction and of alias pages, cached per page-cache generation.

    Saving or deleting a view restriction, and publishing or moving a page,
    move the generation on (``signals.py``).
    """
    from django.core.cache import cache
    from django.db.models import Q
    from wagtail.models import Page

    from .page_cache import current_generation

    key = f"portal:restricted-paths:{current_generation()}"
    paths = cache.get(key)
    if paths is None:
        # An alias page takes the restrictions of its original, wherever that is.
        pages = Page.objects.filter(Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False))
        paths = sorted(set(pages.values_list("path", flat=True)))
        cache.set(key, paths, 300)
    return paths


class PublicViewRestrictionsMixin:
    """Page mixin: answer Wagtail's view-restriction check without queries for pages nobody restricted.

    Wagtail checks ``get_view_restrictions()`` before serving every page: two
    queries (the page's ancestors, then their restrictions). Most pages sit in no
    private section, which the cached list of restricted (and alias) paths shows
    at once; for the others Wagtail's own lookup runs unchanged.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not any(self.path.startswith(path) for path in _paths_needing_full_check()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
