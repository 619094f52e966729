"""External links (外部链接) of published pages, checked over the network with a short timeout.

Optional (``INSPECTION_EXTERNAL_LINKS`` or the run's own flag): an intranet server has no internet.
Each address is asked once per run — HEAD first, GET when a server refuses HEAD — several at a time,
and its answer is kept in the cache for a day, so a daily run asks a site it linked to yesterday again
only after the day is over.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

#: How long an address's answer is kept.
CACHE_SECONDS = 24 * 60 * 60
#: Addresses asked at once.
WORKERS = 8
#: Answers for which a server that refuses HEAD is asked again with GET.
HEAD_REFUSED = {403, 404, 405, 501}


def is_external(href: str) -> bool:
    return href.startswith(("http://", "https://"))


def _cache_key(url: str) -> str:
    return "inspection:link:" + hashlib.sha256(url.encode()).hexdigest()


def fetch_problem(url: str, timeout: float) -> str:
    """Why ``url`` cannot be opened (a status or an error, in Chinese), or "" when it answers."""
    headers = {"User-Agent": "ZonePortal-inspection/1.0"}
    try:
        response = requests.head(url, timeout=timeout, allow_redirects=True, headers=headers)
        if response.status_code in HEAD_REFUSED:
            response = requests.get(url, timeout=timeout, allow_redirects=True, headers=headers, stream=True)
            response.close()
    except requests.Timeout:
        return _("%(seconds)g 秒内无响应") % {"seconds": timeout}
    except requests.RequestException:
        return _("无法连接")
    if response.status_code >= 400:
        return _("返回 %(status)d") % {"status": response.status_code}
    return ""


def check_urls(urls: Iterable[str], timeout: float | None = None) -> dict[str, str]:
    """``{url: problem}`` for each address that cannot be opened, from the cache or asked now."""
    timeout = settings.INSPECTION_LINK_TIMEOUT if timeout is None else timeout
    urls = sorted(set(urls))
    known = cache.get_many([_cache_key(url) for url in urls])
    answers = {url: known[_cache_key(url)] for url in urls if _cache_key(url) in known}
    asked = [url for url in urls if url not in answers]
    if asked:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            fresh = dict(zip(asked, pool.map(lambda url: fetch_problem(url, timeout), asked), strict=True))
        cache.set_many({_cache_key(url): problem for url, problem in fresh.items()}, CACHE_SECONDS)
        answers.update(fresh)
    return {url: problem for url, problem in answers.items() if problem}
