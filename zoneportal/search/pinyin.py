"""Toneless pinyin of words, and reading a visitor's latin input as pinyin syllables or initials."""

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


@lru_cache(maxsize=65536)
def word_pinyin(word: str) -> tuple[str, str] | None:
    """Toneless joined pinyin and initials of a word: '招商引资' → ('zhaoshangyinzi', 'zsyz').

    Context-aware (银行 → yinhang); ü is written v (绿 → lv); latin letters and digits in the word are kept as they are.
    Returns None when the word holds no Chinese character.
    """
    if not _HAN.search(word):
        return None
    syllables = [part for part in lazy_pinyin(word, style=Style.NORMAL) if part.isalnum()]
    return "".join(syllables).lower(), "".join(part[0] for part in syllables).lower()
