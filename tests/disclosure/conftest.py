"""The test zone's 信息公开 page under 政务公开, and requests filed through the real submission code."""

from __future__ import annotations

import pytest

from tests.factories import add_page
from zoneportal.disclosure.pages import DisclosureIndexPage
from zoneportal.disclosure.submission import Receipt, submit_request

CITIZEN = {
    "applicant_kind": "citizen",
    "name": "张三丰",
    "id_number": "11010519491231002X",
    "organisation": "",
    "credit_code": "",
    "legal_representative": "",
    "phone": "13800001234",
    "email": "zhang@example.org",
    "address": "来凤县翔凤镇胜利街1号",
    "postcode": "445700",
    "description": "请公开开发区2025年工业园区征地补偿标准及补偿款发放情况。",
    "document_reference": "",
    "purpose": "了解本户补偿是否足额",
    "medium": "electronic",
    "delivery": "email",
}

ORGANISATION = {
    **CITIZEN,
    "applicant_kind": "organisation",
    "name": "李四",
    "id_number": "",
    "organisation": "来凤县某某农业科技有限公司",
    "credit_code": "91422827MA4901234X",
    "legal_representative": "王五",
}


@pytest.fixture
def disclosure_page(zone) -> DisclosureIndexPage:
    """政务公开 › 信息公开 in the test zone, with a short guide."""
    page = DisclosureIndexPage(
        title="信息公开",
        slug="xinxigongkai",
        department=zone.departments["office"],
        guide=[("heading", "公开指南"), ("paragraph", "<p>本机关主动公开和依申请公开政府信息。</p>")],
    )
    return add_page(zone.columns["disclosure"], page)


@pytest.fixture
def filed() -> Receipt:
    """A citizen's request as the form files it."""
    return submit_request(dict(CITIZEN))
