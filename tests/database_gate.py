"""Tests for one database engine are left out on the other, counted as deselected — never as skipped.

``@pytest.mark.sqlite`` marks a test of SQLite's own storage (FTS5), ``@pytest.mark.postgresql`` one of
PostgreSQL's (tsvector, VACUUM). CI runs the suite on both engines, so each such test runs in one of
the two runs; a skip would read as "something could not run", which is not the case.
"""

from __future__ import annotations

import pytest
from django.db import connection

ENGINES = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect the tests marked for an engine other than the one the run uses."""
    other = [engine for engine in ENGINES if engine != connection.vendor]
    left_out = [item for item in items if any(item.get_closest_marker(engine) for engine in other)]
    if left_out:
        items[:] = [item for item in items if item not in left_out]
        config.hook.pytest_deselected(items=left_out)
