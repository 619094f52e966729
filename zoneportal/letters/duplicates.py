"""重复来信: open letters that look like the same matter, shown to the handler, who may merge them.

Two letters are similar when they come from the same writer (the same phone number or e-mail address)
or when their words overlap: the Jaccard index of the content words (``search.analysis.query_words``:
the site search's own Chinese segmentation, stop words dropped) of the subject and the start of the
content is at least :data:`MIN_SIMILARITY`. Only open letters received in the last :data:`WINDOW_DAYS`
days are compared. A letter's words are computed once per process (an LRU cache keyed by its text), so
the comparison with 10,000 open letters is set arithmetic (measured in docs/operations.md).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from zoneportal.search.analysis import query_words

from .models import OPEN_STATUSES, Letter
from .workflow import perform

#: Letters received more than this many days ago are not offered as duplicates.
WINDOW_DAYS = 90
#: The smallest share of common words (Jaccard index) that makes two letters similar.
MIN_SIMILARITY = 0.3
#: The share of common character pairs below which a letter is not segmented into words at all.
SIEVE_SIMILARITY = 0.15
#: Characters of the content compared (the start of a letter says what it is about).
CONTENT_CHARS = 400


@dataclass
class Similar:
    """A letter similar to the one being handled, and why."""

    letter: Letter
    score: float
    same_writer: bool

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@lru_cache(maxsize=20000)
def _words(text: str) -> frozenset[str]:
    return frozenset(query_words(text))


@lru_cache(maxsize=20000)
def _bigrams(text: str) -> frozenset[str]:
    # Pairs of neighbouring characters: a cheap first sieve, so that only letters sharing a fair part of
    # their text are segmented into words.
    return frozenset(map(str.__add__, text, text[1:]))


def _compared_text(subject: str, content: str) -> str:
    return f"{subject}\n{content[:CONTENT_CHARS]}"


def letter_words(subject: str, content: str) -> frozenset[str]:
    """The content words compared for a letter."""
    return _words(_compared_text(subject, content))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over all words (0 when both are empty)."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def similar_open_letters(letter: Letter, limit: int = 5, candidates: QuerySet | None = None) -> list[Similar]:
    """Open letters like ``letter`` (same writer first, then by similarity), at most ``limit``.

    ``candidates`` narrows where to look (e.g. the letters the handler may see); merged letters and
    ``letter`` itself are never offered.
    """
    since = timezone.now() - datetime.timedelta(days=WINDOW_DAYS)
    pool = (Letter.objects.all() if candidates is None else candidates).filter(
        status__in=OPEN_STATUSES, merged_into__isnull=True, received_at__gte=since
    )
    # Only the start of the content leaves the database: that is all that is compared.
    rows = (
        pool.exclude(pk=letter.pk)
        .annotate(start=Substr("content", 1, CONTENT_CHARS))
        .values_list("pk", "subject", "start", "phone", "email")
    )
    mine = letter_words(letter.subject, letter.content)
    my_bigrams = _bigrams(_compared_text(letter.subject, letter.content))
    phone, email = letter.phone.strip(), letter.email.strip().lower()
    found: list[tuple[bool, float, int]] = []
    for pk, subject, content, other_phone, other_email in rows.iterator(chunk_size=2000):
        same_writer = bool(phone and other_phone.strip() == phone) or bool(
            email and other_email.strip().lower() == email
        )
        text = _compared_text(subject, content)
        score = 0.0
        # Letters sharing words share character pairs; below the sieve's threshold they cannot reach MIN_SIMILARITY
        # in practice, and segmenting them is what would cost the time.
        if jaccard(my_bigrams, _bigrams(text)) >= SIEVE_SIMILARITY:
            score = jaccard(mine, _words(text))
        if same_writer or score >= MIN_SIMILARITY:
            found.append((same_writer, score, pk))
    found.sort(key=lambda item: (not item[0], -item[1], item[2]))
    found = found[:limit]
    letters = Letter.objects.select_related("department", "mailbox").in_bulk([pk for _same, _score, pk in found])
    return [Similar(letters[pk], score, same) for same, score, pk in found if pk in letters]


def merge_letters(letter: Letter, into: Letter, user) -> Letter:
    """并入: ``letter`` is handled together with ``into`` and leaves the inbox (through ``workflow.perform``).

    The step is public: the writer of ``letter`` reads in the timeline that it is handled with ``into``'s number.
    """
    if letter.pk == into.pk:
        raise ValidationError(_("不能把信件并入它自己。"))
    if into.merged_into_id is not None:
        raise ValidationError(_("信件 %(number)s 已并入其他信件，请并入主信件。") % {"number": into.tracking_number})
    if into.status in (Letter.Status.REJECTED, Letter.Status.ARCHIVED):
        raise ValidationError(_("信件 %(number)s 已不再办理，不能并入。") % {"number": into.tracking_number})
    note = _("与信件 %(number)s 反映的问题相同，合并办理，答复请查看该信件。") % {"number": into.tracking_number}
    return perform(letter, "merge", user=user, note=note, merged_into=into)
