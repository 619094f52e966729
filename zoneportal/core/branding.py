"""The zone's name and emblem in the back office, read from the default site's 网站设置 (PortalSettings)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Site

from zoneportal.portal.models import PortalSettings


@dataclass(frozen=True)
class Brand:
    """What the login page, the sidebar and the browser tab show."""

    name: str
    short_name: str
    emblem_url: str | None


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
