"""Wagtail 搜索后端: Wagtail's database search backend, with Chinese word segmentation.

Everything in Wagtail that searches — the admin's page search, the page, image and
document choosers, snippet listings, ``Page.objects.search()`` and ``autocomplete()`` —
goes through the search backend named in ``WAGTAILSEARCH_BACKENDS``. Wagtail's
database backend (the ``modelsearch`` package) hands text unchanged to SQLite FTS5's
``unicode61`` tokenizer or PostgreSQL's ``to_tsvector``, and both keep a whole run of
Chinese characters as one token, so 招商 finds nothing inside 加快招商引资工作.

This backend changes only how text is prepared:

* the title, body and autocomplete texts of every index entry go through
  :func:`zoneportal.search.analysis.index_text` (folded, traditional → simplified,
  words and their sub-words joined by spaces), which both databases then split on
  the spaces;
* the text of a query goes through :func:`zoneportal.search.analysis.query_words`, so
  a query is made of the same words as the index.

Filters, ordering, ranking (FTS5 ``bm25()``, PostgreSQL ``ts_rank``), ``operator``
and autocomplete (the last word matches as a prefix) stay Wagtail's; ``fields=``
selects the index text holding those fields (see :class:`SegmentedQueryMixin`).
``SearchBackend`` picks the SQLite or PostgreSQL implementation by database vendor,
as ``wagtail.search.backends.database`` does; other databases get Wagtail's backend
unchanged.
"""

from __future__ import annotations

from functools import cache

from django.db import connection
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends import database
from modelsearch.backends.base import BaseSearchBackend
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField
from modelsearch.query import MATCH_NONE, And, Boost, Not, Or, Phrase, PlainText, SearchQuery
from modelsearch.utils import get_content_type_pk

from .analysis import index_text, query_words

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# A query of 1,000 characters segments into hundreds of words; each one nests the
# compiled query one level deeper, so only the first words are used.
MAX_QUERY_WORDS = 32

# PostgreSQL's 'simple' configuration only lower-cases what the parser splits on the
# spaces: the analyser has already folded the text, and a language configuration
# would stem or drop the words it produced.
POSTGRES_SEARCH_CONFIG = "simple"


def _words(text: str) -> str:
    """The distinct index words of ``text`` joined by spaces ('' when none is left)."""
    return " ".join(list(dict.fromkeys(query_words(text)))[:MAX_QUERY_WORDS])


def segment_query(query: SearchQuery) -> SearchQuery | None:
    """``query`` with the text of every plain-text and phrase part replaced by its index words.

    Wagtail's compilers split a query's text on whitespace; after this they find the
    analyser's words there instead. A part with no words left (punctuation, emoji,
    stop words only) is dropped; ``None`` when nothing searchable remains.
    """
    if isinstance(query, PlainText):
        words = _words(query.query_string)
        return PlainText(words, operator=query.operator, boost=query.boost) if words else None
    if isinstance(query, Phrase):
        # The index holds a word and its sub-words side by side (招商引资 招商 引资),
        # so word positions cannot tell whether the words were adjacent: a phrase
        # requires all of its words instead.
        words = _words(query.query_string)
        return PlainText(words, operator="and") if words else None
    if isinstance(query, (And, Or)):
        subqueries = [part for part in map(segment_query, query.subqueries) if part is not None]
        if len(subqueries) <= 1:
            return subqueries[0] if subqueries else None
        return type(query)(subqueries)
    if isinstance(query, Not):
        subquery = segment_query(query.subquery)
        return None if subquery is None else Not(subquery)
    if isinstance(query, Boost):
        subquery = segment_query(query.subquery)
        return None if subquery is None else Boost(subquery, query.boost)
    # MatchAll has no text; Fuzzy compares the unsegmented text by trigrams.
    return query


class SegmentedQueryMixin:
    """For a query compiler: search the analyser's words of the query, in the index's columns.

    Both databases keep three texts per indexed object (title, body, autocomplete)
    rather than one per model field, so a search restricted with ``fields=`` searches
    the texts holding those fields: ``title`` in the title, other fields in the body,
    and every autocomplete field in the autocomplete text.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.query = segment_query(self.query) or MATCH_NONE

    def index_columns(self) -> list[str]:
        """The index texts to search: those holding the requested fields, or all of this kind."""
        if self.TARGET_SEARCH_FIELD_TYPE is AutocompleteField:
            return ["autocomplete"]
        if not self.fields:
            return ["title", "body"]
        return sorted({"title" if name == "title" else "body" for name in self.fields})


class SQLiteFieldColumnsMixin(SegmentedQueryMixin):
    """For the SQLite compilers, which use ``fields`` as the FTS5 columns to match."""

    def check(self) -> None:
        super().check()  # validates the model's field names
        if self.fields:
            # From here on ``fields`` only names FTS5 columns; a model field name
            # such as 'name' is not one and would be an FTS5 syntax error.
            self.fields = self.index_columns()


class PostgresFieldColumnsMixin(SegmentedQueryMixin):
    """For the PostgreSQL compilers, which search the model's own columns when ``fields`` is given."""

    def get_fields_vectors(self, search_query):
        # The model's columns hold unsegmented text; search the index's texts instead.
        columns = {f"index_entries__{column}" for column in self.index_columns()}
        return [(vector, boost) for vector, boost in self.get_index_vectors(search_query) if vector.name in columns]


def _indexers(index, model, objs) -> list:
    """One ``ObjectIndexer`` per object, or none when the model has nothing to search (upstream's opening)."""
    if not model.get_search_fields():
        return []
    return [index.indexer_class(obj, index.backend) for obj in objs]


class SegmentedSQLiteIndexMixin:
    """For the SQLite index: store the analyser's text in the index entries (and so in FTS5).

    The concrete class sets ``indexer_class`` to upstream's SQLite ``ObjectIndexer``.
    """

    def add_items(self, model, objs) -> None:
        """modelsearch 1.3.2's ``SQLiteIndex.add_items`` with the three texts through ``index_text``.

        Upstream builds its ``ObjectIndexer`` inside this method with no way to pass
        another, so the method is repeated here; keep it in step when upgrading.
        """
        indexers = _indexers(self, model, objs)
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        texts = {
            indexer.id: {
                "title": index_text(indexer.title),
                "autocomplete": index_text(indexer.autocomplete),
                "body": index_text(indexer.body),
            }
            for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = set(entries.filter(object_id__in=texts).values_list("object_id", flat=True))
        for object_id in indexed_ids:
            entries.filter(object_id=object_id).update(**texts[object_id])
        self.entries.bulk_create(
            IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
            for object_id, values in texts.items()
            if object_id not in indexed_ids
        )
        self._refresh_title_norms()


class SegmentedPostgresIndexMixin:
    """For the PostgreSQL index: build the ``tsvector`` columns from the analyser's text.

    The concrete class sets ``indexer_class`` to an ``ObjectIndexer`` that analyses each text.
    """

    def add_items(self, model, objs) -> None:
        """modelsearch 1.3.2's ``PostgresIndex.add_items`` with its ``ObjectIndexer`` replaced.

        Upstream builds its ``ObjectIndexer`` inside this method with no way to pass
        another, so the method is repeated here; keep it in step when upgrading.
        """
        indexers = _indexers(self, model, objs)
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(column), getattr(indexer, column))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            # Unsegmented text for fuzzy (trigram) search, as upstream.
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {', '.join(vectors_sql)}, 1.0, %s, %s)")

        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


@cache
def _sqlite_backend_class() -> type[BaseSearchBackend]:
    # Imported here: the SQLite module needs the FTS5 model, which exists only on SQLite.
    from modelsearch.backends.database.sqlite import sqlite

    class SegmentedSQLiteIndex(SegmentedSQLiteIndexMixin, sqlite.SQLiteIndex):
        indexer_class = sqlite.ObjectIndexer

    class SegmentedSQLiteSearchQueryCompiler(SQLiteFieldColumnsMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class SegmentedSQLiteAutocompleteQueryCompiler(SQLiteFieldColumnsMixin, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SegmentedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        index_class = SegmentedSQLiteIndex
        query_compiler_class = SegmentedSQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SegmentedSQLiteAutocompleteQueryCompiler

    return SegmentedSQLiteSearchBackend


@cache
def _postgres_backend_class() -> type[BaseSearchBackend]:
    from modelsearch.backends.database.postgres import postgres

    class SegmentedObjectIndexer(postgres.ObjectIndexer):
        """Upstream's indexer, turning the analyser's text rather than the raw text into vectors."""

        def as_vector(self, texts, for_autocomplete=False):
            return super().as_vector([(index_text(text), weight) for text, weight in texts], for_autocomplete)

    class SegmentedPostgresIndex(SegmentedPostgresIndexMixin, postgres.PostgresIndex):
        indexer_class = SegmentedObjectIndexer

    class SegmentedPostgresSearchQueryCompiler(PostgresFieldColumnsMixin, postgres.PostgresSearchQueryCompiler):
        pass

    class SegmentedPostgresAutocompleteQueryCompiler(
        PostgresFieldColumnsMixin, postgres.PostgresAutocompleteQueryCompiler
    ):
        pass

    class SegmentedPostgresSearchBackend(postgres.PostgresSearchBackend):
        index_class = SegmentedPostgresIndex
        query_compiler_class = SegmentedPostgresSearchQueryCompiler
        autocomplete_query_compiler_class = SegmentedPostgresAutocompleteQueryCompiler

        def __init__(self, params: dict) -> None:
            super().__init__(params)
            self.config = self.autocomplete_config = POSTGRES_SEARCH_CONFIG

    return SegmentedPostgresSearchBackend


def SearchBackend(params: dict) -> BaseSearchBackend:
    """The Chinese-aware backend for the default database: SQLite FTS5 or PostgreSQL full text."""
    if connection.vendor == "sqlite":
        return _sqlite_backend_class()(params)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return database.SearchBackend(params)
