"""The back office: each department keeps its own items and journeys; the rules and the upload checks hold."""

from __future__ import annotations

from pathlib import PurePath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.services.conftest import DOCX_BYTES
from tests.utils import admin_form, logged_in_client, soup, text_of
from zoneportal.services.forms import FORM_MAX_BYTES
from zoneportal.services.models import Journey, Material, ServiceItem

pytestmark = pytest.mark.django_db

#: What Windows programs start with: a renamed .exe must not pass for a form.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def item_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_services_serviceitem:{name}", args=args)


def journey_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_services_journey:{name}", args=args)


def listed(client) -> set[str]:
    response = client.get(item_url("list"))
    assert response.status_code == 200
    shown = {a.get_text(strip=True) for a in soup(response).select("table tbody a")}
    return shown & set(ServiceItem.objects.values_list("name", flat=True))


def test_listing_per_department(services):
    users = services.zone.users
    assert listed(logged_in_client(users["invest_editor"])) == {services.filing.name, services.draft.name}
    assert listed(logged_in_client(users["finance_head"])) == {services.land.name}
    everything = {services.filing.name, services.land.name, services.draft.name}
    assert listed(logged_in_client(users["reviewer"])) == everything


def test_other_departments_item_and_journey_are_refused(services):
    client = logged_in_client(services.zone.users["finance_editor"])
    assert client.get(item_url("edit", services.filing.pk)).status_code == 404
    assert client.post(item_url("edit", services.filing.pk), {"name": "改掉"}).status_code == 404
    assert client.post(item_url("delete", services.filing.pk)).status_code == 404
    assert client.get(journey_url("edit", services.journey.pk)).status_code == 404
    assert ServiceItem.objects.get(pk=services.filing.pk).name == "企业投资项目备案"


def new_item_form(client) -> dict:
    """The add form, filled in as a department editor would."""
    data = admin_form(client.get(item_url("add")), form_id="w-editor-form")
    data.update(
        {
            "name": "入园企业证照代办",
            "kind": ServiceItem.Kind.PUBLIC_SERVICE,
            "legal_basis": "开发区“一站式”服务工作制度",
            "conditions": "已签订入园协议的企业",
            "statutory_days": "10",
            "promised_days": "3",
            "materials-0-name": "代办委托书",
            "materials-0-copies": "1",
            "materials-0-required": "on",
            "steps-0-name": "受理",
            "steps-0-handler": "代办窗口",
            "steps-0-days": "1",
            "published": "on",
        }
    )
    return data


def post_with_file(client, data, upload) -> object:
    data = data.copy()
    data.pop("materials-0-blank_form", None)
    return client.post(item_url("add"), {**data.dict(), "materials-0-blank_form": upload})


def test_editor_adds_an_item_with_a_blank_form(services):
    client = logged_in_client(services.zone.users["invest_editor"])
    page = soup(client.get(item_url("add")))
    offered = {option["value"] for option in page.select("select[name=department] option") if option["value"]}
    assert offered == {str(services.zone.departments["invest"].pk)}
    response = post_with_file(client, new_item_form(client), SimpleUploadedFile("weituoshu.docx", DOCX_BYTES))
    assert response.status_code == 302, text_of(response)[:2000]
    item = ServiceItem.objects.get(name="入园企业证照代办")
    assert item.department == services.zone.departments["invest"]
    material = item.materials.get()
    assert material.blank_form.name.startswith("services/forms/") and material.blank_form.read() == DOCX_BYTES
    assert client.get(f"/banshi/zhinan/{item.pk}/xiazai/{material.pk}/blank/").status_code == 200


def test_editor_cannot_file_an_item_under_another_department(services):
    client = logged_in_client(services.zone.users["invest_editor"])
    data = new_item_form(client)
    data["department"] = str(services.zone.departments["finance"].pk)
    response = client.post(item_url("add"), data)
    assert response.status_code == 200
    assert not ServiceItem.objects.filter(name="入园企业证照代办").exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("shenqingbiao.docx", EXE_BYTES), "内容与扩展名不符"),
        (SimpleUploadedFile("setup.exe", EXE_BYTES), "文件类型不允许"),
        (SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * FORM_MAX_BYTES), "超过 10 MB"),
    ],
    ids=["disguised-executable", "executable", "oversized"],
)
def test_bad_uploads_are_refused_in_chinese_and_nothing_is_saved(services, upload, message):
    client = logged_in_client(services.zone.users["invest_editor"])
    before = (ServiceItem.objects.count(), Material.objects.count())
    response = post_with_file(client, new_item_form(client), upload)
    assert response.status_code == 200
    errors = " ".join(tag.get_text(" ", strip=True) for tag in soup(response).select(".error-message"))
    assert message in errors and upload.name in errors
    assert (ServiceItem.objects.count(), Material.objects.count()) == before
    page = soup(response)
    assert page.select_one("input[name=name]")["value"] == "入园企业证照代办"  # what was typed is kept
    assert page.select_one("input[name=materials-0-name]")["value"] == "代办委托书"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"statutory_days": "3", "promised_days": "5"}, "promised_days", "不能超过法定时限"),
        ({"promised_days": "0"}, "promised_days", "超过了承诺时限"),
        ({"charges_fee": "on"}, "fee_standard", "请填写收费标准"),
        ({"fee_basis": "某某文件"}, "charges_fee", "请勾选“收费”"),
        ({"statutory_days": "0"}, "statutory_days", ""),
    ],
)
def test_item_rules_refuse_with_the_error_next_to_the_field(services, changes, field, message):
    client = logged_in_client(services.zone.users["invest_editor"])
    data = new_item_form(client)
    data.update(changes)
    response = client.post(item_url("add"), data)
    assert response.status_code == 200
    wrapper = (
        soup(response)
        .select_one(f"[data-field-wrapper] [name={field}]")
        .find_parent(attrs={"data-field-wrapper": True})
    )
    assert message in wrapper.get_text(" ", strip=True)
    assert "error-message" in str(wrapper)
    assert not ServiceItem.objects.filter(name="入园企业证照代办").exists()


def journey_items(services) -> tuple[list, list]:
    question = Journey.objects.get(pk=services.journey.pk).questions.get()
    return list(question.yes_items.all()), list(question.no_items.all())


def test_journey_questions_and_stages_are_checked(services):
    client = logged_in_client(services.zone.users["invest_editor"])
    edit = journey_url("edit", services.journey.pk)
    data = admin_form(client.get(edit), form_id="w-editor-form")
    data.setlist("questions-0-yes_items", [str(services.land.pk), str(services.draft.pk)])
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "所选事项须在本“一件事”的办理顺序中：尚未公开的事项" in text_of(response)
    assert journey_items(services) == ([services.land], [])

    data.setlist("questions-0-yes_items", [str(services.land.pk)])
    data.setlist("questions-0-no_items", [str(services.land.pk)])
    assert "不能既是回答“是”才需要" in text_of(client.post(edit, data))

    data.setlist("questions-0-yes_items", [])
    data.setlist("questions-0-no_items", [])
    assert "请至少选择一个事项" in text_of(client.post(edit, data))

    data.setlist("questions-0-no_items", [str(services.filing.pk)])
    data["stages-1-item"] = str(services.filing.pk)
    assert "已在办理顺序中" in text_of(client.post(edit, data))

    data["stages-1-item"] = str(services.land.pk)
    assert client.post(edit, data).status_code == 302
    assert journey_items(services) == ([], [services.filing])


def test_edit_form_names_the_private_files_and_a_save_keeps_them(services):
    client = logged_in_client(services.zone.users["invest_editor"])
    edit = item_url("edit", services.filing.pk)
    response = client.get(edit)
    assert response.status_code == 200
    material = services.material
    names = (material.blank_form.name, material.sample.name)
    text = text_of(response)
    assert all(PurePath(name).name in text for name in names)
    assert client.post(edit, admin_form(response, form_id="w-editor-form")).status_code == 302
    material.refresh_from_db()
    assert (material.blank_form.name, material.sample.name) == names
