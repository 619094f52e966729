"""Receiving a request and every state change: the allowed steps, the refused ones (nothing written),
the deadline each step leaves behind, and the yearly statistics counted from the requests."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import shanghai
from zoneportal.disclosure import deadlines, statistics
from zoneportal.disclosure.models import DisclosureRequest, RequestEvent
from zoneportal.disclosure.submission import submit_request
from zoneportal.disclosure.workflow import ACTIONS, IllegalTransition, allowed_actions, perform
from zoneportal.letters.numbers import query_code_matches

from .conftest import CITIZEN, ORGANISATION

pytestmark = pytest.mark.django_db

S = DisclosureRequest.Status
D = datetime.date


def on_day(request: DisclosureRequest, received: datetime.datetime) -> DisclosureRequest:
    """Move a freshly filed request's receipt to ``received`` (as if filed then)."""
    request.received_at = received
    request.clock_start = timezone.localdate(received)
    request.due_on = request.compute_due_on()
    request.save()
    return request


def test_receiving_numbers_hashes_and_logs(filed, sms_outbox):
    request = filed.request
    assert re.fullmatch(r"GK\d{8}-0001", request.tracking_number)
    assert filed.query_code not in request.query_code_hash
    assert query_code_matches(request.tracking_number, filed.query_code, request.query_code_hash)
    assert request.status == S.SUBMITTED
    assert request.due_on == deadlines.answer_due(timezone.localdate())
    assert list(request.events.values_list("action", flat=True)) == ["receive"]
    second = submit_request(dict(ORGANISATION))
    assert second.request.tracking_number.endswith("-0002")


def test_a_resent_form_makes_no_second_request():
    first = submit_request(dict(CITIZEN), submission_key="key-1")
    again = submit_request(dict(CITIZEN), submission_key="key-1")
    assert again.duplicate and again.request.pk == first.request.pk and again.query_code == first.query_code
    assert DisclosureRequest.objects.count() == 1


def test_the_whole_way_with_correction_consultation_and_extension(filed):
    request = on_day(filed.request, shanghai(2026, 9, 24, 10))
    assert request.due_on == D(2026, 10, 29)
    perform(request, "register", on=D(2026, 9, 25))
    perform(request, "ask_correction", note="请写明所需文件的名称或文号。", on=D(2026, 9, 28))
    assert request.status == S.CORRECTION and request.due_on is None
    assert request.correction_due_on == D(2026, 10, 23)
    perform(request, "record_correction", note="《关于工业园区征地补偿标准的通知》", on=D(2026, 10, 9))
    assert request.status == S.REGISTERED and request.clock_start == D(2026, 10, 9)
    assert request.due_on == D(2026, 11, 5)
    perform(request, "start_consultation", consultation_party="某某公司", on=D(2026, 10, 12))
    assert request.status == S.CONSULTING and request.due_on is None
    perform(request, "finish_consultation", on=D(2026, 10, 16))  # 13–16 October: 4 working days
    assert request.paused_days == 4 and request.due_on == D(2026, 11, 11)
    perform(request, "extend", note="涉及材料较多，需调档查阅。", extension_approver="主任 王某", extension_days=10)
    assert request.status == S.REGISTERED and request.due_on == D(2026, 11, 25)
    perform(request, "answer", answer_kind="partial", legal_basis="第十五条：涉及商业秘密", reply="部分公开如下……")
    assert request.status == S.ANSWERED and request.closed_at is not None and request.due_on is not None
    actions = list(request.events.values_list("action", flat=True))
    assert actions == [
        "receive",
        "register",
        "ask_correction",
        "record_correction",
        "start_consultation",
        "finish_consultation",
        "extend",
        "answer",
    ]
    assert all(request.events.values_list("is_public", flat=True))
    assert allowed_actions(request) == []


# Every state and the steps it allows; everything else is refused.
ALLOWED = {
    S.SUBMITTED: {"register"},
    S.REGISTERED: {"ask_correction", "start_consultation", "extend", "answer"},
    S.CORRECTION: {"record_correction"},  # lapse only once the applicant's time is over
    S.CONSULTING: {"finish_consultation", "extend"},
    S.ANSWERED: set(),
    S.WITHDRAWN: set(),
}


@pytest.mark.parametrize("status", list(ALLOWED))
def test_illegal_transitions_are_refused_and_write_nothing(filed, status):
    request = filed.request
    today = timezone.localdate()
    DisclosureRequest.objects.filter(pk=request.pk).update(
        status=status,
        correction_asked_on=today if status == S.CORRECTION else None,
        correction_due_on=deadlines.correction_due(today) if status == S.CORRECTION else None,
        consultation_started_on=today if status == S.CONSULTING else None,
    )
    request.refresh_from_db()
    assert set(allowed_actions(request)) == ALLOWED[status]
    for step in set(ACTIONS) - ALLOWED[status] - {"receive"}:
        with pytest.raises(IllegalTransition) as refused:
            perform(request, step, note="说明", reply="答复", answer_kind="disclosed")
        assert "不能执行" in refused.value.messages[0]
        assert DisclosureRequest.objects.get(pk=request.pk).status == status
    assert RequestEvent.objects.filter(request=request).count() == 1


def test_a_correction_is_asked_once_and_the_extension_granted_once(filed):
    request = filed.request
    perform(request, "register")
    perform(request, "ask_correction", note="请补充文号。")
    perform(request, "record_correction", note="文号如下。")
    assert "ask_correction" not in allowed_actions(request)
    with pytest.raises(IllegalTransition):
        perform(request, "ask_correction", note="再补正一次")
    perform(request, "extend", note="理由", extension_approver="主任", extension_days=20)
    with pytest.raises(IllegalTransition):
        perform(request, "extend", note="理由", extension_approver="主任", extension_days=5)


def test_lapse_only_after_the_correction_period(filed):
    request = filed.request
    perform(request, "register", on=D(2026, 9, 25))
    perform(request, "ask_correction", note="请补充文号。", on=D(2026, 9, 28))
    assert "lapse" not in allowed_actions(request, D(2026, 10, 23))  # the last day of the 15
    with pytest.raises(IllegalTransition):
        perform(request, "lapse", on=D(2026, 10, 23))
    perform(request, "lapse", on=D(2026, 10, 26))
    assert request.status == S.WITHDRAWN and request.closed_at is not None


@pytest.mark.parametrize(
    ("step", "arguments", "message"),
    [
        ("ask_correction", {}, "请填写需要申请人补正的内容。"),
        ("start_consultation", {}, "请填写征求意见的第三方。"),
        ("extend", {"note": "理由", "extension_approver": "主任", "extension_days": 21}, "1 至 20 个工作日"),
        ("extend", {"extension_approver": "主任", "extension_days": 5}, "请填写延长答复期限的理由。"),
        ("extend", {"note": "理由", "extension_days": 5}, "请填写批准延长的负责人。"),
        ("answer", {"answer_kind": "disclosed"}, "请填写答复内容。"),
        ("answer", {"reply": "答复"}, "请选择答复类型。"),
        ("answer", {"answer_kind": "refused", "reply": "不予公开"}, "须写明法律依据和理由"),
        ("answer", {"answer_kind": "not_ours", "reply": "请向县政府申请"}, "负责公开该信息的机关"),
    ],
)
def test_a_step_missing_what_it_needs_is_refused(filed, step, arguments, message):
    request = filed.request
    perform(request, "register")
    with pytest.raises(ValidationError) as refused:
        perform(request, step, **arguments)
    assert message in " ".join(refused.value.messages)
    request.refresh_from_db()
    assert request.status == S.REGISTERED and request.extension_days == 0 and request.answer_kind == ""
    assert request.events.count() == 2


def test_dates_before_the_step_they_follow_are_refused(filed):
    request = filed.request
    perform(request, "register")
    perform(request, "ask_correction", note="请补充。", on=D(2026, 10, 12))
    with pytest.raises(ValidationError, match="不能早于告知补正"):
        perform(request, "record_correction", note="补正", on=D(2026, 10, 9))


def test_yearly_statistics_count_receipts_closures_and_carry_overs():
    def filed_on(when, data=CITIZEN):
        return on_day(submit_request(dict(data)).request, when)

    carried = filed_on(shanghai(2025, 12, 28))  # open at the end of 2025, answered in 2026
    perform(carried, "register")
    perform(carried, "answer", answer_kind="disclosed", reply="公开")
    DisclosureRequest.objects.filter(pk=carried.pk).update(closed_at=shanghai(2026, 1, 8))
    old = filed_on(shanghai(2025, 3, 1))  # answered in 2025: not carried over
    perform(old, "register")
    perform(old, "answer", answer_kind="nonexistent", reply="经检索，本机关未制作该信息。")
    DisclosureRequest.objects.filter(pk=old.pk).update(closed_at=shanghai(2025, 3, 20))
    answered = filed_on(shanghai(2026, 2, 2), ORGANISATION)
    perform(answered, "register")
    perform(answered, "answer", answer_kind="not_ours", referral="来凤县自然资源局", reply="请向该局申请")
    DisclosureRequest.objects.filter(pk=answered.pk).update(closed_at=shanghai(2026, 2, 20))
    filed_on(shanghai(2026, 12, 1))  # still open: carried forward
    filed_on(shanghai(2027, 1, 2))  # next year's

    table = statistics.year_table(2026)
    assert table.value("received") == 2
    assert table.value("carried_over") == 1
    assert table.value("disclosed") == 1 and table.value("not_ours") == 1 and table.value("nonexistent") == 0
    assert table.value("closed") == 2
    assert table.value("carried_forward") == 1
    organisation = next(row for row in table.rows if row.key == "not_ours")
    assert (organisation.citizen, organisation.organisation) == (0, 1)
    assert statistics.year_table(2025).value("carried_forward") == 1
    assert statistics.year_table(2025).value("nonexistent") == 1
