"""Sources register themselves: a source added in a test joins the rebuild, updates, facets and the API.

Two sources of the test's own: ``notes`` has no model (entries from a list, updated by key),
``leader`` indexes the organisation's leaders (a real model, updated through ``sources.changed``).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from tests.utils import soup
from zoneportal.core.models import Leader
from zoneportal.search import sources
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import rebuild_index
from zoneportal.search.indexers import IndexEntry
from zoneportal.search.models import DocumentType, SearchDocument

pytestmark = pytest.mark.django_db

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

#: The notes source's items: key -> title (a model-less source, e.g. generated open data).
NOTES: dict[str, str] = {}


def note_entry(key: str) -> IndexEntry:
    return IndexEntry(external_id=f"notes:{key}", type="note", title=NOTES[key], url=f"/notes/{key}/",
                      text=f"{NOTES[key]}。开发区的便民笔记。")  # fmt: skip


def leader_entries(leader: Leader) -> list[IndexEntry]:
    if not leader.duties:  # a leader without duties is not shown: nothing to find
        return []
    return [IndexEntry(external_id=f"leader:{leader.pk}", type="leader", title=leader.name, url="/jigou/",
                       text=leader.duties)]  # fmt: skip


@pytest.fixture
def registered(zone):
    NOTES.clear()
    NOTES.update({"1": "夜间施工许可办理须知", "2": "园区通勤班车时刻表"})
    sources.register_source(
        "notes",
        "note",
        "便民笔记",
        lambda: (note_entry(key) for key in NOTES),
        entries_for_ids=lambda keys: [note_entry(key) for key in keys if key in NOTES],
    )
    sources.register_source(
        "leader",
        "leader",
        "领导分工",
        lambda: (entry for leader in Leader.objects.all() for entry in leader_entries(leader)),
        leader_entries,
        model=Leader,
        count=lambda: Leader.objects.exclude(duties="").count(),
    )
    yield zone
    sources.unregister_source("notes")
    sources.unregister_source("leader")


def titles(query: str, **filters) -> list[str]:
    return [hit.plain_title for hit in search(SearchRequest(query=query, **filters)).results]


def test_a_registered_source_is_rebuilt_searched_and_faceted(registered):
    Leader.objects.create(name="覃主任", title="管委会副主任", duties="分管安全生产和夜间施工监管")
    total = rebuild_index()
    assert total == SearchDocument.objects.count()
    assert SearchDocument.objects.filter(external_id__startswith="page:").exists()  # pages are a source too
    assert set(SearchDocument.objects.filter(type="note").values_list("external_id", flat=True)) == {
        "notes:1",
        "notes:2",
    }
    assert "夜间施工许可办理须知" in titles("夜间施工")
    response = search(SearchRequest(query="夜间施工"))
    type_facet = {value.value: (value.label, value.count) for value in response.facets["type"]}
    assert type_facet["note"] == ("便民笔记", 1)
    assert type_facet["leader"] == ("领导分工", 1)
    assert titles("夜间施工", type="note") == ["夜间施工许可办理须知"]
    hit = search(SearchRequest(query="通勤班车")).results[0]
    assert (hit.type, hit.type_label, hit.external_id) == ("note", "便民笔记", "notes:2")


def test_the_results_page_offers_and_keeps_the_new_type(registered, client):
    rebuild_index()
    page = soup(client.get("/search/", {"q": "夜间施工"}))
    assert "便民笔记" in page.get_text()
    filtered = soup(client.get("/search/", {"q": "施工", "type": "note"}))
    results = filtered.get_text()
    assert "夜间施工许可办理须知" in results
    assert "类别" in results and "便民笔记" in results  # the active filter's chip names the type


def test_the_api_accepts_documents_and_forgets_the_type(registered, client):
    rebuild_index()
    data = client.get("/api/v1/search", {"q": "施工", "type": "note"}).json()
    assert [hit["title"] for hit in data["results"]] == ["夜间施工许可办理须知"]
    assert data["results"][0]["type_label"] == "便民笔记"
    schema = client.get("/api/v1/openapi.json").json()
    parameter = next(p for p in schema["paths"]["/api/v1/search"]["get"]["parameters"] if p["name"] == "type")
    assert "note" in parameter["schema"]["enum"] and "news" in parameter["schema"]["enum"]
    assert "note=便民笔记" in parameter["description"] + parameter["schema"].get("description", "")
    bad = client.get("/api/v1/search", {"q": "施工", "type": "nonsense"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["param"] == "type"

    sources.unregister_source("notes")
    assert "note" not in sources.type_values()
    # (Another URL than above: the page cache keeps answers until content changes, and the
    # sources of a running site only change when it restarts.)
    assert client.get("/api/v1/search", {"q": "施工", "type": "note", "page": 1}).status_code == 422
    schema = client.get("/api/v1/openapi.json", {"again": 1}).json()
    parameter = next(p for p in schema["paths"]["/api/v1/search"]["get"]["parameters"] if p["name"] == "type")
    assert "note" not in parameter["schema"]["enum"]
    # Documents indexed before stay findable until the next rebuild, labelled by their value.
    response = search(SearchRequest(query="通勤班车"))
    assert response.results[0].type_label == "note"
    assert [value.value for value in response.facets["type"]] == ["note"]
    rebuild_index()
    assert not SearchDocument.objects.filter(type="note").exists()


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_changed_and_removed_keep_the_index_current(registered, django_capture_on_commit_callbacks):
    rebuild_index()
    with django_capture_on_commit_callbacks(execute=True):
        leader = Leader.objects.create(name="向书记", title="党工委书记", duties="主持党工委全面工作，分管组织人事")
        sources.changed(leader)
    assert titles("组织人事") == ["向书记"]
    with django_capture_on_commit_callbacks(execute=True):
        leader.duties = "主持党工委全面工作，联系招商引资重点项目"
        leader.save()
        sources.changed(leader)
    assert titles("组织人事") == []
    assert titles("招商引资重点项目")[0] == "向书记"
    with django_capture_on_commit_callbacks(execute=True):
        leader.duties = ""  # no longer shown: entries_for gives nothing, so it leaves the index
        leader.save()
        sources.changed(leader)
    assert not SearchDocument.objects.filter(external_id=f"leader:{leader.pk}").exists()

    NOTES["3"] = "企业开办一窗通办指南"
    with django_capture_on_commit_callbacks(execute=True):
        sources.changed(leader, prefix="leader")  # an explicit prefix works too
        sources.removed("notes", "1")
    assert not SearchDocument.objects.filter(external_id="notes:1").exists()
    assert SearchDocument.objects.filter(external_id="notes:2").exists()


def test_updates_wait_for_the_commit(registered, django_capture_on_commit_callbacks):
    with override_settings(TASKS=IMMEDIATE_TASKS), django_capture_on_commit_callbacks(execute=False) as callbacks:
        sources.removed("notes", "2")
    assert len(callbacks) == 1  # queued for after the commit, not run inside the editor's transaction


def test_registration_is_checked():
    with pytest.raises(ImproperlyConfigured, match="前缀"):
        sources.register_source("Bad Prefix", "note", "笔记", list)
    with pytest.raises(ImproperlyConfigured, match="已称为"):
        sources.register_source("faqs", DocumentType.FAQ, "常见问题", list)  # 问答 is the built-in label
    with pytest.raises(ImproperlyConfigured, match="类别"):
        sources.register_source("long", "a" * 21, "太长", list)
    with pytest.raises(LookupError):
        sources.changed(Leader(pk=1, name="x", title="y"))  # no source of leaders registered here
    with pytest.raises(KeyError):
        sources.removed("nosuch", 1)
    assert "notes" not in {source.prefix for source in sources.all_sources()}


def test_a_source_may_use_a_built_in_type(registered):
    # The FAQ app files its entries under the existing 问答 type: nothing new appears.
    sources.register_source("faqtest", DocumentType.FAQ, DocumentType.FAQ.label, list)
    try:
        assert sources.type_values().count("faq") == 1
        assert sources.type_values()[: len(DocumentType.values)] == list(DocumentType.values)
    finally:
        sources.unregister_source("faqtest")


# ----------------------------------------------------------------------------
# The engine split by concern (issue 13, item 6)


def test_the_api_parses_requests_without_the_results_page():
    import ast
    from pathlib import Path

    from zoneportal.search import api, engine, parameters, query, query_log, views

    tree = ast.parse(Path(api.__file__).read_text())
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "views" not in imported and "zoneportal.search.views" not in imported
    # One cleaning of visitor text and one length limit, whoever asks.
    assert engine.clean_query is views.clean_text.__globals__["clean_query"] is query.clean_query
    assert parameters.clean_query is query_log.clean_query is query.clean_query
    assert engine.MAX_QUERY_LENGTH == query.MAX_QUERY_LENGTH == 100
    assert query.clean_query("  招商\x00引资\u200b  ") == "招商 引资"
    assert query.clean_query("政" * 150) == "政" * 100
