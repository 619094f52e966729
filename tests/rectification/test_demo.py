"""The demo ledger: seed 3's problems with their measures, each state, one overdue; idempotent; numbers checked."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.models import ModelLogEntry

from zoneportal.core.models import Department
from zoneportal.demo.builder import Progress
from zoneportal.demo.figures import unknown_figures
from zoneportal.portal.models import HomePage
from zoneportal.rectification import deadlines
from zoneportal.rectification import demo as ledger_demo
from zoneportal.rectification.models import LedgerPage, RectificationItem

State = RectificationItem.State
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            assert not HomePage.objects.exists(), "the database is not empty"
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_every_figure_of_the_demo_ledger_is_a_fact():
    for where, text in ledger_demo.demo_texts():
        assert not unknown_figures(text), where


def test_the_demo_ledger_has_every_state_an_overdue_item_and_history(demo):
    items = list(RectificationItem.objects.select_related("department"))
    assert len(items) == len(ledger_demo.ITEMS)
    assert {item.state for item in items} == set(State.values)
    assert any(deadlines.deadline_status(item) == deadlines.OVERDUE for item in items)
    assert any(deadlines.deadline_status(item) == deadlines.NEAR for item in items)
    assert any(not item.is_public for item in items)
    for item in items:
        assert item.measures.count() >= 2
        if item.state in (State.RECTIFIED, State.CLOSED):
            assert item.evidence_text and item.rectified_at
        logged = ModelLogEntry.objects.for_instance(item).count()
        assert logged == {State.IN_PROGRESS: 1, State.RECTIFIED: 2, State.CLOSED: 3}[item.state]


def test_the_public_ledger_is_under_interaction(demo):
    page = LedgerPage.objects.live().get()
    assert page.get_parent().title == "互动交流"
    response = Client().get(page.url)
    assert response.status_code == 200
    shown = response.content.decode()
    for spec in ledger_demo.ITEMS:
        assert (spec.title in shown) == spec.public, spec.title
        assert spec.person not in shown


def test_building_again_adds_nothing(demo):
    User = get_user_model()
    builder = SimpleNamespace(
        departments={d.slug: d for d in Department.objects.all()},
        pages={"interaction": LedgerPage.objects.get().get_parent()},
        editors={d.slug: User.objects.get(username=f"{d.slug}_editor") for d in Department.objects.all()},
        reviewer=User.objects.get(username="office_reviewer"),
        progress=Progress(lambda line: None, 1),
    )
    before = (RectificationItem.objects.count(), LedgerPage.objects.count(), ModelLogEntry.objects.count())
    ledger_demo.build(builder)
    assert (RectificationItem.objects.count(), LedgerPage.objects.count(), ModelLogEntry.objects.count()) == before


def test_reset_rebuilds_the_ledger(demo):
    call_command("load_demo", "--reset", stdout=io.StringIO())
    assert RectificationItem.objects.count() == len(ledger_demo.ITEMS)
    assert LedgerPage.objects.live().count() == 1
