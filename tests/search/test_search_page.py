"""The results page /search/?q= on the real index: results, facets, filters, paging, typos, hot words, bad input."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories import Zone, add_page, rich_paragraphs, shanghai
from tests.search.content import BAD_QUERIES, INVEST_HOST, path
from tests.utils import CJK, soup, text_of
from zoneportal.portal.models import ArticlePage
from zoneportal.search.engine import rebuild_index
from zoneportal.search.models import SearchQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone(search_zone) -> Zone:
    return search_zone


def result_links(response) -> list[str]:
    return [a["href"] for a in soup(response).select(".search-result__title a")]


def params_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def get(client, **params):
    """GET the search page; upper-case keywords are request headers (``REMOTE_ADDR``, ``HTTP_…``)."""
    headers = {name: params.pop(name) for name in list(params) if name.isupper()}
    response = client.get("/search/", params, **headers)
    assert response.status_code == 200
    return response


# ---------------------------------------------------------------- results


def test_finds_a_word_inside_longer_text_with_highlighted_title_and_snippet(zone, client):
    response = get(client, q="招商")
    links = result_links(response)
    assert path(zone.articles["news1"]) in links  # 开发区召开2024年招商引资工作会议
    assert path(zone.articles["policy1"]) in links
    page = soup(response)
    assert page.select_one(".search-result__title mark").get_text() in {"招商", "招商引资"}
    assert page.select(".search-result__excerpt mark")


def test_result_shows_type_date_and_document_number(zone, client):
    response = get(client, q="来开管发〔2015〕3号")
    hit = soup(response).select_one(".search-result")
    assert hit.select_one("a")["href"] == path(zone.articles["policy1"])
    meta = hit.select_one(".search-result__meta").get_text(" ", strip=True)
    assert "政策文件" in meta
    assert "来开管发〔2015〕3号" in meta
    assert "有效" in meta
    assert hit.select_one("time")["datetime"].startswith("2015-03-01")


def test_drafts_are_never_found(zone, client):
    add_page(zone.columns["news"], ArticlePage(title="招商引资内部草稿", slug="secret", body="<p>x</p>"), publish=False)
    rebuild_index()
    assert not any("secret" in link for link in result_links(get(client, q="内部草稿")))


def test_each_site_searches_its_own_pages(zone, client):
    main = result_links(get(client, q="厂房"))
    invest = client.get("/search/", {"q": "厂房"}, HTTP_HOST=INVEST_HOST)
    assert invest.status_code == 200
    assert "/a-plant/" in " ".join(result_links(invest))
    assert not any("a-plant" in link for link in main)


def test_traditional_view_finds_simplified_content_and_keeps_the_prefix(zone, client):
    response = client.get("/zh-hant/search/", {"q": "招商引資"})
    assert response.status_code == 200
    links = result_links(response)
    assert links and all(link.startswith("/zh-hant/") for link in links)
    tabs = [a["href"] for a in soup(response).select(".search-types a")]
    assert tabs and all(href.startswith("?") for href in tabs)  # relative to /zh-hant/search/
    assert soup(response).select_one("form.search-form")["action"] == "/zh-hant/search/"


def test_query_is_kept_in_the_box_and_shown_escaped(zone, client):
    response = get(client, q="<script>alert(1)</script>")
    assert b"<script>alert(1)</script>" not in response.content
    assert soup(response).select_one("#page-search-q")["value"] == "<script>alert(1)</script>"
    assert soup(response).select_one("#header-search-q")["value"] == "<script>alert(1)</script>"


# A NUL never reaches the page: the address is refused first (tests/core/test_request_guard.py).
@pytest.mark.parametrize("query", [query for query in BAD_QUERIES if "\x00" not in query])
def test_odd_and_hostile_queries_get_a_chinese_page(zone, client, query):
    response = get(client, q=query)
    assert b"<script>alert" not in response.content
    # The page answers the query itself in Chinese: the prompt to type something, results, or
    # “nothing found” with tips (the site's header and footer alone would be Chinese anyway).
    answers = soup(response).select(
        ".search-page .search-start, .search-page .search-empty, .search-page .search-results"
    )
    assert len(answers) == 1, [answer.get("class") for answer in answers]
    answer = answers[0]
    if "search-results" in answer["class"]:
        assert answer.select(".search-result__title a")
    else:
        assert CJK.search(answer.get_text())


def test_an_overlong_query_is_cut_with_a_notice(zone, client):
    response = get(client, q="招商" * 200)
    assert "搜索词过长" in text_of(response)


# ---------------------------------------------------------------- types, facets, filters


def test_type_tabs_show_only_types_with_results_with_counts(zone, client):
    tabs = soup(get(client, q="招商引资")).select(".search-types a")
    labels = [tab.get_text(" ", strip=True) for tab in tabs]
    assert labels[0].startswith("全部")
    assert tabs[0]["aria-current"] == "true"
    names = [label.split()[0] for label in labels]
    assert {"新闻", "政策文件", "公告"} <= set(names)
    assert "信件回复" not in names and "问答" not in names
    counts = [int(label.split()[-1]) for label in labels]
    assert counts[0] == sum(counts[1:])


def test_choosing_a_type_filters_and_shows_a_removable_chip(zone, client):
    tabs = soup(get(client, q="招商引资")).select(".search-types a")
    policy_tab = next(tab for tab in tabs if tab.get_text().startswith("政策文件"))
    assert params_of(policy_tab["href"])["type"] == ["policy"]
    response = get(client, q="招商引资", type="policy")
    links = result_links(response)
    assert set(links) == {path(zone.articles[key]) for key in ("policy1", "policy2", "policy3")}
    chip = soup(response).select_one(".search-chip")
    assert "政策文件" in chip.get_text()
    assert "type" not in params_of(chip["href"])
    assert params_of(chip["href"])["q"] == ["招商引资"]


def test_policy_facets_have_counts_and_combine(zone, client):
    page = soup(get(client, q="招商引资", type="policy"))
    facets = {section.h2.get_text(strip=True): section for section in page.select(".search-facet")}
    assert set(facets) == {"分类", "发文机关", "年份", "有效性"}
    years = {a.get_text(" ", strip=True) for a in facets["年份"].select("a")}
    assert {"2015 2", "2012 1"} <= years
    assert "有效 2" in {a.get_text(" ", strip=True) for a in facets["有效性"].select("a")}

    year_link = next(a for a in facets["年份"].select("a") if a.get_text().startswith("2015"))
    combined = params_of(year_link["href"])
    assert combined["type"] == ["policy"] and combined["year"] == ["2015"]
    response = get(client, q="招商引资", type="policy", year="2015", category="优惠政策")
    assert set(result_links(response)) == {path(zone.articles["policy1"]), path(zone.articles["policy3"])}
    chips = [chip.get_text(" ", strip=True) for chip in soup(response).select(".search-chip")]
    assert len(chips) == 3 and any("2015" in chip for chip in chips) and any("优惠政策" in chip for chip in chips)
    clear = soup(response).select_one(".search-chips__clear")["href"]
    assert set(params_of(clear)) == {"q"}


def test_validity_filter(zone, client):
    response = get(client, q="招商引资", type="policy", validity="expired")
    assert result_links(response) == [path(zone.articles["policy2"])]
    chips = [chip.get_text(" ", strip=True) for chip in soup(response).select(".search-chip")]
    assert any(chip.startswith("有效性：失效") for chip in chips)


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "bogus"},
        {"type": "<script>"},
        {"year": "abc"},
        {"year": "99999"},
        {"year": "1800"},
        {"year": "9" * 5000},
        {"page": "-1"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "1e9"},
        {"page": "99999999999999999999"},
        {"sort": "random"},
        {"correct": "maybe"},
    ],
)
def test_bad_parameters_are_ignored(zone, client, bad):
    plain = result_links(get(client, q="招商引资"))
    response = get(client, q="招商引资", **bad)
    assert result_links(response) == plain
    assert not soup(response).select(".search-chip")


# ---------------------------------------------------------------- sorting and paging


def test_sort_by_date_puts_the_newest_first(zone, client):
    response = get(client, q="招商引资", sort="date")
    dates = [time["datetime"] for time in soup(response).select(".search-result time")]
    assert dates == sorted(dates, reverse=True)
    sort = soup(response).select_one(".search-sort")
    assert sort.select_one("[aria-current]").get_text() == "日期"
    assert params_of(sort.select_one("a")["href"])["sort"] == ["relevance"]


def add_twelve_news_pages(zone) -> None:
    """Twelve indexed news articles about 招商, more than one results page holds."""
    for number in range(12):
        add_page(
            zone.columns["news"],
            ArticlePage(
                title=f"园区招商动态第{number}期",
                slug=f"zs-{number}",
                publish_at=shanghai(2023, 1, number + 1),
                body=rich_paragraphs("园区动态。"),
            ),
        )
    rebuild_index()


def test_pagination_keeps_every_parameter(zone, client):
    add_twelve_news_pages(zone)
    response = get(client, q="招商", type="news", sort="date")
    next_link = soup(response).select_one(".pagination a[rel=next]")
    assert params_of(next_link["href"]) == {"q": ["招商"], "type": ["news"], "sort": ["date"], "page": ["2"]}
    second = get(client, q="招商", type="news", sort="date", page="2")
    assert set(result_links(second)).isdisjoint(result_links(response))
    assert soup(second).select_one(".search-results")["start"] == "11"


def test_a_page_past_the_end_shows_the_last_page(zone, client):
    add_twelve_news_pages(zone)
    first = soup(get(client, q="招商", type="news", sort="date"))
    pages = int(first.select_one(".pagination__summary").get_text().split("/")[1].strip(" 页"))
    assert pages >= 2
    past = get(client, q="招商", type="news", sort="date", page="50")
    last = get(client, q="招商", type="news", sort="date", page=str(pages))
    assert result_links(past) and result_links(past) == result_links(last)
    current = soup(past).select_one(".pagination [aria-current=page]").get_text("", strip=True)
    assert current == f"第{pages}页"
    assert soup(past).select_one(".pagination a[rel=next]") is None


# ---------------------------------------------------------------- typos, nothing found, hot words


def test_typo_is_corrected_with_a_link_to_the_original(zone, client):
    response = get(client, q="招商引资忧惠政策")
    notice = soup(response).select_one(".search-corrected")
    assert notice is not None
    text = notice.get_text("", strip=True)
    assert text.startswith("已显示“招商引资优惠政策”的结果")
    assert "仍然搜索“招商引资忧惠政策”" in text
    original = notice.select_one("a")["href"]
    assert params_of(original)["correct"] == ["0"]
    assert path(zone.articles["policy1"]) in result_links(response)
    # The log keeps what was answered, so a typo never becomes a hot word or a suggestion.
    assert list(SearchQuery.objects.values_list("text", flat=True)) == ["招商引资优惠政策"]

    insisted = client.get("/search/" + original)
    assert insisted.status_code == 200
    assert soup(insisted).select_one(".search-corrected") is None


def test_nothing_found_page_gives_tips_and_suggestions(zone, client):
    for visitor in ("10.0.0.1", "10.0.0.2"):
        get(client, q="优惠政策", REMOTE_ADDR=visitor)
    get(client, q="工业园区", REMOTE_ADDR="10.0.0.3")
    response = get(client, q="火星")
    empty = soup(response).select_one(".search-empty")
    assert not soup(response).select(".search-result")
    assert empty.select_one("h2").get_text() == "没有找到与“火星”相关的内容"
    # Suggestions: nothing starts with 火星, so this week's hot words, each a link searching for it.
    suggestions = empty.select(".search-words a")
    assert [a.get_text() for a in suggestions][:2] == ["优惠政策", "工业园区"]
    assert params_of(suggestions[0]["href"])["q"] == ["优惠政策"]
    # Tips, with the way to the site map.
    tips = empty.get_text(" ", strip=True)
    assert "建议您" in tips and "检查输入的文字是否有误" in tips
    assert empty.select_one(f'a[href="{path(zone.pages["sitemap"])}"]') is not None


def test_nothing_found_under_filters_offers_to_drop_them(zone, client):
    response = get(client, q="用工", type="policy")
    assert not result_links(response)
    clear = next(a for a in soup(response).select(".search-empty a") if "取消筛选条件" in a.get_text())
    assert "type" not in params_of(clear["href"])


def test_hot_words_of_the_week_on_the_empty_page_and_beside_results(zone, client):
    for visitor in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        get(client, q="优惠政策", REMOTE_ADDR=visitor)
    get(client, q="工业园区", REMOTE_ADDR="10.0.0.1")
    SearchQuery.objects.create(text="火星基地", results=0)  # found nothing: never a hot word
    empty = soup(get(client))
    words = [a.get_text() for a in empty.select(".search-hot a")]
    assert words[:2] == ["优惠政策", "工业园区"]
    assert "火星基地" not in words
    assert params_of(empty.select_one(".search-hot a")["href"])["q"] == ["优惠政策"]
    beside = soup(get(client, q="招商"))
    assert "优惠政策" in [a.get_text() for a in beside.select(".search-aside .search-hot a")]


def test_hot_words_count_visitors_not_searches(zone, client):
    """One address repeating a phrase cannot make it the site's top hot word, even through the proxy."""
    for _ in range(20):
        get(client, q="招商引资", REMOTE_ADDR="198.51.100.9")
        get(client, q="招商引资", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.9, 198.51.100.9")
    for visitor in ("203.0.113.1", "203.0.113.2"):
        get(client, q="工业园区", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
    words = [a.get_text() for a in soup(get(client)).select(".search-hot a")]
    assert words[:2] == ["工业园区", "招商引资"]
    assert SearchQuery.objects.filter(text="招商引资").values("visitor").distinct().count() == 1
    assert all(len(key) == 16 and "198.51" not in key for key in SearchQuery.objects.values_list("visitor", flat=True))


# ---------------------------------------------------------------- the query log and the page cache


def test_over_the_rate_the_page_asks_to_wait_and_keeps_the_query(zone, client, settings):
    settings.SEARCH_RATE = "2/m"
    get(client, q="招商")
    get(client)  # the empty page does not count
    get(client, q="园区")
    refused = client.get("/search/", {"q": "工业园区"})
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    page = soup(refused)
    assert "搜索太频繁" in page.select_one("[role=alert]").get_text()
    assert page.select_one("#page-search-q")["value"] == "工业园区"
    assert not result_links(refused)
    assert not SearchQuery.objects.filter(text="工业园区").exists()


def test_pinyin_is_shown_and_remembered_as_the_chinese_it_was_read_as(zone, client):
    summary = soup(get(client, q="zhaoshangyinzi")).select_one(".search-summary").get_text()
    assert "“招商引资”" in summary and "按拼音“zhaoshangyinzi”" in summary
    assert list(SearchQuery.objects.values_list("text", flat=True)) == ["招商引资"]


def test_a_new_search_is_recorded_once_with_its_result_count(zone, client):
    get(client, q="招商引资")
    get(client, q="招商引资", page="2")
    get(client, q="招商引资", type="policy")
    get(client, q="招商引资", sort="date")
    get(client, q="")
    get(client)
    client.head("/search/", {"q": "招商引资"})
    logged = list(SearchQuery.objects.values_list("text", "results"))
    assert len(logged) == 1
    text, results = logged[0]
    assert text == "招商引资" and results >= 5


def test_the_search_log_is_pruned_after_its_retention_period(zone, settings):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    settings.SEARCH_LOG_DAYS = 180
    for age in (1, 179, 181, 400):
        entry = SearchQuery.objects.create(text=f"{age}天前", results=1, visitor="v")
        SearchQuery.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=age))
    out = StringIO()
    call_command("prune_search_log", stdout=out)
    assert "已删除 2 条" in out.getvalue()
    assert sorted(SearchQuery.objects.values_list("text", flat=True)) == ["179天前", "1天前"]
    with pytest.raises(CommandError, match="不能少于 30 天"):
        call_command("prune_search_log", "--days", "7")
    assert SearchQuery.objects.count() == 2


def test_results_are_never_cached_in_browsers_or_the_page_cache(zone, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = get(client, q="园区")
    second = get(client, q="园区")
    assert SearchQuery.objects.filter(text="园区").count() == 2
    for response in (first, second):
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_repeated_search_is_answered_from_the_kept_page_and_still_counted(zone, client, settings):
    """Anonymous results pages are kept per query, filters and page (search/results_cache.py); the log counts each."""
    settings.PAGE_CACHE_SECONDS = 300
    first = get(client, q="招商引资")
    again = get(client, q="招商引资", REMOTE_ADDR="203.0.113.9")
    assert first.templates and not again.templates, "the second answer was rendered, not the kept page"
    assert again.content == first.content
    assert "no-store" in again["Cache-Control"] and again["Content-Security-Policy"]
    logged = list(SearchQuery.objects.values_list("text", "results", "visitor"))
    assert len(logged) == 2 and logged[0][:2] == logged[1][:2] and logged[0][1] >= 5
    assert logged[0][2] != logged[1][2]  # two visitors: the hot words count both
    assert get(client, q="招商引资", type="policy").templates  # other filters: another page
    assert get(client, q="招商引资", page="2").templates
    assert SearchQuery.objects.count() == 2  # refining is not a new search, kept page or not


def test_a_publish_makes_every_kept_results_page_stale(zone, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    draft = add_page(
        zone.columns["news"], ArticlePage(title="青蒿创新驿站开放", slug="qinghao", body="<p>x</p>"), False
    )
    rebuild_index()
    get(client, q="青蒿创新驿站")
    assert not result_links(get(client, q="青蒿创新驿站"))
    draft.save_revision().publish()
    assert get(client, q="青蒿创新驿站").templates, "a results page kept before the publish was served after it"
    rebuild_index()  # what the index task does after the publish's transaction (it moves the generation too)
    assert any("qinghao" in link for link in result_links(get(client, q="青蒿创新驿站")))


def test_a_term_hidden_leaves_the_kept_results_pages_at_once(zone, client, settings):
    from zoneportal.search.models import HiddenSearchTerm

    settings.PAGE_CACHE_SECONDS = 300
    get(client, q="优惠政策")

    def hot_words() -> list[str]:
        return [a.get_text() for a in soup(get(client, q="招商")).select(".search-aside .search-hot a")]

    assert "优惠政策" in hot_words()
    assert "优惠政策" in hot_words()  # the kept page
    HiddenSearchTerm.objects.create(text="优惠政策")
    assert "优惠政策" not in hot_words()


@pytest.mark.parametrize("params", [{"q": " 招商引资"}, {"q": "招商引资", "utm_source": "weixin"}])
def test_an_address_with_more_than_the_key_is_answered_fresh(zone, client, settings, params):
    """Links on a results page repeat its address: one with other parameters is never kept for the next visitor."""
    settings.PAGE_CACHE_SECONDS = 300
    get(client, **params)
    assert get(client, **params).templates
    get(client, q="招商引资")
    assert "utm_source" not in get(client, q="招商引资").content.decode()


# ---------------------------------------------------------------- the header box


def test_header_box_is_a_plain_form_that_suggest_script_enhances(zone, client):
    home = soup(client.get("/"))
    box = home.select_one("#header-search-q")
    form = box.find_parent("form")
    assert form["action"] == "/search/" and form["method"] == "get" and box["name"] == "q"
    assert box["data-suggest-url"] == "/api/v1/search/suggest"
    assert box.get("role") is None  # the script makes it a combobox; without it, a plain search box
    assert home.select_one('script[src$="js/search-suggest.js"]') is not None
    assert home.select_one('link[href$="css/search.css"]') is not None


def test_header_box_in_the_traditional_view_asks_the_traditional_api(zone, client):
    box = soup(client.get("/zh-hant/")).select_one("#header-search-q")
    assert box["data-suggest-url"] == "/zh-hant/api/v1/search/suggest"
