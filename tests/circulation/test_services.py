"""The circulation's state machine: every step, every refusal, the route and the hand-over e-mails."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from zoneportal.circulation import access, services
from zoneportal.circulation.models import OfficialDocument

from .conftest import make_draft, walk_to

State = OfficialDocument.State


def actions(document) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(document).order_by("timestamp", "pk").values_list("action", flat=True)
    )


def test_the_whole_route_is_logged_and_ends_archived(zone, draft, django_capture_on_commit_callbacks):
    users = zone.users
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(draft, user=users["invest_editor"])
    assert draft.state == State.REVIEW and draft.step_deadline is not None
    # Handed over to the department's head by e-mail.
    assert [message.to for message in mail.outbox] == [["invest_head@zone.test"]]
    assert "待审核" in mail.outbox[0].subject

    document = services.approve(draft, user=users["invest_head"], opinion="同意，请办公室签发。")
    assert document.state == State.SIGNING
    document = services.sign(document, user=users["reviewer"], number="来开管发〔2026〕5号", opinion="同意")
    assert document.state == State.SIGNED and document.number == "来开管发〔2026〕5号" and document.signed_at
    document = services.distribute(
        document, user=users["reviewer"], departments=[zone.departments["finance"], zone.departments["office"]]
    )
    assert document.state == State.DISTRIBUTED
    finance_copy = document.distributions.get(department=zone.departments["finance"])
    office_copy = document.distributions.get(department=zone.departments["office"])
    assert finance_copy.deadline == document.step_deadline

    services.receive(finance_copy, user=users["finance_editor"])
    services.complete(finance_copy, user=users["finance_head"], note="已组织自查，无隐患。")
    document.refresh_from_db()
    assert document.state == State.DISTRIBUTED  # the office has not completed yet
    services.receive(office_copy, user=users["office_editor"])
    services.complete(office_copy, user=users["office_editor"], note="已转发。")
    document.refresh_from_db()
    assert document.state == State.ARCHIVED and document.archived_at and document.step_deadline is None

    assert actions(document) == [
        services.ACTION_CREATE,
        services.ACTION_SUBMIT,
        services.ACTION_APPROVE,
        services.ACTION_SIGN,
        services.ACTION_DISTRIBUTE,
        services.ACTION_RECEIVE,
        services.ACTION_COMPLETE,
        services.ACTION_RECEIVE,
        services.ACTION_COMPLETE,
        services.ACTION_ARCHIVE,
    ]
    approved = ModelLogEntry.objects.for_instance(document).get(action=services.ACTION_APPROVE)
    assert approved.user == users["invest_head"] and approved.data["opinion"] == "同意，请办公室签发。"


def test_review_returns_to_draft_with_an_opinion_only(zone, draft, django_capture_on_commit_callbacks):
    document = walk_to(draft, zone, State.REVIEW)
    with pytest.raises(services.TransitionRefused) as refusal:
        services.return_to_draft(document, user=zone.users["invest_head"], opinion="  ")
    assert refusal.value.message == "退回时请填写意见，说明需要修改的地方。"
    document.refresh_from_db()
    assert document.state == State.REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        document = services.return_to_draft(document, user=zone.users["invest_head"], opinion="第二段表述不准确。")
    assert document.state == State.DRAFT
    assert mail.outbox[-1].to == ["invest_editor@zone.test"]
    entry = ModelLogEntry.objects.for_instance(document).get(action=services.ACTION_RETURN)
    assert entry.data == {"opinion": "第二段表述不准确。", "step": "审核"}
    # The drafter revises and sends it again.
    assert services.submit(document, user=zone.users["invest_editor"]).state == State.REVIEW


def test_signing_returns_to_draft_too(zone, draft):
    document = walk_to(draft, zone, State.SIGNING)
    with pytest.raises(services.TransitionRefused):
        services.return_to_draft(document, user=zone.users["reviewer"], opinion="")
    assert services.return_to_draft(document, user=zone.users["reviewer"], opinion="请补充依据。").state == State.DRAFT


def test_named_reviewers_replace_the_head(zone):
    document = make_draft(zone)
    document.reviewers.set([zone.users["finance_head"]])
    document = services.submit(document, user=zone.users["invest_editor"])
    with pytest.raises(PermissionDenied):
        services.approve(document, user=zone.users["invest_head"])
    assert services.approve(document, user=zone.users["finance_head"]).state == State.SIGNING


@pytest.mark.parametrize(
    ("state", "step", "who"),
    [
        (State.DRAFT, "submit", "invest_head"),  # only the drafter sends it
        (State.REVIEW, "approve", "invest_editor"),  # the drafter does not review their own document
        (State.REVIEW, "approve", "finance_head"),  # another department's head
        (State.SIGNING, "sign", "invest_head"),  # signing is the office's
        (State.SIGNED, "distribute", "invest_head"),
    ],
)
def test_only_the_current_steps_assignee_acts(zone, draft, state, step, who):
    document = walk_to(draft, zone, state)
    kwargs = {
        "submit": {},
        "approve": {"opinion": "同意"},
        "sign": {"number": "来开管发〔2026〕9号"},
        "distribute": {"departments": [zone.departments["finance"]]},
    }[step]
    with pytest.raises(PermissionDenied) as denial:
        getattr(services, step)(document, user=zone.users[who], **kwargs)
    assert "只有当前环节的办理人" in str(denial.value)
    document.refresh_from_db()
    assert document.state == state


@pytest.mark.parametrize(
    ("state", "step", "message"),
    [
        (State.DRAFT, "approve", "该公文当前为“拟稿”，不能审核通过。"),
        (State.REVIEW, "sign", "该公文当前为“审核”，不能签发。"),
        (State.SIGNING, "distribute", "该公文当前为“签发”，不能分发。"),
        (State.REVIEW, "submit", "该公文当前为“审核”，不能送审。"),
        (State.DRAFT, "archive", "该公文当前为“拟稿”，不能归档。"),
    ],
)
def test_steps_from_the_wrong_state_are_refused(zone, draft, state, step, message):
    document = walk_to(draft, zone, state)
    kwargs = {"sign": {"number": "X"}, "distribute": {"departments": [zone.departments["finance"]]}}.get(step, {})
    with pytest.raises(services.TransitionRefused) as refusal:
        getattr(services, step)(document, user=zone.users["admin"], **kwargs)
    assert refusal.value.message == message
    document.refresh_from_db()
    assert document.state == state


def test_signing_needs_a_unique_number(zone, draft):
    walk_to(make_draft(zone, title="另一份"), zone, State.SIGNED)  # takes 来开管发〔2026〕<pk>号
    other = OfficialDocument.objects.get(title="另一份")
    document = walk_to(draft, zone, State.SIGNING)
    with pytest.raises(services.TransitionRefused, match="签发时请填写文号"):
        services.sign(document, user=zone.users["reviewer"], number=" ")
    with pytest.raises(services.TransitionRefused, match="已被其他公文使用"):
        services.sign(document, user=zone.users["reviewer"], number=other.number)
    document.refresh_from_db()
    assert document.state == State.SIGNING and document.number is None


def test_distribution_needs_recipients_and_recipients_act_on_their_own_copy(zone, draft):
    document = walk_to(draft, zone, State.SIGNED)
    with pytest.raises(services.TransitionRefused, match="请至少选择一个收文部门"):
        services.distribute(document, user=zone.users["reviewer"], departments=[])
    document = services.distribute(document, user=zone.users["reviewer"], departments=[zone.departments["finance"]])
    copy = document.distributions.get()
    with pytest.raises(PermissionDenied, match="只有收文部门的人员可以签收"):
        services.receive(copy, user=zone.users["invest_editor"])
    with pytest.raises(services.TransitionRefused, match="请先签收"):
        services.complete(copy, user=zone.users["finance_editor"], note="已办")
    services.receive(copy, user=zone.users["finance_editor"])
    with pytest.raises(services.TransitionRefused, match="已经签收过"):
        services.receive(copy, user=zone.users["finance_head"])
    with pytest.raises(services.TransitionRefused, match="请填写办结情况"):
        services.complete(copy, user=zone.users["finance_editor"], note="")
    copy.refresh_from_db()
    assert copy.received_by == zone.users["finance_editor"] and copy.done_at is None


def test_the_office_archives_before_every_recipient_is_done(zone, draft):
    document = walk_to(draft, zone, State.DISTRIBUTED)
    with pytest.raises(PermissionDenied, match="只有管委会办公室可以归档"):
        services.archive(document, user=zone.users["finance_head"])
    assert services.archive(document, user=zone.users["reviewer"], opinion="会议已召开").state == State.ARCHIVED
    with pytest.raises(services.TransitionRefused, match="不能签收"):
        services.receive(document.distributions.first(), user=zone.users["finance_editor"])


def test_a_draft_is_saved_for_own_departments_only(zone):
    document = OfficialDocument(title="越权拟稿", department=zone.departments["finance"], body="正文")
    with pytest.raises(PermissionDenied, match="不能以其他部门的名义拟稿"):
        services.save_draft(document, user=zone.users["invest_editor"])
    assert not OfficialDocument.objects.filter(title="越权拟稿").exists()


def test_pending_lists_follow_the_steps(zone, draft, django_assert_num_queries):
    users = zone.users
    assert list(access.pending_documents(users["invest_editor"])) == [draft]
    document = walk_to(draft, zone, State.REVIEW)
    assert not access.pending_documents(users["invest_editor"]).exists()
    assert list(access.pending_documents(users["invest_head"])) == [document]
    assert not access.pending_documents(users["reviewer"]).exists()
    document = services.approve(document, user=users["invest_head"])
    assert list(access.pending_documents(users["reviewer"])) == [document]
    with django_assert_num_queries(1):
        assert access.pending_count(users["office_editor"]) == 1
    assert access.pending_count(users["finance_head"]) == 0
