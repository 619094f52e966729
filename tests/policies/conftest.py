"""The test zone plus 政务公开 › 政策法规 (a library page) with a handful of documents of two departments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tests.factories import Zone, add_page
from zoneportal.policies.models import (
    Policy,
    PolicyCategory,
    PolicyInterpretation,
    PolicyIssuer,
    PolicyLibraryPage,
    PolicyTopic,
    Validity,
)


@dataclass
class Library:
    zone: Zone
    page: PolicyLibraryPage
    preferential: PolicyCategory  # 开发区优惠政策 (01)
    tax: PolicyCategory  # 税务政策 (02)
    committee: PolicyIssuer
    province: PolicyIssuer
    investment: PolicyTopic
    current: Policy  # valid, 2016, 管委会, 招商发展分局
    old: Policy  # amended, replaced by current, 2015
    repealed: Policy  # repealed, 2015, tax, 省政府
    draft: Policy  # not live
    interpretation: PolicyInterpretation


def make_policy(**fields) -> Policy:
    """A saved document; ``issuers`` and ``topics`` are lists."""
    issuers = fields.pop("issuers", [])
    topics = fields.pop("topics", [])
    policy = Policy(**fields)
    policy.full_clean(exclude=["issuers", "topics", "index_number", "external_id"])
    policy.issuers.set(issuers)  # parental relations: written by the save below
    policy.topics.set(topics)
    policy.save()
    return policy


@pytest.fixture
def library(zone: Zone) -> Library:
    invest, finance = zone.departments["invest"], zone.departments["finance"]
    page = add_page(zone.columns["disclosure"], PolicyLibraryPage(title="政策法规", slug="zhengce", department=invest))
    preferential = PolicyCategory.objects.get(code="01")
    tax = PolicyCategory.objects.get(code="02")
    committee = PolicyIssuer.objects.create(name="来凤经济开发区管理委员会", sort_order=1)
    province = PolicyIssuer.objects.create(name="湖北省人民政府", sort_order=2)
    investment = PolicyTopic.objects.create(name="招商引资")
    current = make_policy(
        title="来凤经济开发区招商引资优惠政策（2016年修订）",
        doc_number="来开管发〔2016〕1号",
        category=preferential,
        department=invest,
        written_on=date(2016, 1, 5),
        issued_on=date(2016, 1, 10),
        effective_on=date(2016, 2, 1),
        body="<p>税收地方留成部分以返代免。</p><h2>适用范围</h2><ul><li>入园企业</li></ul>",
        issuers=[committee],
        topics=[investment],
    )
    old = make_policy(
        title="来凤经济开发区招商引资优惠政策",
        doc_number="来开管发〔2015〕3号",
        category=preferential,
        department=invest,
        issued_on=date(2015, 3, 12),
        validity=Validity.AMENDED,
        replaced_by=current,
        body="<p>企业所得税免二减三。</p>",
        issuers=[committee],
        topics=[investment],
    )
    repealed = make_policy(
        title="关于开发区税收返还的通知",
        doc_number="鄂政发〔2015〕9号",
        category=tax,
        department=finance,
        issued_on=date(2015, 6, 1),
        validity=Validity.REPEALED,
        body="<p>已废止的税收返还办法。</p>",
        issuers=[province, committee],
    )
    draft = make_policy(
        title="尚未发布的草稿文件", category=tax, department=finance, issued_on=date(2016, 5, 1), live=False
    )
    interpretation = PolicyInterpretation.objects.create(
        title="一图读懂：入园企业可以享受哪些优惠",
        kind=PolicyInterpretation.Kind.TEXT,
        department=invest,
        published_on=date(2016, 1, 20),
        body="<p>以返代免，即先征收、再按政策返还。</p>",
    )
    interpretation.policies.set([current])
    interpretation.save()
    current.related.set([repealed])
    current.save()
    return Library(
        zone, page, preferential, tax, committee, province, investment, current, old, repealed, draft, interpretation
    )


@pytest.fixture
def library_page(zone: Zone) -> PolicyLibraryPage:
    """Just a live 政策法规库 page under the test zone's home page: imported documents get addresses and are indexed."""
    return add_page(zone.home, PolicyLibraryPage(title="政策法规", slug="zhengce"))
