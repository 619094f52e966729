"""The JSON API at /api/v1/: search and suggest, every parameter, bad input, the OpenAPI schema."""

from __future__ import annotations

import pytest

from tests.factories import Zone
from tests.search.content import BAD_QUERIES, INVEST_HOST, path
from tests.utils import CJK
from zoneportal.search.models import SearchQuery

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search"
SUGGEST = "/api/v1/search/suggest"
HIT_KEYS = {
    "type",
    "type_label",
    "title",
    "url",
    "snippet",
    "highlights",
    "date",
    "doc_number",
    "external_id",
    "category",
    "issuer",
    "validity",
}


@pytest.fixture
def zone(search_zone) -> Zone:
    return search_zone


def api_get(client, path: str = SEARCH, status: int = 200, **params) -> dict:
    response = client.get(path, params, **params.pop("headers", {}))
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def urls(data: dict) -> list[str]:
    return [hit["url"] for hit in data["results"]]


def test_search_answers_the_documented_shape(zone, client):
    data = api_get(client, q="招商引资")
    assert set(data) >= {"query", "corrected_query", "total", "facets", "results", "page", "per_page", "num_pages"}
    assert data["query"] == "招商引资" and data["corrected_query"] is None and data["reading"] is None
    assert api_get(client, q="zsyz")["reading"] == "招商引资"
    assert data["total"] >= 5 and data["page"] == 1 and data["per_page"] == 10
    assert set(data["facets"]) >= {"type", "category", "issuer", "year", "validity"}
    assert {"value", "label", "count"} == set(data["facets"]["type"][0])
    hit = next(hit for hit in data["results"] if hit["url"] == path(zone.articles["policy1"]))
    assert set(hit) == HIT_KEYS
    assert hit["title"] == "来凤经济开发区招商引资优惠政策"  # plain text, no <mark>
    assert "<" not in hit["snippet"]
    assert "招商引资" in hit["highlights"] or "招商" in hit["highlights"]
    assert hit["type"] == "policy" and hit["type_label"] == "政策文件"
    assert hit["doc_number"] == "来开管发〔2015〕3号"
    assert hit["external_id"] == f"page:{zone.articles['policy1'].pk}"
    assert hit["date"].startswith("2015-03-01")
    assert hit["validity"] == "valid" and hit["category"] == "优惠政策"


def test_search_does_not_record_the_query(zone, client):
    api_get(client, q="招商引资")
    assert not SearchQuery.objects.exists()


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "policy"}, lambda hit: hit["type"] == "policy"),
        ({"type": "notice"}, lambda hit: hit["type"] == "notice"),
        ({"category": "优惠政策"}, lambda hit: hit["category"] == "优惠政策"),
        ({"issuer": "来凤县人民政府"}, lambda hit: hit["issuer"] == "来凤县人民政府"),
        ({"year": "2015"}, lambda hit: hit["date"].startswith("2015")),
        ({"validity": "expired"}, lambda hit: hit["validity"] == "expired"),
        ({"type": "policy", "year": "2015", "validity": "valid"}, lambda hit: hit["date"].startswith("2015")),
    ],
)
def test_every_filter_narrows_the_results(zone, client, params, check):
    everything = api_get(client, q="招商引资")
    data = api_get(client, q="招商引资", **params)
    assert 0 < data["total"] < everything["total"]
    assert all(check(hit) for hit in data["results"])


def test_sort_by_date_and_paging(zone, client):
    data = api_get(client, q="招商引资", sort="date")
    dates = [hit["date"] for hit in data["results"] if hit["date"]]
    assert dates == sorted(dates, reverse=True)
    first = api_get(client, q="开发区")
    assert first["num_pages"] >= 2
    second = api_get(client, q="开发区", page="2")
    assert second["page"] == 2
    assert set(urls(second)).isdisjoint(urls(first))


def test_typo_correction_and_insisting_on_the_original(zone, client):
    corrected = api_get(client, q="招商引资忧惠政策")
    assert corrected["corrected_query"] == "招商引资优惠政策"
    assert path(zone.articles["policy1"]) in urls(corrected)
    assert api_get(client, q="招商引资忧惠政策", correct="false")["corrected_query"] is None


def test_each_site_answers_for_itself(zone, client):
    invest = api_get(client, q="厂房", headers={"HTTP_HOST": INVEST_HOST})
    assert any(url.endswith("/a-plant/") for url in urls(invest))
    assert not any("a-plant" in url for url in urls(api_get(client, q="厂房")))


def test_traditional_view_answers_in_traditional_characters(zone, client):
    data = api_get(client, "/zh-hant" + SEARCH, q="招商引資")
    assert data["total"] > 0
    assert all(url.startswith("/zh-hant/") for url in urls(data))
    assert any("資" in hit["title"] for hit in data["results"])


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_and_hostile_queries_never_fail(zone, client, query):
    data = api_get(client, q=query)
    assert isinstance(data["results"], list)
    assert len(data["query"]) <= 100
    suggestions = api_get(client, SUGGEST, q=query)
    assert isinstance(suggestions["suggestions"], list)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("type", "bogus"),
        ("type", "<script>"),
        ("year", "abc"),
        ("year", "1800"),
        ("year", "99999"),
        ("year", "9" * 5000),
        ("page", "0"),
        ("page", "-1"),
        ("page", "abc"),
        ("page", "101"),
        ("sort", "random"),
        ("correct", "maybe"),
    ],
)
def test_bad_parameters_get_422_in_chinese(zone, client, name, value):
    data = api_get(client, status=422, q="招商", **{name: value})
    assert CJK.search(data["detail"])
    assert [error["param"] for error in data["errors"]] == [name]
    assert CJK.search(data["errors"][0]["message"])


def test_bad_suggest_limit_gets_422(zone, client):
    data = api_get(client, SUGGEST, status=422, q="招商", limit="500")
    assert data["errors"][0]["param"] == "limit"


def test_empty_parameters_mean_not_set(zone, client):
    plain = api_get(client, q="招商引资")
    data = api_get(client, q="招商引资", type="", year="", page="", sort="", category="", validity="")
    assert urls(data) == urls(plain)


# ---------------------------------------------------------------- suggest


def test_suggest_completes_chinese_and_pinyin(zone, client):
    data = api_get(client, SUGGEST, q="招商")
    assert data["query"] == "招商"
    assert data["suggestions"] and all(word.startswith("招商") for word in data["suggestions"])
    assert any("招商" in word for word in api_get(client, SUGGEST, q="zhaoshang")["suggestions"])
    assert len(api_get(client, SUGGEST, q="招", limit="2")["suggestions"]) <= 2


def test_suggest_offers_popular_queries(zone, client):
    for _ in range(3):
        client.get("/search/", {"q": "招商引资优惠政策"})
    assert "招商引资优惠政策" in api_get(client, SUGGEST, q="招商引")["suggestions"]


def test_suggest_may_be_cached_briefly(zone, client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get(SUGGEST, {"q": "招商"})["Cache-Control"] == "public, max-age=60"


def test_suggest_is_answered_from_the_page_cache(zone, client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(SUGGEST, {"q": "招商"})
    with django_assert_num_queries(0):
        second = client.get(SUGGEST, {"q": "招商"})
    assert second.json() == first.json()


def test_suggest_without_text_is_empty(zone, client):
    assert api_get(client, SUGGEST) == {"query": "", "suggestions": []}


# ---------------------------------------------------------------- schema and docs


def test_openapi_schema_has_both_paths_described_in_chinese(zone, client):
    schema = api_get(client, "/api/v1/openapi.json")
    assert schema["info"]["title"] == "ZonePortal API"
    assert {"/api/v1/search", "/api/v1/search/suggest"} <= set(schema["paths"])
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert set(parameters) >= {"q", "type", "category", "issuer", "year", "validity", "sort", "page"}
    assert all(CJK.search(parameter.get("description", "")) for parameter in parameters.values())
    assert "policy" in str(parameters["type"]["schema"])


def test_docs_page_never_loads_from_a_cdn(zone, client):
    response = client.get("/api/v1/docs", follow=True)
    # Off unless django-ninja can serve Swagger UI from its own static files.
    if response.status_code == 200:
        html = response.content.decode()
        assert "cdn" not in html.lower() and "//unpkg" not in html and "jsdelivr" not in html
    else:
        assert response.status_code == 404


def test_a_visitor_over_the_rate_is_told_to_wait_in_chinese(zone, client, settings):
    """The API and the page share one budget per visitor; other visitors are not affected."""
    settings.SEARCH_RATE = "3/m"
    settings.SUGGEST_RATE = "2/m"
    # A different query each time: a repeated one may come from the page cache, which costs nothing.
    for query in ("招商", "园区"):
        assert client.get("/api/v1/search", {"q": query}, REMOTE_ADDR="203.0.113.5").status_code == 200
    assert client.get("/search/", {"q": "企业"}, REMOTE_ADDR="203.0.113.5").status_code == 200
    refused = client.get("/api/v1/search", {"q": "工业"}, REMOTE_ADDR="203.0.113.5")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert CJK.search(refused.json()["detail"])
    assert client.get("/api/v1/search", {"q": "政策"}, REMOTE_ADDR="203.0.113.6").status_code == 200
    # Behind the proxy, the visitor named by X-Forwarded-For is the one counted.
    assert client.get("/api/v1/search", {"q": "通知"}, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429

    # Each prefix differs, as when typing: none is answered from the page cache.
    for prefix in ("z", "zs"):
        assert client.get("/api/v1/search/suggest", {"q": prefix}, REMOTE_ADDR="203.0.113.7").status_code == 200
    assert client.get("/api/v1/search/suggest", {"q": "zsy"}, REMOTE_ADDR="203.0.113.7").status_code == 429


def test_the_rate_limit_is_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "429" in paths["/api/v1/search"]["get"]["responses"]
    assert "429" in paths["/api/v1/search/suggest"]["get"]["responses"]
