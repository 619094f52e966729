"""The full-text side table, one implementation per database.

Both hold the same pre-segmented terms (``analysis.index_terms``), so the
database never has to understand Chinese: SQLite FTS5's ``unicode61``
tokenizer splits on the spaces we put in, and on PostgreSQL we write the
``tsvector`` ourselves (lexemes, positions and weights), bypassing the text
search parser altogether. Each backend answers the same few questions: write
rows, read back a row's terms, count and match a query, rank what matched.

Filters (site, type, category, issuer, year, validity) are indexed too, as
tag terms (:func:`filter_tags`), so that a filtered count or the newest
matches are found inside the full-text index without reading the documents.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import DatabaseError, connection, transaction

from .analysis import fold

TABLE = "search_fulltext"
#: SQLite: what each row of the contentless FTS5 table was written with (:class:`SQLiteFullText`).
TERMS_TABLE = f"{TABLE}_terms"
#: A row's compressed terms are cut into pieces of this many bytes, stored under ``document id * TERMS_PIECES +
#: n``: whole rows of 2–3 KB left most 4,096-byte pages half empty (one fits, two do not); pieces this small
#: fill them to within about 7 %, the cost of a cell's header and the space left at the end of each page
#: (1,000-byte pieces: 14 %). A row longer than TERMS_PIECES pieces is cut into longer ones.
TERMS_PIECE = 400
TERMS_PIECES = 64

#: Field weights: a match in the title counts most, then the document number,
#: the keywords and the body.
FIELDS = ("title", "number", "keywords", "body")

#: Prefix of the filter tags; no analysed word starts with it.
TAG_PREFIX = "zztag"
_NOT_WORD = re.compile(r"[\W_]+")


def filter_tags(**values: object) -> list[str]:
    """Index terms for filter values: ``filter_tags(type="policy", year=2015)`` → ['zztagtypepolicy', 'zztagyear2015'].

    Used when indexing (every property of a document) and when searching (the
    active filters), so both sides spell them the same way.
    """
    tags = []
    for name, value in values.items():
        if value not in ("", None):
            tags.append(TAG_PREFIX + name + _NOT_WORD.sub("", fold(str(value))))
    return tags


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
    tags: Sequence[str] = field(default=())

    def distinct_terms(self) -> set[str]:
        """The words of the document (not its filter tags)."""
        return {*self.title, *self.number, *self.keywords, *self.body}


#: A query: AND of groups; a group is an OR of alternatives; an alternative is
#: a tuple of terms that must all occur (a synonym of several words).
Groups = Sequence[Sequence[Sequence[str]]]


def _boolean(
    groups: Groups, any_group: bool, tags: Sequence[str], quote: Callable[[str], str], and_: str, or_: str
) -> str:
    """The query as a boolean expression in the store's own syntax, every term quoted; tags are always required."""

    def alternative(terms: Sequence[str]) -> str:
        return quote(terms[0]) if len(terms) == 1 else "(" + and_.join(quote(term) for term in terms) + ")"

    words = (or_ if any_group else and_).join(
        "(" + or_.join(alternative(terms) for terms in group) + ")" for group in groups
    )
    return and_.join([f"({words})", *(quote(tag) for tag in tags)])


def _chunks(items: Sequence, size: int = 500) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _FullText:
    """What both implementations share."""

    def insert(self, cursor, rows: Sequence[FullTextRow]) -> None:
        self.insert_payloads(cursor, [(row.document_id, self.payload(row)) for row in rows])


class SQLiteFullText(_FullText):
    """SQLite FTS5 over space-joined terms, ranked with FTS5's own ``bm25()``.

    The FTS5 table is contentless (``content=''``): it keeps the inverted index
    and each row's column sizes (all ``bm25()`` needs), not the segmented text,
    which would be a second, larger copy of ``SearchDocument.text``. What a row
    was written with is kept zlib-compressed in :data:`TERMS_TABLE` instead, at
    about a quarter of the size: SQLite before 3.43 deletes a contentless row
    only when given the values it was inserted with, and :meth:`terms` reads a
    row's words back for the vocabulary. See docs/search.md, "Index size".
    """

    weights = "10.0, 6.0, 3.0, 1.0, 0.0"  # title, number, keywords, body; tags do not rank
    columns = (*FIELDS, "tags")

    def create(self, cursor) -> None:
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({', '.join(self.columns)}, content='')")
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {TERMS_TABLE} (id INTEGER PRIMARY KEY, piece BLOB NOT NULL)")

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(f"DROP TABLE IF EXISTS {TERMS_TABLE}")

    def clear(self, cursor) -> None:
        # Not DROP/CREATE: readers keep seeing the old rows until the rebuild commits.
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
        cursor.execute(f"DELETE FROM {TERMS_TABLE}")

    def remove(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        """Delete the rows ``ids`` and return the terms they held, by id."""
        # Deleting from the contentless table needs the stored values the terms come from: read them once.
        stored = self._stored(cursor, ids)
        self._delete_stored(cursor, stored)
        return {document_id: self._terms_of(values) for document_id, values in stored.items()}

    def _delete_stored(self, cursor, stored: dict[int, list[str]]) -> None:
        placeholders = ", ".join("%s" for _ in self.columns)
        cursor.executemany(
            f"INSERT INTO {TABLE} ({TABLE}, rowid, {', '.join(self.columns)}) VALUES ('delete', %s, {placeholders})",
            [(document_id, *values) for document_id, values in stored.items()],
        )
        for chunk in _chunks(list(stored), 100):
            cursor.execute(f"DELETE FROM {TERMS_TABLE} WHERE {self._pieces_of(chunk)}", self._piece_ranges(chunk))

    @classmethod
    def payload(cls, row: FullTextRow) -> tuple:
        """What :meth:`insert_payloads` writes for a row (computed in the analysis workers of a bulk load).

        The space-joined terms of each column, then all of them compressed for :data:`TERMS_TABLE`.
        """
        values = tuple(" ".join(getattr(row, name)) for name in cls.columns)
        return (*values, cls.pack(values))

    @staticmethod
    def pack(values: Sequence[str]) -> bytes:
        """A row's column values as stored in :data:`TERMS_TABLE` (terms never hold a newline)."""
        return zlib.compress("\n".join(values).encode())

    @staticmethod
    def unpack(stored: bytes) -> list[str]:
        """The column values :meth:`pack` stored."""
        return zlib.decompress(stored).decode().split("\n")

    def insert_payloads(self, cursor, rows: Sequence[tuple[int, tuple]]) -> None:
        placeholders = ", ".join("%s" for _ in self.columns)
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, {', '.join(self.columns)}) VALUES (%s, {placeholders})",
            [(document_id, *payload[:-1]) for document_id, payload in rows],
        )
        cursor.executemany(
            f"INSERT INTO {TERMS_TABLE} (id, piece) VALUES (%s, %s)",
            [
                (document_id * TERMS_PIECES + number, piece)
                for document_id, payload in rows
                for number, piece in enumerate(self._pieces(payload[-1]))
            ],
        )

    @staticmethod
    def _pieces(packed: bytes) -> list[bytes]:
        size = max(TERMS_PIECE, -(-len(packed) // TERMS_PIECES))
        return [packed[start : start + size] for start in range(0, len(packed), size)]

    @staticmethod
    def _pieces_of(ids: Sequence[int]) -> str:
        """SQL condition: the pieces of these documents in :data:`TERMS_TABLE` (parameters: :meth:`_piece_ranges`)."""
        return " OR ".join("id BETWEEN %s AND %s" for _ in ids)

    @staticmethod
    def _piece_ranges(ids: Sequence[int]) -> list[int]:
        return [
            bound for document_id in ids for bound in (document_id * TERMS_PIECES, (document_id + 1) * TERMS_PIECES - 1)
        ]

    def document_frequencies(self, cursor) -> Iterable[tuple[str, int]]:
        """Every indexed term with the number of documents holding it, read from the index itself."""
        vocabulary = f"temp.{TABLE}_vocabulary"
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocabulary} USING fts5vocab(main, {TABLE}, row)")
        cursor.execute(f"SELECT term, doc FROM {vocabulary}")
        return cursor.fetchall()

    def _stored(self, cursor, ids: Sequence[int]) -> dict[int, list[str]]:
        """The column values the rows ``ids`` were written with, by id (rows not in the index left out)."""
        packed: dict[int, bytes] = {}
        for chunk in _chunks(ids, 100):
            cursor.execute(
                f"SELECT id, piece FROM {TERMS_TABLE} WHERE {self._pieces_of(chunk)} ORDER BY id",
                self._piece_ranges(chunk),
            )
            for piece_id, piece in cursor.fetchall():
                document_id = piece_id // TERMS_PIECES
                packed[document_id] = packed.get(document_id, b"") + piece
        return {document_id: self.unpack(value) for document_id, value in packed.items()}

    def terms(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        return {document_id: self._terms_of(values) for document_id, values in self._stored(cursor, ids).items()}

    @staticmethod
    def _terms_of(values: list[str]) -> set[str]:
        """The distinct terms of a row's stored column values (the filter tags, which come last, left out)."""
        return {term for value in values[: len(FIELDS)] for term in value.split()}

    def expression(self, groups: Groups, any_group: bool = False, tags: Sequence[str] = ()) -> str:
        return _boolean(groups, any_group, tags, self.quote, " AND ", " OR ")

    def count(self, cursor, expression: str) -> int:
        """How many documents match (FTS5 counts without reading them)."""
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH %s", [expression])
        return cursor.fetchone()[0]

    @contextmanager
    def session(self):
        """A cursor for one search, outside any transaction.

        ZonePortal's SQLite transactions begin IMMEDIATE, taking the write
        lock; a search only reads and must not queue behind the writers.
        """
        with connection.cursor() as cursor:
            yield cursor

    def date_order(self, cursor, expression: str) -> tuple[str, list]:
        """FROM/WHERE for newest-first results: walk the date index, keep the matches; stops after a page."""
        return (
            f"search_searchdocument d INDEXED BY search_document_date "
            f"WHERE d.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s)",
            [expression],
        )

    def after_bulk_load(self, cursor) -> None:
        """Merge the index's segments into one after a rebuild: fewer b-trees to read per term."""
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")

    def after_commit(self, cursor) -> None:
        """Nothing to do once a rebuild has committed (``optimize`` ran inside it)."""

    def newest(self, cursor, expression: str, limit: int, matches: int) -> tuple[str, list]:
        """SQL condition keeping the ``limit`` newest of the ``matches`` documents (ids grow with indexing)."""
        cursor.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",
            [expression, limit - 1],
        )
        row = cursor.fetchone()
        return f"{TABLE}.rowid >= %s", [row[0] if row else 0]

    def match(self, expression: str) -> Match:
        """Documents matching ``expression``, joined to their ``SearchDocument`` row ``d``.

        The full-text table is read first (CROSS JOIN): with it the other way
        round SQLite scans the documents and a filtered query takes seconds.
        """
        return Match(
            tables=f"{TABLE} CROSS JOIN search_searchdocument d ON d.id = {TABLE}.rowid",
            condition=f"{TABLE} MATCH %s",
            params=[expression],
            relevance=f"(-bm25({TABLE}, {self.weights}))",
            relevance_params=[],
        )

    def groups_matched(self, groups: Groups, weights: Sequence[int] | None = None) -> tuple[str, list]:
        """SQL adding up the ``weights`` (default 1) of the ``groups`` a row matches (ranks answers to questions)."""
        weights = weights or [1] * len(groups)
        parts = [
            f"{int(weight)} * ({TABLE}.rowid IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s))"
            for weight in weights
        ]
        return " + ".join(parts), [self.expression([group]) for group in groups]

    def ids(self, cursor, expression: str, limit: int) -> list[int]:
        """The ids of at most ``limit`` documents matching ``expression`` (a rare word's: its whole posting list)."""
        cursor.execute(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s LIMIT %s", [expression, limit])
        return [row[0] for row in cursor.fetchall()]

    def among(self, ids: Sequence[int]) -> tuple[str, list]:
        """SQL condition keeping the matches whose id is one of ``ids`` (FTS5 looks each one up by rowid)."""
        return f"{TABLE}.rowid IN ({', '.join('%s' for _ in ids)})", list(ids)

    @staticmethod
    def quote(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    @staticmethod
    def contains(column: str) -> str:
        """SQL: ``column`` contains the text of the next parameter."""
        return f"instr({column}, %s) > 0"

    def age_in_years(self) -> str:
        return "((julianday('now') - julianday(d.date)) / 365.25)"

    @staticmethod
    def octets(column: str) -> str:
        """SQL: the length of ``column``'s text in UTF-8 bytes."""
        return f"length(CAST({column} AS BLOB))"

    def size(self, cursor) -> int:
        """Bytes of the database file used by the full-text index: FTS5's shadow tables and :data:`TERMS_TABLE`.

        Read from SQLite's ``dbstat`` table: whole pages, as the file grows, not just the bytes stored in them.
        """
        tables = [f"{TABLE}_{suffix}" for suffix in ("data", "idx", "docsize", "config")] + [TERMS_TABLE]
        cursor.execute(f"SELECT SUM(pgsize) FROM dbstat WHERE name IN ({', '.join('%s' for _ in tables)})", tables)
        return cursor.fetchone()[0] or 0


class PostgresFullText(_FullText):
    """PostgreSQL ``tsvector`` written by us (exact lexemes, positions, weights) with a GIN index.

    Ranking is ``ts_rank`` with field weights. See docs/search.md for why the
    ranked set is capped on very common terms.

    Only the title, number and keywords keep positions (with their weights);
    the body's words and the filter tags are lexemes without positions, which
    ``ts_rank`` counts as one occurrence of the lowest weight. Body positions
    were about 40 % of every vector, and nothing searches phrases; vectors are
    compressed with LZ4 where the server has it (docs/search.md, "Index size").
    """

    field_weights = dict(zip(("title", "number", "keywords"), "AAB", strict=True))
    max_positions = 255  # PostgreSQL keeps at most 256 positions per lexeme

    def create(self, cursor) -> None:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} ("
            "document_id bigint PRIMARY KEY REFERENCES search_searchdocument (id) ON DELETE CASCADE, "
            "vector tsvector NOT NULL)"
        )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin (vector)")
        self.compress(cursor)

    @staticmethod
    def compress(cursor) -> None:
        """Vectors written from now on are compressed with LZ4 (8 % smaller than pglz here), if the server has it."""
        try:
            with transaction.atomic():
                cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET COMPRESSION lz4")
        except DatabaseError:  # a server built without LZ4 keeps pglz
            pass

    def drop(self, cursor) -> None:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def clear(self, cursor) -> None:
        # Not TRUNCATE or DROP: those lock out searches until the rebuild commits.
        cursor.execute(f"DELETE FROM {TABLE}")

    def remove(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        """Delete the rows ``ids`` and return the terms they held, by id."""
        terms = self.terms(cursor, ids)
        cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = ANY(%s)", [list(ids)])
        return terms

    @staticmethod
    def quote(term: str) -> str:
        return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"

    def payload(self, row: FullTextRow) -> tuple:
        """The ``tsvector`` literal of a row: the lexemes of the weighted fields with their positions (capped) and
        weight, then those only the body and the tags hold, without positions."""
        positions: dict[str, list[str]] = {}
        position = 0
        limit = self.max_positions
        for name, weight in self.field_weights.items():
            for term in getattr(row, name):
                position += 1
                slots = positions.get(term)
                if slots is None:
                    positions[term] = slots = []
                if len(slots) < limit:
                    slots.append(f"{min(position, 16383)}{weight}")
        quote = self.quote
        lexemes = [f"{quote(term)}:{','.join(slots)}" for term, slots in positions.items()]
        unplaced = dict.fromkeys(
            term for name in ("body", "tags") for term in getattr(row, name) if term not in positions
        )
        lexemes.extend(quote(term) for term in unplaced)
        return (" ".join(lexemes),)

    def insert_payloads(self, cursor, rows: Sequence[tuple[int, tuple]]) -> None:
        cursor.executemany(
            f"INSERT INTO {TABLE} (document_id, vector) VALUES (%s, %s::tsvector)",
            [(document_id, *payload) for document_id, payload in rows],
        )

    def document_frequencies(self, cursor) -> Iterable[tuple[str, int]]:
        """Every indexed term with the number of documents holding it, read from the index itself."""
        cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT vector FROM {TABLE}')")
        return cursor.fetchall()

    def terms(self, cursor, ids: Sequence[int]) -> dict[int, set[str]]:
        cursor.execute(
            f"SELECT document_id, tsvector_to_array(vector) FROM {TABLE} WHERE document_id = ANY(%s)", [list(ids)]
        )
        return {document_id: set(lexemes) for document_id, lexemes in cursor.fetchall()}

    def expression(self, groups: Groups, any_group: bool = False, tags: Sequence[str] = ()) -> str:
        return _boolean(groups, any_group, tags, self.quote, " & ", " | ")

    def count(self, cursor, expression: str) -> int:
        cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE vector @@ %s::tsquery", [expression])
        return cursor.fetchone()[0]

    def newest(self, cursor, expression: str, limit: int, matches: int) -> tuple[str, list]:
        """SQL condition keeping about the ``limit`` newest of the ``matches`` documents.

        Finding the exact ``limit``-th newest match would fetch every match
        from the table (GIN indexes return no ids in order), so the boundary is
        estimated from the id range, taking matches as spread evenly over it.
        When most documents match, the primary key's range is the cheap way in;
        otherwise the range must not be used as an index (``+ 0``): PostgreSQL
        would then read, and detoast, every document of the range to test it.
        """
        cursor.execute("SET LOCAL enable_indexscan = on")  # min() and max() read the ends of the primary key
        cursor.execute(f"SELECT min(document_id), max(document_id) FROM {TABLE}")
        lowest, highest = cursor.fetchone()
        cursor.execute("SET LOCAL enable_indexscan = off")
        span = (highest - lowest + 1) if lowest is not None else 0
        boundary = highest - span * limit // matches if span and matches > limit else 0
        dense = span and matches * 3 >= span
        return ("f.document_id >= %s" if dense else "f.document_id + 0 >= %s"), [boundary]

    @contextmanager
    def session(self):
        """A cursor for one search, in a transaction that finds matches through the GIN index, always.

        The table's own pages are few (the vectors live in TOAST), so the
        planner takes a sequential scan, or a primary-key scan filtering on
        ``@@``, for cheap — not counting that every row's vector must then be
        fetched and decompressed: 40 ms at 10,000 documents where the GIN
        bitmap takes 1 ms.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            yield cursor

    def date_order(self, cursor, expression: str) -> tuple[str, list]:
        """FROM/WHERE for newest-first results: walk the date index backwards, keep the matches."""
        cursor.execute("SET LOCAL enable_indexscan = on")
        return (
            f"search_searchdocument d WHERE d.id IN (SELECT document_id FROM {TABLE} WHERE vector @@ %s::tsquery)",
            [expression],
        )

    def after_bulk_load(self, cursor) -> None:
        """Statistics for the planner after a rebuild."""
        cursor.execute(f"ANALYZE {TABLE}")
        cursor.execute("ANALYZE search_searchdocument")

    def after_commit(self, cursor) -> None:
        """``VACUUM`` once a rebuild has committed: pages marked all-visible let a count skip the table.

        Counting a word's matches through GIN otherwise visits the heap page
        of every match to check visibility — about a third of the time of
        counting a very common word (13 → 8 ms at 100,000 matches).

        First the GIN index is built again in one pass, without locking out
        searches: filled row by row during the load it takes a third more space.
        """
        cursor.execute(f"REINDEX INDEX CONCURRENTLY {TABLE}_vector")
        cursor.execute(f"VACUUM (ANALYZE) {TABLE}, search_searchdocument")

    def match(self, expression: str) -> Match:
        """Documents matching ``expression``, joined to their ``SearchDocument`` row ``d``."""
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

    def groups_matched(self, groups: Groups, weights: Sequence[int] | None = None) -> tuple[str, list]:
        """SQL adding up the ``weights`` (default 1) of the ``groups`` a row matches (ranks answers to questions)."""
        weights = weights or [1] * len(groups)
        parts = [f"{int(weight)} * (f.vector @@ %s::tsquery)::int" for weight in weights]
        return " + ".join(parts), [self.expression([group]) for group in groups]

    def ids(self, cursor, expression: str, limit: int) -> list[int]:
        """The ids of at most ``limit`` documents matching ``expression`` (a rare word's: a short GIN posting list)."""
        cursor.execute(f"SELECT document_id FROM {TABLE} WHERE vector @@ %s::tsquery LIMIT %s", [expression, limit])
        return [row[0] for row in cursor.fetchall()]

    def among(self, ids: Sequence[int]) -> tuple[str, list]:
        """SQL condition keeping the matches whose id is one of ``ids``."""
        return "f.document_id = ANY(%s)", [list(ids)]

    def age_in_years(self) -> str:
        return "(EXTRACT(EPOCH FROM (now() - d.date)) / 31557600.0)"

    @staticmethod
    def octets(column: str) -> str:
        """SQL: the length of ``column``'s text in UTF-8 bytes."""
        return f"octet_length({column})"

    def size(self, cursor) -> int:
        """Bytes used by the full-text index: the table, its TOAST and its indexes (GIN and primary key)."""
        cursor.execute("SELECT pg_total_relation_size(%s)", [TABLE])
        return cursor.fetchone()[0] or 0


def full_text(vendor: str | None = None) -> SQLiteFullText | PostgresFullText:
    """The implementation for the configured database (or for ``vendor``, in a process without one)."""
    return PostgresFullText() if (vendor or connection.vendor) == "postgresql" else SQLiteFullText()
