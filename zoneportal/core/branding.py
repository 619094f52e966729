"""The zone's name and emblem in the back office, read from the default site's 网站设置 (PortalSettings)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Site

from zoneportal.portal.models import PortalSettings


@dataclass(frozen=True)
class Brand:
    """What the login page, the sidebar and the browser tab show."""

    name: str
    short_name: str
    emblem_url: str | None


#: How long a brand is kept at most; saving the site settings, a site or an image moves the generation on at once
#: (``portal/signals.py``), the timeout only bounds what a signal might miss.
BRAND_CACHE_SECONDS = 300


def cached_zone_brand(request: HttpRequest | None) -> Brand:
    """:func:`zone_brand`, kept under the page-cache generation (and on ``request`` for the rest of it).

    Every admin page shows the brand twice (the tab's title, the sidebar): read from the
    database each time, that was four queries per page.
    """
    from zoneportal.portal.page_cache import layered_cache, request_generation

    brand = getattr(request, "_zone_brand", None)
    if brand is not None:
        return brand
    key = f"core:brand:{get_language()}:{request_generation(request)}"
    brand = layered_cache.get(key)
    if brand is None:
        brand = zone_brand()
        layered_cache.set(key, brand, BRAND_CACHE_SECONDS)
    if request is not None:
        request._zone_brand = brand
    return brand


def zone_brand() -> Brand:
    """The default site's name, short name and emblem (a rendition URL, or None for the built-in emblem).

    Without a default site (a fresh database), the name is ``WAGTAIL_SITE_NAME``.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Brand(settings.WAGTAIL_SITE_NAME, settings.WAGTAIL_SITE_NAME, None)
    portal_settings = PortalSettings.for_site(site)
    name = portal_settings.site_name or settings.WAGTAIL_SITE_NAME
    emblem_url = None
    if portal_settings.emblem is not None:
        # A small square rendition: the sidebar shows it at about 60 pixels, the login page at 96.
        emblem_url = portal_settings.emblem.get_rendition("fill-192x192").url
    return Brand(name, portal_settings.site_short_name or name, emblem_url)
