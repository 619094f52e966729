"""索引号: the identifier every disclosed document carries, made by a configurable rule.

The rule is the setting ``POLICY_INDEX_NUMBER_RULE`` (default
``{org}-{category}-{year}-{serial:05d}``), a Python format string with

- ``org``: the organisation code ``POLICY_ORG_CODE`` (the committee's 组织机构代码 or 统一社会信用代码);
- ``category``: the category's code (``PolicyCategory.code``);
- ``year``: the year the document was issued;
- ``serial``: a number counted per category and year, never handed out twice
  (``IndexNumberCounter``, locked while it is counted).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction

from .models import IndexNumberCounter, PolicyCategory


def format_index_number(category_code: str, year: int, serial: int) -> str:
    """The index number the rule gives these parts."""
    return settings.POLICY_INDEX_NUMBER_RULE.format(
        org=settings.POLICY_ORG_CODE, category=category_code, year=year, serial=serial
    )


def reserve_index_numbers(category: PolicyCategory, year: int, count: int) -> list[str]:
    """``count`` new index numbers for documents of ``category`` issued in ``year``, in order.

    Runs in the caller's transaction when there is one: an import that is rolled back
    gives its serials back with it.
    """
    with transaction.atomic():
        counter = _locked_counter(category, year)
        first = counter.last + 1
        counter.last += count
        counter.save(update_fields=["last"])
    return [format_index_number(category.code, year, serial) for serial in range(first, first + count)]


def reserve_index_number_blocks(counts: dict[tuple[PolicyCategory, int], int]) -> dict[tuple[int, int], list[str]]:
    """Blocks of new index numbers for many categories and years at once (an import): ``(category id, year)`` →
    its numbers in order.

    One locking read of every counter involved instead of one per block; counters
    that do not exist yet are created first (another process creating the same one
    meanwhile is no conflict: both then lock the same row).
    """
    wanted = {(category.pk, year): (category, count) for (category, year), count in counts.items() if count > 0}
    if not wanted:
        return {}
    with transaction.atomic():
        IndexNumberCounter.objects.bulk_create(
            [IndexNumberCounter(category_id=key[0], year=key[1]) for key in wanted], ignore_conflicts=True
        )
        counters = (
            IndexNumberCounter.objects.select_for_update()
            .filter(category_id__in={key[0] for key in wanted}, year__in={key[1] for key in wanted})
            .order_by("pk")
        )  # locked in one order by everyone: two imports cannot deadlock
        blocks: dict[tuple[int, int], list[str]] = {}
        changed = []
        for counter in counters:
            key = (counter.category_id, counter.year)
            if key not in wanted:
                continue
            category, count = wanted[key]
            first = counter.last + 1
            counter.last += count
            changed.append(counter)
            blocks[key] = [format_index_number(category.code, counter.year, n) for n in range(first, first + count)]
        IndexNumberCounter.objects.bulk_update(changed, ["last"])
    return blocks


def next_index_number(category: PolicyCategory, issued_on: date) -> str:
    """One new index number for a document of ``category`` issued on ``issued_on``."""
    return reserve_index_numbers(category, issued_on.year, 1)[0]


def _locked_counter(category: PolicyCategory, year: int) -> IndexNumberCounter:
    counter = IndexNumberCounter.objects.select_for_update().filter(category=category, year=year).first()
    if counter is not None:
        return counter
    try:
        with transaction.atomic():
            return IndexNumberCounter.objects.create(category=category, year=year)
    except IntegrityError:  # another process created it first: take theirs, locked
        return IndexNumberCounter.objects.select_for_update().get(category=category, year=year)
