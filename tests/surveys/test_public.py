"""The public questionnaire: every kind's checks, conditions, one response per person, open and closed."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone
from PIL import Image

from tests.utils import soup
from zoneportal.surveys.models import ResponseFile, Survey, SurveyResponse, VerificationCode

from .conftest import make_survey, valid_answers

pytestmark = pytest.mark.django_db


def url(survey: Survey) -> str:
    return survey.get_absolute_url()


def question_error(response, survey: Survey, number: int) -> str:
    """The Chinese error shown next to question ``number`` (its id is tied to the inputs)."""
    question = survey.ordered_questions()[number - 1]
    tag = soup(response).find(id=f"q{question.pk}-error")
    return tag.get_text(" ", strip=True) if tag else ""


def test_page_lists_every_question_below_the_interaction_url(client, survey):
    assert url(survey) == "/hudong/diaocha/kaocha/"
    response = client.get(url(survey))
    assert response.status_code == 200
    page = soup(response)
    assert len(page.select("fieldset.survey-question")) == 9
    assert page.find(string=re.compile("第1题选择“是”时回答本题"))  # the no-JavaScript note of the condition
    assert "zp_survey" in response.cookies


def test_a_valid_response_is_stored_and_then_thanked(client, survey):
    response = client.post(url(survey), valid_answers(survey))
    assert response.status_code == 302
    assert response["Location"] == "/hudong/diaocha/kaocha/xiexie/"
    stored = SurveyResponse.objects.get(survey=survey)
    q = {question.number: question.key for question in survey.ordered_questions()}
    assert stored.answers[q[1]] == "是"
    assert stored.answers[q[3]] == ["办事效率", "政策落实"]
    assert stored.answers[q[4]] == 4
    assert stored.answers[q[5]] == {"窗口服务": "满意", "审批时限": "一般"}
    assert stored.answers[q[6]] == ["缩短时限", "减少材料", "网上办理"]
    assert stored.answers[q[8]] == "120"
    assert "提交成功" in client.get(response["Location"]).content.decode()


def test_anonymous_responses_keep_no_identity(client, survey):
    client.post(url(survey), valid_answers(survey), REMOTE_ADDR="10.1.2.3")
    stored = SurveyResponse.objects.get(survey=survey)
    assert (stored.name, stored.phone, stored.email, stored.contact_hash) == ("", "", "", "")
    token = client.cookies["zp_survey"].value
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    flat = repr([(field.name, getattr(stored, field.name)) for field in SurveyResponse._meta.fields])
    assert "10.1.2.3" not in flat


@pytest.mark.parametrize(
    ("number", "value", "message"),
    [
        (1, None, "这是必答题，请选择一项"),
        (1, "7", "选择一个有效的选项"),
        (3, None, "请至少选择一项"),
        (3, ["0", "1", "2"], "最多只能选择2项（已选3项）"),
        (4, "6", "选择一个有效的选项"),
        (4, None, "这是必答题，请选择一项"),
    ],
)
def test_each_choice_kind_says_what_is_wrong(client, survey, number, value, message):
    key = f"q{survey.ordered_questions()[number - 1].pk}"
    response = client.post(url(survey), valid_answers(survey, **{key: value}))
    assert response.status_code == 400
    assert message in question_error(response, survey, number)
    assert not SurveyResponse.objects.exists()


def test_minimum_of_a_multiple_choice(client, zone):
    survey = make_survey(zone.departments["invest"], slug="min")
    question = survey.ordered_questions()[2]
    question.min_choices = 2
    question.save()
    response = client.post(url(survey), valid_answers(survey, **{f"q{question.pk}": ["0"]}))
    assert "请至少选择2项（已选1项）" in question_error(response, survey, 3)


def test_matrix_needs_every_row_and_ranking_distinct_places(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    response = client.post(url(survey), valid_answers(survey, **{f"{q[5]}_r1": None, f"{q[6]}_i2": "1"}))
    assert "还没有选择：审批时限" in question_error(response, survey, 5)
    assert "每个名次只能给一项" in question_error(response, survey, 6)
    response = client.post(url(survey), valid_answers(survey, **{f"{q[5]}_r0": None, f"{q[5]}_r1": None}))
    assert "请为每一行选择一项" in question_error(response, survey, 5)


def test_text_number_and_file_checks(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    response = client.post(
        url(survey),
        valid_answers(
            survey, **{q[7]: "长" * 201, q[8]: "一百", q[9]: SimpleUploadedFile("x.jpg", b"MZ\x90\x00 program")}
        ),
    )
    assert "200" in question_error(response, survey, 7)
    assert "输入一个数字" in question_error(response, survey, 8)
    assert "内容与扩展名不符" in question_error(response, survey, 9)
    response = client.post(url(survey), valid_answers(survey, **{q[9]: SimpleUploadedFile("a.exe", b"MZ")}))
    assert "文件类型不允许" in question_error(response, survey, 9)


def test_a_real_file_is_kept(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    pdf = SimpleUploadedFile("材料.pdf", b"%PDF-1.4\n% test\n")
    assert client.post(url(survey), valid_answers(survey, **{q[9]: pdf})).status_code == 302
    kept = ResponseFile.objects.get()
    assert kept.original_name == "材料.pdf"
    assert kept.file.name.startswith(f"surveys/{survey.pk}/") and len(kept.file.name.split("/")[2]) == 24
    assert SurveyResponse.objects.get().answers[survey.ordered_questions()[8].key] == kept.pk


def test_a_photo_is_accepted_by_its_content(survey):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 40, 40)).save(out, "PNG")
    q9 = f"q{survey.ordered_questions()[8].pk}"
    answers = valid_answers(survey, **{q9: SimpleUploadedFile("现场.png", out.getvalue())})
    assert Client().post(url(survey), answers).status_code == 302
    renamed = valid_answers(survey, **{q9: SimpleUploadedFile("现场.jpg", out.getvalue())})  # a PNG called .jpg
    assert "内容与扩展名不符" in Client().post(url(survey), renamed).content.decode()


def test_everything_typed_is_kept_after_an_error(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    response = client.post(url(survey), valid_answers(survey, **{q[4]: None, q[7]: "农副产品加工"}))
    page = soup(response)
    assert page.find("input", attrs={"name": q[7]})["value"] == "农副产品加工"
    assert page.find("input", attrs={"name": q[1], "value": "0"}).has_attr("checked")
    assert page.find("input", attrs={"name": q[3], "value": "2"}).has_attr("checked")
    assert page.find("textarea", attrs={"name": q[2]}).get_text().strip() == "窗口排队时间长。"
    rating = page.find("input", attrs={"name": q[4], "value": "3"})
    assert f"{q[4]}-error" in rating["aria-describedby"] and rating["aria-invalid"] == "true"
    assert page.select_one(f"#survey-errors a[href='#{q[4]}']")


def test_a_hidden_conditional_answer_is_discarded(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    # Question 2 is shown only for 是: with 否 its (required) answer may be missing, and a sent one is dropped.
    assert client.post(url(survey), valid_answers(survey, **{q[1]: "1", q[2]: None})).status_code == 302
    SurveyResponse.objects.all().delete()
    other = Client()
    assert other.post(url(survey), valid_answers(survey, **{q[1]: "1", q[2]: "不该保存"})).status_code == 302
    assert survey.ordered_questions()[1].key not in SurveyResponse.objects.get().answers


def test_a_shown_conditional_question_is_required(client, survey):
    q = {question.number: f"q{question.pk}" for question in survey.ordered_questions()}
    response = client.post(url(survey), valid_answers(survey, **{q[2]: ""}))
    assert "这是必答题，请填写" in question_error(response, survey, 2)


def test_one_response_per_browser(client, survey):
    assert client.post(url(survey), valid_answers(survey)).status_code == 302
    again = client.post(url(survey), valid_answers(survey))
    assert again.status_code == 200 and "您已经参与过本次调查" in again.content.decode()
    assert "您已经参与过本次调查" in client.get(url(survey)).content.decode()
    assert SurveyResponse.objects.count() == 1
    assert Client().post(url(survey), valid_answers(survey)).status_code == 302  # another browser
    assert SurveyResponse.objects.count() == 2


@override_settings(SURVEY_RATE="2/h")
def test_posts_are_rate_limited_and_keep_the_input(client, survey):
    q1 = f"q{survey.ordered_questions()[0].pk}"
    for _attempt in range(2):
        Client().post(url(survey), valid_answers(survey, **{q1: None}))
    response = client.post(url(survey), valid_answers(survey, **{q1: None}))
    assert response.status_code == 429
    assert "提交太频繁了" in response.content.decode()
    assert (
        soup(response)
        .find("input", attrs={"name": f"q{survey.ordered_questions()[2].pk}", "value": "2"})
        .has_attr("checked")
    )


def test_closed_and_upcoming_surveys_say_so(client, zone):
    now = timezone.now()
    closed = make_survey(zone.departments["invest"], slug="closed", closes_at=now - timedelta(hours=1))
    upcoming = make_survey(zone.departments["invest"], slug="later", opens_at=now + timedelta(days=2))
    response = client.get(url(closed))
    assert "本次调查已结束" in response.content.decode() and not soup(response).find("form", class_="survey-form")
    assert client.post(url(closed), valid_answers(closed)).status_code == 200
    assert "尚未开始" in client.get(url(upcoming)).content.decode()
    assert not SurveyResponse.objects.exists()
    draft = make_survey(zone.departments["invest"], slug="draft", is_published=False)
    assert client.get(url(draft)).status_code == 404


def test_list_page_groups_surveys(client, zone, survey):
    make_survey(zone.departments["invest"], slug="old", title="往期调查", closes_at=timezone.now() - timedelta(days=1),
                results_published=True)  # fmt: skip
    page = soup(client.get("/hudong/diaocha/"))
    sections = {section.h2.get_text(): section.get_text() for section in page.select("section.survey-list")}
    assert "作风建设问卷" in sections["正在进行的调查"]
    assert "往期调查" in sections["已结束的调查"] and "查看调查结果" in sections["已结束的调查"]


def test_phone_verification(client, zone, sms_outbox, django_capture_on_commit_callbacks):
    survey = make_survey(zone.departments["invest"], slug="verified", verification=Survey.Verification.PHONE)
    data = valid_answers(survey, phone="13800001111", action="send_code")
    with django_capture_on_commit_callbacks(execute=True):  # the code is sent once its row is committed
        response = client.post(url(survey), data)
    assert response.status_code == 200 and "验证码已发送至 138****1111" in response.content.decode()
    assert not soup(response).select(".survey-error")  # asking for a code shows no answer errors
    assert soup(response).find("input", attrs={"name": f"q{survey.ordered_questions()[6].pk}"})["value"] == "制造业"
    code = re.search(r"验证码 (\d{6})", sms_outbox[-1].text).group(1)
    assert sms_outbox[-1].phone == "13800001111"
    wrong = client.post(
        url(survey), valid_answers(survey, phone="13800001111", code="000000" if code != "000000" else "111111")
    )
    assert wrong.status_code == 400 and "验证码不正确" in wrong.content.decode()
    assert client.post(url(survey), valid_answers(survey, phone="13800001111", code=code)).status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.phone == "" and stored.contact_hash  # anonymous: only a hash of the phone
    assert VerificationCode.objects.get().used
    # The same phone from another browser is refused before a code is even sent.
    refused = Client().post(url(survey), valid_answers(survey, phone="13800001111", action="send_code"))
    assert "已经参与过" in refused.content.decode()


def test_contact_surveys_store_name_and_phone(client, zone):
    survey = make_survey(zone.departments["invest"], slug="shiming", identity=Survey.Identity.CONTACT)
    response = client.post(url(survey), valid_answers(survey, phone="138"))
    assert "请填写姓名" in response.content.decode() and "11位手机号码" in response.content.decode()
    assert client.post(url(survey), valid_answers(survey, name="李四", phone="13900002222")).status_code == 302
    stored = SurveyResponse.objects.get()
    assert (stored.name, stored.phone) == ("李四", "13900002222")


def test_the_traditional_view_can_be_answered(client, survey):
    # The 繁體 view converts the whole page, values included: choices are sent by position, so 是/否 still match.
    page = client.get("/zh-hant" + url(survey))
    assert "您是否到開發區辦過事" in page.content.decode()
    response = client.post("/zh-hant" + url(survey), valid_answers(survey))
    assert response.status_code == 302 and response["Location"] == "/zh-hant/hudong/diaocha/kaocha/xiexie/"
    assert SurveyResponse.objects.get().answers[survey.ordered_questions()[0].key] == "是"


def test_email_verification(client, zone, mailoutbox, django_capture_on_commit_callbacks):
    survey = make_survey(zone.departments["invest"], slug="youxiang", verification=Survey.Verification.EMAIL)
    refused = client.post(url(survey), valid_answers(survey, email="不是邮箱", action="send_code"))
    assert refused.status_code == 400 and not mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url(survey), valid_answers(survey, email="Wang@Example.com", action="send_code"))
    assert "验证码已发送至 W***@Example.com" in sent.content.decode()
    assert mailoutbox[-1].to == ["Wang@Example.com"]
    code = re.search(r"验证码 (\d{6})", mailoutbox[-1].body).group(1)
    again = client.post(url(survey), valid_answers(survey, email="wang@example.com", action="send_code"))
    assert "秒后再重新获取" in again.content.decode()  # the same address (case aside) must wait
    assert client.post(url(survey), valid_answers(survey, email="wang@example.com", code=code)).status_code == 302
    assert SurveyResponse.objects.get().email == ""
