"""The index and the engine on the real database: what is indexed, matching, ranking, facets, updates.

The same tests run on SQLite (FTS5) and PostgreSQL (tsvector + GIN) in CI, so
one query set checks that both stores give the same answers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction, Site

from tests.factories import add_page, rich_paragraphs, shanghai
from zoneportal.portal.models import ArticlePage, ColumnPage
from zoneportal.search.engine import SearchRequest, record_query, search, suggest
from zoneportal.search.index import rebuild_index
from zoneportal.search.models import SearchDocument, SearchTerm, Synonym

pytestmark = pytest.mark.django_db

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def indexed(zone):
    """The test zone plus a policy column with two numbered documents, all indexed."""
    policies = add_page(
        zone.home,
        ColumnPage(title="政策法规", slug="zhengce", content_kind=ColumnPage.ContentKind.POLICY),
    )
    zone.columns["policies"] = policies
    zone.articles["policy1"] = add_page(
        policies,
        ArticlePage(
            title="来凤经济开发区招商引资优惠政策",
            slug="p-incentives",
            publish_at=shanghai(2015, 6, 1),
            doc_number="来开管发〔2015〕3号",
            issuer="来凤经济开发区管理委员会",
            policy_category="优惠政策",
            validity=ArticlePage.Validity.VALID,
            body=rich_paragraphs("加快招商引资工作，企业所得税免收两年后减半征收三年。", "以返代免，一事一议。"),
        ),
    )
    zone.articles["policy2"] = add_page(
        policies,
        ArticlePage(
            title="关于被征地农民参加基本养老保险的实施办法",
            slug="p-pension",
            publish_at=shanghai(2010, 9, 1),
            doc_number="潜政办发〔2010〕150号",
            issuer="县人民政府办公室",
            policy_category="社会保障",
            validity=ArticlePage.Validity.EXPIRED,
            body=rich_paragraphs("被征地农民可以按规定参加城乡居民基本养老保险，政府给予补贴。"),
        ),
    )
    rebuild_index()
    return zone


def found(query: str, **filters) -> list[str]:
    """URL paths of the first page of results (without a site, results carry full URLs)."""
    return [urlsplit(hit.url).path for hit in search(SearchRequest(query=query, **filters)).results]


def test_every_public_page_is_indexed_once(indexed):
    documents = SearchDocument.objects.all()
    assert documents.filter(external_id=f"page:{indexed.articles['news1'].pk}").count() == 1
    assert documents.filter(type="policy").count() == 2
    assert documents.filter(type="news").exists()
    assert not documents.filter(external_id=f"page:{indexed.home.get_parent().pk}").exists()  # the tree root


def test_a_word_inside_a_longer_word_is_found(indexed):
    # FTS5's own tokenizer keeps 加快招商引资工作 as one token; our segmentation does not.
    assert indexed.articles["policy1"].url in found("招商")


def test_title_matches_rank_first(indexed):
    # The column named exactly 招商引资 first, then the articles with it in their titles.
    urls = found("招商引资")
    assert urls[0] == indexed.columns["investment"].url
    assert set(urls[1:3]) == {indexed.articles["news1"].url, indexed.articles["policy1"].url}


def test_document_numbers_in_any_bracket_style(indexed):
    url = indexed.articles["policy2"].url
    for number in ("潜政办发〔2010〕150号", "潜政办发[2010]150号", "潜政办发(2010)150号", "潜政办发2010年150号"):
        assert found(number)[:1] == [url], number


def test_traditional_query_finds_simplified_text(indexed):
    assert indexed.articles["policy1"].url in found("招商引資優惠")


def test_pinyin_and_initials(indexed):
    url = indexed.articles["policy1"].url
    for query in ("zhaoshangyinzi", "zhaoshang yinzi", "招商yinzi"):
        assert url in found(query), query


def test_typo_is_corrected_and_reported(indexed):
    response = search(SearchRequest(query="招商引资忧惠政策"))
    assert response.corrected_query == "招商引资优惠政策"
    assert urlsplit(response.results[0].url).path == indexed.articles["policy1"].url
    insisted = search(SearchRequest(query="招商引资忧惠政策", correct=False))
    assert insisted.corrected_query is None


def test_synonyms_and_plain_language_questions(indexed):
    Synonym.objects.create(rule="失地农民 = 被征地农民")
    assert indexed.articles["policy2"].url in found("失地农民")
    assert found("被征地的农民怎么参加养老保险")[0] == indexed.articles["policy2"].url


def test_facets_count_by_type_and_policy_properties(indexed):
    response = search(SearchRequest(query="开发区"))
    types = {facet.value: facet.count for facet in response.facets["type"]}
    assert types["policy"] == 1 and types["news"] >= 2
    assert sum(types.values()) == response.total
    assert {facet.value for facet in response.facets["validity"]} == {"valid"}
    only_policies = search(SearchRequest(query="开发区", type="policy"))
    assert only_policies.total == 1
    # The type facet still offers the other types while a type is chosen.
    assert {facet.value for facet in only_policies.facets["type"]} == set(types)


def test_filters_by_year_issuer_and_validity(indexed):
    assert found("农民", year=2010) == [indexed.articles["policy2"].url]
    assert found("农民", year=2015) == []
    assert found("政策", validity="valid") == [indexed.articles["policy1"].url]
    assert found("招商", issuer="来凤经济开发区管理委员会") == [indexed.articles["policy1"].url]


@pytest.mark.parametrize(
    "filters",
    [
        {"type": "policy"},
        {"year": 2010},
        {"validity": "valid"},
        {"issuer": "来凤经济开发区管理委员会"},
        {"category": "優惠政策"},  # traditional script: the index folds filter values too
        {"type": "news", "year": 2010},
    ],
)
def test_filters_agree_whether_narrowed_in_memory_or_in_the_index(indexed, monkeypatch, filters):
    """Few matches are filtered among the candidates in memory; many are counted in the index (RANK_CAP)."""
    from zoneportal.search import engine

    in_memory = search(SearchRequest(query="开发区", per_page=50, **filters))
    monkeypatch.setattr(engine, "RANK_CAP", 1)
    in_index = search(SearchRequest(query="开发区", per_page=50, **filters))
    assert in_memory.total == in_index.total
    assert in_memory.total == 0 or len(in_index.results) == 1
    assert {hit.url for hit in in_index.results} <= {hit.url for hit in in_memory.results}
    if "category" in filters:
        assert in_memory.total == 1
    if "type" not in filters:  # the type facet counts what the other filters let through
        assert sum(facet.count for facet in in_memory.facets.get("type", [])) == in_memory.total


def test_sort_by_date(indexed):
    response = search(SearchRequest(query="开发区", sort="date", per_page=50))
    dates = [hit.date for hit in response.results if hit.date]
    assert len(dates) >= 3, "too few dated results to show an order"
    assert dates == sorted(dates, reverse=True)
    assert dates != sorted(dates)  # not all one day: the order is visible


def test_snippets_are_escaped_and_highlighted(indexed):
    add_page(
        indexed.columns["news"],
        ArticlePage(
            title="园区<script>新闻",
            slug="x-script",
            body="<p>标准厂房&lt;b&gt;建设</p>",
            publish_at=shanghai(2024, 6, 1),
        ),
    )
    rebuild_index()
    hit = search(SearchRequest(query="标准厂房")).results[0]
    assert "<mark>标准厂房</mark>" in hit.snippet
    assert "<script>" not in hit.title and "<b>" not in hit.snippet


@pytest.mark.parametrize(
    "query", ["", " ", "招", "\U0001f600", '"', "*", "NEAR", "OR", "'", "--", "<script>alert(1)</script>", "政" * 1000]
)
def test_odd_input_never_fails(indexed, query):
    response = search(SearchRequest(query=query))
    # A coherent answer, not just no exception: the page lists what the total promises, …
    assert len(response.results) == min(response.total, response.per_page)
    assert all(hit.url and hit.title for hit in response.results)
    assert "<script>" not in "".join(hit.title + hit.snippet for hit in response.results)
    # … input with nothing to search for finds nothing, and one character is still searched.
    if query in ("", " ", "\U0001f600", '"', "*", "'", "--"):
        assert response.total == 0 and response.results == []
    if query == "招":
        assert indexed.articles["policy1"].url in [urlsplit(hit.url).path for hit in response.results]


def test_drafts_and_private_pages_are_not_found(indexed):
    add_page(
        indexed.columns["news"], ArticlePage(title="标准厂房内部草稿", slug="draft", body="<p>x</p>"), publish=False
    )
    secret = add_page(indexed.columns["news"], ArticlePage(title="标准厂房内部资料", slug="secret", body="<p>x</p>"))
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    rebuild_index()
    assert found("标准厂房") == []


def test_vocabulary_counts_documents(indexed):
    assert SearchTerm.objects.get(word="招商引资").documents >= 2
    term = SearchTerm.objects.get(word="基本养老保险")
    assert (term.pinyin, term.initials) == ("jibenyanglaobaoxian", "jbylbx")


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_publish_unpublish_move_and_delete_update_the_index(indexed, django_capture_on_commit_callbacks):
    news = indexed.columns["news"]
    with django_capture_on_commit_callbacks(execute=True):
        page = add_page(news, ArticlePage(title="新建标准厂房项目开工", slug="new-plant", body="<p>开工</p>"))
    assert found("标准厂房") == [page.url]
    assert SearchTerm.objects.filter(word="标准厂房").exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.move(indexed.columns["notices"], pos="last-child")
    page.refresh_from_db()
    assert found("标准厂房") == [page.url] and "/notices/" in page.url
    assert search(SearchRequest(query="标准厂房")).results[0].type == "news"  # 公告与通知 is a news column here

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found("标准厂房") == []
    assert not SearchTerm.objects.filter(word="标准厂房").exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found("标准厂房") == [page.url]
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert found("标准厂房") == []


def test_suggestions_from_titles_and_pinyin(indexed):
    assert "来凤经济开发区招商引资优惠政策" in suggest("来凤经济")
    assert "招商引资" in suggest("zhaoshang")
    assert "招商引资" in suggest("zsy")  # initials, as typed so far
    assert suggest("") == [] and suggest("\U0001f600") == []


def test_results_are_scoped_to_the_site(indexed):
    assert found("招商", site=indexed.site)
    other = add_page(indexed.home.get_parent(), ColumnPage(title="人才网", slug="talent-root"))
    from wagtail.models import Site

    talent = Site.objects.create(hostname="talent.localhost", port=80, root_page=other)
    rebuild_index()
    assert found("招商", site=talent) == []


def test_very_common_queries_rank_their_newest_matches(indexed, monkeypatch):
    from zoneportal.search import engine

    everything = search(SearchRequest(query="开发区", per_page=50))
    monkeypatch.setattr(engine, "RANK_CAP", 3)
    capped = search(SearchRequest(query="开发区", per_page=50))
    assert capped.total == everything.total > 3  # the total stays exact
    newest = sorted(
        SearchDocument.objects.filter(external_id__in=[h.external_id for h in everything.results]).values_list(
            "pk", flat=True
        )
    )[-3:]
    assert (
        sorted(
            SearchDocument.objects.filter(external_id__in=[h.external_id for h in capped.results]).values_list(
                "pk", flat=True
            )
        )
        == newest
    )
    assert not capped.facets_exact and everything.facets_exact
    assert sum(f.count for f in capped.facets["type"]) == 3


def test_pages_stop_where_the_ranked_candidates_end(indexed, monkeypatch):
    """A very common query pages through its ranked candidates; by date, through every match (up to MAX_PAGE)."""
    from zoneportal.search import engine

    monkeypatch.setattr(engine, "RANK_CAP", 3)
    ranked = search(SearchRequest(query="开发区", per_page=1, page=7))
    assert ranked.total > 3 and ranked.listed == 3 and ranked.num_pages == 3
    assert ranked.page == 3 and len(ranked.results) == 1  # a page past the end shows the last one
    by_date = search(SearchRequest(query="开发区", per_page=1, sort="date"))
    assert by_date.listed == by_date.total == by_date.num_pages
    monkeypatch.setattr(engine, "MAX_PAGE", 2)
    assert search(SearchRequest(query="开发区", per_page=1, sort="date")).num_pages == 2


def test_bulk_load_in_worker_processes(indexed, monkeypatch):
    from zoneportal.search import index
    from zoneportal.search.indexers import IndexEntry

    monkeypatch.setattr(index, "PARALLEL_FROM", 1)
    entries = [
        IndexEntry(
            external_id=f"bulk:{number}",
            type="policy",
            title=f"关于标准厂房租赁的第{number}号通知",
            url=f"/bulk/{number}/",
            text="标准厂房租赁价格按年度公布。" if number % 2 else "企业入园办理用地手续。",
            site_id=indexed.site.pk,
            year=2015,
        )
        for number in range(1, 41)
    ]
    progress: list[tuple[int, int]] = []
    count = index.replace_index([entries[:25], entries[25:]], len(entries), lambda *step: progress.append(step))
    assert count == 40 and progress[-1] == (40, 40)
    assert search(SearchRequest(query="标准厂房", site=indexed.site)).total == 40
    assert search(SearchRequest(query="入园", site=indexed.site, year=2015)).total == 20
    assert SearchTerm.objects.get(word="入园").documents == 20
    assert not SearchTerm.objects.filter(word__startswith="zztag").exists()


def test_the_page_and_api_say_when_facets_count_only_the_newest_matches(indexed, client, monkeypatch):
    from zoneportal.search import engine

    monkeypatch.setattr(engine, "RANK_CAP", 3)
    assert client.get("/api/v1/search", {"q": "开发区"}).json()["facets_exact"] is False
    assert client.get("/api/v1/search", {"q": "养老保险"}).json()["facets_exact"] is True
    page = client.get("/search/", {"q": "开发区", "type": "policy"})
    assert "分类统计按最新的 3 条计算" in page.content.decode()
    listed = client.get("/search/", {"q": "开发区"}).content.decode()
    assert "这里列出其中 3 条" in listed and "按日期排序" in listed


def test_suggestions_offer_only_queries_logged_on_the_same_site(indexed):
    other = add_page(indexed.home.get_parent(), ColumnPage(title="人才网", slug="talent-root"))
    talent = Site.objects.create(hostname="talent.localhost", port=80, root_page=other)
    for visitor in ("a", "b", "c"):
        record_query("人才公寓申请", 3, talent, visitor)
    record_query("人才引进政策", 2, indexed.site, "d")
    assert "人才公寓申请" not in suggest("人才", indexed.site)
    assert "人才引进政策" in suggest("人才", indexed.site)
    assert "人才公寓申请" in suggest("人才", talent)
    assert "人才引进政策" not in suggest("人才", talent)
