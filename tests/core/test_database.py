"""The database the tests run on is set up the way Chinese text needs."""

from __future__ import annotations

import pytest
from django.db import connection

from zoneportal.core.models import Department

pytestmark = pytest.mark.django_db


@pytest.mark.postgresql
def test_postgresql_test_database_has_a_utf8_character_locale():
    """CI creates it from a C.UTF-8 template (DATABASE_TEST_TEMPLATE); with LC_CTYPE 'C'
    full-text search and trigram functions mis-handle Chinese."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()"
        )
        encoding, ctype = cursor.fetchone()
    assert encoding == "UTF8"
    assert ctype.replace("-", "").lower().endswith("utf8"), ctype


def test_chinese_text_round_trips_and_matches_case_insensitively():
    Department.objects.create(name="招商发展分局（测试）", slug="zs-test", summary="负责招商引资、项目落地")
    assert Department.objects.get(slug="zs-test").name == "招商发展分局（测试）"
    assert Department.objects.filter(summary__icontains="项目落地").count() == 1
    assert Department.objects.filter(name__istartswith="招商").exists()
