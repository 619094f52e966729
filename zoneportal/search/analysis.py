"""Chinese text analysis shared by the index and the query planner.

Indexing and querying go through the same folding so that a visitor's text and a page's text meet on the same
tokens: NFKC (full-width → half-width), traditional → simplified (OpenCC ``t2s``), lower case and document numbers
rewritten to one key form. Segmentation is rjieba (jieba-rs) with the zone's user dictionary
(``dictionary/zone_words.txt``).

Every emitted token matches ``[^\\W_]{1,40}``: letters and digits only, so that the space-joined tokens are split back
into exactly the same tokens by SQLite FTS5's ``unicode61`` tokenizer and PostgreSQL's ``to_tsvector('simple', …)``
(in a database with a UTF-8 ``LC_CTYPE``).
"""

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import opencc

# Importing rjieba builds its default segmenter with jieba's dictionary (about 30 MB); _jieba() adds the zone's words
# to that one rather than building a second copy.
import rjieba

DICTIONARY_DIR = Path(__file__).resolve().parent / "dictionary"

#: Longest token emitted; longer letter/digit runs are cut into pieces of this length (PostgreSQL rejects words over
#: 2,047 bytes, and nobody searches for longer ones).
MAX_TOKEN_LENGTH = 40


# A token: letters and digits of any script. Searching the space-joined raw tokens with it both drops punctuation and
# whitespace tokens and splits mixed ones ("2.5" → "2", "5") exactly as the full-text engines would, once _fold_table
# has removed the few characters on which Python and the engines disagree.
_TOKEN = re.compile(rf"[^\W_]{{1,{MAX_TOKEN_LENGTH}}}")

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# "?" stands in for 〔〕 in texts that went through a GBK round trip (潜政发?2008?18号 in scanned documents).
_OPEN = "〔\\[(【〖「{<?"
_CLOSE = "〕\\])】〗」}>?"

# A document number (发文字号) after NFKC: issuer abbreviation, year in brackets or followed by 年, serial number, 号.
# The scan looks for the year-and-serial tail (rare, so fast) and then reads the issuer — at most ten Chinese
# characters — backwards from it; the words that commonly lead into a citation ("根据", "印发" …) are cut off by
# _LEAD_IN, because no regex knows where an issuer starts.
_DOC_NUMBER_TAIL = re.compile(
    rf"\s*(?:[{_OPEN}]\s*(?P<year>(?:19|20)\d\d)\s*[{_CLOSE}]|(?P<year_word>(?:19|20)\d\d)\s*年)"
    r"\s*第?\s*(?P<number>\d{1,6})\s*号"
)
_ISSUER = re.compile(rf"[{_CJK}]{{1,10}}\Z")
_LEAD_IN = re.compile(
    r"^.*(?:根据|依据|按照|依照|参照|参见|详见|印发|转发|关于|执行|落实|贯彻|文件|通知|意见|办法|规定|决定|批复|精神|要求|"
    r"以及|同时|其中|[的及和与见在对将从经由按据即是为了号])"
)


def _fold_table() -> dict[int, str]:
    """Characters the two full-text engines read differently, mapped to what both agree on.

    - Latin letters with diacritics (pinyin tone marks included) → base letter: FTS5's unicode61 removes diacritics,
      PostgreSQL's 'simple' keeps them; folding them here also lets 'zhāo shāng' match 'zhao shang'.
    - ς → σ, as unicode61 folds it; ü → v, as toneless pinyin writes it.
    - "Other numbers" that survive NFKC (❶, ৴ …: Unicode category No) and the New Tai Lue vowels that Unicode later
      made letters → space: PostgreSQL's parser skips the former and SQLite's Unicode 6.1 tables the latter, while
      Python counts both as word characters. None of them lives at or above U+20000.
    """
    table: dict[int, str] = {}
    for code in range(0xC0, 0x20000):
        character = chr(code)
        if unicodedata.category(character) == "No":
            table[code] = " "
        elif code < 0x250 or 0x1E00 <= code < 0x1F00:
            base, *marks = unicodedata.normalize("NFD", character)
            if marks and base.isascii() and all(unicodedata.category(mark) == "Mn" for mark in marks):
                table[code] = base
    table.update(dict.fromkeys((*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3), " "))
    table[ord("ς")] = "σ"
    # ü, with or without a tone mark, is written v in toneless pinyin (lǜ → lv), as word_pinyin writes it.
    table.update(dict.fromkeys(map(ord, "üǖǘǚǜ"), "v"))
    return table


_FOLD_TABLE = _fold_table()
# Blocks holding every key of _FOLD_TABLE: common Chinese text never matches, so the per-character table lookup runs
# only on the rare runs that need it.
_NEEDS_TABLE = re.compile(
    "[\u00c0-\u024f\u03c2\u0900-\u1fff\u2460-\u27ff\u2c00-\u2cff\u3248-\u324f\ua830-\ua835\U00010000-\U0001ffff]+"
)


def _apply_fold_table(match: re.Match) -> str:
    return match.group().translate(_FOLD_TABLE)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _normalize(text: str) -> str:
    """NFKC, traditional → simplified, lower case, Latin diacritics removed; doc numbers not yet rewritten."""
    return _NEEDS_TABLE.sub(_apply_fold_table, _converter().convert(unicodedata.normalize("NFKC", text)).lower())


class _DocNumber(NamedTuple):
    start: int  # where the issuer starts in the normalized text
    end: int
    key: str  # '潜政办发2010年150号'
    issuer: str
    year: str
    number: str


def _doc_numbers(normalized: str) -> Iterator[_DocNumber]:
    """The document numbers in normalized text, in order."""
    previous_end = 0
    for tail in _DOC_NUMBER_TAIL.finditer(normalized):
        before = _ISSUER.search(normalized, max(previous_end, tail.start() - 10), tail.start())
        if before is None:
            continue
        lead = _LEAD_IN.match(before.group())
        issuer = before.group()[lead.end() :] if lead else before.group()
        if not issuer:
            continue
        year = tail["year"] or tail["year_word"]
        number = str(int(tail["number"]))
        yield _DocNumber(tail.start() - len(issuer), tail.end(), f"{issuer}{year}年{number}号", issuer, year, number)
        previous_end = tail.end()


def _segments(normalized: str) -> Iterator[tuple[str, _DocNumber | None]]:
    """Split normalized text into (text before, doc number) pairs; the last pair has the trailing text and None."""
    position = 0
    for doc_number in _doc_numbers(normalized):
        yield normalized[position : doc_number.start], doc_number
        position = doc_number.end
    yield normalized[position:], None


def doc_number_key(text: str) -> str | None:
    """Key form of the first document number in ``text``: '潜政办发〔2010〕150号' → '潜政办发2010年150号'.

    The year may be in 〔〕, [], (), （）, 【】 or followed by 年; leading zeros of the serial number are dropped.
    Returns None when the text holds no document number.
    """
    return next((doc_number.key for doc_number in _doc_numbers(_normalize(text))), None)


def fold(text: str) -> str:
    """Fold text for matching: NFKC (full → half width), simplified, lower case, no Latin diacritics, doc numbers in
    key form."""
    return "".join(piece + (doc_number.key if doc_number else "") for piece, doc_number in _segments(_normalize(text)))


_dictionary_lock = threading.Lock()
_user_words_added = False


def _jieba() -> ModuleType:
    """The segmenter with the zone's user dictionary (thread-safe; the words are added once, on first use).

    It is rjieba's default segmenter (the module's ``cut``, ``cut_for_search``, ``add_word``), which rjieba builds
    when it is imported: a second ``rjieba.Jieba()`` would hold a second copy of the dictionary in every process.
    Nothing else in ZonePortal uses the default segmenter.
    """
    global _user_words_added
    if not _user_words_added:
        with _dictionary_lock:
            if not _user_words_added:
                for word, freq in user_words():
                    rjieba.add_word(word, freq, None)
                _user_words_added = True
    return rjieba


def preload() -> None:
    """Load everything analysis reads from files: the segmenter and its user dictionary, the t2s converter and the
    word lists. gunicorn's master calls this before forking (``zoneportal.preload``), so the workers share one copy
    instead of each building its own on its first search."""
    query_words("预热开发区")
    index_terms("預熱")
    stopwords()


def dictionary_lines(name: str) -> Iterator[str]:
    """Non-empty, non-comment lines of a file in ``dictionary/``, stripped."""
    with open(DICTIONARY_DIR / name, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


@cache
def user_words() -> tuple[tuple[str, int | None], ...]:
    """Entries of the user dictionary ``zone_words.txt``: (folded word, frequency or None for jieba's suggestion)."""
    entries = []
    for line in dictionary_lines("zone_words.txt"):
        word, _, freq = line.partition(" ")
        freq = freq.strip()
        entries.append((_normalize(word), int(freq) if freq.isdigit() else None))
    return tuple(entries)


@cache
def stopwords() -> frozenset[str]:
    """Words dropped from visitors' queries (function and question words), folded."""
    return frozenset(_normalize(line) for line in dictionary_lines("stopwords.txt"))


def _doc_number_terms(doc_number: _DocNumber) -> list[str]:
    """Index terms of one doc number: the key whole, the issuer whole and segmented, the year and the serial."""
    key, issuer, year, number = doc_number.key, doc_number.issuer, doc_number.year, doc_number.number
    return [key, issuer, *_jieba().cut_for_search(issuer), year, number]


def index_terms(text: str) -> list[str]:
    """Tokens to index for ``text``: words and their sub-words (search mode), doc-number keys and their parts.

    Punctuation and whitespace are dropped; latin and digit runs come out lower-cased; every token matches
    ``[^\\W_]{1,40}``.
    """
    segmenter = _jieba()
    raw: list[str] = []
    for piece, doc_number in _segments(_normalize(text)):
        if piece:
            raw.extend(segmenter.cut_for_search(piece))
        if doc_number:
            raw.extend(_doc_number_terms(doc_number))
    # One regex pass over the joined raw tokens instead of a test per token.
    return _TOKEN.findall(" ".join(raw))


def index_text(text: str) -> str:
    """``index_terms`` joined by spaces: what goes into the full-text column."""
    return " ".join(index_terms(text))


def query_tokens(text: str) -> list[str]:
    """All tokens of a query in precise mode, folded, doc-number keys whole, stopwords included, in order."""
    segmenter = _jieba()
    raw: list[str] = []
    for piece, doc_number in _segments(_normalize(text)):
        if piece:
            raw.extend(segmenter.cut(piece))
        if doc_number:
            raw.append(doc_number.key)
    return _TOKEN.findall(" ".join(raw))


def query_words(text: str) -> list[str]:
    """Content words of a visitor's query: folded, segmented in precise mode, stop and question words dropped.

    Latin runs stay as lower-case tokens (the query planner reads them as pinyin); doc numbers come out as their key.
    """
    drop = stopwords()
    return [word for word in query_tokens(text) if word not in drop]
