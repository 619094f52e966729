"""The content language of a public request: from its URL prefix only.

The Chinese pages keep their addresses (``/``, ``/yuanqu/``); the 招商网's
translations live under ``/en/``, ``/ru/`` … (``i18n_patterns`` with
``prefix_default_language=False`` in ``zoneportal/urls.py``). Django's
``LocaleMiddleware`` is deliberately not used: it also reads the language
cookie and ``Accept-Language`` and answers with ``Vary: Accept-Language``.
The page cache (``portal/page_cache.py``) keys on the URL and the cookies, so
a Chinese page must look the same whatever the browser prefers — the URL alone
decides. :class:`ContentLanguageMiddleware` activates that language before
the page cache builds its key (Django adds the active language to it).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

#: Wagtail's content languages other than the default one: each has its URL prefix.
PREFIXED_LANGUAGES: frozenset[str] = frozenset(
    code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE
)


def language_from_path(path: str) -> str:
    """The content language of ``path``: its first segment when that is a prefixed language, else the default.

    Exact matches only — Django's own lookup would take ``/zh-hant/`` for a
    variant of zh-hans, and the 繁體 view is not a content language.
    """
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in PREFIXED_LANGUAGES else settings.LANGUAGE_CODE


class ContentLanguageMiddleware:
    """Activate the language named by the URL prefix (or the default) for the whole request, and nothing else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_from_path(request.path_info)
        request.LANGUAGE_CODE = language
        # Activated even for the default: a thread keeps the last request's language otherwise.
        with translation.override(language):
            return self.get_response(request)
