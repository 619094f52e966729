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
