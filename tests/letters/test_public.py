"""The public letter pages: writing (errors, attachments, 验证问题, consent, resending, rate limit),
the receipt, looking a letter up, rating and reopening, the published letters and their search entries."""

from __future__ import annotations

import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import PDF_BYTES, add_page, png_bytes
from tests.utils import soup, text_of
from zoneportal.letters import captcha
from zoneportal.letters.models import Letter, LetterCategory, Mailbox
from zoneportal.letters.pages import MailboxIndexPage
from zoneportal.letters.search import all_entries, entries_for
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform
from zoneportal.portal.models import ColumnPage
from zoneportal.search.index import index_entries

pytestmark = pytest.mark.django_db

NOT_FOUND = "信件编号或查询码不正确"


@pytest.fixture
def letters_page(zone, mailbox) -> MailboxIndexPage:
    """互动交流 › 领导信箱 in the test zone, with a second mailbox answered by another department."""
    column = add_page(
        zone.home,
        ColumnPage(title="互动交流", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION, show_in_menus=True),
    )
    complaints = Mailbox.objects.create(
        slug="tousu", name="投诉信箱", department=zone.departments["invest"], reply_days=10, sort_order=2
    )
    LetterCategory.objects.create(mailbox=complaints, name="企业服务")
    return add_page(column, MailboxIndexPage(title="领导信箱", slug="xinxiang", department=zone.departments["office"]))


def solve(question: str) -> str:
    """The answer to a 验证问题 such as 七加五等于多少？"""
    match = re.match(r"(.+?)([加减])(.+?)等于多少", question)
    first, second = captcha.parse_number(match.group(1)), captcha.parse_number(match.group(3))
    return str(first + second if match.group(2) == "加" else first - second)


def form_fields(response) -> dict:
    """The hidden fields of the letter form on ``response`` and the answer to its question."""
    page = soup(response)
    form = page.find("form", class_="letter-form")
    fields = {tag["name"]: tag.get("value", "") for tag in form.find_all("input", type="hidden")}
    label = page.find("label", attrs={"for": "id_captcha_answer"}).get_text()
    fields["captcha_answer"] = solve(label.split("：", 1)[1])
    return fields


def letter_post(client: Client, url: str, **overrides) -> dict:
    """A complete, valid letter as the form page would send it (fresh token and question)."""
    data = {
        "subject": "园区道路照明不足",
        "content": "工业园区北路夜间路灯损坏多日，企业职工下班出行不便，请尽快维修。",
        "name": "张三丰",
        "phone": "13800001234",
        "email": "zhang@example.org",
        "is_public": "1",
        "consent": "on",
        **form_fields(client.get(url)),
    }
    data.update(overrides)
    return data


def write_url(page: MailboxIndexPage, slug: str = "director") -> str:
    return f"{page.url}{slug}/"


def replied(letter: Letter, text: str = "经核实，已安排维修路灯，现已恢复照明。", publish: bool = True) -> Letter:
    """Take ``letter`` through the workflow to 已答复 (and publish it), as staff would."""
    perform(letter, "accept")
    perform(letter, "direct")
    perform(letter, "submit_reply", draft_reply=text)
    perform(letter, "approve_reply")
    if publish:
        Letter.objects.filter(pk=letter.pk).update(is_published=True)
    letter.refresh_from_db()
    return letter


# ---------------------------------------------------------------- choosing and writing


def test_the_index_lists_the_mailboxes_and_links_their_forms(client, letters_page):
    response = client.get(letters_page.url)
    assert response.status_code == 200
    links = {a["href"] for a in soup(response).find_all("a")}
    assert write_url(letters_page) in links and write_url(letters_page, "tousu") in links
    assert client.get(write_url(letters_page, "nope")).status_code == 404


def test_a_letter_is_committed_then_the_receipt_shows_number_and_code_once(
    client, letters_page, sms_outbox, django_capture_on_commit_callbacks
):
    url = write_url(letters_page)
    data = letter_post(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == f"{letters_page.url}huizhi/"
    letter = Letter.objects.get()
    assert letter.subject == "园区道路照明不足" and letter.is_public and letter.name == "张三丰"

    receipt = client.get(response["Location"])
    number = soup(receipt).find(id="receipt-number").get_text()
    code = soup(receipt).find(id="receipt-code").get_text()
    assert number == letter.tracking_number and "请记下" in text_of(receipt)
    assert code not in response["Location"]
    assert number in sms_outbox[0].text and code in sms_outbox[0].text  # the writer is told too
    assert "private" in receipt["Cache-Control"] and "no-store" in receipt["Cache-Control"]
    # Shown once: a reload no longer has the code.
    again = client.get(response["Location"])
    assert code not in again.content.decode() and "只显示一次" in text_of(again)


def test_no_letter_page_comes_from_the_page_cache(letters_page, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = write_url(letters_page)
    first, second = Client().get(url), Client().get(url)
    assert form_fields(first)["submission_token"] != form_fields(second)["submission_token"]
    for path in ("", "chaxun/", "gongkai/"):
        response = Client().get(f"{letters_page.url}{path}")
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_errors_are_shown_per_field_in_chinese_and_everything_typed_is_kept(client, letters_page):
    url = write_url(letters_page)
    typed = "夜里路灯不亮 <script>alert('x')</script> 😀 请处理一下，谢谢！"
    data = letter_post(client, url, name="", phone="12345", email="", content=typed, is_public="")
    response = client.post(url, data)
    assert response.status_code == 200 and not Letter.objects.exists()
    page = soup(response)
    phone = page.find(id="id_phone")
    assert phone["value"] == "12345" and phone["aria-invalid"] == "true"
    assert "id_phone_error" in phone["aria-describedby"]
    assert "请填写正确的手机号码" in page.find(id="id_phone_error").get_text()
    assert "请选择是否同意公开" in page.find(id="id_is_public_error").get_text()
    # The content comes back as typed (escaped, emoji intact) and the subject too.
    assert page.find(id="id_content").get_text().lstrip("\n") == typed  # a browser drops the first newline
    assert "<script>alert" not in response.content.decode()
    assert page.find(id="id_subject")["value"] == "园区道路照明不足"
    # The answered question stays answered: only wrong answers are asked again.
    assert page.find(id="id_captcha_answer")["value"] == data["captcha_answer"]
    assert page.find(id="form-problems") is not None


def test_twenty_thousand_characters_are_refused_with_the_count(client, letters_page):
    url = write_url(letters_page)
    response = client.post(url, letter_post(client, url, content="字" * 20_000))
    assert "现有 20000 字" in soup(response).find(id="id_content_error").get_text()
    assert not Letter.objects.exists()


def test_script_is_stored_as_typed_and_shown_escaped_with_emoji(client, letters_page):
    url = write_url(letters_page)
    typed = "<script>alert('x')</script> 路灯不亮已经一周了 😀"
    client.post(url, letter_post(client, url, content=typed))
    letter = Letter.objects.get()
    assert letter.content == typed
    replied(letter)
    response = client.get(f"{letters_page.url}gongkai/{letter.tracking_number}/")
    html = response.content.decode()
    assert "&lt;script&gt;alert(" in html and "<script>alert(" not in html and "😀" in html


# ---------------------------------------------------------------- attachments


def test_images_and_pdfs_are_stored_with_the_letter(client, letters_page):
    url = write_url(letters_page)
    files = [
        SimpleUploadedFile("现场照片.png", png_bytes(), content_type="image/png"),
        SimpleUploadedFile("说明.pdf", PDF_BYTES, content_type="application/pdf"),
    ]
    response = client.post(url, {**letter_post(client, url), "attachments": files})
    assert response.status_code == 302
    attachments = list(Letter.objects.get().attachments.all())
    assert [a.original_name for a in attachments] == ["现场照片.png", "说明.pdf"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("照片.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "内容与扩展名不符"),  # a program renamed .jpg
        ("照片.png", png_bytes()[:40] + b"\x00" * 100, "内容与扩展名不符"),  # a PNG header on a broken body
        ("程序.exe", b"MZ\x90\x00" + b"\x00" * 100, "文件类型不允许"),
        ("网页.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "内容与扩展名不符"),
    ],
)
def test_attachments_are_checked_by_content(client, letters_page, name, content, message):
    url = write_url(letters_page)
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(url, {**letter_post(client, url), "attachments": [upload]})
    assert response.status_code == 200 and not Letter.objects.exists()
    page = soup(response)
    assert message in page.find(id="id_attachments_error").get_text()
    # Browsers never keep chosen files: the page says to choose them again.
    assert "重新选择附件" in text_of(response)
    assert page.find(id="id_subject")["value"] == "园区道路照明不足"


def test_at_most_three_attachments_of_at_most_ten_megabytes(client, letters_page):
    url = write_url(letters_page)
    four = [SimpleUploadedFile(f"{n}.pdf", PDF_BYTES, content_type="application/pdf") for n in range(4)]
    response = client.post(url, {**letter_post(client, url), "attachments": four})
    assert "最多上传 3 个附件，您选择了 4 个" in text_of(response)
    huge = SimpleUploadedFile("大.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    response = client.post(url, {**letter_post(client, url), "attachments": [huge]})
    assert "超过 10 MB" in text_of(response)
    assert not Letter.objects.exists()


# ---------------------------------------------------------------- 验证问题, consent, resending, rate


def test_a_wrong_answer_is_refused_and_a_new_question_asked(client, letters_page):
    url = write_url(letters_page)
    data = letter_post(client, url)
    data["captcha_answer"] = str(int(data["captcha_answer"]) + 1)
    response = client.post(url, data)
    page = soup(response)
    assert "验证问题回答不正确" in page.find(id="id_captcha_answer_error").get_text()
    token = page.find("input", attrs={"name": "captcha_token"})["value"]
    assert token != data["captcha_token"]
    # The question shown is the new token's: answering it is accepted.
    assert captcha.challenge_from(token).question in page.find("label", attrs={"for": "id_captcha_answer"}).get_text()
    assert page.find(id="id_captcha_answer").get("value", "") == ""
    assert not Letter.objects.exists()
    # Chinese numerals and full-width digits are answers too.
    assert captcha.parse_number("十二") == 12 and captcha.parse_number("１２") == 12


def test_a_question_answers_one_letter_only_and_expires(client, letters_page):
    url = write_url(letters_page)
    data = letter_post(client, url)
    assert client.post(url, data).status_code == 302
    # Another form (another submission token) cannot reuse the answered question.
    other = {**data, "submission_token": form_fields(client.get(url))["submission_token"]}
    response = client.post(url, other)
    assert "验证问题已使用过" in text_of(response) and Letter.objects.count() == 1
    # A question older than its lifetime is refused.
    fresh = letter_post(client, url)
    with mock.patch("time.time", return_value=time.time() + captcha.MAX_AGE_SECONDS + 5):
        response = client.post(url, fresh)
    assert "验证问题已过期" in text_of(response) and Letter.objects.count() == 1


def test_a_forged_question_token_is_refused(client, letters_page):
    url = write_url(letters_page)
    forged = signing.dumps({"n": "x", "q": "一加一等于多少？", "h": "0" * 32}, salt="wrong")
    response = client.post(url, letter_post(client, url, captcha_token=forged, captcha_answer="2"))
    assert "验证问题" in soup(response).find(id="id_captcha_answer_error").get_text()
    assert not Letter.objects.exists()


def test_the_bypass_is_off_by_default_and_only_drops_the_question(client, letters_page, settings):
    # The test run sets no LETTER_CAPTCHA_BYPASS: this is the default every installation gets.
    assert settings.LETTER_CAPTCHA_BYPASS is False
    settings.LETTER_CAPTCHA_BYPASS = True
    url = write_url(letters_page)
    page = client.get(url)
    assert soup(page).find(id="id_captcha_answer") is None
    fields = {tag["name"]: tag.get("value", "") for tag in soup(page).select("form.letter-form input[type=hidden]")}
    response = client.post(
        url,
        {
            **fields,
            "subject": "免验证的信",
            "content": "基准测试时关闭验证问题，其余检查照旧。",
            "name": "王五",
            "phone": "13800001111",
            "is_public": "0",
            "consent": "on",
        },
    )
    assert response.status_code == 302 and Letter.objects.get().subject == "免验证的信"


def test_consent_is_required(client, letters_page):
    url = write_url(letters_page)
    data = letter_post(client, url)
    del data["consent"]
    response = client.post(url, data)
    assert "请阅读来信须知并勾选同意" in soup(response).find(id="id_consent_error").get_text()
    assert not Letter.objects.exists()


def test_sending_the_same_form_twice_makes_one_letter_with_the_same_number_and_code(client, letters_page):
    url = write_url(letters_page)
    data = letter_post(client, url)
    first = client.post(url, data)
    first_receipt = soup(client.get(first["Location"]))
    second = client.post(url, data)
    second_receipt = soup(client.get(second["Location"]))
    assert Letter.objects.count() == 1
    for element in ("receipt-number", "receipt-code"):
        assert first_receipt.find(id=element).get_text() == second_receipt.find(id=element).get_text()


def test_over_the_rate_a_chinese_429_keeps_the_text(client, letters_page, settings):
    settings.LETTER_RATE = "2/h"
    url = write_url(letters_page)
    for _ in range(2):
        assert client.post(url, letter_post(client, url)).status_code == 302
    response = client.post(url, letter_post(client, url, subject="第三封信的标题"))
    assert response.status_code == 429 and response["Retry-After"]
    assert "提交太频繁了" in text_of(response)
    assert soup(response).find(id="id_subject")["value"] == "第三封信的标题"
    assert Letter.objects.count() == 2


def test_anonymous_letters_only_where_the_mailbox_allows(client, letters_page):
    url = write_url(letters_page)
    response = client.post(url, letter_post(client, url, is_anonymous="on", name="", phone="", email=""))
    assert response.status_code == 302 and Letter.objects.get().is_anonymous
    complaints = write_url(letters_page, "tousu")
    assert soup(client.get(complaints)).find(id="id_is_anonymous") is None
    response = client.post(complaints, letter_post(client, complaints, is_anonymous="on", name=""))
    assert "请填写姓名" in soup(response).find(id="id_name_error").get_text()


def test_similar_replies_are_offered_without_and_with_javascript(client, letters_page, mailbox, letter_data):
    letter = replied(submit_letter(mailbox, letter_data).letter)
    index_entries(entries_for(letter))
    url = write_url(letters_page)
    # Without JavaScript: the 查看相似问题 button shows the form again, with suggestions, nothing sent.
    response = client.post(url, {"similar": "1", "subject": "路灯不亮", "content": "北路的路灯", "name": "李四"})
    page = soup(response)
    assert page.find(id="id_name")["value"] == "李四"
    assert page.select_one(".similar a")["href"].endswith(f"gongkai/{letter.tracking_number}/")
    assert Letter.objects.count() == 1
    # The script's fragment.
    fragment = client.get(f"{letters_page.url}xiangsi/", {"q": "路灯"})
    assert letter.tracking_number in fragment.content.decode() and "private" in fragment["Cache-Control"]


# ---------------------------------------------------------------- looking up, rating, reopening


def lookup(client: Client, page: MailboxIndexPage, number: str, code: str):
    return client.post(f"{page.url}chaxun/", {"tracking_number": number, "query_code": code})


def test_a_wrong_number_or_code_gets_one_message(client, letters_page, mailbox, letter_data):
    receipt = submit_letter(mailbox, letter_data)
    number = receipt.letter.tracking_number
    wrong_code = lookup(client, letters_page, number, "AAAAAAAA")
    wrong_number = lookup(client, letters_page, number[:-1] + "9", receipt.query_code)
    for response in (wrong_code, wrong_number):
        assert response.status_code == 200
        assert soup(response).find(id="form-problems").get_text(strip=True) == "信件编号或查询码不正确，请核对后再试。"
    # Without a successful look-up the status page sends the visitor to the form.
    status = client.get(f"{letters_page.url}chaxun/{number}/")
    assert status.status_code == 302 and "chaxun/?number=" in status["Location"]


def test_the_right_number_and_code_show_the_timeline_and_the_clock(client, letters_page, mailbox, letter_data):
    receipt = submit_letter(mailbox, letter_data)
    perform(receipt.letter, "accept")
    response = lookup(client, letters_page, " " + receipt.letter.tracking_number.lower(), receipt.query_code.lower())
    assert response.status_code == 302
    status = client.get(response["Location"])
    text = text_of(status)
    assert "收到来信" in text and "受理" in text and "已受理" in text
    assert receipt.letter.due_on.isoformat() in text and "个工作日" in text
    assert "private" in status["Cache-Control"]


def test_lookups_are_rate_limited(client, letters_page, settings):
    settings.LETTER_LOOKUP_RATE = "3/h"
    for _ in range(3):
        assert lookup(client, letters_page, "LF20260101-0001", "AAAAAAAA").status_code == 200
    response = lookup(client, letters_page, "LF20260101-0001", "AAAAAAAA")
    assert response.status_code == 429 and "查询太频繁" in text_of(response)


def test_rating_and_reopening_once(client, letters_page, mailbox, letter_data):
    receipt = submit_letter(mailbox, letter_data)
    letter = replied(receipt.letter)
    lookup(client, letters_page, letter.tracking_number, receipt.query_code)
    here = f"{letters_page.url}chaxun/{letter.tracking_number}/"
    page = client.get(here)
    assert "经核实，已安排维修路灯" in text_of(page) and soup(page).find(id="id_satisfaction") is not None

    refused = client.post(here, {"action": "rate", "satisfaction": "dissatisfied", "comment": ""})
    assert "请写明不满意的原因" in soup(refused).find(id="id_comment_error").get_text()
    client.post(here, {"action": "rate", "satisfaction": "dissatisfied", "comment": "灯还是不亮"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.RATED and letter.satisfaction_comment == "灯还是不亮"
    assert "申请重新办理" in text_of(client.get(here))

    client.post(here, {"action": "reopen"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.PROCESSING and letter.reopen_count == 1
    perform(letter, "submit_reply", draft_reply="已更换灯具。")
    perform(letter, "approve_reply")
    client.post(here, {"action": "rate", "satisfaction": "dissatisfied", "comment": "仍然不满意"})
    page = client.get(here)
    assert soup(page).find("input", attrs={"value": "reopen"}) is None
    response = client.post(here, {"action": "reopen"}, follow=True)
    assert "不能执行" in text_of(response)
    letter.refresh_from_db()
    assert letter.status == Letter.Status.RATED and letter.reopen_count == 1


# ---------------------------------------------------------------- published letters


@pytest.fixture
def published(zone, letters_page, mailbox, letter_data) -> list[Letter]:
    """Three letters: two published (one per mailbox and department), one replied but not published."""
    first = replied(
        submit_letter(
            mailbox, {**letter_data, "content": letter_data["content"] + "我是张三，电话13800001234，号码13912345678。"}
        ).letter
    )
    complaints = Mailbox.objects.get(slug="tousu")
    second = replied(
        submit_letter(complaints, {**letter_data, "subject": "办证窗口排队太久", "name": "李小龙"}).letter,
        text="已增设窗口。",
    )
    hidden = replied(submit_letter(mailbox, {**letter_data, "subject": "不公开的信"}).letter, publish=False)
    return [first, second, hidden]


def test_the_public_list_masks_personal_data(client, letters_page, published):
    response = client.get(f"{letters_page.url}gongkai/")
    html = response.content.decode()
    assert "园区道路照明不足" in html and "办证窗口排队太久" in html and "不公开的信" not in html
    for secret in ("张三", "13800001234", "13912345678", "李小龙"):
        assert secret not in html
    assert "张*" in html and "138****1234" in html and "李**" in html
    detail = client.get(f"{letters_page.url}gongkai/{published[0].tracking_number}/").content.decode()
    assert "13800001234" not in detail and "张三" not in detail and "经核实" in detail
    assert client.get(f"{letters_page.url}gongkai/{published[2].tracking_number}/").status_code == 404


def test_the_public_list_filters_searches_and_pages(client, letters_page, published, zone):
    base = f"{letters_page.url}gongkai/"
    by_mailbox = text_of(client.get(base, {"mailbox": "tousu"}))
    assert "办证窗口排队太久" in by_mailbox and "园区道路照明不足" not in by_mailbox
    by_department = text_of(client.get(base, {"department": zone.departments["office"].slug}))
    assert "园区道路照明不足" in by_department and "办证窗口排队太久" not in by_department
    by_word = text_of(client.get(base, {"q": "窗口"}))
    assert "办证窗口排队太久" in by_word and "园区道路照明不足" not in by_word
    MailboxIndexPage.objects.filter(pk=letters_page.pk).update(per_page=1)
    first, second = client.get(base), client.get(base, {"page": 2})
    assert "共 2 封" in text_of(first) and text_of(first) != text_of(second)
    assert client.get(base, {"page": 9}).status_code == 404


def test_search_entries_are_published_letters_only_and_masked(letters_page, published):
    entries = list(all_entries())
    assert [e.external_id for e in entries] == [
        f"letter:{published[0].pk}",
        f"letter:{published[1].pk}",
    ]
    assert all(e.type == "reply" for e in entries)
    assert "13800001234" not in entries[0].text and "张三" not in entries[0].text
    assert entries[0].url == f"{letters_page.url}gongkai/{published[0].tracking_number}/"
    assert entries_for(published[2]) == []
