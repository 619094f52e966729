"""letters 0005: the letters' supervision orders become 督办事项, nothing lost, and the old table is gone."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from zoneportal.core.models import Department
from zoneportal.letters.models import Letter, Mailbox
from zoneportal.supervision.models import SupervisionItem

BEFORE = [("letters", "0004_letters_public"), ("supervision", "0001_initial")]
AFTER = [("letters", "0005_supervision_items")]


#: The flush after the test is limited to these apps' tables (``available_apps``, as in
#: tests/letters/test_nothing_lost.py): a full flush would empty Wagtail's root page too, and on
#: PostgreSQL fails on the search index's side table. The rows of other apps are removed below.
FLUSHED = ["zoneportal.letters", "zoneportal.supervision"]


@pytest.fixture
def before_migration():
    """The schema just before letters 0005; the latest schema again afterwards, for the other tests."""
    apps.unset_available_apps()  # the migration loader needs every app, not only the flushed ones
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        yield executor
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        SupervisionItem.objects.all().delete()
        Letter.objects.all().delete()
        Mailbox.objects.all().delete()
        Department.objects.filter(slug="invest").delete()
        get_user_model().objects.filter(username__in=["office_reviewer", "invest_head"]).delete()
    finally:
        apps.set_available_apps(FLUSHED)  # as the test case left it, for its flush and its teardown


@pytest.mark.django_db(transaction=True, available_apps=FLUSHED)
def test_orders_become_supervision_items(before_migration):
    executor = before_migration
    old = executor.loader.project_state(BEFORE).apps
    Department = old.get_model("core", "Department")
    Mailbox = old.get_model("letters", "Mailbox")
    Letter = old.get_model("letters", "Letter")
    Order = old.get_model("letters", "SupervisionOrder")
    Notice = old.get_model("letters", "OversightNotice")
    User = old.get_model("auth", "User")
    invest = Department.objects.create(name="招商发展分局", slug="invest")
    reviewer = User.objects.create(username="office_reviewer")
    head = User.objects.create(username="invest_head")
    mailbox = Mailbox.objects.create(slug="director", name="主任信箱", department=invest)
    today = timezone.localdate()
    letter = Letter.objects.create(
        mailbox=mailbox,
        tracking_number="LF202601010001",
        subject="路灯不亮",
        content="北路路灯坏了。",
        name="张三",
        phone="13800001234",
        department=invest,
        due_on=today,
    )
    answered = Order.objects.create(
        letter=letter,
        department=invest,
        issued_by=reviewer,
        due_on=today + datetime.timedelta(days=5),
        instructions="三日内答复。",
        state="done",
        response="已答复来信人。",
        responded_by=head,
        responded_at=timezone.now(),
        closed_by=reviewer,
        closed_at=timezone.now(),
        closing_note="同意办结",
    )
    waiting = Order.objects.create(
        letter=letter, department=invest, issued_by=reviewer, due_on=today, instructions="抓紧"
    )
    Notice.objects.create(day=today, order=waiting, flag="order_near")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Item = new.get_model("supervision", "SupervisionItem")
    assert "supervisionorder" not in new.all_models["letters"]
    done, still_open = Item.objects.order_by("pk")
    assert (done.source, done.letter_id, done.lead_department_id, done.state) == (
        "letter",
        letter.pk,
        invest.pk,
        "done",
    )
    assert (done.requirements, done.conclusion, done.closed_by_id) == ("三日内答复。", "同意办结", reviewer.pk)
    assert done.due_on == answered.due_on and done.title == "来信督办：LF202601010001《路灯不亮》"
    assert list(done.departments.values_list("pk", flat=True)) == [invest.pk]
    assert [(r.text, r.reported_by_id) for r in done.reports.all()] == [("已答复来信人。", head.pk)]
    assert still_open.state == "open" and not still_open.reports.exists()
    notice = new.get_model("supervision", "SupervisionNotice").objects.get()
    assert (notice.item_id, notice.day, notice.flag) == (still_open.pk, today, "order_near")
