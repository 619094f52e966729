"""A page's published translations: the language switcher, ``hreflang`` links and the sitemap's alternates."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

#: Each content language's name in itself, for the switcher (settings name them in Chinese for the back office).
LANGUAGE_NAMES: dict[str, str] = {
    "zh-hans": "简体中文",
    "en": "English",
    "ru": "Русский",
    "ja": "日本語",
    "ko": "한국어",
    "de": "Deutsch",
    "fr": "Français",
}


def bcp47(language_code: str) -> str:
    """Django's ``zh-hans`` as HTML and sitemaps write it: ``zh-Hans`` (``lang``, ``hreflang``)."""
    base, _sep, rest = language_code.partition("-")
    if not rest:
        return base
    return f"{base}-{rest.title() if len(rest) == 4 else rest.upper()}"


@dataclass(frozen=True)
class Alternate:
    """One published translation of a page."""

    language_code: str
    url: str  #: absolute: ``hreflang`` links and the sitemap
    link: str  #: for the switcher: relative on the request's own site (its port may differ from the Site's)

    @property
    def hreflang(self) -> str:
        return bcp47(self.language_code)

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.language_code, self.language_code)


def language_order(language_code: str) -> int:
    """Position in ``WAGTAIL_CONTENT_LANGUAGES`` (Chinese first), for a stable switcher and sitemap."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return codes.index(language_code) if language_code in codes else len(codes)


def published_translations(pages: list[Page], request: HttpRequest | None = None) -> dict[object, list[Alternate]]:
    """For each translation key of ``pages``: its live, public pages as :class:`Alternate` (one query)."""
    keys = {page.translation_key for page in pages}
    found: dict[object, list[Alternate]] = {key: [] for key in keys}
    rows = Page.objects.live().public().filter(translation_key__in=keys).select_related("locale")
    for row in rows:
        url = row.get_full_url(request)
        if url:
            link = row.get_url(request) or url
            found[row.translation_key].append(Alternate(row.locale.language_code, url, link))
    for alternates in found.values():
        alternates.sort(key=lambda alternate: language_order(alternate.language_code))
    return found
