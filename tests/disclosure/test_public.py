"""The public 信息公开 pages: the guide, the catalogue, annual reports; filing a request (errors per field
with everything kept, identity rules, attachments checked by content and size, 验证问题, resending, rate
limit), the receipt shown once, looking up with number and code, the correction and the answer."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from tests.factories import PDF_BYTES, shanghai
from tests.letters.test_public import solve
from tests.utils import soup, text_of
from zoneportal.disclosure.models import AnnualReport, DisclosureRequest, RequestFile
from zoneportal.disclosure.workflow import perform

from .conftest import CITIZEN

pytestmark = pytest.mark.django_db


def form_fields(response) -> dict:
    """The hidden fields of the request form and the answer to its question."""
    page = soup(response)
    form = page.find("form", class_="disclosure-form")
    fields = {tag["name"]: tag.get("value", "") for tag in form.find_all("input", type="hidden")}
    label = page.find("label", attrs={"for": "id_captcha_answer"}).get_text()
    fields["captcha_answer"] = solve(label.split("：", 1)[1])
    return fields


def request_post(client: Client, url: str, **overrides) -> dict:
    """A complete, valid request as the form page sends it (fresh token and question)."""
    data = {key: value for key, value in CITIZEN.items() if value}
    data.update(consent="on", **form_fields(client.get(url)))
    data.update(overrides)
    return data


def file_request(client: Client, page, **overrides):
    url = f"{page.url}shenqing/"
    return client.post(url, request_post(client, url, **overrides))


def receipt_codes(client: Client, page) -> tuple[str, str]:
    receipt = soup(client.get(f"{page.url}huizhi/"))
    return receipt.find(id="receipt-number").get_text(), receipt.find(id="receipt-code").get_text()


def test_the_guide_links_its_parts(client, disclosure_page):
    response = client.get(disclosure_page.url)
    assert response.status_code == 200
    text = text_of(response)
    assert "本机关主动公开和依申请公开政府信息" in text
    for route in ("mulu/", "nianbao/", "shenqing/", "chaxun/"):
        assert soup(response).find("a", href=f"{disclosure_page.url}{route}")


def test_the_catalogue_lists_disclosure_columns_with_counts(client, zone, disclosure_page):
    from zoneportal.portal.models import ColumnPage

    finance = zone.columns["finance"]
    ColumnPage.objects.filter(pk=finance.pk).update(column_type=ColumnPage.ColumnType.DISCLOSURE)
    response = client.get(f"{disclosure_page.url}mulu/")
    page = soup(response)
    category = page.find("a", href=f"{disclosure_page.url}mulu/{finance.pk}/")
    assert category is not None and category.get_text() == "财政预决算"
    assert "（1 条）" in text_of(response)
    assert page.find("a", string="2024年开发区财政预算公开")
    listing = client.get(f"{disclosure_page.url}mulu/{finance.pk}/")
    assert "2024年开发区财政预算公开" in text_of(listing)
    # A column that is no category (news) is not browsable here.
    assert client.get(f"{disclosure_page.url}mulu/{zone.columns['news'].pk}/").status_code == 404


def test_annual_report_shows_the_computed_table(client, disclosure_page):
    AnnualReport.objects.create(year=2026, summary="本年度依申请公开工作平稳有序。", is_published=True)
    AnnualReport.objects.create(year=2025, summary="草稿", is_published=False)
    for kind in ("disclosed", "refused"):
        from zoneportal.disclosure.submission import submit_request

        request = submit_request(dict(CITIZEN)).request
        DisclosureRequest.objects.filter(pk=request.pk).update(received_at=shanghai(2026, 3, 2))
        perform(request, "register")
        perform(request, "answer", answer_kind=kind, reply="答复", legal_basis="第十四条")
    listing = client.get(f"{disclosure_page.url}nianbao/")
    assert "2026年政府信息公开工作年度报告" in text_of(listing) and "2025" not in text_of(listing)
    response = client.get(f"{disclosure_page.url}nianbao/2026/")
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    table = soup(response).find(id="statistics-table")
    received = table.find("tr", attrs={"data-row": "received"})
    assert [cell.get_text() for cell in received.find_all("td")] == ["2", "0", "2"]
    assert table.find("tr", attrs={"data-row": "refused"}).find_all("td")[2].get_text() == "1"
    assert "本年度依申请公开工作平稳有序" in text_of(response)
    assert client.get(f"{disclosure_page.url}nianbao/2025/").status_code == 404


def test_filing_commits_before_the_receipt_which_shows_once(
    client, disclosure_page, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = file_request(client, disclosure_page)
    assert response.status_code == 302 and response["Location"].endswith("/huizhi/")
    stored = DisclosureRequest.objects.get()
    assert stored.name == "张三丰" and stored.id_number == "11010519491231002X" and stored.organisation == ""
    number, code = receipt_codes(client, disclosure_page)
    assert number == stored.tracking_number and re.fullmatch(r"[A-Z2-9]{8}", code)
    assert code not in response["Location"]
    assert "回执已显示过" in text_of(client.get(f"{disclosure_page.url}huizhi/"))
    assert any(number in message.text and code in message.text for message in sms_outbox)


def test_resending_the_form_makes_no_second_request(client, disclosure_page):
    url = f"{disclosure_page.url}shenqing/"
    data = request_post(client, url)
    client.post(url, data)
    first = receipt_codes(client, disclosure_page)
    client.post(url, data)
    assert receipt_codes(client, disclosure_page) == first
    assert DisclosureRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"applicant_kind": ""}, "applicant_kind", "请选择申请人类型"),
        ({"name": ""}, "name", "请填写姓名"),
        ({"id_number": ""}, "id_number", "公民申请请填写身份证号码"),
        ({"id_number": "110105194912310021"}, "id_number", "身份证号码不正确"),
        ({"applicant_kind": "organisation"}, "organisation", "请填写组织名称"),
        ({"applicant_kind": "organisation", "organisation": "某公司"}, "credit_code", "统一社会信用代码"),
        ({"phone": "12345"}, "phone", "请填写正确的手机号码"),
        ({"description": "征地"}, "description", "内容描述至少 10 字"),
        ({"description": "字" * 2001}, "description", "最多 2000 字"),
        ({"medium": ""}, "medium", "请选择信息的提供形式"),
        ({"delivery": "post", "address": ""}, "address", "选择邮寄的，请填写通信地址"),
        ({"delivery": "post", "postcode": "4457"}, "postcode", "邮政编码应为 6 位数字"),
        ({"delivery": "email", "email": ""}, "email", "选择电子邮件的，请填写电子邮箱"),
        ({"consent": ""}, "consent", "请阅读公开指南并勾选同意"),
        ({"captcha_answer": "999"}, "captcha_answer", "验证问题回答不正确"),
    ],
)
def test_bad_input_names_the_field_keeps_the_text_and_writes_nothing(
    client, disclosure_page, overrides, field, message
):
    response = file_request(client, disclosure_page, **overrides)
    assert response.status_code == 200
    page = soup(response)
    error = page.find(id=f"id_{field}_error")
    assert error is not None and message in error.get_text(), text_of(response)[:400]
    assert page.find(id="form-problems").find("a", href=re.compile(f"#id_{field}"))
    description = page.find("textarea", attrs={"name": "description"}).get_text()
    assert description.strip() == overrides.get("description", CITIZEN["description"])
    if field != "name":
        assert page.find("input", attrs={"name": "name"})["value"] == "张三丰"
    assert not DisclosureRequest.objects.exists()


def test_an_organisation_needs_no_identity_number(client, disclosure_page):
    response = file_request(
        client,
        disclosure_page,
        applicant_kind="organisation",
        id_number="",
        organisation="来凤县某某农业科技有限公司",
        credit_code="91422827ma4901234x",
        legal_representative="王五",
    )
    assert response.status_code == 302
    stored = DisclosureRequest.objects.get()
    assert stored.credit_code == "91422827MA4901234X" and stored.id_number == ""


def test_proof_of_identity_is_checked_by_content_and_size(client, disclosure_page):
    too_big = SimpleUploadedFile("id.pdf", PDF_BYTES + b"0" * (30 * 1024 * 1024), content_type="application/pdf")
    response = file_request(client, disclosure_page, proof=too_big)
    assert "超过 10 MB" in soup(response).find(id="id_proof_error").get_text()
    assert "重新选择身份证明" in text_of(response)
    disguised = SimpleUploadedFile("id.jpg", b"MZ\x90\x00\x03" + b"\x00" * 200, content_type="image/jpeg")
    response = file_request(client, disclosure_page, proof=disguised)
    assert "内容与扩展名不符" in soup(response).find(id="id_proof_error").get_text()
    assert not DisclosureRequest.objects.exists() and not RequestFile.objects.exists()
    good = SimpleUploadedFile("身份证.pdf", PDF_BYTES, content_type="application/pdf")
    assert file_request(client, disclosure_page, proof=good).status_code == 302
    stored = RequestFile.objects.get()
    assert stored.original_name == "身份证.pdf" and stored.role == RequestFile.Role.APPLICANT
    assert "身份证" not in stored.file.name


@override_settings(DISCLOSURE_RATE="1/h")
def test_the_rate_limit_keeps_the_text(client, disclosure_page):
    assert file_request(client, disclosure_page).status_code == 302
    response = file_request(client, disclosure_page, description="第二份申请：请公开2026年招商引资奖励兑现情况。")
    assert response.status_code == 429 and response["Retry-After"]
    assert "第二份申请" in soup(response).find("textarea", attrs={"name": "description"}).get_text()
    assert DisclosureRequest.objects.count() == 1


def test_look_up_with_number_and_code(client, disclosure_page, filed):
    number, code = filed.request.tracking_number, filed.query_code
    status_url = f"{disclosure_page.url}chaxun/{number}/"
    assert client.get(status_url)["Location"].startswith(f"{disclosure_page.url}chaxun/?number=")
    lookup = f"{disclosure_page.url}chaxun/"
    wrong = client.post(lookup, {"tracking_number": number, "query_code": "AAAAAAAA"})
    assert "申请编号或查询码不正确" in text_of(wrong)
    unknown = client.post(lookup, {"tracking_number": "GK20000101-0001", "query_code": code})
    assert "申请编号或查询码不正确" in text_of(unknown)
    response = client.post(lookup, {"tracking_number": number.lower(), "query_code": code.lower()})
    assert response["Location"] == status_url
    page = client.get(status_url)
    assert soup(page).find(id="status-state").get_text() == "待登记"
    assert filed.request.due_on.isoformat() in text_of(page)
    assert "收到申请" in soup(page).find(id="status-timeline").get_text()
    assert "no-cache" in page["Cache-Control"]


@override_settings(DISCLOSURE_LOOKUP_RATE="2/h")
def test_look_ups_are_rate_limited(client, disclosure_page, filed):
    lookup = f"{disclosure_page.url}chaxun/"
    for _attempt in range(2):
        client.post(lookup, {"tracking_number": filed.request.tracking_number, "query_code": "AAAAAAAA"})
    response = client.post(lookup, {"tracking_number": filed.request.tracking_number, "query_code": filed.query_code})
    assert response.status_code == 429


def test_the_applicant_sends_the_correction_and_reads_the_answer(client, disclosure_page, filed):
    request = filed.request
    perform(request, "register")
    perform(request, "ask_correction", note="请写明所需文件的文号。")
    client.post(
        f"{disclosure_page.url}chaxun/",
        {"tracking_number": request.tracking_number, "query_code": filed.query_code},
    )
    status_url = f"{disclosure_page.url}chaxun/{request.tracking_number}/"
    page = client.get(status_url)
    assert "请写明所需文件的文号" in text_of(page) and "暂停计时" in text_of(page)
    empty = client.post(status_url, {"text": ""})
    assert empty.status_code == 400 and "请填写补正内容" in text_of(empty)
    assert client.post(status_url, {"text": "来开管发〔2025〕3号"}).status_code == 302
    request.refresh_from_db()
    assert request.status == DisclosureRequest.Status.REGISTERED and request.correction_text == "来开管发〔2025〕3号"
    # Sent again from an old page: refused with a message, nothing changes.
    client.post(status_url, {"text": "再次补正"})
    request.refresh_from_db()
    assert request.correction_text == "来开管发〔2025〕3号"
    perform(request, "answer", answer_kind="disclosed", reply="现将补偿标准提供如下。")
    page = client.get(status_url)
    assert soup(page).find(id="answer-kind").get_text().startswith("予以公开")
    assert "现将补偿标准提供如下" in soup(page).find(id="answer-text").get_text()


def test_reply_files_only_for_the_session_that_looked_up(client, disclosure_page, filed):
    request = filed.request
    perform(request, "register")
    perform(
        request,
        "answer",
        answer_kind="disclosed",
        reply="见附件。",
        files=[SimpleUploadedFile("补偿标准.pdf", PDF_BYTES, content_type="application/pdf")],
    )
    item = RequestFile.objects.get(role=RequestFile.Role.REPLY)
    url = f"{disclosure_page.url}chaxun/{request.tracking_number}/wenjian/{item.pk}/"
    assert Client().get(url).status_code == 302  # to the look-up
    client.post(
        f"{disclosure_page.url}chaxun/", {"tracking_number": request.tracking_number, "query_code": filed.query_code}
    )
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_new_report_shows_on_the_cached_pages(client, disclosure_page, django_capture_on_commit_callbacks):
    from zoneportal.portal.page_cache import current_generation

    client.get(f"{disclosure_page.url}nianbao/")
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        AnnualReport.objects.create(year=2024, summary="总体情况。", is_published=True)
    assert current_generation() != before
    assert "2024年政府信息公开工作年度报告" in text_of(client.get(f"{disclosure_page.url}nianbao/"))


def test_a_deleted_request_takes_its_files(client, disclosure_page, django_capture_on_commit_callbacks):
    file_request(client, disclosure_page, proof=SimpleUploadedFile("证件.pdf", PDF_BYTES))
    item = RequestFile.objects.get()
    storage, name = item.file.storage, item.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        item.request.delete()
    assert not storage.exists(name)
