"""Who is asking: the visitor's address, also behind the zone's own reverse proxy, and how often."""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited

LOCAL = "127.0.0.1"


def client_ip(request: HttpRequest) -> str:
    """The visitor's IP address.

    Behind nginx every request comes from the proxy's own address, so when
    ``REMOTE_ADDR`` is one of ``settings.TRUSTED_PROXIES`` the address is read
    from ``X-Forwarded-For``: the last one there that no trusted proxy added.
    Whatever a visitor writes into that header themselves comes before it and
    is ignored, so the address cannot be forged from outside. A request
    over a Unix socket (no ``REMOTE_ADDR``) comes from this machine.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if remote and remote not in trusted:
        return remote
    remote = remote or LOCAL
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed(forwarded):
        if address and address not in trusted:
            return address if _is_ip(address) else remote
    return remote


def over_limit(request: HttpRequest, group: str, rate: str) -> bool:
    """Whether this visitor (:func:`client_ip`) has gone over ``rate`` (``"120/m"``) for ``group``; counts the request.

    Counters live in the default cache: Redis in production, shared by every
    worker; the embedded profile's one ``runserver`` process shares its
    local-memory cache among its threads. (django-ratelimit's system checks
    ask for memcached or Redis, which is why its app is not installed.)
    """
    return is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)


def _is_ip(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
