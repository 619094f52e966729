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
