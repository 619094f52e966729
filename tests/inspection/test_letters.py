"""A letter's reply goes through the compliance checks before it is published: blocking findings stop it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from tests.letters.test_inbox import post_step, to_state
from tests.utils import logged_in_client, message_texts, text_of
from zoneportal.inspection.guards import WARNINGS_ACTION
from zoneportal.inspection.models import SensitiveTerm
from zoneportal.letters.models import Letter
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform

pytestmark = pytest.mark.django_db

S = Letter.Status
WITH_ID = "经核实，申请人张三（身份证号 11010519491231002X）的补贴已发放。"


def test_a_reply_with_an_id_number_is_not_published_and_says_why(zone, letter):
    head = logged_in_client(zone.users["invest_head"])
    to_state(letter, "approve_reply", zone.users["admin"])

    response = post_step(head, letter, "approve_reply", draft_reply=WITH_ID, is_published="on")

    assert response.status_code == 409  # refused, the letter page shown again
    said = text_of(response) + " ".join(message_texts(response))
    assert "答复未通过合规检查，不能发布，请先修改：答复内容：含公民身份证号码" in said
    assert WITH_ID in response.content.decode()  # what the head typed is kept
    letter.refresh_from_db()
    assert (letter.status, letter.reply, letter.is_published) == (S.REVIEWING, "", False)

    # Every way in goes through the same step: the API and the demo call perform().
    with pytest.raises(ValidationError, match="含公民身份证号码"):
        perform(letter, "approve_reply", user=zone.users["invest_head"], draft_reply=WITH_ID)


def test_warnings_let_the_reply_go_and_are_logged(zone, letter):
    head = logged_in_client(zone.users["invest_head"])
    to_state(letter, "approve_reply", zone.users["admin"])

    response = post_step(head, letter, "approve_reply", draft_reply="已按装路灯，联系人电话 13912345678。")

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == S.REPLIED
    entry = ModelLogEntry.objects.get(action=WARNINGS_ACTION, object_id=str(letter.pk))
    assert entry.user == zone.users["invest_head"]
    assert {item["kind"] for item in entry.data["findings"]} == {"typo", "mobile"}


def test_publishing_a_replied_letter_checks_the_reply_against_todays_lists(zone, invest_box, letter_data):
    head = logged_in_client(zone.users["invest_head"])
    replied = to_state(submit_letter(invest_box, letter_data).letter, "approve_reply", zone.users["admin"])
    post_step(head, replied, "approve_reply", draft_reply="涉事企业已整改。", is_published="")
    replied.refresh_from_db()
    assert replied.status == S.REPLIED and not replied.is_published

    SensitiveTerm.objects.create(word="涉事企业", severity=SensitiveTerm.Level.BLOCKING)
    response = post_step(head, replied, "publish", publish="1")

    assert "含敏感词“涉事企业”" in text_of(response) + " ".join(message_texts(response))
    replied.refresh_from_db()
    assert not replied.is_published
