"""Policy documents checked on save in the back office; the daily task through the task backend."""

from __future__ import annotations

import pytest
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import rich_text

from tests.factories import make_document
from tests.inspection.files import xlsx_bytes
from tests.policies.test_admin import errors_of, url
from tests.utils import admin_form, logged_in_client, text_of
from zoneportal.inspection.guards import WARNINGS_ACTION
from zoneportal.inspection.models import InspectionRun, SensitiveTerm
from zoneportal.policies.models import Policy

pytestmark = pytest.mark.django_db


def new_policy_form(client, library, **fields):
    data = admin_form(client.get(url("policy", "add")), form_id="w-editor-form")
    data.update(
        {
            "title": "关于企业用工补贴的通知",
            "doc_number": "来开管发〔2016〕20号",
            "category": str(library.preferential.pk),
            "issued_on": "2016-06-01",
            "validity": "valid",
            "department": str(library.zone.departments["invest"].pk),
            "live": "on",
            **fields,
        }
    )
    data.setlist("issuers", [str(library.committee.pk)])
    return data


def test_a_bank_card_in_a_published_policy_is_refused_on_its_field(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    data = new_policy_form(client, library, body=rich_text("<p>补贴打入账户6222021234567890128。</p>"))

    response = client.post(url("policy", "add"), data)

    assert response.status_code == 200
    assert "含银行卡号，发布前须删除或隐去" in errors_of(response)
    assert "6222021234567890128" in response.content.decode()  # the input is kept for the editor to fix
    assert not Policy.objects.filter(title="关于企业用工补贴的通知").exists()

    del data["live"]  # unticked 已发布: a draft is saved, to be fixed before it goes out
    assert client.post(url("policy", "add"), data).status_code == 302
    assert Policy.objects.filter(title="关于企业用工补贴的通知", live=False).exists()


def test_a_blocking_sensitive_word_in_an_xlsx_attachment(library):
    SensitiveTerm.objects.create(word="内部资料", severity="blocking")
    client = logged_in_client(library.zone.users["invest_editor"])
    sheet = make_document(
        "补贴名单",
        library.zone.departments["invest"].collection,
        content=xlsx_bytes([["说明", "内部资料 注意保存"]]),
        filename="list.xlsx",
    )
    data = new_policy_form(client, library)
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": str(sheet.pk),
            "attachments-0-title": "名单",
            "attachments-0-ORDER": "1",
        }
    )

    response = client.post(url("policy", "add"), data)

    assert response.status_code == 200
    assert "附件《名单》：含敏感词“内部资料”" in text_of(response)  # in the message above the form
    assert "含敏感词“内部资料”" in errors_of(response)  # and on the attachment's row
    assert not Policy.objects.filter(title="关于企业用工补贴的通知").exists()


def test_warnings_are_saved_and_logged(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    data = new_policy_form(client, library, doc_number="", body=rich_text("<p>请按装监控设备。</p>"))

    response = client.post(url("policy", "add"), data)

    assert response.status_code == 302, errors_of(response)
    policy = Policy.objects.get(title="关于企业用工补贴的通知")
    entry = ModelLogEntry.objects.get(object_id=str(policy.pk), action=WARNINGS_ACTION)
    assert entry.user == library.zone.users["invest_editor"]
    assert {f["message"] for f in entry.data["findings"]} == {"疑似错别字：“按装”应为“安装”", "缺少文号"}


def test_the_daily_task_stores_a_run(zone, settings):
    from zoneportal.inspection.tasks import inspect_site_daily

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    result = inspect_site_daily.enqueue()
    run = InspectionRun.objects.get(pk=result.return_value["run"])
    assert run.trigger == InspectionRun.Trigger.TASK
    assert result.return_value["veto_failed"] is run.veto_failed is True  # the test zone's columns are from 2024
    assert {item["code"] for item in run.results if not item["passed"]} >= {"stale_columns"}
