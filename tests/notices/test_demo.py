"""The demo's notices: published by the office, some read and some signed, removed with their departments."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories import make_user
from zoneportal.core.models import Department
from zoneportal.notices import demo, services
from zoneportal.notices.models import Notice, NoticeReceipt

pytestmark = pytest.mark.django_db


def test_the_demo_notices_have_readers_and_signatures():
    slugs = {spec_slug for spec in demo.NOTICES for spec_slug in spec.recipients} | {demo.SENDER}
    departments = {}
    for order, slug in enumerate(sorted(slugs)):
        kind = Department.Kind.OFFICE if slug == demo.SENDER else Department.Kind.BUREAU
        departments[slug] = Department.objects.create(name=f"部门{slug}", slug=slug, kind=kind, sort_order=order)
        make_user(f"{slug}_editor", departments[slug].editors_group)
        make_user(f"{slug}_head", departments[slug].heads_group)
    ticks = []
    builder = SimpleNamespace(departments=departments, progress=SimpleNamespace(tick=lambda: ticks.append(1)))

    demo.build(builder)

    assert len(ticks) == demo.steps() == Notice.objects.count() == 3
    assert set(Notice.objects.values_list("state", flat=True)) == {Notice.State.PUBLISHED}
    for spec in demo.NOTICES:
        notice = Notice.objects.get(title=spec.title)
        receipts = {r.user.username: r for r in NoticeReceipt.objects.filter(notice=notice).select_related("user")}
        assert set(receipts) == set(spec.read_by) | set(spec.signed_by)
        assert {name for name, r in receipts.items() if r.signed_at} == set(spec.signed_by)
        overview = services.receipt_overview(notice)
        assert overview.signed == len(spec.signed_by) and overview.total == 2 * len(spec.recipients)

    demo.remove(list(departments.values()))
    assert not Notice.objects.exists()
