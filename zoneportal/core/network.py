"""Who is asking: the visitor's address, also behind the zone's own reverse proxy."""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The visitor's IP address.

    Behind nginx every request comes from the proxy's own address, so when
    ``REMOTE_ADDR`` is one of ``settings.TRUSTED_PROXIES`` the address is read
    from ``X-Forwarded-For``: the last one there that no trusted proxy added.
    Whatever a visitor writes into that header themselves comes before it and
    is ignored, so the address cannot be forged from outside.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if remote not in trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed(forwarded):
        if address and address not in trusted:
            return address if _is_ip(address) else remote
    return remote


def _is_ip(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True
