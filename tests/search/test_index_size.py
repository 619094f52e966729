"""The index's size report and the compact full-text storage (issue 13, item 5), on the real database."""

from __future__ import annotations

import importlib
import random
from types import SimpleNamespace

import pytest
from django.db import connection

from zoneportal.search.analysis import index_terms
from zoneportal.search.backends import TABLE, TERMS_PIECE, TERMS_PIECES, TERMS_TABLE, full_text
from zoneportal.search.engine import SearchRequest, search
from zoneportal.search.index import document_tags, index_entries, index_size, remove_entries, replace_index
from zoneportal.search.indexers import IndexEntry
from zoneportal.search.models import SearchDocument, SearchTerm

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.sqlite  # SQLite's FTS5 storage

#: Random text no compressor shortens much, its terms taking several of TERMS_TABLE's pieces; of characters
#: that make none of the words the tests look for.
CHARACTERS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def noise(seed: int, length: int = 3500) -> str:
    generator = random.Random(seed)
    return "".join(generator.choice(CHARACTERS) for _ in range(length))


def entry(key: str, title: str, text: str, **properties) -> IndexEntry:
    return IndexEntry(
        external_id=f"size:{key}", type="policy", title=title, url=f"/size/{key}/", text=text, **properties
    )


ENTRIES = [
    entry(
        "1", "来凤经济开发区招商引资优惠政策", "企业所得税免收两年后减半征收三年。", doc_number="来开管发〔2015〕3号"
    ),
    entry("2", "關於標準廠房租賃的通知", "標準廠房租賃價格按年度公布，ABC Park 2026。"),
    entry("3", "关于被征地农民参加基本养老保险的实施办法", noise(3)),
]


def stored_text_bytes() -> int:
    """The raw text counted in Python: UTF-8 bytes of each document's title, number and text."""
    return sum(
        len((title + number + text).encode())
        for title, number, text in SearchDocument.objects.values_list("title", "doc_number", "text")
    )


def stored_index_bytes() -> int:
    """The full-text side's bytes, asked of the database in a way of its own."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Every table FTS5 made for the index, and ours beside it, whatever their names end in.
            cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s", [f"{TABLE}%"])
        else:
            # Every fork (data, free space map, visibility map) of the table, its TOAST table and TOAST index,
            # and its own indexes.
            cursor.execute(
                "SELECT SUM(pg_relation_size(oid, fork)) FROM pg_class, "
                "unnest(ARRAY['main', 'fsm', 'vm', 'init']) AS fork WHERE oid = %s::regclass "
                "OR oid = (SELECT reltoastrelid FROM pg_class WHERE oid = %s::regclass) "
                "OR oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN "
                "(%s::regclass, (SELECT reltoastrelid FROM pg_class WHERE oid = %s::regclass)))",
                [TABLE] * 4,
            )
        return cursor.fetchone()[0]


def test_the_size_report_counts_what_is_stored(zone):
    replace_index([ENTRIES], len(ENTRIES))
    size = index_size()
    assert size.documents == 3 == SearchDocument.objects.count()
    assert size.text_bytes == stored_text_bytes()
    assert size.text_bytes > len(ENTRIES[2].text) * 3  # bytes, not characters: three per Chinese character
    assert size.index_bytes == stored_index_bytes() > 0
    assert size.ratio == size.index_bytes / size.text_bytes

    index_entries([entry(str(key), f"第{key}号公告", noise(key)) for key in range(10, 40)])
    larger = index_size()
    assert larger.documents == 33
    assert larger.text_bytes == stored_text_bytes() > size.text_bytes
    assert larger.index_bytes == stored_index_bytes() > size.index_bytes


def test_an_empty_index_has_no_ratio(zone):
    replace_index([], 0)
    size = index_size()
    assert (size.documents, size.text_bytes, size.ratio) == (0, 0, None)


def test_replacing_and_removing_entries_keeps_index_and_vocabulary_exact(zone):
    replace_index([ENTRIES], len(ENTRIES))
    assert search(SearchRequest(query="标准厂房")).total == 1
    assert SearchTerm.objects.get(word="厂房").documents == 1

    index_entries([entry("2", "关于仓储用地的通知", "仓储用地按规划审批。")])
    assert search(SearchRequest(query="标准厂房")).total == 0
    assert search(SearchRequest(query="仓储用地")).total == 1
    assert not SearchTerm.objects.filter(word="厂房").exists()
    assert SearchTerm.objects.get(word="仓储").documents == 1
    with connection.cursor() as cursor:
        frequencies = dict(full_text().document_frequencies(cursor))
    assert "厂房" not in frequencies and "park" not in frequencies  # the old row's terms left the index itself
    assert frequencies["仓储"] == 1

    remove_entries(["size:3"])
    assert search(SearchRequest(query="基本养老保险")).total == 0
    assert not SearchTerm.objects.filter(word="基本养老保险").exists()


def test_terms_read_back_exactly(zone):
    replace_index([ENTRIES], len(ENTRIES))
    backend = full_text()
    ids = dict(SearchDocument.objects.values_list("external_id", "pk"))
    with connection.cursor() as cursor:
        terms = backend.terms(cursor, list(ids.values()))
    for item in ENTRIES:  # the words of every field (PostgreSQL's answer also holds the filter tags)
        words = {*index_terms(item.title), *index_terms(item.doc_number), *index_terms(item.text)}
        assert terms[ids[item.external_id]] - set(document_tags(item)) == words
    assert {"标准", "厂房", "abc", "park", "2026"} <= terms[ids["size:2"]]


@sqlite_only
def test_sqlite_keeps_no_second_copy_of_the_text(zone):
    replace_index([ENTRIES], len(ENTRIES))
    document_id = SearchDocument.objects.get(external_id="size:3").pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [f"{TABLE}%"])
        assert f"{TABLE}_content" not in {row[0] for row in cursor.fetchall()}
        cursor.execute(f"SELECT body FROM {TABLE} WHERE rowid = %s", [document_id])
        assert cursor.fetchone() == (None,)  # contentless: matching and bm25() only
        # The long text's terms, compressed, take several pieces, none longer than a piece.
        cursor.execute(f"SELECT length(piece) FROM {TERMS_TABLE} WHERE id / {TERMS_PIECES} = %s", [document_id])
        pieces = [row[0] for row in cursor.fetchall()]
    assert len(pieces) >= 3 and max(pieces) == TERMS_PIECE

    remove_entries(["size:3"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {TERMS_TABLE} WHERE id / {TERMS_PIECES} = %s", [document_id])
        assert cursor.fetchone() == (0,)


@sqlite_only
def test_the_migration_converts_an_index_that_stored_its_text(zone):
    migration = importlib.import_module("zoneportal.search.migrations.0006_contentless_full_text")
    editor = SimpleNamespace(connection=connection)
    replace_index([ENTRIES], len(ENTRIES))
    before = [search(SearchRequest(query=query)).total for query in ("招商引资", "标准厂房", "zsyz", "基本养老保险")]

    migration.expand(None, editor)  # back to the table of before this change, its rows copied back
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title FROM {TABLE} WHERE title LIKE %s", ["%厂房%"])
        assert [title.split() for (title,) in cursor.fetchall()] == [index_terms(ENTRIES[1].title)]
        cursor.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = %s", [TERMS_TABLE])
        assert cursor.fetchone() == (0,)

    migration.compact(None, editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [TABLE])
        assert "content=''" in cursor.fetchone()[0]
    assert [
        search(SearchRequest(query=query)).total for query in ("招商引资", "标准厂房", "zsyz", "基本养老保险")
    ] == before
    # The converted rows can be replaced: their stored terms delete them exactly.
    index_entries([entry("2", "关于仓储用地的通知", "仓储用地按规划审批。")])
    assert search(SearchRequest(query="标准厂房")).total == 0
    assert not SearchTerm.objects.filter(word="厂房").exists()


postgresql_only = pytest.mark.postgresql  # PostgreSQL's tsvector


def vector_of(external_id: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT f.vector::text FROM {TABLE} f JOIN search_searchdocument d ON d.id = f.document_id "
            "WHERE d.external_id = %s",
            [external_id],
        )
        return cursor.fetchone()[0]


@postgresql_only
def test_postgresql_keeps_positions_of_the_weighted_fields_only(zone):
    replace_index([ENTRIES], len(ENTRIES))
    lexemes = dict(item.partition(":")[::2] for item in vector_of("size:1").split())
    assert lexemes["'招商引资'"].endswith("A")  # in the title: its position and weight
    assert lexemes["'减半'"] == ""  # only in the body: a lexeme without positions
    assert all(positions == "" for lexeme, positions in lexemes.items() if lexeme.startswith("'zztag"))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attcompression FROM pg_attribute WHERE attrelid = %s::regclass AND attname = 'vector'", [TABLE]
        )
        assert cursor.fetchone()[0] == "l"  # LZ4


@postgresql_only
def test_the_migration_drops_the_body_positions_of_an_existing_index(zone):
    migration = importlib.import_module("zoneportal.search.migrations.0006_contentless_full_text")
    replace_index([ENTRIES], len(ENTRIES))
    fresh = {item.external_id: vector_of(item.external_id) for item in ENTRIES}
    # The vectors as they were written before: every field's terms at their positions, weighted A A B D D.
    with connection.cursor() as cursor:
        for item in ENTRIES:
            fields = [
                (index_terms(item.title), "A"),
                (index_terms(item.doc_number), "A"),
                (index_terms(item.keywords), "B"),
                (index_terms(item.text), "D"),
                (document_tags(item), "D"),
            ]
            positions: dict[str, list[str]] = {}
            place = 0
            for terms, weight in fields:
                for term in terms:
                    place += 1
                    positions.setdefault(term, []).append(f"{place}{weight}")
            old = " ".join(f"'{term}':{','.join(slots[:255])}" for term, slots in positions.items())
            cursor.execute(
                f"UPDATE {TABLE} SET vector = %s::tsvector WHERE document_id = "
                "(SELECT id FROM search_searchdocument WHERE external_id = %s)",
                [old, item.external_id],
            )
    assert vector_of("size:3") != fresh["size:3"]

    migration.compact(None, SimpleNamespace(connection=connection))
    assert {item.external_id: vector_of(item.external_id) for item in ENTRIES} == fresh
