"""The ledger's states and steps: who may take them, from which state, with what; each one logged."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from tests.factories import PDF_BYTES
from zoneportal.core.workdays import add_working_days, working_days_between
from zoneportal.rectification import services
from zoneportal.rectification.models import RectificationEvidence, RectificationItem

pytestmark = pytest.mark.django_db
State = RectificationItem.State


def actions(item) -> list[str]:
    return list(ModelLogEntry.objects.for_instance(item).order_by("timestamp", "pk").values_list("action", flat=True))


def test_open_item_from_a_letter_records_its_source_and_logs_who(zone):
    editor = zone.users["invest_editor"]
    item = services.open_item(
        title="回复来信不及时",
        description="来信反映答复慢。",
        source_kind=RectificationItem.SourceKind.LETTER,
        source_reference="XX20261127-0001",
        source_url="/admin/letters/12/",
        user=editor,
    )
    item.refresh_from_db()
    assert item.state == State.IN_PROGRESS
    # No department given: the user's own.
    assert item.department == zone.departments["invest"]
    assert item.source_reference == "XX20261127-0001"
    assert item.created_by == editor
    # No deadline given: 20 working days from today, counted with China's calendar.
    assert working_days_between(item.created_at, item.deadline) == services.DEFAULT_WORKING_DAYS
    entry = ModelLogEntry.objects.for_instance(item).get()
    assert entry.action == services.ACTION_OPEN
    assert entry.user == editor
    assert entry.data["source_reference"] == "XX20261127-0001"


def test_open_item_without_a_user_goes_to_the_office(zone):
    item = services.open_item(title="问卷意见", description="问卷反映的问题。", source_kind="survey")
    assert item.department == zone.departments["office"]
    assert item.created_by is None


def test_open_item_refuses_another_departments_item_and_bad_input(zone):
    with pytest.raises(PermissionDenied):
        services.open_item(
            title="越权",
            description="给别的部门开事项",
            source_kind="letter",
            department=zone.departments["finance"],
            user=zone.users["invest_editor"],
        )
    with pytest.raises(ValidationError) as refused:
        services.open_item(title="", description="", source_kind="nonsense", user=zone.users["reviewer"])
    assert {"title", "description", "source_kind"} <= set(refused.value.message_dict)
    with pytest.raises(ValidationError) as refused:
        services.open_item(title="链接", description="坏链接", source_kind="letter", source_url="javascript:alert(1)")
    assert "source_url" in refused.value.message_dict
    assert not RectificationItem.objects.exists()


def test_the_whole_course_in_progress_rectified_returned_rectified_closed(zone, ledger):
    item = ledger.invest_item
    editor, reviewer = zone.users["invest_editor"], zone.users["reviewer"]

    services.report_rectified(item, user=editor, evidence_text="已建立走访登记制度。")
    assert item.state == State.RECTIFIED and item.rectified_at is not None
    services.return_item(item, user=reviewer, reason="走访记录不全。")
    assert item.state == State.IN_PROGRESS and item.rectified_at is None
    upload = SimpleUploadedFile("走访记录.pdf", PDF_BYTES, content_type="application/pdf")
    services.report_rectified(item, user=editor, files=[upload])
    services.close_item(item, user=reviewer, note="整改到位。")

    item.refresh_from_db()
    assert item.state == State.CLOSED
    assert item.close_note == "整改到位。" and item.closed_at is not None
    evidence = RectificationEvidence.objects.get(item=item)
    assert evidence.original_name == "走访记录.pdf" and evidence.uploaded_by == editor
    assert evidence.file.read().startswith(b"%PDF-")
    assert actions(item) == [
        services.ACTION_OPEN,
        services.ACTION_RECTIFIED,
        services.ACTION_RETURN,
        services.ACTION_RECTIFIED,
        services.ACTION_CLOSE,
    ]
    entries = list(ModelLogEntry.objects.for_instance(item).order_by("timestamp", "pk"))
    assert [entry.user for entry in entries[1:]] == [editor, reviewer, editor, reviewer]
    assert entries[2].data["reason"] == "走访记录不全。"
    assert entries[4].data["note"] == "整改到位。"


def test_rectified_needs_evidence(zone, ledger):
    item = ledger.invest_item
    with pytest.raises(services.TransitionRefused) as refused:
        services.report_rectified(item, user=zone.users["invest_editor"], evidence_text="   ")
    assert refused.value.field == "evidence_text"
    item.refresh_from_db()
    assert item.state == State.IN_PROGRESS
    assert actions(item) == [services.ACTION_OPEN]


@pytest.mark.parametrize(
    ("start", "step"),
    [
        (State.IN_PROGRESS, "return"),
        (State.IN_PROGRESS, "close"),
        (State.RECTIFIED, "rectified"),
        (State.CLOSED, "rectified"),
        (State.CLOSED, "return"),
        (State.CLOSED, "close"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(zone, ledger, start, step):
    item = ledger.office_item
    RectificationItem.objects.filter(pk=item.pk).update(state=start)
    item.refresh_from_db()
    reviewer = zone.users["reviewer"]
    with pytest.raises(services.TransitionRefused):
        if step == "rectified":
            services.report_rectified(item, user=reviewer, evidence_text="说明")
        elif step == "return":
            services.return_item(item, user=reviewer, reason="原因")
        else:
            services.close_item(item, user=reviewer, note="意见")
    item.refresh_from_db()
    assert item.state == start
    assert actions(item) == [services.ACTION_OPEN]


def test_only_the_office_returns_and_closes(zone, ledger):
    item = ledger.invest_item
    services.report_rectified(item, user=zone.users["invest_head"], evidence_text="已整改")
    for user in (zone.users["invest_editor"], zone.users["invest_head"], zone.users["finance_head"]):
        with pytest.raises(PermissionDenied):
            services.close_item(item, user=user, note="自己销号")
        with pytest.raises(PermissionDenied):
            services.return_item(item, user=user, reason="自己退回")
    item.refresh_from_db()
    assert item.state == State.RECTIFIED
    # Closing and returning need their text too.
    with pytest.raises(services.TransitionRefused):
        services.close_item(item, user=zone.users["reviewer"], note=" ")
    with pytest.raises(services.TransitionRefused):
        services.return_item(item, user=zone.users["reviewer"], reason="")
    services.close_item(item, user=zone.users["admin"], note="管理员销号")
    assert item.state == State.CLOSED


def test_another_department_cannot_report_an_item_rectified(zone, ledger):
    with pytest.raises(PermissionDenied):
        services.report_rectified(ledger.invest_item, user=zone.users["finance_editor"], evidence_text="不是我的")
    ledger.invest_item.refresh_from_db()
    assert ledger.invest_item.state == State.IN_PROGRESS


def test_default_deadline_counts_working_days(zone):
    item = services.open_item(title="事项", description="描述", source_kind="other", user=zone.users["reviewer"])
    assert item.deadline == add_working_days(item.created_at, services.DEFAULT_WORKING_DAYS)
