"""政策法规库 in the back office: a department edits its own documents, the office all; the form's checks in Chinese."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import make_user
from tests.utils import admin_form, assert_denied, logged_in_client, soup
from zoneportal.policies.models import Policy, PolicyCategory

pytestmark = pytest.mark.django_db
#: A rich-text field as Draftail posts it: one paragraph, 正文.
DRAFTAIL_TEXT = (
    '{"blocks":[{"key":"a","type":"unstyled","text":"正文","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],'
    '"entityMap":{}}'
)


def url(model: str, name: str, *args) -> str:
    return reverse(f"wagtailsnippets_policies_{model}:{name}", args=args)


def listed(client) -> set[str]:
    response = client.get(url("policy", "list"))
    assert response.status_code == 200
    return {a.get_text(strip=True) for a in soup(response).select("table tbody a")} & set(
        Policy.objects.values_list("title", flat=True)
    )


def test_each_department_lists_its_own_documents_the_office_all(library):
    users = library.zone.users
    assert listed(logged_in_client(users["invest_editor"])) == {library.current.title, library.old.title}
    assert listed(logged_in_client(users["finance_head"])) == {library.repealed.title, library.draft.title}
    everything = {library.current.title, library.old.title, library.repealed.title, library.draft.title}
    assert listed(logged_in_client(users["reviewer"])) == everything
    assert listed(logged_in_client(users["office_editor"])) == everything


def test_the_list_filters_and_searches(library):
    client = logged_in_client(library.zone.users["admin"])
    by_category = client.get(url("policy", "list"), {"category": library.tax.pk})
    shown = {a.get_text(strip=True) for a in soup(by_category).select("table tbody a")}
    assert library.repealed.title in shown and library.current.title not in shown
    by_year = client.get(url("policy", "list"), {"year": "2016"})
    shown = {a.get_text(strip=True) for a in soup(by_year).select("table tbody a")}
    assert library.current.title in shown and library.old.title not in shown
    by_number = client.get(url("policy", "list"), {"q": "鄂政发"})
    shown = {a.get_text(strip=True) for a in soup(by_number).select("table tbody a")}
    assert shown & {library.repealed.title} and library.current.title not in shown
    by_validity = client.get(url("policy", "list"), {"validity": "amended"})
    assert library.old.title in by_validity.content.decode()


def test_another_departments_document_is_refused_server_side(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    other = library.repealed.pk
    assert client.get(url("policy", "edit", other)).status_code == 404
    assert client.post(url("policy", "edit", other), {"title": "改掉"}).status_code == 404
    assert client.post(url("policy", "delete", other)).status_code == 404
    assert Policy.objects.get(pk=other).title == library.repealed.title


def test_anonymous_and_a_plain_editor_are_refused(library, client):
    response = client.get(url("policy", "list"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    plain = Group.objects.create(name="没有部门的编辑")
    plain.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = logged_in_client(make_user("plain_editor", plain))
    assert_denied(outsider.get(url("policy", "list")))
    assert_denied(outsider.get(url("policy", "add")))
    assert outsider.post(url("policy", "edit", library.current.pk), {"title": "改掉"}).status_code in {403, 404, 302}
    assert Policy.objects.get(pk=library.current.pk).title == library.current.title


def test_categories_issuers_and_topics_are_the_offices(library):
    department = logged_in_client(library.zone.users["invest_editor"])
    for model in ("policycategory", "policyissuer", "policytopic"):
        assert_denied(department.get(url(model, "list")))
    assert_denied(department.post(url("policycategory", "add"), {"name": "新分类", "code": "99", "sort_order": 1}))
    assert not PolicyCategory.objects.filter(code="99").exists()
    office = logged_in_client(library.zone.users["reviewer"])
    assert office.get(url("policycategory", "list")).status_code == 200


def edit_form(client, policy: Policy):
    return admin_form(client.get(url("policy", "edit", policy.pk)), form_id="w-editor-form")


def errors_of(response) -> str:
    return " ".join(
        element.get_text(" ", strip=True) for element in soup(response).select(".error-message, .help-critical")
    )


def test_form_refuses_dates_out_of_order_keeping_the_input(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    data = edit_form(client, library.current)
    data["title"] = "改过的标题"
    data["effective_on"] = "2015-01-01"  # before 发布日期 2016-01-10
    response = client.post(url("policy", "edit", library.current.pk), data)
    assert response.status_code == 200
    assert "生效日期（2015-01-01）不能早于成文日期（2016-01-05）" in errors_of(response)
    assert 'value="改过的标题"' in response.content.decode()
    assert Policy.objects.get(pk=library.current.pk).title == library.current.title


def test_form_requires_the_replacement_of_an_amended_document(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    data = edit_form(client, library.current)
    data["validity"] = "amended"
    data["replaced_by"] = ""
    response = client.post(url("policy", "edit", library.current.pk), data)
    assert response.status_code == 200
    assert "有效性为“已修订”时，请选择修订后的文件" in errors_of(response)
    assert Policy.objects.get(pk=library.current.pk).validity == "valid"


def test_duplicate_doc_number_is_a_field_error_not_a_500(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    data = edit_form(client, library.current)
    data["doc_number"] = "鄂政发〔2015〕9号"  # the repealed document's, another department's
    response = client.post(url("policy", "edit", library.current.pk), data)
    assert response.status_code == 200
    assert "文号“鄂政发〔2015〕9号”已被《关于开发区税收返还的通知》使用" in errors_of(response)


def test_department_editor_adds_a_document_of_their_own_department(library):
    client = logged_in_client(library.zone.users["invest_editor"])
    add = url("policy", "add")
    offered = {option["value"] for option in soup(client.get(add)).select("select[name=department] option")}
    assert offered - {""} == {str(library.zone.departments["invest"].pk)}
    data = admin_form(client.get(add), form_id="w-editor-form")
    data.update(
        {
            "title": "新的优惠政策",
            "doc_number": "来开管发〔2016〕9号",
            "category": str(library.preferential.pk),
            "issued_on": "2016-06-01",
            "validity": "valid",
            "department": str(library.zone.departments["invest"].pk),
            "body": DRAFTAIL_TEXT,
        }
    )
    data.setlist("issuers", [str(library.committee.pk)])
    response = client.post(add, data)
    assert response.status_code == 302, errors_of(response)
    created = Policy.objects.get(title="新的优惠政策")
    assert created.department == library.zone.departments["invest"]
    assert list(created.issuers.all()) == [library.committee]
    assert created.index_number.endswith("-01-2016-00002")  # the second 2016 document of category 01
