"""Fixtures for the whole suite: isolated media, a clean cache, the test zone."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from tests import database_gate
from tests.browser_gate import pytest_collection_modifyitems, pytest_terminal_summary  # noqa: F401 (hooks)
from tests.factories import Zone, build_zone


def pytest_configure(config: pytest.Config) -> None:
    """Register the engine gate (its hook shares the browser gate's name, so it cannot live in this module)."""
    config.pluginmanager.register(database_gate, "database_gate")


@pytest.fixture(scope="session", autouse=True)
def _isolated_media(tmp_path_factory):
    """Uploaded files of the tests go to a temporary folder, never into var/media.

    The fast hasher only speeds up logging in; it is a test-only setting.
    """
    with override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        PRIVATE_MEDIA_ROOT=str(tmp_path_factory.mktemp("private")),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        SMS_BACKEND="zoneportal.core.notifications.MemorySMSBackend",
    ):
        yield


@pytest.fixture
def sms_outbox():
    """Text messages sent during the test (``zoneportal.core.notifications.outbox``), empty at its start."""
    from zoneportal.core import notifications

    notifications.outbox.clear()
    yield notifications.outbox
    notifications.outbox.clear()


@pytest.fixture(autouse=True)
def _clean_cache():
    """The page cache and the OpenCC cache live in the local-memory cache: start empty.

    So does each process's copy of the holiday table (``core.workdays``): a test's rows are
    rolled back afterwards without any signal telling it.
    """
    from zoneportal.core import workdays

    cache.clear()
    workdays.forget()
    yield
    cache.clear()
    workdays.forget()


@pytest.fixture(scope="module")
def _module_zone(django_db_setup, django_db_blocker) -> Zone:
    """Build the zone once per test module inside a transaction rolled back at the end.

    Each test still runs in its own savepoint (pytest-django's ``db``), so what a
    test writes is undone after it, and the next module starts from an empty site.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_zone()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def zone(_module_zone, db) -> Zone:
    """The small test zone of tests/factories.py, built with the real models and APIs."""
    return _module_zone.reloaded()
