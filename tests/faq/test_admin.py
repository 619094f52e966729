"""The back office: each department sees and edits its own FAQ entries only; the office sees all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.utils import admin_form, logged_in_client, soup
from zoneportal.faq.models import FaqEntry

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_faq_faqentry:{name}", args=args)


def listed(client) -> set[str]:
    """The questions of the test zone that the listing shows."""
    response = client.get(url("list"))
    assert response.status_code == 200
    shown = {a.get_text(strip=True) for a in soup(response).select("table tbody a")}
    return shown & {entry.question for entry in FaqEntry.objects.all()}


def test_listing_per_department(faq):
    users = faq.zone.users
    invest = listed(logged_in_client(users["invest_editor"]))
    assert faq.invest_entry.question in invest and faq.draft_entry.question in invest
    assert faq.finance_entry.question not in invest
    assert listed(logged_in_client(users["finance_head"])) == {faq.finance_entry.question}
    everything = {faq.invest_entry.question, faq.finance_entry.question, faq.draft_entry.question}
    assert listed(logged_in_client(users["reviewer"])) == everything
    assert listed(logged_in_client(users["admin"])) == everything


def test_other_departments_entry_is_refused(faq):
    client = logged_in_client(faq.zone.users["invest_editor"])
    other = faq.finance_entry.pk
    assert client.get(url("edit", other)).status_code == 404
    assert client.post(url("edit", other), {"question": "改掉", "answer": "改掉"}).status_code == 404
    assert client.post(url("delete", other)).status_code == 404
    assert client.get(url("history", other)).status_code == 404
    entry = FaqEntry.objects.get(pk=other)
    assert entry.question == faq.finance_entry.question


def test_editor_edits_own_entry_and_cannot_move_it_to_another_department(faq):
    client = logged_in_client(faq.zone.users["invest_editor"])
    edit = url("edit", faq.draft_entry.pk)
    data = admin_form(client.get(edit), form_id="w-editor-form")
    offered = {
        option["value"] for option in soup(client.get(edit)).select("select[name=department] option") if option["value"]
    }
    assert offered == {str(faq.zone.departments["invest"].pk)}
    data["department"] = str(faq.zone.departments["finance"].pk)
    refused = client.post(edit, data)
    assert refused.status_code == 200  # the form again, with the error
    assert FaqEntry.objects.get(pk=faq.draft_entry.pk).department_id == faq.zone.departments["invest"].pk
    data["department"] = str(faq.zone.departments["invest"].pk)
    data["published"] = "on"
    assert client.post(edit, data).status_code == 302
    assert FaqEntry.objects.get(pk=faq.draft_entry.pk).published


def test_editor_adds_an_entry_for_own_department(faq):
    client = logged_in_client(faq.zone.users["finance_editor"])
    data = admin_form(client.get(url("add")), form_id="w-editor-form")
    assert data["department"] == str(faq.zone.departments["finance"].pk)  # the only choice, chosen already
    data.update({"question": "财政补贴怎样申请？", "answer": "向财政分局提交申请表。"})
    assert client.post(url("add"), data).status_code == 302
    entry = FaqEntry.objects.get(question="财政补贴怎样申请？")
    assert entry.department == faq.zone.departments["finance"]
    assert entry.created_by == faq.zone.users["finance_editor"]
    assert not entry.published


def test_office_edits_any_department(faq):
    client = logged_in_client(faq.zone.users["reviewer"])
    assert client.get(url("edit", faq.finance_entry.pk)).status_code == 200
    assert client.get(url("edit", faq.invest_entry.pk)).status_code == 200
