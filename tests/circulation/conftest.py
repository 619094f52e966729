"""公文流转 fixtures: a draft of 招商发展分局 in the test zone."""

from __future__ import annotations

import pytest

from zoneportal.circulation import services
from zoneportal.circulation.models import OfficialDocument


def make_draft(zone, title: str = "关于做好园区安全生产检查的通知", **fields) -> OfficialDocument:
    """A draft written by 招商发展分局's editor (reviewed by its head, signed by the office)."""
    document = OfficialDocument(
        title=title,
        kind=OfficialDocument.Kind.NOTICE,
        urgency=OfficialDocument.Urgency.URGENT,
        department=zone.departments["invest"],
        body="各园区企业：请于本周内完成安全生产自查。",
        handling_days=5,
        **fields,
    )
    return services.save_draft(document, user=zone.users["invest_editor"])


@pytest.fixture
def draft(zone) -> OfficialDocument:
    return make_draft(zone)


def walk_to(document: OfficialDocument, zone, state: str) -> OfficialDocument:
    """Take ``document`` from 拟稿 through the steps, by the people who take them, up to ``state``."""
    State = OfficialDocument.State
    order = [State.DRAFT, State.REVIEW, State.SIGNING, State.SIGNED, State.DISTRIBUTED]
    steps = [
        lambda d: services.submit(d, user=zone.users["invest_editor"]),
        lambda d: services.approve(d, user=zone.users["invest_head"], opinion="同意"),
        lambda d: services.sign(d, user=zone.users["reviewer"], number=f"来开管发〔2026〕{d.pk}号"),
        lambda d: services.distribute(
            d, user=zone.users["reviewer"], departments=[zone.departments["finance"], zone.departments["office"]]
        ),
    ]
    for step in steps[: order.index(state)]:
        document = step(document)
    return document
