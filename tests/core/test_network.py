"""The visitor's address, directly and behind the zone's reverse proxy."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from zoneportal.core.network import client_ip


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_a_direct_visitor_is_their_own_address_whatever_they_claim():
    assert client_ip(request_from("203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("203.0.113.7", "10.1.1.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),  # nginx appended the visitor
        ("10.9.9.9, 203.0.113.7", "203.0.113.7"),  # what the visitor wrote comes first and is ignored
        ("203.0.113.7, 127.0.0.1", "203.0.113.7"),  # two proxies of ours
        ("2001:db8::1", "2001:db8::1"),
        ("not-an-address", "127.0.0.1"),
        ("", "127.0.0.1"),
    ],
)
def test_behind_a_trusted_proxy_the_last_address_it_did_not_add(forwarded, expected):
    assert client_ip(request_from("127.0.0.1", forwarded)) == expected


def test_a_unix_socket_peer_is_this_machine_and_may_forward():
    assert client_ip(request_from("")) == "127.0.0.1"
    assert client_ip(request_from("", "203.0.113.7")) == "203.0.113.7"


def test_the_trusted_proxies_are_a_setting(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_ip(request_from("10.0.0.2", "203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("127.0.0.1", "203.0.113.7")) == "127.0.0.1"
