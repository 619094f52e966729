"""Slugs a page cannot take at the root of a site: the portal's own addresses come first.

``/admin/``, ``/search/``, ``/static/`` … are answered before Wagtail serves
pages (zoneportal/urls.py, the static files and the 繁體 prefix), so a
top-level 栏目 with one of these slugs would be saved, published and never
reachable. Editors are told when they choose the slug instead.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .traditional import PREFIX as TRADITIONAL_PREFIX


def _first_segment(url: str) -> str:
    return url.strip("/").split("/")[0]


#: The first path segments that never reach Wagtail's page serving.
RESERVED_ROOT_SLUGS = frozenset(
    {
        "admin",
        "api",
        "documents",
        "policies",  # the policy library's permanent addresses (/policies/<id>/)
        "search",
        _first_segment(settings.STATIC_URL),
        _first_segment(settings.MEDIA_URL),
        _first_segment(TRADITIONAL_PREFIX),
    }
)


def unreachable_slug_error(slug: str, parent) -> str | None:
    """Why ``slug`` cannot be used below ``parent``, or None when it can."""
    if slug in RESERVED_ROOT_SLUGS and parent is not None and parent.is_site_root():
        return _("“%(slug)s”是网站自身使用的地址，首页下的栏目不能用它，请换一个。") % {"slug": slug}
    return None


class ReachablePageForm(WagtailAdminPageForm):
    """The page editor's form: a reserved slug is a form error, with everything typed kept."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if error := unreachable_slug_error(cleaned_data.get("slug", ""), self.parent_page):
            self.add_error("slug", error)
        return cleaned_data


class ReachableSlugMixin:
    """Pages refuse a reserved slug directly below a site's home page: in the editor and in code.

    Wagtail validates drafts with ``minimal_clean`` and published pages with
    ``clean``; both are checked, so no save can make an unreachable page.
    """

    base_form_class = ReachablePageForm

    def clean(self) -> None:
        super().clean()
        self._check_slug_is_reachable()

    def minimal_clean(self) -> None:
        super().minimal_clean()
        self._check_slug_is_reachable()

    def _check_slug_is_reachable(self) -> None:
        if error := unreachable_slug_error(self.slug, self.get_parent()):
            raise ValidationError({"slug": error})
