"""Fixtures of the policy import tests: the test zone with a live policy library page."""

from __future__ import annotations

import pytest

from tests.factories import add_page
from zoneportal.policies.pages import PolicyLibraryPage


@pytest.fixture
def library(zone) -> PolicyLibraryPage:
    """A live 政策法规库 page under the test zone's home page: imported documents get addresses and are indexed."""
    return add_page(zone.home, PolicyLibraryPage(title="政策法规", slug="zhengce"))
