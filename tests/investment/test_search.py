"""Parks and public projects in site search (type 园区与项目), kept current by the records' signals."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.factories import add_page
from zoneportal.investment.models import InvestmentDataPage, Project, Stage
from zoneportal.search import sources
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import rebuild_index
from zoneportal.search.models import SearchDocument

pytestmark = pytest.mark.django_db

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def hits(query: str) -> list[tuple[str, str, str]]:
    return [(hit.plain_title, hit.url, hit.type) for hit in search(SearchRequest(query=query)).results]


def test_type_is_offered_with_its_label():
    assert dict(sources.type_choices())["investment"] == "园区与项目"


def test_nothing_is_indexed_without_a_data_page(investment):
    rebuild_index()
    assert not SearchDocument.objects.filter(type="investment").exists()


def test_parks_and_public_projects_are_found_and_follow_edits(investment, django_capture_on_commit_callbacks):
    page = add_page(investment.zone.columns["disclosure"], InvestmentDataPage(title="招商数据", slug="zhaoshangshuju"))
    secret = Project.objects.create(
        name="保密洽谈项目", stage=Stage.NEGOTIATING, department=investment.project.department
    )
    rebuild_index()
    base = page.full_url
    assert (investment.park.name, f"{base}yuanqu/{investment.park.pk}/", "investment") in hits("桂花树工业园")
    assert hits("新型建材生产线")[0][1] == f"{base}xiangmu/{investment.project.pk}/"
    assert not SearchDocument.objects.filter(external_id=f"inv_project:{secret.pk}").exists()
    with override_settings(TASKS=IMMEDIATE_TASKS), django_capture_on_commit_callbacks(execute=True):
        secret.stage = Stage.SIGNED
        secret.save()
        investment.project.stage = Stage.NEGOTIATING  # back to talks: no longer announced
        investment.project.save()
    assert SearchDocument.objects.filter(external_id=f"inv_project:{secret.pk}").exists()
    assert not SearchDocument.objects.filter(external_id=f"inv_project:{investment.project.pk}").exists()
    with override_settings(TASKS=IMMEDIATE_TASKS), django_capture_on_commit_callbacks(execute=True):
        park_pk = investment.park.pk
        investment.park.delete()
    assert not SearchDocument.objects.filter(external_id=f"inv_park:{park_pk}").exists()
