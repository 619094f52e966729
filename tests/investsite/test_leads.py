"""The inquiry form in every language, and the leads it feeds in the back office."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.investsite.conftest import INVEST_HOST
from tests.utils import logged_in_client, soup
from zoneportal.investment.models import Project, Stage
from zoneportal.investsite.leads import convert_to_project
from zoneportal.investsite.models import InvestorLead

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Anna Weber",
    "company": "Weber Baustoffe GmbH",
    "country": "Germany",
    "email": "anna@example.com",
    "industry": "Building materials",
    "planned_investment": "two million euros",
    "message": "We look for a plant site.",
}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def post(client, path: str, data: dict):
    return client.post(path, data, headers={"host": INVEST_HOST})


def test_english_inquiry_becomes_a_lead_with_a_tracking_number(invest, client):
    response = post(client, "/en/contact/", GOOD)
    assert response.status_code == 302
    lead = InvestorLead.objects.get()
    assert (lead.language, lead.status, lead.department) == ("en", "new", invest.zone.departments["invest"])
    assert response["Location"].endswith(f"/en/contact/?sent={lead.tracking_number}#inquiry")
    thanks = client.get(response["Location"], headers={"host": INVEST_HOST})
    assert lead.tracking_number in soup(thanks).select_one(".tracking-number").get_text()
    assert "Your inquiry has been received" in soup(thanks).get_text()
    # A made-up number is not confirmed.
    made_up = client.get("/en/contact/?sent=ZS-20260101-000000", headers={"host": INVEST_HOST})
    assert not soup(made_up).select(".tracking-number")


def test_a_new_lead_is_mailed_to_its_departments_staff_after_the_commit(
    invest, client, mailoutbox, django_capture_on_commit_callbacks
):
    zone = invest.zone
    inactive = zone.users["invest_editor"].__class__.objects.create_user("gone", email="gone@zone.test")
    inactive.is_active = False
    inactive.save()
    inactive.groups.add(zone.departments["invest"].editors_group)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert post(client, "/en/contact/", GOOD).status_code == 302
    assert mailoutbox == []  # nothing before the lead is committed
    for callback in callbacks:
        callback()
    lead = InvestorLead.objects.get()
    # The department's editor and head, in Chinese; not the inactive one, not another department's staff.
    assert sorted(address for message in mailoutbox for address in message.to) == [
        "invest_editor@zone.test",
        "invest_head@zone.test",
    ]
    message = mailoutbox[0]
    assert message.subject == "新的投资线索：Weber Baustoffe GmbH"
    assert lead.tracking_number in message.body and "We look for a plant site." in message.body
    assert f"/admin/snippets/investsite/investorlead/edit/{lead.pk}/" in message.body
    # A refused form stores nothing and mails nobody.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert post(client, "/en/contact/", {**GOOD, "email": "not-an-address"}).status_code == 400
    assert callbacks == [] and mailoutbox == []


def test_errors_speak_the_page_language_and_keep_the_input(invest, client):
    english = post(client, "/en/contact/", {**GOOD, "email": "not-an-address"})
    assert english.status_code == 400
    page = soup(english)
    assert "Enter a valid email address." in page.select_one("#id_email-error").get_text()
    assert page.select_one("#id_company")["value"] == "Weber Baustoffe GmbH"
    assert page.select_one("label[for=id_company]").get_text(strip=True).startswith("Company")
    russian = post(client, "/ru/contact/", {**GOOD, "email": "", "phone": ""})
    assert russian.status_code == 400
    page = soup(russian)
    assert "электронн" in page.select_one("#id_email-error").get_text()
    assert page.select_one("#id_message").get_text().strip() == GOOD["message"]
    assert not InvestorLead.objects.exists()


def test_inquiries_are_rate_limited(invest, client, settings):
    settings.INVESTOR_INQUIRY_RATE = "2/h"
    assert post(client, "/en/contact/", GOOD).status_code == 302
    assert post(client, "/en/contact/", GOOD).status_code == 302
    refused = post(client, "/en/contact/", GOOD)
    assert refused.status_code == 429
    assert soup(refused).select_one("#id_company")["value"] == GOOD["company"]
    assert InvestorLead.objects.count() == 2


def test_csrf_is_required(invest):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/contact/", GOOD, headers={"host": INVEST_HOST})
    assert response.status_code == 403
    assert not InvestorLead.objects.exists()


def make_lead(invest, **fields) -> InvestorLead:
    values = {**GOOD, "language": "en", "department": invest.zone.departments["invest"], **fields}
    return InvestorLead.objects.create(**values)


def test_convert_to_project_creates_a_negotiating_project_once(invest):
    lead = make_lead(invest)
    editor = invest.zone.users["invest_editor"]
    project = convert_to_project(lead, editor)
    lead.refresh_from_db()
    assert (project.stage, project.investor, project.department) == (
        Stage.NEGOTIATING,
        GOOD["company"],
        lead.department,
    )
    assert (lead.status, lead.project, lead.owner) == ("converted", project, editor)
    assert ModelLogEntry.objects.filter(object_id=str(lead.pk), action="investsite.lead.convert").exists()
    with pytest.raises(Exception, match="已转为项目"):
        convert_to_project(lead, editor)
    invalid = make_lead(invest, status="invalid")
    with pytest.raises(Exception, match="无效线索"):
        convert_to_project(invalid, editor)
    assert Project.objects.count() == 1


def test_back_office_convert_and_who_sees_leads(invest):
    lead = make_lead(invest)
    viewset = InvestorLead.snippet_viewset
    listing = reverse(viewset.get_url_name("list"))
    editor = logged_in_client(invest.zone.users["invest_editor"])
    assert GOOD["company"] in editor.get(listing).content.decode()
    convert = reverse(viewset.get_url_name("convert"), args=[lead.pk])
    assert editor.get(convert).status_code == 200
    response = editor.post(convert)
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.status == "converted" and lead.project.stage == Stage.NEGOTIATING
    # 国土建设分局 sees no leads: the list is refused and a lead's page is not found.
    land = logged_in_client(invest.zone.users["guotu_editor"])
    assert land.get(listing).status_code in (302, 403)
    assert land.get(reverse(viewset.get_url_name("edit"), args=[lead.pk])).status_code in (302, 403, 404)
    assert land.post(convert).status_code == 404
    office = logged_in_client(invest.zone.users["reviewer"])
    assert GOOD["company"] in office.get(listing).content.decode()


def test_chinese_contact_page_has_the_form_in_chinese(invest, client):
    page = client.get("/lianxiwomen/", headers={"host": INVEST_HOST})
    assert page.status_code == 200, page.content[:300]
    chinese = post(client, "/lianxiwomen/", {**GOOD, "email": "", "phone": ""})
    assert chinese.status_code == 400
    assert "请填写电子邮箱或电话" in soup(chinese).select_one("#id_email-error").get_text()


def test_a_follow_up_is_logged_with_its_author_and_the_status_changes(invest):
    from tests.investment.test_admin import add_row, posted
    from tests.utils import admin_form

    lead = make_lead(invest)
    editor_user = invest.zone.users["invest_editor"]
    editor = logged_in_client(editor_user)
    edit = reverse(InvestorLead.snippet_viewset.get_url_name("edit"), args=[lead.pk])
    data = admin_form(editor.get(edit), "w-editor-form")
    data["status"] = "following"
    add_row(data, "follow_ups", date="2026-12-07", note="电话联系，下月来区考察")
    response = editor.post(edit, posted(data))
    assert response.status_code == 302, response.content.decode()[:2000]
    lead.refresh_from_db()
    assert lead.status == "following"
    follow_up = lead.follow_ups.get()
    assert (follow_up.who, follow_up.note) == (editor_user, "电话联系，下月来区考察")
    assert ModelLogEntry.objects.filter(object_id=str(lead.pk), action="wagtail.edit").exists()
