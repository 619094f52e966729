"""``{% page_alternates %}`` and ``{% content_lang %}``: the 招商网's languages in every page's frame."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from zoneportal.portal.fragments import cached_part
from zoneportal.portal.templatetags.portal_tags import portal_chrome

from ..translations import Alternate, bcp47, published_translations

register = template.Library()


@register.simple_tag(takes_context=True)
def page_alternates(context: template.Context) -> list[Alternate]:
    """``{% page_alternates as alternates %}``: the page's published translations, itself included.

    Empty (and no query) on a site whose home page has no translation — the
    main portal and the 人才网 — and for a page that exists in one language only.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "translation_key", None):
        return []
    if len(portal_chrome(context).languages) < 2:
        return []

    def compute() -> list[Alternate]:
        alternates = published_translations([page], request).get(page.translation_key, [])
        return alternates if len(alternates) > 1 else []

    return cached_part(request, "page-alternates", [page.pk], compute)


@register.simple_tag
def content_lang() -> str:
    """The active content language for ``<html lang>``: ``zh-Hans``, ``en``, ``ru`` …"""
    return bcp47(get_language() or "zh-hans")
