"""Query understanding: from a visitor's text to the index terms to look for.

A plan is an AND of groups; a group is an OR of alternatives; an alternative is a tuple of index terms that must all
match. Most alternatives are one term; a synonym that the analyzer splits into several words ('设立登记' → 设立, 登记)
becomes one alternative of several terms. On the way the planner

- drops stop and question words (被征地的农民怎么参加养老保险 → 被 征地 农民 参加 养老保险),
- reads latin input as pinyin or initials against the lexicon (zhaoshang yinzi, zsyz, 招商yinzi → 招商引资),
- corrects words the index does not know (招商引资忧惠政策 → 招商引资优惠政策, 高薪技术企业 → 高新技术企业),
- expands words and phrases with the admins' synonyms (失地农民 = 被征地农民; 办执照 => 营业执照, 设立登记).

It never raises on visitor input: junk gives a plan without groups.
"""

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from .analysis import dictionary_lines, fold, index_terms, query_tokens, stopwords
from .pinyin import is_pinyin, syllabifications, word_pinyin

#: Limits that keep a plan — and the SQL built from it — small whatever the visitor types.
MAX_QUERY_LENGTH = 100
MAX_GROUPS = 8
MAX_ALTERNATIVES = 8
#: Words offered for one pinyin or initials token, most frequent first.
MAX_PINYIN_WORDS = 4
#: A synonym key may span this many query words ('被' '征地' '农民' → 被征地农民).
MAX_SYNONYM_SPAN = 4
#: Typo correction looks at runs of query words of at most this many characters.
MAX_CORRECTION_SPAN = 6
#: Latin input longer than this is not read as pinyin (nobody types a paragraph in pinyin).
MAX_PINYIN_LENGTH = 30
#: Initials are read for latin tokens of this many letters.
INITIALS_LENGTHS = range(2, 9)
#: Lexicon look-ups allowed when splitting a pinyin string into words.
PINYIN_LOOKUP_BUDGET = 40
#: Initials strings of these lengths may be split into several words' initials (zxdk → zx 专项 + dk 贷款).
INITIALS_SPLIT_LENGTHS = range(3, 13)
#: Lexicon look-ups allowed when splitting an initials string.
INITIALS_LOOKUP_BUDGET = 80
#: Known words offered for a one-character query, or a two-character one the index does not hold as a word.
MAX_CONTAINING_WORDS = 20

_HAN_ONLY = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_LATIN = re.compile("[a-z]+")
# Markup pasted into the search box: scripts and styles go with their content, other tags leave their text.
_MARKUP = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)|<[^>]*>?", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SPACES = re.compile(r"\s+")
_RULE_LIST = re.compile(r"[,，、;；]")
_ONE_WAY = re.compile(r"=>|->|→")


class Lexicon(Protocol):
    """The index's vocabulary, as the planner needs it."""

    def frequency(self, word: str) -> int:
        """Number of indexed documents containing the word, 0 if unknown."""

    def by_pinyin(self, pinyin: str) -> list[str]:
        """Known words with exactly this toneless joined pinyin, most frequent first."""

    def by_initials(self, initials: str) -> list[str]:
        """Known words with exactly these pinyin initials ('zsyz'), most frequent first."""

    def pinyin_prefix(self, prefix: str, limit: int) -> list[str]:
        """Known words whose joined pinyin starts with prefix, most frequent first."""

    def containing(self, fragment: str, limit: int) -> list[str]:
        """Known words containing fragment (a character or two), most frequent first, at most limit."""


@dataclass(frozen=True)
class QueryPlan:
    """What to search for: AND of groups, each an OR of alternatives, each an AND of index terms."""

    original: str  # the visitor's text, cleaned
    corrected: str | None  # the corrected query text when a typo was fixed
    groups: list[list[tuple[str, ...]]]
    highlight: list[str]  # words to mark in titles and snippets, longest first

    @property
    def reading(self) -> str | None:
        """The Chinese that latin input (pinyin, initials) was read as — zhaoshang yinzi → 招商引资; else None."""
        if not self.original.isascii() or not self.groups:
            return None
        words = ["".join(group[0]) for group in self.groups]
        return "".join(words) if all(_HAN_ONLY.fullmatch(word) for word in words) else None

    @property
    def terms(self) -> list[str]:
        """Every distinct index term of the plan, in order."""
        return list(dict.fromkeys(term for group in self.groups for alternative in group for term in alternative))


def parse_synonym_rules(text: str) -> dict[str, list[str]]:
    """Read synonym rules, one a line: '失地农民 = 被征地农民' (both ways), '办执照 => 营业执照, 设立登记' (one way).

    '=' lines make every word on the line a synonym of every other; '=>' (also '->', '→') maps each word on the left to
    the words on the right. Words are separated by commas (, ， 、 ; ；); '#' starts a comment. Keys and words are
    folded like the index (simplified, lower case, no spaces or punctuation). Malformed lines are skipped.
    """
    rules: dict[str, list[str]] = {}

    def add(word: str, synonyms: list[str]) -> None:
        known = rules.setdefault(word, [])
        known.extend(synonym for synonym in synonyms if synonym != word and synonym not in known)

    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        sides = _ONE_WAY.split(line, maxsplit=1)
        if len(sides) == 2:
            sources, targets = _rule_words(sides[0]), _rule_words(sides[1])
            if sources and targets:
                for source in sources:
                    add(source, targets)
        else:
            words = [word for side in line.split("=") for word in _rule_words(side)]
            if len(words) > 1:
                for word in words:
                    add(word, words)
    return {word: synonyms for word, synonyms in rules.items() if synonyms}


def _rule_words(side: str) -> list[str]:
    """The folded words of one side of a synonym rule."""
    words = ("".join(re.findall(r"[^\W_]+", fold(word))) for word in _RULE_LIST.split(side))
    return list(dict.fromkeys(word for word in words if word))


@cache
def default_synonyms() -> dict[str, list[str]]:
    """The seed rules of ``dictionary/synonyms.txt`` (what the Synonym table starts with)."""
    return parse_synonym_rules("\n".join(dictionary_lines("synonyms.txt")))


@cache
def lookalikes() -> dict[str, str]:
    """Each character of ``dictionary/lookalike.txt`` → the characters that look like it."""
    similar: dict[str, str] = {}
    for line in dictionary_lines("lookalike.txt"):
        group = "".join(dict.fromkeys(fold(line.replace(" ", ""))))
        for character in group:
            others = group.replace(character, "")
            similar[character] = "".join(dict.fromkeys(similar.get(character, "") + others))
    return similar


class _CachedLexicon:
    """Memoises look-ups for the length of one plan: the same word is asked about several times."""

    def __init__(self, lexicon: Lexicon):
        self._lexicon = lexicon
        self._cache: dict[tuple, object] = {}

    def _ask(self, method: str, *args):
        key = (method, *args)
        if key not in self._cache:
            self._cache[key] = getattr(self._lexicon, method)(*args)
        return self._cache[key]

    def frequency(self, word: str) -> int:
        return self._ask("frequency", word)

    def by_pinyin(self, pinyin: str) -> list[str]:
        return self._ask("by_pinyin", pinyin)

    def by_initials(self, initials: str) -> list[str]:
        return self._ask("by_initials", initials)

    def pinyin_prefix(self, prefix: str, limit: int) -> list[str]:
        return self._ask("pinyin_prefix", prefix, limit)

    def containing(self, fragment: str, limit: int) -> list[str]:
        return self._ask("containing", fragment, limit)


def clean_query(text: str | None) -> str:
    """The visitor's text without control characters and runs of spaces, at most ``MAX_QUERY_LENGTH`` long.

    The one cleaning of whatever a visitor typed: the results page, the API, the query
    log and the planner all use it (the planner also drops markup, :func:`without_markup`).
    """
    return _SPACES.sub(" ", _CONTROL.sub(" ", str(text or ""))).strip()[:MAX_QUERY_LENGTH].strip()


def without_markup(text: str | None) -> str:
    """``text`` with HTML tags (and a script's or style's content) taken out: never words to search for."""
    return _MARKUP.sub(" ", str(text or "")[: MAX_QUERY_LENGTH * 10])


def plan_query(text: str, lexicon: Lexicon, synonyms: Mapping[str, Sequence[str]], correct: bool = True) -> QueryPlan:
    """Plan a visitor's query against the index's lexicon and the synonym rules (see the module docstring).

    With ``correct`` (the default) unknown words with a known near twin are replaced and ``corrected`` holds the
    corrected query text; ``correct=False`` searches the words as typed.
    """
    original = clean_query(without_markup(text))
    lexicon = _CachedLexicon(lexicon)
    drop = stopwords()
    words = [word for word in query_tokens(original) if word not in drop]
    containing = _containing_words(words, lexicon, synonyms)
    corrected = None
    # A fragment that known words contain is real text, not a typo.
    if correct and not containing:
        words, corrections = _correct(words, lexicon, synonyms)
        if corrections:
            corrected = fold(original)
            for wrong, right in corrections:
                corrected = corrected.replace(wrong, right, 1)
    # Left after correction (which may have used them: 新能 + 原 → 新能源), question fragments go.
    words = [word for word in words if not _fragment(word, lexicon, drop)]

    groups: list[list[tuple[str, ...]]] = []
    highlight: list[str] = []
    # One-character words (归, 管, 不 …) say little next to content words and would have to match a lone character.
    keep_single = all(_is_single_character(word) for word in words)
    position = 0
    while position < len(words) and len(groups) < MAX_GROUPS:
        word = words[position]
        if _LATIN.fullmatch(word) and lexicon.frequency(word) == 0:
            end = position + 1
            while end < len(words) and _LATIN.fullmatch(words[end]) and lexicon.frequency(words[end]) == 0:
                end += 1
            for candidates in _latin_groups(words[position:end], lexicon):
                _add_group(groups, [(candidate,) for candidate in candidates])
                highlight.extend(candidates)
            position = end
            continue
        span, expansions = _synonym_span(words, position, synonyms)
        phrase = "".join(words[position : position + span])
        if not expansions and not keep_single and _is_single_character(phrase):
            position += 1
            continue
        if expansions or _HAN_ONLY.search(phrase) or lexicon.frequency(phrase):
            alternatives = [_alternative(phrase, lexicon)]
            alternatives += [_alternative(expansion, lexicon) for expansion in expansions]
            alternatives += [(word,) for word in containing]
            _add_group(groups, alternatives, MAX_ALTERNATIVES + len(containing))
            highlight += [phrase, *words[position : position + span], *expansions]
            highlight += [term for alternative in alternatives for term in alternative]
        # else: an unknown number or latin token with no reading (junk such as '--', 'OR', '<script>') — skipped.
        position += span

    highlight = sorted(dict.fromkeys(word for word in highlight if word), key=len, reverse=True)
    return QueryPlan(original=original, corrected=corrected, groups=groups[:MAX_GROUPS], highlight=highlight)


def _add_group(
    groups: list[list[tuple[str, ...]]], alternatives: list[tuple[str, ...]], limit: int = MAX_ALTERNATIVES
) -> None:
    """Append a group of distinct alternatives (at most ``limit``) unless the plan already has it.

    An alternative that only ever matches documents another one matches too is left out: the index holds every word
    with its sub-words (工业园区 → 工业, 园区, 工业园, 工业园区), so beside 园区 the alternative 工业园区 finds nothing
    new and would only count the same documents twice in the ranking. The first alternative (what the visitor typed)
    always stays.
    """
    alternatives = list(dict.fromkeys(alternatives))
    covered = [
        {*alternative, *(part for term in alternative for part in index_terms(term))} for alternative in alternatives
    ]
    group = [
        alternative
        for index, alternative in enumerate(alternatives)
        if index == 0 or not any(other != alternative and set(other) <= covered[index] for other in alternatives)
    ][:limit]
    if group not in groups:
        groups.append(group)


def _fragment(word: str, lexicon: _CachedLexicon, drop: frozenset[str]) -> bool:
    """A two-character chunk of a question that the index does not know, half of it a stop word (能交, 要交, 少能).

    The segmenter glues question words to their neighbours; left in, such a chunk
    would be "corrected" into some known word and decide what matches.
    """
    return (
        len(word) == 2
        and bool(_HAN_ONLY.fullmatch(word))
        and (word[0] in drop or word[1] in drop)
        and not lexicon.frequency(word)
    )


def _is_single_character(word: str) -> bool:
    return len(word) == 1 and bool(_HAN_ONLY.fullmatch(word))


def _containing_words(words: list[str], lexicon: _CachedLexicon, synonyms: Mapping[str, Sequence[str]]) -> list[str]:
    """Known words holding the query when it is one Chinese word of one or two characters that the index does not
    know as a word (税 → 税收, 所得税, 增值税 …): the index holds words, so a lone character rarely matches."""
    if len(words) != 1:
        return []
    word = words[0]
    if len(word) > 2 or not _HAN_ONLY.fullmatch(word) or word in synonyms or lexicon.frequency(word):
        return []
    return [known for known in lexicon.containing(word, MAX_CONTAINING_WORDS) if known != word]


def _synonym_span(words: list[str], position: int, synonyms: Mapping[str, Sequence[str]]) -> tuple[int, list[str]]:
    """The longest run of words from ``position`` whose concatenation has synonyms: (run length, synonyms)."""
    for span in range(min(MAX_SYNONYM_SPAN, len(words) - position), 0, -1):
        expansions = synonyms.get("".join(words[position : position + span]))
        if expansions:
            return span, list(expansions)
    return 1, []


def _alternative(phrase: str, lexicon: _CachedLexicon) -> tuple[str, ...]:
    """Index terms that together stand for ``phrase``.

    The phrase itself when the index knows it as one token; else the analyzer's words for it ('设立登记' → 设立, 登记),
    with unknown words split into known sub-words where they can be.
    """
    if lexicon.frequency(phrase) or not _HAN_ONLY.search(phrase):
        return (phrase,)
    drop = stopwords()
    words = [word for word in query_tokens(phrase) if word not in drop] or [phrase]
    terms: list[str] = []
    for word in words:
        terms.extend(_known_parts(word, lexicon) if not lexicon.frequency(word) else [word])
    return tuple(dict.fromkeys(terms))


def _known_parts(word: str, lexicon: _CachedLexicon) -> list[str]:
    """Cover an unknown word with known sub-words, longest first (大冶开发区管委 → 大冶, 开发区, 管委).

    Returns [word] when it cannot be covered."""
    parts: list[str] = []
    start = 0
    while start < len(word):
        end = next((end for end in range(len(word), start + 1, -1) if lexicon.frequency(word[start:end])), None)
        if end is None:
            return [word]
        parts.append(word[start:end])
        start = end
    return parts


# —— pinyin and initials ——


def _latin_groups(tokens: list[str], lexicon: _CachedLexicon) -> list[list[str]]:
    """Groups of Chinese words for a run of latin tokens the index does not know.

    The joined run is tried first ('zhaoshang' 'yinzi' → 招商引资), then each token; a token is read as full pinyin,
    split into words if needed, or as initials. Tokens with no reading are dropped.
    """
    if len(tokens) > 1:
        joined = _read_latin("".join(tokens), lexicon)
        if joined:
            return joined
    return [group for token in tokens for group in _read_latin(token, lexicon)]


def _read_latin(text: str, lexicon: _CachedLexicon) -> list[list[str]]:
    """Read one latin string as pinyin (one or several words) or initials; [] when it reads as nothing."""
    if len(text) > MAX_PINYIN_LENGTH:
        return []
    if is_pinyin(text):
        words = lexicon.by_pinyin(text)
        if words:
            return [words[:MAX_PINYIN_WORDS]]
        split = _split_pinyin(text, lexicon)
        if split:
            return split
    if len(text) in INITIALS_LENGTHS:
        words = lexicon.by_initials(text)
        if words:
            return [words[:MAX_PINYIN_WORDS]]
    if len(text) in INITIALS_SPLIT_LENGTHS:
        return _split_initials(text, lexicon)
    return []


def _split_pinyin(text: str, lexicon: _CachedLexicon) -> list[list[str]]:
    """Split pinyin into known words, fewest and longest words first, trying each syllable reading in turn.

    'xianjiaotong' may read xian|jiao|tong or xi|an|jiao|tong; both are tried against the lexicon, whose joined
    pinyin decides. Look-ups are bounded by PINYIN_LOOKUP_BUDGET.
    """
    budget = [PINYIN_LOOKUP_BUDGET]

    def words_for(pinyin: str) -> list[str]:
        budget[0] -= 1
        return lexicon.by_pinyin(pinyin)[:MAX_PINYIN_WORDS] if budget[0] >= 0 else []

    def split(syllables: tuple[str, ...]) -> list[list[str]] | None:
        if not syllables:
            return []
        for size in range(len(syllables), 0, -1):
            words = words_for("".join(syllables[:size]))
            if words:
                rest = split(syllables[size:])
                if rest is not None:
                    return [words, *rest]
            if budget[0] < 0:
                return None
        return None

    for reading in syllabifications(text):
        groups = split(reading)
        if groups:
            return groups
    return []


def _split_initials(text: str, lexicon: _CachedLexicon) -> list[list[str]]:
    """Read initials as the initials of several known words: fewest words first, then the most frequent ones.

    zxdk → zx|dk (专项, 贷款). One letter no word explains may be left out of a string of four or more letters: it
    usually stands for a one-character word, which the vocabulary does not hold (wjxtc → 无 + jx|tc 绩效, 退出).
    Look-ups are bounded by INITIALS_LOOKUP_BUDGET.
    """
    looked_up: dict[str, list[str]] = {}
    best: dict[tuple[int, int], tuple[tuple[int, int, float], list[list[str]]] | None] = {}

    def words_for(initials: str) -> list[str]:
        if initials not in looked_up:
            budget_left = len(looked_up) < INITIALS_LOOKUP_BUDGET
            looked_up[initials] = lexicon.by_initials(initials)[:MAX_PINYIN_WORDS] if budget_left else []
        return looked_up[initials]

    def read(start: int, skips: int) -> tuple[tuple[int, int, float], list[list[str]]] | None:
        """Cheapest reading of text[start:] as (skipped letters, words, -log frequencies), groups."""
        if start == len(text):
            return (0, 0, 0.0), []
        if (start, skips) not in best:
            options = []
            for end in range(start + 2, len(text) + 1):
                words = words_for(text[start:end])
                rest = read(end, skips) if words else None
                if rest:
                    (skipped, count, rarity), groups = rest
                    rarity -= math.log1p(lexicon.frequency(words[0]))
                    options.append(((skipped, count + 1, rarity), [words, *groups]))
            rest = read(start + 1, skips - 1) if skips else None
            if rest:
                (skipped, count, rarity), groups = rest
                options.append(((skipped + 1, count, rarity), groups))
            best[start, skips] = min(options, key=lambda option: option[0]) if options else None
        return best[start, skips]

    reading = read(0, 1 if len(text) >= 4 else 0)
    return reading[1] if reading else []


# —— typo correction ——


def _correct(
    words: list[str], lexicon: _CachedLexicon, synonyms: Mapping[str, Sequence[str]]
) -> tuple[list[str], list[tuple[str, str]]]:
    """Replace unknown Chinese words and short spans by their known twins: (new words, [(wrong, right), …]).

    A word is suspect when the index does not know it and no synonym rule names it. The longest span of up to
    MAX_CORRECTION_SPAN characters (or the whole word) around it that has a twin is replaced; see _twin for what a
    twin is. Spans reach past the word because search mode does not index every inner word: 高新技术企业 is indexed
    with 高新, 技术, 企业 but without 高新技术, so 高薪技术企业 must be corrected as a whole.
    """
    corrections: list[tuple[str, str]] = []
    words = list(words)
    position = 0
    while position < len(words):
        word = words[position]
        if not _is_suspect(word, lexicon, synonyms):
            position += 1
            continue
        for start, end in _spans_around(words, position):
            phrase = "".join(words[start:end])
            if phrase in synonyms or lexicon.frequency(phrase):
                continue
            twin = _twin(phrase, lexicon, *_fixed_positions(words[start:end], lexicon))
            if twin:
                corrections.append((phrase, twin))
                words[start:end] = [twin]
                position = start
                break
        position += 1
    return words, corrections


def _is_suspect(word: str, lexicon: _CachedLexicon, synonyms: Mapping[str, Sequence[str]]) -> bool:
    """An unknown Chinese word, not a question fragment (能交 is no typo of 农交; see _fragment)."""
    unknown = bool(_HAN_ONLY.fullmatch(word)) and word not in synonyms and not lexicon.frequency(word)
    return unknown and not _fragment(word, lexicon, stopwords())


def _spans_around(words: list[str], position: int) -> list[tuple[int, int]]:
    """(start, end) word spans holding ``position``: the word itself and runs of Chinese words of 2 to
    MAX_CORRECTION_SPAN characters, longest first."""
    spans = {(position, position + 1)} if len(words[position]) >= 2 else set()
    for start in range(position, max(-1, position - MAX_SYNONYM_SPAN), -1):
        for end in range(position + 1, min(len(words), start + MAX_SYNONYM_SPAN) + 1):
            run = words[start:end]
            if all(_HAN_ONLY.fullmatch(word) for word in run) and 2 <= sum(map(len, run)) <= MAX_CORRECTION_SPAN:
                spans.add((start, end))
    return sorted(spans, key=lambda span: (-sum(map(len, words[span[0] : span[1]])), span))


def _fixed_positions(span: list[str], lexicon: _CachedLexicon) -> tuple[frozenset[int], frozenset[int]]:
    """Character positions of a span's known words, and of its one-character words.

    A known word is not a typo, so a correction keeps it. One-character words are never in the vocabulary (归, 管,
    式 are ordinary words), so only a same-sound or look-alike twin may change them, never a merely similar one
    (一门式服务 must not become 一门十二五, 建设归 not 建设局).
    """
    known: set[int] = set()
    single: set[int] = set()
    offset = 0
    for word in span:
        positions = range(offset, offset + len(word))
        if lexicon.frequency(word):
            known.update(positions)
        elif len(word) == 1:
            single.update(positions)
        offset += len(word)
    return frozenset(known), frozenset(single)


def _keeps(word: str, phrase: str, positions: frozenset[int]) -> bool:
    """Whether ``word`` has the characters of ``phrase`` at ``positions``."""
    return all(word[index] == phrase[index] for index in positions)


def _twin(
    phrase: str, lexicon: _CachedLexicon, known: frozenset[int] = frozenset(), single: frozenset[int] = frozenset()
) -> str | None:
    """The known word ``phrase`` was most likely meant to be, or None.

    In order: the most frequent known word of the same length with the same toneless pinyin (高薪 → 高新); a known
    word that differs by one look-alike character (忧惠 → 优惠); for three characters or more, the known word of the
    same length whose pinyin is within edit distance 2, closest first, then most frequent. A twin keeps the characters
    at the ``known`` positions; the last kind also those at the ``single`` ones (see _fixed_positions).
    """
    pinyin = word_pinyin(phrase)
    if pinyin is None:
        return None
    full = pinyin[0]
    same_sound = [
        word
        for word in lexicon.by_pinyin(full)
        if len(word) == len(phrase) and word != phrase and _keeps(word, phrase, known)
    ]
    if same_sound:
        return same_sound[0]
    similar = lookalikes()
    look_alike = [
        phrase[:index] + other + phrase[index + 1 :]
        for index, character in enumerate(phrase)
        if index not in known
        for other in similar.get(character, "")
    ]
    found = [(lexicon.frequency(word), word) for word in look_alike]
    found = [entry for entry in found if entry[0]]
    if found:
        return max(found)[1]
    if len(phrase) >= 3:
        first = word_pinyin(phrase[0])
        candidates = lexicon.pinyin_prefix(first[0], 50) if first else []
        near = [
            (distance, rank, word)
            for rank, word in enumerate(candidates)
            if len(word) == len(phrase) and word != phrase and _keeps(word, phrase, known | single)
            for distance in [_edit_distance(full, (word_pinyin(word) or ("",))[0], 2)]
            if distance <= 2
        ]
        if near:
            return min(near)[2]
    return None


def _edit_distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance of a and b, or bound + 1 as soon as it must exceed bound."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > bound:
            return bound + 1
        previous = current
    return previous[-1]
