"""``/sitemap.xml`` with the 招商网's translations: every language's pages, each with its ``hreflang`` alternates."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .translations import bcp47, published_translations


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap of the request's site, plus the page trees of its home page's translations.

    A page published in more than one language lists them all as
    ``<xhtml:link rel="alternate" hreflang="…">`` (Django's sitemap template
    writes ``alternates``), itself included, and the Chinese page as ``x-default``.
    """

    def items(self):
        home = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=home.translation_key).values_list("path", flat=True)
        trees = Q()
        for path in homes:
            trees |= Q(path__startswith=path)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's entries of one sitemap page, the page's own entry with its translations."""
        items = list(self.paginator.page(page).object_list)
        translations = published_translations(items, self.request)
        urls = []
        last_mods = set()
        for item in items:
            entries = item.get_sitemap_urls(self.request)
            alternates = translations.get(item.translation_key, [])
            if entries and len(alternates) > 1:
                listed = [{"lang_code": bcp47(a.language_code), "location": a.url} for a in alternates]
                default = next((a for a in alternates if a.language_code == settings.LANGUAGE_CODE), None)
                if default is not None:
                    listed.append({"lang_code": "x-default", "location": default.url})
                entries[0] = {**entries[0], "alternates": listed}
            urls.extend(entries)
            last_mods.update(entry.get("lastmod") for entry in entries)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
