"""Short pinyin addresses (网址) for articles: 招商引资工作会议 → zhaoshangyinzi-gongzuo-huiyi."""

from __future__ import annotations

import re

import rjieba
from wagtail.models import Page

#: Longest slug given to an article: short enough to read aloud and to fit a printed notice.
MAX_SLUG_LENGTH = 60

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def pinyin_slug(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """The title's words in toneless pinyin joined by hyphens, cut at a word boundary to ``max_length``.

    Words come from jieba segmentation, so each word's syllables stay together
    (开发区 → kaifaqu); latin letters and digits are kept, lower-cased; punctuation
    is dropped. Empty when the title has nothing to spell.
    """
    # Imported here: pypinyin's dictionaries are large, and gunicorn's preloaded master
    # (zoneportal/preload.py) should not hold them for workers that never name an article.
    from pypinyin import Style, lazy_pinyin

    words: list[str] = []
    for word in rjieba.cut(title):
        spelled = _NOT_SLUG.sub("", "".join(lazy_pinyin(word, style=Style.NORMAL)).lower())
        if spelled:
            words.append(spelled)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    # A single word longer than the limit (a long latin run) is cut rather than lost.
    return slug or "-".join(words)[:max_length].strip("-")


def unique_child_slug(slug: str, parent: Page | None, page: Page | None = None) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … if a sibling under ``parent`` already has it (still ≤ 60 characters)."""
    if parent is None:
        return slug
    taken = set(parent.get_children().exclude(pk=getattr(page, "pk", None)).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate
