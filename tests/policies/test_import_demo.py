"""The demo's 1,300 generated documents: through the import, across the ten categories, marked as demo data."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from zoneportal.core.progress import Progress
from zoneportal.demo import generated_policies
from zoneportal.demo.policy_corpus import LIBRARY_CATEGORIES, library_records
from zoneportal.policies.categories import DEFAULT_CATEGORIES
from zoneportal.policies.models import Policy

pytestmark = pytest.mark.django_db


def test_generated_documents_through_the_import():
    lines: list[str] = []
    progress = Progress(lines.append, 1)
    progress.step("生成政策法规库文件", total=generated_policies.COUNT)
    generated_policies.build(SimpleNamespace(progress=progress))
    progress.finish()
    assert lines == ["[1/1] 生成政策法规库文件 1300/1300"]
    documents = Policy.objects.filter(is_demo=True)
    assert documents.count() == generated_policies.COUNT >= 1300
    names = set(documents.values_list("category__name", flat=True))
    assert names == {name for _code, name in DEFAULT_CATEGORIES} == set(LIBRARY_CATEGORIES)
    assert documents.exclude(doc_number="").count() == generated_policies.COUNT  # each its own 文号
    assert set(documents.values_list("validity", flat=True)) == {"valid", "amended", "expired", "repealed"}
    generated_policies.remove()
    assert not Policy.objects.exists()


def test_same_seed_same_documents():
    assert list(library_records(20, seed=3)) == list(library_records(20, seed=3))
    assert list(library_records(20, seed=3)) != list(library_records(20, seed=4))
