"""The computed figures: areas, costs, growth, 完成率, 七通一平, 规模以上, 亿元以上, and party coverage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zoneportal.investment import figures, party
from zoneportal.investment.party import OrganisationForm


def test_km2_to_mu():
    assert figures.km2_to_mu(Decimal("1.23")) == Decimal("1845")  # 桂花树工业园, as the zone's report gives it
    assert figures.km2_to_mu("2.1") == Decimal("3150")
    assert figures.km2_to_mu(None) is None


def test_average_cost_per_mu():
    assert figures.average_cost_per_mu(18500, 3500) == Decimal("5.29")  # the report's 5.29 万元 per 亩
    assert figures.average_cost_per_mu(14801, 1450) == Decimal("10.21")
    assert figures.average_cost_per_mu(100, 0) is None
    assert figures.average_cost_per_mu(None, 10) is None


def test_growth_rate():
    assert figures.growth_rate(Decimal("115.1"), 100) == Decimal("15.1")
    assert figures.growth_rate(80, 100) == Decimal("-20.0")
    assert figures.growth_rate(5, 0) is None
    assert figures.growth_rate(5, None) is None
    assert figures.growth_rate(None, 5) is None


def test_achievement():
    assert figures.achievement(49100, 35000) == Decimal("140.3")
    assert figures.achievement(0, 100) == Decimal("0.0")
    assert figures.achievement(10, 0) is None
    assert figures.achievement(10, None) is None


@pytest.mark.parametrize(
    ("items", "label"),
    [
        (["road", "water", "power", "gas", "telecom", "cable_tv", "broadband", "levelled"], "七通一平"),
        (["road", "water", "power", "levelled"], "三通一平"),
        (["road", "water", "power", "telecom", "levelled"], "三通一平"),
        (
            ["road", "water", "power", "gas", "telecom", "cable_tv", "broadband"],
            "道路、供水、供电、天然气、通讯、有线电视、宽带",
        ),
        (["water", "power", "levelled"], "供水、供电、土地平整"),
        ([], "尚无基础设施"),
    ],
)
def test_infrastructure_label(items, label):
    assert figures.infrastructure_label(items) == label


def test_above_scale_at_twenty_million_yuan():
    assert figures.above_scale(Decimal("2000"))
    assert not figures.above_scale(Decimal("1999.99"))
    assert not figures.above_scale(None)


def test_major_project_at_one_hundred_million_yuan():
    assert figures.major_project(10000)
    assert not figures.major_project(Decimal("9999.99"))
    assert not figures.major_project(None)


@pytest.mark.parametrize(
    ("members", "suggested", "allowed"),
    [
        (0, OrganisationForm.LIAISON, {OrganisationForm.LIAISON}),
        (1, OrganisationForm.JOINT, {OrganisationForm.JOINT, OrganisationForm.VILLAGE}),
        (2, OrganisationForm.JOINT, {OrganisationForm.JOINT, OrganisationForm.VILLAGE}),
        (3, OrganisationForm.OWN, {OrganisationForm.OWN}),
        (40, OrganisationForm.OWN, {OrganisationForm.OWN}),
    ],
)
def test_suggested_form(members, suggested, allowed):
    assert party.suggested_form(members) == suggested
    assert {form for form in OrganisationForm if party.follows_rule(form, members)} == allowed


def test_five_ones_are_five_distinct_items():
    assert len(party.FIVE_ONES) == 5 == len(set(party.FIVE_ONES_KEYS))
    assert party.five_ones_complete(party.FIVE_ONES_KEYS)
    assert not party.five_ones_complete(party.FIVE_ONES_KEYS[:4] + ("unknown",))
    assert party.five_ones_done(["venue", "venue", "rules"]) == 2


def test_coverage_rates():
    forms = [OrganisationForm.OWN, OrganisationForm.JOINT, OrganisationForm.LIAISON, OrganisationForm.NONE]
    assert party.organisation_coverage(forms) == Decimal("50.0")
    assert party.work_coverage(forms) == Decimal("75.0")
    assert party.organisation_coverage([]) is None
    checklists = [party.FIVE_ONES_KEYS, ["venue"], []]
    assert party.five_ones_rate(checklists) == Decimal("33.3")
    assert party.five_ones_rate([]) is None
