"""The office is e-mailed once per run when a 单项否决 item fails, after the run is committed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from tests.inspection.test_site import WEEK_AFTER, article
from zoneportal.core.ownership import office_people
from zoneportal.inspection.site import run_inspection

pytestmark = pytest.mark.django_db


def test_a_failed_veto_item_is_sent_to_the_office_once_after_commit(zone, django_capture_on_commit_callbacks):
    office = sorted(office_people().exclude(email="").values_list("email", flat=True))
    assert "office_reviewer@zone.test" in office and "invest_editor@zone.test" not in office
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run, report = run_inspection(now=WEEK_AFTER)
    assert report.veto_failed and mail.outbox == []  # nothing before the run is committed
    for callback in callbacks:
        callback()

    assert sorted(message.to[0] for message in mail.outbox) == office  # one each
    message = mail.outbox[0]
    assert "单项否决未通过" in message.subject
    assert "栏目更新（超期未更新栏目少于 5 个）：5 个栏目超期未更新" in message.body
    assert "来信" not in message.body  # only the failing indicators are named
    assert message.body.endswith(f"/admin/inspection/?run={run.pk}")


def test_a_run_without_a_failed_veto_item_sends_nothing(zone, django_capture_on_commit_callbacks):
    for key in ("news", "notices", "investment", "services", "finance"):
        article(zone.columns[key], f"{key}新闻", f"fresh-{key}", timezone.now())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _run, report = run_inspection()
    assert not report.veto_failed and mail.outbox == []
