"""Letters: numbers, receiving, the allowed steps and their deadlines."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zoneportal.core.workdays import add_working_days
from zoneportal.letters import numbers
from zoneportal.letters.forms import LetterForm
from zoneportal.letters.models import Letter, LetterEvent, SensitiveWord
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import IllegalTransition, allowed_actions, perform

pytestmark = pytest.mark.django_db


def test_numbers_count_up_per_day(mailbox, letter_data, settings):
    first = submit_letter(mailbox, letter_data).letter.tracking_number
    second = submit_letter(mailbox, letter_data).letter.tracking_number
    today = timezone.localdate()
    assert first == f"{settings.LETTER_NUMBER_PREFIX}{today:%Y%m%d}-0001"
    assert second.endswith("-0002")


def test_query_code_checked_against_its_hash(mailbox, letter_data, sms_outbox):
    receipt = submit_letter(mailbox, letter_data)
    letter = receipt.letter
    assert receipt.query_code not in letter.query_code_hash
    assert numbers.query_code_matches(letter.tracking_number, receipt.query_code.lower(), letter.query_code_hash)
    assert not numbers.query_code_matches(letter.tracking_number, "AAAAAAAA", letter.query_code_hash)


def test_writer_notified_after_commit(mailbox, letter_data, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        receipt = submit_letter(mailbox, letter_data)
    assert receipt.letter.tracking_number in sms_outbox[0].text and receipt.query_code in sms_outbox[0].text


def test_same_submission_key_makes_one_letter_and_the_same_code(mailbox, letter_data):
    first = submit_letter(mailbox, letter_data, submission_key="k" * 32)
    again = submit_letter(mailbox, letter_data, submission_key="k" * 32)
    assert again.duplicate and again.letter.pk == first.letter.pk and again.query_code == first.query_code
    assert Letter.objects.count() == 1


def test_deadline_is_working_days_from_receipt_category_first(mailbox, letter_data):
    letter = submit_letter(mailbox, letter_data).letter
    assert letter.due_on == add_working_days(letter.received_at, 5)
    letter_data["category"] = mailbox.categories.get()
    quick = submit_letter(mailbox, letter_data).letter
    assert quick.due_on == add_working_days(quick.received_at, 3)


def test_sensitive_word_holds_the_letter_until_released(zone, mailbox, letter_data):
    SensitiveWord.objects.create(word="路灯")
    letter = submit_letter(mailbox, letter_data).letter
    assert letter.held_for_review and letter.held_words == "路灯"
    assert "accept" not in allowed_actions(letter)
    with pytest.raises(IllegalTransition):
        perform(letter, "accept")
    perform(letter, "release", user=zone.users["admin"])
    assert perform(letter, "accept").status == Letter.Status.ACCEPTED


def test_the_whole_way_and_its_log(zone, mailbox, letter_data):
    letter = submit_letter(mailbox, letter_data).letter
    head = zone.users["admin"]
    perform(letter, "accept", user=head)
    perform(letter, "assign", user=head, department=zone.departments["invest"], due_on=datetime.date(2026, 12, 31))
    assert letter.department == zone.departments["invest"] and letter.disposition == "assign"
    with pytest.raises(ValidationError):
        perform(letter, "submit_reply", user=head)  # no draft reply yet
    perform(letter, "submit_reply", user=head, draft_reply="已安排维修。")
    perform(letter, "return_reply", user=head, note="请写明维修时间。")
    perform(letter, "submit_reply", user=head, draft_reply="已于本周五前修复。")
    perform(letter, "approve_reply", user=head)
    assert letter.status == Letter.Status.REPLIED and letter.reply == "已于本周五前修复。"
    perform(letter, "rate", satisfaction=Letter.Satisfaction.DISSATISFIED, satisfaction_comment="仍未修好")
    assert "reopen" in allowed_actions(letter)
    perform(letter, "reopen")
    assert letter.status == Letter.Status.PROCESSING and letter.reopen_count == 1
    steps = list(LetterEvent.objects.filter(letter=letter).values_list("action", flat=True))
    assert steps[:3] == ["receive", "accept", "assign"] and steps[-1] == "reopen"
    public = LetterEvent.objects.filter(letter=letter, is_public=True).values_list("action", flat=True)
    assert "return_reply" not in public


def test_illegal_steps_refused_in_chinese(mailbox, letter_data):
    letter = submit_letter(mailbox, letter_data).letter
    with pytest.raises(IllegalTransition, match="待受理"):
        perform(letter, "approve_reply")
    with pytest.raises(ValidationError, match="理由"):
        perform(letter, "reject", note="  ")
    assert Letter.objects.get(pk=letter.pk).status == Letter.Status.PENDING


def test_reopen_only_once_and_only_when_dissatisfied(mailbox, letter_data):
    letter = submit_letter(mailbox, letter_data).letter
    Letter.objects.filter(pk=letter.pk).update(status=Letter.Status.RATED, satisfaction="satisfied")
    letter.refresh_from_db()
    assert "reopen" not in allowed_actions(letter)
    Letter.objects.filter(pk=letter.pk).update(satisfaction="dissatisfied", reopen_count=1)
    letter.refresh_from_db()
    with pytest.raises(IllegalTransition):
        perform(letter, "reopen")


def test_form_rules(mailbox):
    assert LetterForm({}, mailbox=mailbox).errors["subject"] == ["请填写标题。"]
    form = LetterForm({"subject": "x", "content": "太短"}, mailbox=mailbox)
    assert not form.is_valid()
    assert "至少" in form.errors["content"][0] and "姓名" in form.errors["name"][0]
    assert "联系电话" in form.errors["phone"][0]
    form = LetterForm({"subject": "s", "content": "字" * 20_000, "name": "李", "phone": "12345"}, mailbox=mailbox)
    assert not form.is_valid()
    assert "最多 5000 字" in form.errors["content"][0] and "手机号码" in form.errors["phone"][0]
    form = LetterForm(
        {"subject": "匿名反映", "content": "某企业夜间施工噪声扰民😠，请核查。", "is_anonymous": "on"}, mailbox=mailbox
    )
    assert form.is_valid(), form.errors
    mailbox.allows_anonymous = False
    form = LetterForm(
        {"subject": "s", "content": "内容足够长了吧一二三四", "phone": "+86 138 0000 1234"}, mailbox=mailbox
    )
    assert not form.is_valid() and "is_anonymous" not in form.fields
    assert form.cleaned_data["phone"] == "13800001234"


def test_masking():
    from zoneportal.letters.masking import mask_email, mask_name, mask_phone

    assert (mask_name("张三丰"), mask_name("李四"), mask_name(" ")) == ("张**", "李*", "匿名")
    assert mask_phone("13812341234") == "138****1234"
    assert mask_email("zhang@example.com") == "z***@example.com"


def test_published_needs_consent_choice_and_reply(mailbox, letter_data):
    letter = submit_letter(mailbox, letter_data).letter
    Letter.objects.filter(pk=letter.pk).update(status="replied", reply="已办理。", is_published=True)
    assert list(Letter.objects.published()) == [Letter.objects.get(pk=letter.pk)]
    Letter.objects.filter(pk=letter.pk).update(is_public=False)
    assert not Letter.objects.published().exists()
