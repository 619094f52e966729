"""安置与失地保障: the computed 5:2:3 split, validation, the summary, permissions (国土建设分局 edits, others read)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.utils import admin_form, assert_denied, logged_in_client, text_of
from zoneportal.resettlement import figures
from zoneportal.resettlement.models import HousingSite, InsuranceBatch, Relocation, SiteStage
from zoneportal.resettlement.summary import summary

FORM = "w-editor-form"


def url(model, name: str, *args) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


@pytest.mark.parametrize(
    ("total", "parts"),
    [
        ("10000", ("5000.00", "2000.00", "3000.00")),
        ("0.01", ("0.01", "0.00", "0.00")),
        ("0.03", ("0.02", "0.01", "0.00")),  # 0.015 → 0.02, 0.006 → 0.01, the rest 0.00: still 0.03
        ("333.33", ("166.67", "66.67", "99.99")),
        ("0", ("0.00", "0.00", "0.00")),
    ],
)
def test_split_is_five_two_three_and_adds_up(total, parts):
    split = figures.split_contribution(Decimal(total))
    assert (split.government, split.collective, split.individual) == tuple(Decimal(part) for part in parts)
    assert split.total == Decimal(total)


def test_every_split_adds_up():
    for cents in range(0, 100_001, 37):
        total = Decimal(cents) / 100
        assert figures.split_contribution(total).total == total


def test_rate():
    assert figures.rate(30, 110) == Decimal("27.3")
    assert figures.rate(1, 0) is None and figures.rate(None, 5) is None


@pytest.mark.django_db
def test_batch_shares_computed_never_stored(investment):
    batch = InsuranceBatch(batch="第一批", insured=100, contribution=Decimal("1000000"), department=investment.land)
    batch.full_clean()
    batch.save()
    assert (batch.government_share, batch.collective_share, batch.individual_share) == (
        Decimal("500000.00"),
        Decimal("200000.00"),
        Decimal("300000.00"),
    )
    assert not {"government_share", "collective_share"} & {field.name for field in InsuranceBatch._meta.fields}
    assert InsuranceBatch(batch="无", insured=1, department=investment.land).split is None


@pytest.mark.django_db
def test_validation(investment):
    with pytest.raises(ValidationError) as error:
        Relocation(
            village="桂花树村", households=10, natural_villages=2, whole_villages_moved=3, department=investment.land
        ).full_clean()
    assert "整体搬迁的自然湾不能多于涉及的自然湾" in str(error.value)
    with pytest.raises(ValidationError) as error:
        HousingSite(
            name="在建点",
            stage=SiteStage.BUILDING,
            floor_area=Decimal("5"),
            households_moved_in=3,
            department=investment.land,
        ).full_clean()
    assert "只有已竣工的还建点才能有入住户数" in str(error.value)
    with pytest.raises(ValidationError):
        InsuranceBatch(batch="x", insured=1, contribution=Decimal("-1"), department=investment.land).full_clean()


@pytest.mark.django_db
def test_summary_totals_and_rates(investment):
    land = investment.land
    assert summary().households_relocated == 0 and summary().completed_area_rate is None
    Relocation.objects.create(village="甲村", households=300, people=1000, department=land)
    Relocation.objects.create(village="乙村", households=100, people=400, approximate=True, department=land)
    HousingSite.objects.create(
        name="一号",
        stage="completed",
        site_count=2,
        floor_area=Decimal("3.5"),
        households_moved_in=200,
        department=land,
    )
    HousingSite.objects.create(name="二号", stage="building", floor_area=Decimal("6.5"), department=land)
    InsuranceBatch.objects.create(
        year=2010, batch="第一批", insured=500, monthly_benefit=Decimal("200"), department=land
    )
    InsuranceBatch.objects.create(
        year=2011, batch="第一批", insured=300, monthly_benefit=Decimal("252"), department=land
    )
    InsuranceBatch.objects.create(batch="未注明年份", insured=10, monthly_benefit=Decimal("100"), department=land)
    result = summary()
    assert (result.households_relocated, result.people_relocated, result.approximate) == (400, 1400, True)
    assert (result.sites, result.floor_area, result.completed_sites, result.completed_area) == (
        3,
        Decimal("10.00"),
        2,
        Decimal("3.50"),
    )
    assert result.households_moved_in == 200 and result.moved_in_rate == Decimal("50.0")
    assert result.completed_area_rate == Decimal("35.0")
    assert result.insured == 810 and result.latest_monthly_benefit == Decimal("252")


@pytest.mark.django_db
def test_land_bureau_edits_others_read_only(investment):
    batch = InsuranceBatch.objects.create(batch="第一批", insured=100, department=investment.land)
    land = logged_in_client(investment.user("guotu_editor"))
    data = admin_form(land.get(url(InsuranceBatch, "edit", batch.pk)), FORM)
    data["contribution"] = "10000"
    assert land.post(url(InsuranceBatch, "edit", batch.pk), data).status_code == 302
    batch.refresh_from_db()
    assert batch.contribution == Decimal("10000")
    assert ModelLogEntry.objects.for_instance(batch).filter(action="wagtail.edit").exists()
    listing = text_of(land.get(url(InsuranceBatch, "list")))
    assert "5000.00" in listing and "2000.00" in listing and "3000.00" in listing

    invest = logged_in_client(investment.user("invest_editor"))
    assert invest.get(url(InsuranceBatch, "list")).status_code == 200  # reads
    assert_denied(invest.get(url(InsuranceBatch, "edit", batch.pk)))
    data["insured"] = "1"
    assert_denied(invest.post(url(InsuranceBatch, "edit", batch.pk), data))
    assert_denied(invest.post(url(InsuranceBatch, "delete", batch.pk)))
    assert InsuranceBatch.objects.get(pk=batch.pk).insured == 100
