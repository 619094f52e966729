"""Candidate selection at scale: the documents of a query's rare words are ranked whatever their date.

Past ``RANK_CAP`` matches the engine ranks a bounded set of candidates. These
tests index 650 new documents that match a question's common words beside one
old document holding its one rare word (环评), and check that the old document
is found first — on SQLite (FTS5) and on PostgreSQL (tsvector) alike.
"""

from __future__ import annotations

import datetime

import pytest

from zoneportal.search import engine
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import replace_index
from zoneportal.search.indexers import IndexEntry
from zoneportal.search.models import SearchDocument

pytestmark = pytest.mark.django_db

NEWER = 650  # more than RANK_CAP (500) documents match the common words
OLD_KEY = "bench:old-eia"


def entry(key: str, title: str, text: str, date: datetime.date, validity: str = "valid") -> IndexEntry:
    return IndexEntry(
        external_id=key,
        type="policy",
        title=title,
        url=f"/{key}/",
        text=text,
        date=datetime.datetime.combine(date, datetime.time(9), tzinfo=datetime.UTC),
        category="规划建设",
        issuer="来凤经济开发区管理委员会",
        year=date.year,
        validity=validity,
    )


@pytest.fixture
def crowded(db):
    """One 2016 document on 环评 (repealed, so no boost helps it), then 650 newer ones matching 企业, 审批, 时间."""
    entries = [
        entry(
            OLD_KEY,
            "建设项目环评审批程序",
            "企业的建设项目环评由县环保局审批，材料齐全的当场受理。",
            datetime.date(2016, 3, 1),
            validity="repealed",
        ),  # repealed: no validity boost helps it
    ]
    for number in range(NEWER):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=number * 3)
        entries.append(
            entry(
                f"bench:new-{number}",
                f"关于企业审批事项办理时间的通知（第{number}号）",
                "企业投资项目审批实行限时办结，办理时间不超过十个工作日，企业报告按月报送。",
                day,
            )
        )
    replace_index([entries], len(entries))
    assert SearchDocument.objects.count() == NEWER + 1
    return entries


def keys(query: str, **options) -> list[str]:
    return [hit.external_id for hit in search(SearchRequest(query=query, **options)).results]


@pytest.mark.parametrize(
    "query",
    [
        "企业环评审批要多长时间",  # a question: AND finds the old one alone, the fallback matches all 651
        "环评 时间",  # two words; the old document lacks 时间
        "企业环评报告怎么写",  # 报告 is in every new document, not in the old one
        "环评",
    ],
)
def test_a_rare_words_only_document_is_ranked_first_whatever_its_date(crowded, query):
    found = keys(query)
    assert found and found[0] == OLD_KEY, found[:3]


def test_common_words_still_rank_the_rest(crowded):
    """The page is filled with the newer documents matching the common words; the total counts every match."""
    response = search(SearchRequest(query="企业环评审批要多长时间"))
    assert response.total == NEWER + 1
    assert len(response.results) == 10 and response.results[0].external_id == OLD_KEY
    assert all(hit.external_id.startswith("bench:new-") for hit in response.results[1:])


def test_filters_keep_the_rare_document_a_candidate(crowded):
    assert keys("环评 时间", category="规划建设")[0] == OLD_KEY
    assert keys("环评 时间", validity="repealed") == [OLD_KEY]


def test_with_no_discriminating_word_the_newest_matches_are_ranked(crowded, monkeypatch):
    """A query of common words only keeps the newest-N shortcut: its cost does not grow with the index."""
    found = search(SearchRequest(query="企业 时间", per_page=50))
    assert found.total == NEWER and not found.facets_exact
    ranked = sum(value.count for value in found.facets["type"])
    assert abs(ranked - engine.RANK_CAP) <= 5  # about the newest 500 (PostgreSQL estimates the boundary)
    newest = {f"bench:new-{number}" for number in range(NEWER - engine.RANK_CAP, NEWER)}
    assert {hit.external_id for hit in found.results} <= newest


def test_only_the_rare_word_discriminates(crowded):
    plan = engine.plan_query("企业环评审批要多长时间", engine.lexicon(), engine.synonyms())
    assert len(plan.groups) == 3  # 企业, 环评, 审批: 要 and 多长时间 are question words
    assert [group[0] for group in engine.rare_groups(plan)] == [("环评",)]
    weights = dict(zip((group[0][0] for group in plan.groups), engine.group_weights(plan), strict=True))
    assert weights == {"企业": 1, "环评": 3, "审批": 1}  # the rare word outweighs the common ones together
