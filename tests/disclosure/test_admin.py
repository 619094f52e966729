"""依申请公开 in the back office: only the office sees anything (403 for departments and in every view),
the listing's flags, every step through the request page, refused steps keeping the typed text, files kept
from the public, the statistics and their .xlsx, annual reports, the dashboard panel and the menu."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import PDF_BYTES
from tests.letters.test_inbox import sidebar_labels
from tests.utils import logged_in_client, soup, text_of
from zoneportal.core.workdays import add_working_days
from zoneportal.disclosure.models import AnnualReport, DisclosureRequest, RequestFile
from zoneportal.disclosure.submission import submit_request
from zoneportal.disclosure.workflow import perform

from .conftest import CITIZEN

pytestmark = pytest.mark.django_db

S = DisclosureRequest.Status


def detail_url(request: DisclosureRequest) -> str:
    return reverse("disclosure_requests:detail", args=[request.pk])


def post_step(client, request: DisclosureRequest, step: str, files=None, **fields):
    data = {"step": step, **{f"{step}-{name}": value for name, value in fields.items()}}
    if files:
        data[f"{step}-files"] = files
    return client.post(detail_url(request), data)


@pytest.fixture
def office(zone):
    return logged_in_client(zone.users["reviewer"])


def test_only_the_office_sees_requests(zone, filed):
    urls = [
        reverse("disclosure_requests:index"),
        detail_url(filed.request),
        reverse("disclosure_requests:statistics"),
        reverse("disclosure_reports:index"),
    ]
    for username in ("invest_editor", "invest_head", "finance_head"):
        client = logged_in_client(zone.users[username])
        for url in urls:
            assert client.get(url).status_code == 403, (username, url)
        assert client.post(detail_url(filed.request), {"step": "register"}).status_code == 403
        assert "依申请公开" not in sidebar_labels(client.get(reverse("wagtailadmin_home")))
    filed.request.refresh_from_db()
    assert filed.request.status == S.SUBMITTED
    for username in ("reviewer", "office_editor", "admin"):
        client = logged_in_client(zone.users[username])
        assert client.get(urls[0]).status_code == 200
        assert "依申请公开" in sidebar_labels(client.get(reverse("wagtailadmin_home")))


def test_the_listing_flags_overdue_and_near(office):
    today = timezone.localdate()
    late = submit_request(dict(CITIZEN)).request
    DisclosureRequest.objects.filter(pk=late.pk).update(due_on=add_working_days(today, -2))
    near = submit_request(dict(CITIZEN)).request
    DisclosureRequest.objects.filter(pk=near.pk).update(due_on=add_working_days(today, 2))
    calm = submit_request(dict(CITIZEN)).request
    response = office.get(reverse("disclosure_requests:index"))
    page = soup(response)
    assert "已超期1件，5个工作日内到期1件" in page.find(id="disclosure-flags").get_text("", strip=True).replace(" ", "")
    assert page.find(attrs={"data-flag": "overdue"}).get_text() == "已超期 2 个工作日"
    assert page.find(attrs={"data-flag": "near"}).get_text() == "临近期限：剩 2 个工作日"
    overdue_only = office.get(reverse("disclosure_requests:index") + "?deadline=overdue")
    assert late.tracking_number in text_of(overdue_only) and calm.tracking_number not in text_of(overdue_only)
    near_only = office.get(reverse("disclosure_requests:index") + "?deadline=near")
    assert near.tracking_number in text_of(near_only) and late.tracking_number not in text_of(near_only)


def test_every_step_through_the_request_page(office, filed, sms_outbox, django_capture_on_commit_callbacks):
    request = filed.request
    page = office.get(detail_url(request))
    assert [form["id"] for form in soup(page).select("#request-steps form")] == ["step-register"]
    assert "11010519491231002X" in text_of(page)  # staff see the identity; the public never does
    assert post_step(office, request, "register").status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        post_step(office, request, "ask_correction", note="请写明文号。")
    assert any("需要补正" in message.text for message in sms_outbox)
    post_step(office, request, "record_correction", note="来开管发〔2025〕3号")
    post_step(office, request, "start_consultation", consultation_party="某某公司")
    post_step(office, request, "finish_consultation", note="第三方不同意公开其报价。")
    post_step(office, request, "extend", extension_days="5", extension_approver="主任 王某", note="需调档。")
    response = post_step(
        office,
        request,
        "answer",
        answer_kind="partial",
        legal_basis="《条例》第十五条：涉及商业秘密的部分不予公开。",
        reply="现将可以公开的部分提供如下。",
        files=SimpleUploadedFile("答复.pdf", PDF_BYTES, content_type="application/pdf"),
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == S.ANSWERED and request.extension_days == 5
    assert RequestFile.objects.filter(request=request, role=RequestFile.Role.REPLY).count() == 1
    log = soup(office.get(detail_url(request))).find(id="request-log").get_text()
    for label in ("登记", "告知补正", "收到补正", "征求第三方意见", "收到第三方意见", "延长答复期限", "答复"):
        assert label in log
    assert request.events.exclude(action="receive").filter(actor__isnull=True).count() == 0


def test_a_refused_step_keeps_the_typed_text(office, filed):
    request = filed.request
    perform(request, "register")
    # The form is fine but the step is missing its legal basis: the form says so next to the field.
    response = post_step(office, request, "answer", answer_kind="refused", reply="不予公开。我写了很长的答复。")
    assert response.status_code == 200
    form = soup(response).find(id="step-answer")
    assert "须写明法律依据和理由" in form.get_text()
    assert "我写了很长的答复" in form.find("textarea", attrs={"name": "answer-reply"}).get_text()
    # Someone answered meanwhile: the step is refused (409) and the text shown to copy.
    perform(request, "answer", answer_kind="disclosed", reply="已公开。")
    response = post_step(office, request, "extend", extension_days="5", extension_approver="主任", note="我的理由")
    assert response.status_code == 409
    assert "不能执行" in text_of(response)
    assert "我的理由" in soup(response).find(id="request-failed-text").get_text()
    request.refresh_from_db()
    assert request.extension_days == 0


def test_bad_step_input_is_named(office, filed):
    request = filed.request
    perform(request, "register")
    response = post_step(office, request, "extend", extension_days="30", extension_approver="", note="")
    form = soup(response).find(id="step-extend")
    text = form.get_text()
    assert "最长不超过 20 个工作日" in text and "请填写批准延长的负责人" in text and "请填写延长答复期限的理由" in text
    disguised = SimpleUploadedFile("答复.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    response = post_step(office, request, "answer", answer_kind="disclosed", reply="见附件", files=disguised)
    assert "内容与扩展名不符" in soup(response).find(id="step-answer").get_text()
    request.refresh_from_db()
    assert request.status == S.REGISTERED and not RequestFile.objects.exists()


def test_files_are_served_to_the_office_only(zone, office, disclosure_page, client):
    from tests.disclosure.test_public import file_request

    file_request(client, disclosure_page, proof=SimpleUploadedFile("证件.pdf", PDF_BYTES))
    item = RequestFile.objects.get()
    url = reverse("disclosure_requests:file", args=[item.request_id, item.pk])
    response = office.get(url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert logged_in_client(zone.users["invest_head"]).get(url).status_code == 403
    assert not item.file.path.startswith(str(settings.MEDIA_ROOT))


def test_statistics_and_their_workbook(office):
    request = submit_request(dict(CITIZEN)).request
    perform(request, "register")
    perform(request, "answer", answer_kind="nonexistent", reply="本机关未制作该信息。")
    year = timezone.localdate().year
    page = office.get(reverse("disclosure_requests:statistics") + f"?year={year}")
    row = soup(page).find("tr", attrs={"data-row": "nonexistent"})
    assert [cell.get_text() for cell in row.find_all("td")] == ["1", "0", "1"]
    workbook = office.get(reverse("disclosure_requests:statistics") + f"?year={year}&format=xlsx")
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=3, values_only=True) if r[0]}
    assert rows["一、本年新收政府信息公开申请数量"] == (1, 0, 1)
    assert rows["（四）信息不存在"] == (1, 0, 1)
    assert office.get(reverse("disclosure_requests:statistics") + "?year=abc").status_code == 200


def test_annual_reports_are_the_offices(zone, office):
    response = office.post(
        reverse("disclosure_reports:add"),
        {"year": "2025", "summary": "总体情况。", "proactive": "", "problems": "", "is_published": "on"},
    )
    assert response.status_code == 302
    assert AnnualReport.objects.get(year=2025).is_published
    head = logged_in_client(zone.users["invest_head"])
    assert head.get(reverse("disclosure_reports:add")).status_code == 403


def test_dashboard_panel_and_menu_count(zone, office):
    assert "依申请公开期限提醒" not in text_of(office.get(reverse("wagtailadmin_home")))
    late = submit_request(dict(CITIZEN)).request
    DisclosureRequest.objects.filter(pk=late.pk).update(due_on=add_working_days(timezone.localdate(), -1))
    home = office.get(reverse("wagtailadmin_home"))
    panel = soup(home).find(id="disclosure-deadlines") or soup(home).find(id="disclosure-deadlines-content")
    assert panel is not None and late.tracking_number in panel.get_text()
    assert "申请办理（1）" in sidebar_labels(home)
    head_home = logged_in_client(zone.users["invest_head"]).get(reverse("wagtailadmin_home"))
    assert "依申请公开期限提醒" not in text_of(head_home)
