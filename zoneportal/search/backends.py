"""The full-text side table, one implementation per database.

Both hold the same pre-segmented terms (``analysis.index_terms``), so the
database never has to understand Chinese: SQLite FTS5's ``unicode61``
tokenizer splits on the spaces we put in, and on PostgreSQL we write the
``tsvector`` ourselves (lexemes, positions and weights), bypassing the text
search parser altogether. Each backend answers the same few questions: write
rows, read back a row's terms, match a query and rank what matched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import connection

TABLE = "search_fulltext"

#: Field weights: a match in the title counts most, then the document number,
#: the keywords and the body.
FIELDS = ("title", "number", "keywords", "body")


@dataclass(frozen=True)
class Match:
    """SQL fragments that find and rank the documents matching a query."""

    tables: str  # FROM clause; the document table is aliased ``d``
    condition: str  # WHERE condition
    params: list
    relevance: str  # a higher-is-better score expression
    relevance_params: list


@dataclass(frozen=True)
class FullTextRow:
    """The segmented text of one document, each field a list of terms."""

    document_id: int
    title: Sequence[str]
    number: Sequence[str]
    keywords: Sequence[str]
    body: Sequence[str]

    def distinct_terms(self) -> set[str]:
        return {*self.title, *self.number, *self.keywords, *self.body}


#: A query: AND of groups; a group is an OR of alternatives; an alternative is
#: a tuple of terms that must all occur (a synonym of several words).
Groups = Sequence[Sequence[Sequence[str]]]


def _boolean(groups: Groups, any_group: bool, quote: Callable[[str], str], and_: str, or_: str) -> str:
    """The query as a boolean expression in the store's own syntax, every term quoted."""

    def alternative(terms: Sequence[str]) -> str:
        return quote(terms[0]) if len(terms) == 1 else "(" + and_.join(quote(term) for term in terms) + ")"

    return (or_ if any_group else and_).join(
        "(" + or_.join(alternative(terms) for terms in group) + ")" for group in groups
    )


def _chunks(items: Sequence, size: int = 500) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SQLiteFullText:
    """SQLite FTS5 over space-joined terms, ranked with FTS5's own ``bm25()``."""

    weights = "10.0, 6.0, 3.0, 1.0"

    def create(self, cursor) -> None:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({', '.join(FIELDS)})")

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def clear(self, cursor) -> None:
        # Not DROP/CREATE: readers keep seeing the old rows until the rebuild commits.
        cursor.execute(f"DELETE FROM {TABLE}")

    def delete(self, cursor, ids: Sequence[int]) -> None:
        for chunk in _chunks(ids):
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join('%s' for _ in chunk)})", list(chunk))

    def insert(self, cursor, rows: Sequence[FullTextRow]) -> None:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, {', '.join(FIELDS)}) VALUES (%s, %s, %s, %s, %s)",
            [
                (row.document_id, " ".join(row.title), " ".join(row.number), " ".join(row.keywords), " ".join(row.body))
                for row in rows
            ],
        )

    def terms(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        found: dict[int, set[str]] = {}
        joined = " || ' ' || ".join(FIELDS)
        for chunk in _chunks(ids):
            cursor.execute(
                f"SELECT rowid, {joined} FROM {TABLE} WHERE rowid IN ({', '.join('%s' for _ in chunk)})",
                list(chunk),
            )
            found.update((rowid, set(text.split())) for rowid, text in cursor.fetchall())
        return found

    def match(self, groups: Groups, any_group: bool = False) -> Match:
        """Documents having every group (or any, with ``any_group``); each group is a set of alternative terms.

        The full-text table is read first (CROSS JOIN): with it the other way
        round SQLite scans the documents and a filtered query takes seconds.
        """
        expression = _boolean(groups, any_group, self.quote, " AND ", " OR ")
        return Match(
            tables=f"{TABLE} CROSS JOIN search_searchdocument d ON d.id = {TABLE}.rowid",
            condition=f"{TABLE} MATCH %s",
            params=[expression],
            relevance=f"(-bm25({TABLE}, {self.weights}))",
            relevance_params=[],
        )

    def groups_matched(self, groups: Groups) -> tuple[str, list]:
        """SQL counting how many of ``groups`` a row matches (ranks answers to plain-language questions)."""
        parts = [f"({TABLE}.rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s))" for _ in groups]
        quote = self.quote
        return " + ".join(parts), [_boolean([group], False, quote, " AND ", " OR ") for group in groups]

    @staticmethod
    def quote(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    @staticmethod
    def contains(column: str) -> str:
        """SQL: ``column`` contains the text of the next parameter."""
        return f"instr({column}, %s) > 0"

    def age_in_years(self) -> str:
        return "((julianday('now') - julianday(d.date)) / 365.25)"

    def size(self, cursor) -> int:
        """Bytes used by the full-text index (its shadow tables)."""
        cursor.execute("PRAGMA page_size")
        page_size = cursor.fetchone()[0]
        total = 0
        for suffix in ("data", "idx", "content", "docsize", "config"):
            try:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name = %s", [f"{TABLE}_{suffix}"])
                total += cursor.fetchone()[0] or 0
            except Exception:  # dbstat is an optional SQLite module; fall back to a row-size estimate
                cursor.execute(f"SELECT COUNT(*) FROM {TABLE}_{suffix}")
                total += (cursor.fetchone()[0] or 0) * page_size // 4
        return total


class PostgresFullText:
    """PostgreSQL ``tsvector`` written by us (exact lexemes, positions, weights) with a GIN index.

    Ranking is ``ts_rank`` with field weights. See docs/search.md for why the
    ranked set is capped on very common terms.
    """

    field_weights = dict(zip(FIELDS, "AABD", strict=True))
    max_positions = 255  # PostgreSQL keeps at most 256 positions per lexeme

    def create(self, cursor) -> None:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            "document_id bigint PRIMARY KEY REFERENCES search_searchdocument (id) ON DELETE CASCADE, "
            "vector tsvector NOT NULL)"
        )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)")

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def clear(self, cursor) -> None:
        # Not TRUNCATE or DROP: those lock out searches until the rebuild commits.
        cursor.execute(f"DELETE FROM {TABLE}")

    def delete(self, cursor, ids: Sequence[int]) -> None:
        cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = ANY(%s)", [list(ids)])

    @staticmethod
    def quote(term: str) -> str:
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

    def vector(self, row: FullTextRow) -> str:
        """The ``tsvector`` literal of a row: every lexeme with its positions (capped) and field weight."""
        positions: dict[str, list[str]] = {}
        position = 0
        for field in FIELDS:
            weight = self.field_weights[field]
            for term in getattr(row, field):
                position = min(position + 1, 16383)
                slots = positions.setdefault(term, [])
                if len(slots) < self.max_positions:
                    slots.append(f"{position}{weight}")
        return " ".join(f"{self.quote(term)}:{','.join(slots)}" for term, slots in positions.items())

    def insert(self, cursor, rows: Sequence[FullTextRow]) -> None:
        cursor.executemany(
            f"INSERT INTO {TABLE} (document_id, vector) VALUES (%s, %s::tsvector)",
            [(row.document_id, self.vector(row)) for row in rows],
        )

    def terms(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        cursor.execute(
            f"SELECT document_id, tsvector_to_array(vector) FROM {TABLE} WHERE document_id = ANY(%s)", [list(ids)]
        )
        return {document_id: set(lexemes) for document_id, lexemes in cursor.fetchall()}

    def match(self, groups: Groups, any_group: bool = False) -> Match:
        """Documents having every group (or any, with ``any_group``); each group is a set of alternative terms."""
        expression = _boolean(groups, any_group, self.quote, " & ", " | ")
        return Match(
            tables=f"{TABLE} f JOIN search_searchdocument d ON d.id = f.document_id",
            condition="f.vector @@ %s::tsquery",
            params=[expression],
            relevance="ts_rank('{0.1, 0.2, 0.4, 1.0}', f.vector, %s::tsquery, 0)",
            relevance_params=[expression],
        )

    @staticmethod
    def contains(column: str) -> str:
        """SQL: ``column`` contains the text of the next parameter."""
        return f"strpos({column}, %s) > 0"

    def groups_matched(self, groups: Groups) -> tuple[str, list]:
        """SQL counting how many of ``groups`` a row matches (ranks answers to plain-language questions)."""
        parts = ["(f.vector @@ %s::tsquery)::int" for _ in groups]
        return " + ".join(parts), [_boolean([group], False, self.quote, " & ", " | ") for group in groups]

    def age_in_years(self) -> str:
        return "(EXTRACT(EPOCH FROM (now() - d.date)) / 31557600.0)"

    def size(self, cursor) -> int:
        cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
        return cursor.fetchone()[0] or 0


def full_text() -> SQLiteFullText | PostgresFullText:
    """The implementation for the configured database."""
    return PostgresFullText() if connection.vendor == "postgresql" else SQLiteFullText()


def term_counts(rows: Iterable[FullTextRow]) -> Counter[str]:
    """In how many of ``rows`` each term occurs (document frequency)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(row.distinct_terms())
    return counts
