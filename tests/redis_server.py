"""The Redis the shared-cache tests run against, and counting the commands it executes."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import redis

MISSING = "no Redis reachable on 127.0.0.1:6379 (set TEST_REDIS_URL, or run .ci/test-deps to start one)"


def redis_url() -> str | None:
    """A Redis to test against: $TEST_REDIS_URL, else a local one (database 15) if it answers."""
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        return url
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return None
    return "redis://127.0.0.1:6379/15"


def require_redis() -> str:
    """:func:`redis_url`, or stop the test: a failure in CI (which starts a Redis), a skip elsewhere."""
    url = redis_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING, pytrace=False)
        pytest.skip(MISSING)
    return url


def unique_prefix() -> str:
    """A cache key prefix of this test alone: other test runs share the Redis database."""
    return f"zoneportal-test-{os.getpid()}-{secrets.token_hex(4)}"


def forget_prefix(url: str, prefix: str) -> None:
    """Delete every key a test stored under ``prefix``."""
    client = redis.Redis.from_url(url)
    try:
        keys = list(client.scan_iter(match=f"*{prefix}*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@contextlib.contextmanager
def commands_on(url: str, prefix: str) -> Iterator[list[str]]:
    """The commands Redis executes, while the block runs, on keys carrying ``prefix`` (MONITOR).

    MONITOR shows every client's commands in the order Redis executes them; a
    marker command sent after the block tells where the block's end is. Other
    test runs using the same server are left out by the prefix.
    """
    client = redis.Redis.from_url(url)
    database = int(urlsplit(url).path.strip("/") or 0)
    marker = f"{prefix}:end-of-count-{secrets.token_hex(4)}"
    commands: list[str] = []
    try:
        with client.monitor() as monitor:
            yield commands
            client.get(marker)
            while True:
                seen = monitor.next_command()
                if marker in seen["command"]:
                    break
                if prefix in seen["command"] and int(seen["db"]) == database:
                    commands.append(seen["command"])
    finally:
        client.close()
