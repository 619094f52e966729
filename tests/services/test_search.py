"""Service items in site search: entries of type 办事指南, kept current when an item changes."""

from __future__ import annotations

import pytest
from django.test import override_settings

from zoneportal.search import sources
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import rebuild_index
from zoneportal.search.models import DocumentType, SearchDocument
from zoneportal.services.search import all_entries, entries_for

pytestmark = pytest.mark.django_db

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_entries_of_published_items(services):
    entries = {entry.external_id: entry for entry in all_entries()}
    assert set(entries) == {f"service:{services.filing.pk}", f"service:{services.land.pk}"}
    entry = entries[f"service:{services.filing.pk}"]
    assert entry.type == DocumentType.GUIDE and entry.url == f"/banshi/zhinan/{services.filing.pk}/"
    assert entry.issuer == "招商发展分局" and "企业开办" in entry.keywords and "申请表" in entry.text
    assert entries_for(services.draft) == []
    assert sources.get_source("service").model is type(services.filing)


def test_no_entries_without_a_live_page(services):
    services.page.unpublish()
    assert list(all_entries()) == [] and entries_for(services.filing) == []


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_items_are_found_and_follow_their_changes(services, django_capture_on_commit_callbacks):
    rebuild_index()
    hits = search(SearchRequest(query="出让金")).results
    assert hits[0].plain_title == "土地出让金缴纳" and hits[0].type_label == "办事指南"
    with django_capture_on_commit_callbacks(execute=True):
        services.land.published = False
        services.land.save()
    assert not SearchDocument.objects.filter(external_id=f"service:{services.land.pk}").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.filing.name = "企业投资项目备案（含变更）"
        services.filing.save()
    assert SearchDocument.objects.get(external_id=f"service:{services.filing.pk}").title == "企业投资项目备案（含变更）"
    with django_capture_on_commit_callbacks(execute=True):
        pk = services.draft.pk
        services.draft.published = True
        services.draft.save()
        services.draft.delete()
    assert not SearchDocument.objects.filter(external_id=f"service:{pk}").exists()
