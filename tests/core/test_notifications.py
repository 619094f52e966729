"""The notification hook: text messages through the configured gateway, e-mail through Django's."""

from django.core import mail
from django.test import override_settings

from zoneportal.core.notifications import notify


def test_text_message_and_email_both_sent(sms_outbox):
    assert notify(subject="信件已收到", body="查询码 ABC123", phone="13800001234", email="a@example.com")
    assert [(m.phone, m.text) for m in sms_outbox] == [("13800001234", "信件已收到：查询码 ABC123")]
    assert mail.outbox[-1].to == ["a@example.com"] and "ABC123" in mail.outbox[-1].body


def test_file_gateway_writes_the_outbox(tmp_path):
    with override_settings(SMS_BACKEND="zoneportal.core.notifications.FileSMSBackend", SMS_FILE_PATH=tmp_path):
        notify(subject="通知", body="正文", phone="13900000000")
    assert "13900000000\t通知：正文" in (tmp_path / "outbox.txt").read_text(encoding="utf-8")


def test_a_failing_gateway_is_reported_not_raised():
    with override_settings(SMS_BACKEND="zoneportal.core.notifications.NoSuchBackend"):
        assert notify(subject="通知", body="正文", phone="13900000000") is False
