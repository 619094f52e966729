"""网站可访问: the response time of the key pages (home, a column, search), fetched over HTTP like a visitor.

Measured when the site's own address is known (``INSPECTION_SITE_URL``, as the task's machine reaches
the site); a page answering after ``INSPECTION_DOWN_SECONDS`` (15 s), with an error status or not at
all counts as down, a 单项否决 item.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from django.conf import settings
from django.utils.translation import gettext as _


@dataclass
class Measurement:
    """One key page: its address, how long it took, and why it counts as down ("" when it is up)."""

    url: str
    seconds: float
    problem: str = ""


def key_paths(column_path: str | None) -> list[str]:
    """The home page, a list column (the first one, when there is one) and a search."""
    paths = ["/"]
    if column_path:
        paths.append(column_path)
    paths.append("/search/?q=%E5%BC%80%E5%8F%91%E5%8C%BA")  # 开发区
    return paths


def measure(base_url: str, paths: list[str], down_seconds: float | None = None) -> list[Measurement]:
    """Fetch each of ``paths`` below ``base_url``; a page slower than ``down_seconds`` or failing is down."""
    down_seconds = settings.INSPECTION_DOWN_SECONDS if down_seconds is None else down_seconds
    measurements = []
    for path in paths:
        url = urljoin(base_url.rstrip("/") + "/", path.lstrip("/"))
        started = time.perf_counter()
        try:
            response = requests.get(url, timeout=down_seconds, headers={"User-Agent": "ZonePortal-inspection/1.0"})
            seconds = time.perf_counter() - started
            if response.status_code >= 400:
                problem = _("返回 %(status)d") % {"status": response.status_code}
            elif seconds >= down_seconds:
                problem = _("响应 %(seconds).1f 秒") % {"seconds": seconds}
            else:
                problem = ""
        except requests.Timeout:
            seconds = time.perf_counter() - started
            problem = _("%(limit)g 秒内无响应") % {"limit": down_seconds}
        except requests.RequestException:
            seconds = time.perf_counter() - started
            problem = _("无法访问")
        measurements.append(Measurement(url, seconds, problem))
    return measurements
