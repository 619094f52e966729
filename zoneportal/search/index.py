"""Writing the index: documents, their segmented text and the vocabulary, always together.

Every write runs in one transaction, so a search never sees a document
without its full text or a vocabulary that disagrees with the index.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import Site

from zoneportal.portal.page_cache import invalidate_page_cache

from . import analysis
from .backends import TAG_PREFIX, FullTextRow, filter_tags, full_text
from .indexers import IndexEntry
from .models import SearchDocument, SearchTerm
from .pinyin import word_pinyin
from .sources import Source, all_sources, get_source

BATCH_SIZE = 500
#: Bulk loads of at least this many documents are analysed in worker processes.
PARALLEL_FROM = 2000

#: Words worth keeping in the vocabulary: Chinese words of two or more
#: characters (pinyin, typo correction, suggestions) and latin words.
VOCABULARY_WORD = re.compile(r"(?:[\u3400-\u9fff]{2,12}|[a-z]{2,20})")

DOCUMENT_FIELDS = [
    "type", "site_id", "url", "title", "text", "date", "doc_number", "category", "issuer", "year", "validity",
]  # fmt: skip


Terms = tuple[list[str], list[str], list[str], list[str], list[str]]


def _terms(entry: IndexEntry) -> Terms:
    """The segmented title, number, keywords and body of an entry, and its filter tags."""
    return (
        analysis.index_terms(entry.title),
        analysis.index_terms(entry.doc_number) if entry.doc_number else [],
        analysis.index_terms(entry.keywords) if entry.keywords else [],
        analysis.index_terms(entry.text),
        document_tags(entry),
    )


def document_tags(entry: IndexEntry) -> list[str]:
    """The filter tags of an entry: the site and each facet value."""
    return filter_tags(
        site=entry.site_id,
        type=entry.type,
        category=entry.category,
        issuer=entry.issuer,
        year=entry.year,
        validity=entry.validity,
    )


def _row(document_id: int, terms: Terms) -> FullTextRow:
    return FullTextRow(document_id, *terms)


def _payload(vendor: str, entry: IndexEntry) -> tuple:
    """The analysed entry, ready to write to the full-text table of ``vendor``."""
    return full_text(vendor).payload(_row(0, _terms(entry)))


def _payload_and_terms(vendor: str, entry: IndexEntry) -> tuple[tuple, set[str]]:
    """The payload of :func:`_payload` and the entry's distinct terms (for the vocabulary's counts)."""
    row = _row(0, _terms(entry))
    return full_text(vendor).payload(row), row.distinct_terms()


def _prepared(
    batches: Iterable[Iterable[IndexEntry]], parallel: bool, prepare_entry: Callable = _payload
) -> Iterator[tuple[list[IndexEntry], list]]:
    """Each batch with its full-text payloads; with ``parallel``, prepared in worker processes one batch ahead.

    Segmentation (and on PostgreSQL writing the ``tsvector``) is pure CPU
    work in Python: on a multi-core machine a bulk load would be limited by
    one core unless it runs in other processes while this one writes.
    """
    prepare = partial(prepare_entry, connection.vendor)
    if not parallel:
        for batch in batches:
            entries = list(batch)
            yield entries, [prepare(entry) for entry in entries]
        return
    analysis.index_terms("开发区")  # load the dictionary once, before the workers fork
    workers = max(2, min(4, os.cpu_count() or 2))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        ahead: tuple[list[IndexEntry], Iterator[tuple]] | None = None
        for batch in batches:
            entries = list(batch)
            submitted = (entries, pool.map(prepare, entries, chunksize=25))
            if ahead is not None:
                yield ahead[0], list(ahead[1])
            ahead = submitted
        if ahead is not None:
            yield ahead[0], list(ahead[1])


def _save_documents(entries: Sequence[IndexEntry]) -> list[int]:
    documents = [
        SearchDocument(external_id=entry.external_id, **{field: getattr(entry, field) for field in DOCUMENT_FIELDS})
        for entry in entries
    ]
    saved = SearchDocument.objects.bulk_create(
        documents, update_conflicts=True, unique_fields=["external_id"], update_fields=DOCUMENT_FIELDS
    )
    if any(document.pk is None for document in saved):  # databases that do not return ids on upsert
        ids = dict(
            SearchDocument.objects.filter(external_id__in=[e.external_id for e in entries]).values_list(
                "external_id", "pk"
            )
        )
        return [ids[entry.external_id] for entry in entries]
    return [document.pk for document in saved]


def _update_vocabulary(delta: Counter[str]) -> None:
    """Apply document-frequency changes; new words get their pinyin, words no document has left go."""
    delta = Counter(
        {
            word: change
            for word, change in delta.items()
            if change and VOCABULARY_WORD.fullmatch(word) and not word.startswith(TAG_PREFIX)
        }
    )
    if not delta:
        return
    words = list(delta)
    existing: dict[str, SearchTerm] = {}
    for start in range(0, len(words), BATCH_SIZE):
        existing.update(
            (term.word, term) for term in SearchTerm.objects.filter(word__in=words[start : start + BATCH_SIZE])
        )
    changed, new = [], []
    for word, change in delta.items():
        term = existing.get(word)
        if term is not None:
            term.documents = max(0, term.documents + change)
            changed.append(term)
        elif change > 0:
            full, initials = word_pinyin(word) or ("", "")
            new.append(SearchTerm(word=word, pinyin=full[:200], initials=initials[:40], documents=change))
    SearchTerm.objects.bulk_update(changed, ["documents"], batch_size=BATCH_SIZE)
    SearchTerm.objects.bulk_create(new, batch_size=BATCH_SIZE)
    SearchTerm.objects.filter(documents=0).delete()


def index_entries(entries: Sequence[IndexEntry]) -> None:
    """Add or replace ``entries`` in the index."""
    backend = full_text()
    for start in range(0, len(entries), BATCH_SIZE):
        batch = entries[start : start + BATCH_SIZE]
        with transaction.atomic(), connection.cursor() as cursor:
            ids = _save_documents(batch)
            old_terms = backend.remove(cursor, ids)
            rows = [_row(document_id, _terms(entry)) for document_id, entry in zip(ids, batch, strict=True)]
            backend.insert(cursor, rows)
            delta: Counter[str] = Counter()
            for row in rows:
                delta.update(row.distinct_terms())
            for terms in old_terms.values():
                delta.subtract(terms)
            _update_vocabulary(delta)
    _index_changed()


def index_entry_batches(batches: Iterable[Sequence[IndexEntry]], total: int) -> int:
    """Add or replace many entries, batch by batch, in one transaction; returns how many.

    For bulk writes beside an existing index (a file import): like
    :func:`index_entries`, but large loads are analysed in parallel one batch
    ahead (:func:`_prepared`: ``batches`` may write what the next batch indexes
    while the workers analyse this one), and the vocabulary is updated once at
    the end instead of after every batch.
    """
    backend = full_text()
    delta: Counter[str] = Counter()
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        for entries, prepared in _prepared(batches, total >= PARALLEL_FROM, _payload_and_terms):
            if not entries:
                continue
            ids = _save_documents(entries)
            for terms in backend.remove(cursor, ids).values():
                delta.subtract(terms)
            backend.insert_payloads(
                cursor, [(document_id, payload) for document_id, (payload, _t) in zip(ids, prepared, strict=True)]
            )
            for _payload_of, terms in prepared:
                delta.update(terms)
            count += len(entries)
        _update_vocabulary(delta)
    _index_changed()
    return count


def remove_entries(external_ids: Iterable[str]) -> None:
    """Take items out of the index (unpublished, deleted, made private)."""
    backend = full_text()
    with transaction.atomic(), connection.cursor() as cursor:
        ids = list(SearchDocument.objects.filter(external_id__in=list(external_ids)).values_list("pk", flat=True))
        if not ids:
            return
        delta: Counter[str] = Counter()
        for terms in backend.remove(cursor, ids).values():
            delta.subtract(terms)
        SearchDocument.objects.filter(pk__in=ids).delete()
        _update_vocabulary(delta)
    _index_changed()


def _index_changed() -> None:
    # The vocabulary cached by each process (engine.lexicon) and the page
    # fragments are keyed by the page-cache generation.
    invalidate_page_cache()


def update_source(prefix: str, keys: Iterable[object]) -> None:
    """Bring the index up to date for these objects of a source: indexed if they have entries, removed otherwise."""
    source = get_source(prefix)
    keys = [str(key) for key in keys]
    entries = list(on_main_site(source.current_entries(keys)))
    index_entries(entries)
    indexed = {entry.external_id for entry in entries}
    remove_entries(external_id for external_id in _documents_of(source, keys) if external_id not in indexed)


def remove_source(prefix: str, keys: Iterable[object]) -> None:
    """Take these objects of a source out of the index, with every entry they had."""
    remove_entries(_documents_of(get_source(prefix), [str(key) for key in keys]))


def _documents_of(source: Source, keys: list[str]) -> list[str]:
    """The external ids in the index of these objects: ``prefix:key`` and any ``prefix:key:…``."""
    if not keys:
        return []
    condition = Q()
    for key in keys:
        main = source.external_id(key)
        condition |= Q(external_id=main) | Q(external_id__startswith=f"{main}:")
    return list(SearchDocument.objects.filter(condition).values_list("external_id", flat=True))


def on_main_site(entries: Iterable[IndexEntry]) -> Iterator[IndexEntry]:
    """``entries``, those without a site given the default site's: searches are scoped to a site.

    A source's items (FAQ, letters) usually belong to the portal as a whole, shown on the main site.
    """
    default_site_id: int | None = None
    for entry in entries:
        if entry.site_id is None:
            if default_site_id is None:
                default_site_id = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
            entry.site_id = default_site_id
        yield entry


def index_pages(page_ids: Iterable[int]) -> None:
    """Bring the index up to date for these pages: indexed if public, removed otherwise."""
    update_source("page", page_ids)


def rebuild_index(
    progress: Callable[[int, int], None] | None = None,
    extra: Iterable[list[IndexEntry]] = (),
    extra_count: int = 0,
) -> int:
    """Throw the index away and index every registered source again; returns the number of documents.

    ``progress(done, total)`` is called after every batch. ``extra`` batches
    (``extra_count`` entries in all) are indexed beside the sources in the same
    bulk load — the benchmarks' and tests' generated documents.
    """
    sources = all_sources()
    # Sources that cannot count cheaply are small (FAQ, letters): their entries are listed first.
    listed = {source.prefix: list(source.all_entries()) for source in sources if source.count is None}
    total = sum(len(listed[s.prefix]) if s.count is None else s.count() for s in sources) + extra_count

    def batches() -> Iterator[list[IndexEntry]]:
        for source in sources:
            entries = listed[source.prefix] if source.prefix in listed else source.all_entries()
            yield from _chunked(on_main_site(entries), BATCH_SIZE)
        yield from extra

    return replace_index(batches(), total, progress)


def replace_index(
    batches: Iterable[Iterable[IndexEntry]], total: int, progress: Callable[[int, int], None] | None = None
) -> int:
    """Replace the whole index by the entries of ``batches`` in one transaction (bulk loading).

    Faster than :func:`index_entries`: nothing old is read back, the
    vocabulary is written once at the end, and large loads are analysed in
    parallel (:func:`_prepared`).
    """
    backend = full_text()
    done = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            backend.create(cursor)
            backend.clear(cursor)
            SearchDocument.objects.all().delete()
            SearchTerm.objects.all().delete()
            for entries, payloads in _prepared(batches, parallel=total >= PARALLEL_FROM):
                if entries:
                    ids = _save_documents(entries)
                    backend.insert_payloads(cursor, list(zip(ids, payloads, strict=True)))
                done += len(entries)
                if progress:
                    progress(min(done, total), total)
            # The vocabulary's document counts come from the index itself: one
            # pass in the database instead of counting every word in Python.
            _update_vocabulary(Counter(dict(backend.document_frequencies(cursor))))
            backend.after_bulk_load(cursor)
    if not connection.in_atomic_block:  # VACUUM cannot run inside a transaction (nor in a test's)
        with connection.cursor() as cursor:
            backend.after_commit(cursor)
    _index_changed()
    return SearchDocument.objects.count()


@dataclass(frozen=True)
class IndexSize:
    """How large the full-text index is, against the text it was built from."""

    documents: int
    #: Bytes the full-text index takes in the database (``backends``' ``size()``).
    index_bytes: int
    #: The raw text: UTF-8 bytes of every document's title, document number and text, as ``SearchDocument`` keeps them.
    text_bytes: int

    @property
    def ratio(self) -> float | None:
        """Index bytes per byte of raw text; None for an empty index."""
        return self.index_bytes / self.text_bytes if self.text_bytes else None


def index_size() -> IndexSize:
    """The size of the full-text index and of the raw text it indexes (benchmarks and docs/search.md)."""
    backend = full_text()
    octets = " + ".join(backend.octets(column) for column in ("title", "doc_number", "text"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*), COALESCE(SUM({octets}), 0) FROM {SearchDocument._meta.db_table}")
        documents, text_bytes = cursor.fetchone()
        return IndexSize(documents=documents, index_bytes=backend.size(cursor), text_bytes=int(text_bytes))


def _chunked(items: Iterable, size: int) -> Iterable[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
