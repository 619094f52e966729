"""Relevance among thousands of similar policies (issue 13): the labelled set with distractors, in CI.

The demo zone is loaded once for this module (inside a transaction rolled back
at the end), 10,000 generated policies of another seed are indexed beside it in
the same bulk load (``rebuild_index(extra=…)``, as ``bench/search_quality.py
--distractors 10000`` does), and every query of
``tests/search/distractor_queries.json`` is asked through ``engine.search`` and
scored by the benchmark's own functions. Each query's key word is held by its
expected pages and by no generated document (checked); its other words are
everywhere in the generated ones. Runs on SQLite and on PostgreSQL in CI.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from zoneportal.portal.models import HomePage

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from search_quality import (
    DISTRACTOR_QUERIES,
    DISTRACTOR_SEED,
    check_keys,
    load_queries,
    our_search,
    rebuild_with_distractors,
    resolve_expectations,
    run_queries,
)

DISTRACTORS = 10_000

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def crowded_demo(django_db_setup, django_db_blocker):
    """The demo, with 10,000 generated policies indexed beside its pages; the labelled queries resolved."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not HomePage.objects.exists(), "the database is not empty"
            call_command("load_demo", stdout=io.StringIO())
            documents = rebuild_with_distractors(DISTRACTORS, DISTRACTOR_SEED)
            queries = load_queries(DISTRACTOR_QUERIES, [])
            resolve_expectations(queries)
            yield documents, queries
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_the_set_is_large_with_a_third_questions_and_true_keys(crowded_demo):
    documents, queries = crowded_demo
    assert documents > DISTRACTORS
    assert len(queries) >= 60
    assert 3 * sum(query.kind == "question" for query in queries) >= len(queries)
    check_keys(queries)  # raises when a key is in a generated document or in none of the expected pages


def test_distractor_queries_meet_the_quality_targets(crowded_demo):
    _documents, queries = crowded_demo
    outcomes = run_queries(queries, our_search)
    assert not [outcome.error for outcome in outcomes if outcome.error]
    recall = sum(outcome.recall for outcome in outcomes) / len(outcomes)
    mrr = sum(outcome.reciprocal_rank for outcome in outcomes) / len(outcomes)
    questions = [o for q, o in zip(queries, outcomes, strict=True) if q.kind == "question"]
    question_recall = sum(outcome.recall for outcome in questions) / len(questions)
    missed = [q.query for q, o in zip(queries, outcomes, strict=True) if o.recall < 1]
    assert recall >= 0.95 and mrr >= 0.85, (recall, mrr, missed)
    assert question_recall >= 0.95, missed
