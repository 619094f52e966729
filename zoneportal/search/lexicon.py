"""The index's vocabulary and the synonym rules, as each process keeps them in memory.

The query planner (``query.py``) asks the vocabulary for word frequencies, pinyin and
initials thousands of times per query; reading ``SearchTerm`` each time would cost more
than the search. Each process builds a :class:`VocabularyLexicon` once and builds it again
when content changes (the page-cache generation moves: ``index.py`` moves it on every
write) or after five minutes.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence
from threading import Lock

from django.db import connection

from zoneportal.portal.page_cache import current_generation

from .models import SearchDocument, SearchTerm, Synonym
from .query import parse_synonym_rules


class VocabularyLexicon:
    """The vocabulary table in memory: word frequencies and pinyin lookups in microseconds."""

    def __init__(self, terms: Sequence[tuple[str, str, str, int]]) -> None:
        self.frequencies: dict[str, int] = {}
        self.pinyin_index: dict[str, list[str]] = defaultdict(list)
        self.initials_index: dict[str, list[str]] = defaultdict(list)
        for word, pinyin, initials, documents in sorted(terms, key=lambda t: (-t[3], t[0])):
            self.frequencies[word] = documents
            if pinyin:
                self.pinyin_index[pinyin].append(word)
                self.initials_index[initials].append(word)
        self.sorted_pinyin = sorted(self.pinyin_index)
        self.sorted_initials = sorted(self.initials_index)
        self.character_index: dict[str, list[str]] = defaultdict(list)
        for word in self.frequencies:  # already most frequent first
            for character in set(word):
                self.character_index[character].append(word)

    def frequency(self, word: str) -> int:
        return self.frequencies.get(word, 0)

    def by_pinyin(self, pinyin: str) -> list[str]:
        return self.pinyin_index.get(pinyin, [])

    def by_initials(self, initials: str) -> list[str]:
        return self.initials_index.get(initials, [])

    def containing(self, fragment: str, limit: int) -> list[str]:
        """The most frequent words containing ``fragment`` (a one- or two-character query)."""
        if not fragment:
            return []
        candidates = self.character_index.get(fragment[0], [])
        return [word for word in candidates if fragment in word][:limit]

    def pinyin_prefix(self, prefix: str, limit: int) -> list[str]:
        """The most frequent words whose joined pinyin starts with ``prefix`` (zhaos → 招商 …)."""
        return self._by_prefix(self.sorted_pinyin, self.pinyin_index, prefix, limit)

    def initials_prefix(self, prefix: str, limit: int) -> list[str]:
        """The most frequent words whose pinyin initials start with ``prefix`` (zs → 招商, 招商引资 …)."""
        return self._by_prefix(self.sorted_initials, self.initials_index, prefix, limit)

    def _by_prefix(self, keys: list[str], index: dict[str, list[str]], prefix: str, limit: int) -> list[str]:
        words: list[str] = []
        position = bisect_left(keys, prefix)
        while position < len(keys) and keys[position].startswith(prefix):
            words.extend(index[keys[position]])
            position += 1
            if len(words) >= limit * 4:
                break
        return sorted(words, key=self.frequency, reverse=True)[:limit]


class _PerGeneration:
    """A value rebuilt when content changes (the page-cache generation moves) or after ``max_age`` seconds."""

    def __init__(self, build, max_age: float = 300.0) -> None:
        self.build = build
        self.max_age = max_age
        self.lock = Lock()
        self.key: tuple[str, str] | None = None
        self.value = None
        self.built_at = 0.0

    def get(self):
        key = (connection.settings_dict["NAME"], current_generation())
        if key != self.key or time.monotonic() - self.built_at > self.max_age:
            with self.lock:
                self.value = self.build()
                self.key, self.built_at = key, time.monotonic()
        return self.value


_lexicon = _PerGeneration(
    lambda: VocabularyLexicon(list(SearchTerm.objects.values_list("word", "pinyin", "initials", "documents")))
)
_synonyms = _PerGeneration(
    lambda: parse_synonym_rules("\n".join(Synonym.objects.filter(enabled=True).values_list("rule", flat=True)))
)
_indexed_sites = _PerGeneration(
    lambda: frozenset(SearchDocument.objects.order_by().values_list("site_id", flat=True).distinct())
)


def lexicon() -> VocabularyLexicon:
    """This process's copy of the vocabulary."""
    return _lexicon.get()


def synonyms() -> Mapping[str, Sequence[str]]:
    """The enabled synonym rules, parsed."""
    return _synonyms.get()


def indexed_sites() -> frozenset:
    """The sites that have documents in the index (``None`` for documents of no site)."""
    return _indexed_sites.get()
