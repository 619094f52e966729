"""Fixtures of the search tests."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.factories import Zone
from tests.search.content import add_search_content


@pytest.fixture(scope="module")
def _search_zone(_module_zone, django_db_blocker) -> Zone:
    """The test zone plus the search content, indexed once per module.

    Inside the module's rolled-back transaction (tests/conftest.py), so it goes away with the zone.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        return add_search_content(_module_zone)


@pytest.fixture
def search_zone(_search_zone, db) -> Zone:
    return _search_zone.reloaded()
