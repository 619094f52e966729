"""The letters API at /api/v1/: mailboxes, sending a letter (and every kind of bad input), status, published replies."""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from tests.utils import CJK
from zoneportal.letters.models import Letter, LetterCategory, LetterEvent, Mailbox
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform

pytestmark = pytest.mark.django_db

LETTERS = "/api/v1/letters"
KEY = "client-2026-0001-abcdef"


@pytest.fixture
def api_letter(letter_data) -> dict:
    """A valid request body for the test zone's 主任信箱."""
    return {"mailbox": "director", **letter_data}


@pytest.fixture(autouse=True)
def _generous_rate(settings):
    settings.LETTER_RATE = "1000/m"


def post(client, body, *, key: str | None = None, raw: bool = False, **extra):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    data = body if raw else json.dumps(body, ensure_ascii=False)
    return client.post(LETTERS, data, content_type="application/json", **headers, **extra)


def errors_of(response) -> dict[str, list[str]]:
    """``{param: [messages]}`` of a 400, every message checked to be Chinese."""
    assert response.status_code == 400, response.content[:500]
    body = response.json()
    assert CJK.search(body["detail"])
    found: dict[str, list[str]] = {}
    for item in body["errors"]:
        assert CJK.search(item["message"]), item
        found.setdefault(item["param"], []).append(item["message"])
    return found


# ---------------------------------------------------------------- mailboxes


def test_mailboxes_list_slug_name_anonymity_and_categories(zone, mailbox, client):
    Mailbox.objects.create(slug="closed", name="已停用信箱", department=mailbox.department, is_active=False)
    response = client.get("/api/v1/mailboxes")
    assert response.status_code == 200
    [box] = response.json()
    assert box["slug"] == "director" and box["name"] == "主任信箱" and box["allows_anonymous"] is True
    assert box["department"] == "管委会办公室" and box["reply_days"] == 5
    category = mailbox.categories.get()
    assert box["categories"] == [{"id": category.pk, "name": "投资环境", "reply_days": 3}]


# ---------------------------------------------------------------- sending


def test_a_letter_is_stored_before_201_with_number_and_code(zone, mailbox, client, api_letter):
    response = post(client, api_letter)
    assert response.status_code == 201, response.content
    receipt = response.json()
    letter = Letter.objects.get(tracking_number=receipt["tracking_number"])
    assert letter.subject == api_letter["subject"] and letter.mailbox == mailbox and letter.is_public
    assert len(receipt["query_code"]) == 8 and receipt["due_on"] == letter.due_on.isoformat()
    assert LetterEvent.objects.filter(letter=letter, action="receive").count() == 1


def test_category_by_name_or_by_id_sets_its_deadline(zone, mailbox, client, api_letter):
    category = mailbox.categories.get()
    by_name = post(client, {**api_letter, "category": "投资环境"}).json()
    by_id = post(client, {**api_letter, "category": category.pk}).json()
    for receipt in (by_name, by_id):
        assert Letter.objects.get(tracking_number=receipt["tracking_number"]).category == category
    other = LetterCategory.objects.create(
        mailbox=Mailbox.objects.create(slug="other", name="投诉信箱", department=mailbox.department), name="劳动保障"
    )
    for wrong in ("不存在的类别", other.pk, "劳动保障"):
        assert "投资环境" in errors_of(post(client, {**api_letter, "category": wrong}))["category"][0]


def test_anonymous_letter_keeps_no_name(zone, mailbox, client, api_letter):
    response = post(client, {**api_letter, "is_anonymous": True, "name": "张三", "phone": "", "email": ""})
    letter = Letter.objects.get(tracking_number=response.json()["tracking_number"])
    assert letter.is_anonymous and letter.name == ""

    mailbox.allows_anonymous = False
    mailbox.save()
    found = errors_of(post(client, {**api_letter, "is_anonymous": True}))
    assert "匿名" in found["is_anonymous"][0]


def test_missing_fields_each_named_in_chinese(zone, mailbox, client):
    found = errors_of(post(client, {"mailbox": "director"}))
    assert {"subject", "content", "name", "phone"} <= set(found)
    assert Letter.objects.count() == 0


def test_empty_or_non_json_body_is_refused_in_chinese(zone, mailbox, client):
    assert "body" in errors_of(post(client, "", raw=True))
    assert "body" in errors_of(post(client, "subject=园区", raw=True))
    assert "body" in errors_of(post(client, "[1, 2]", raw=True))
    assert "body" in errors_of(post(client, b"\xff\xfe{", raw=True))


def test_unknown_or_missing_mailbox_is_400(zone, mailbox, client, api_letter):
    assert "mailbox" in errors_of(post(client, {**api_letter, "mailbox": "nosuchbox"}))
    assert "mailbox" in errors_of(post(client, {**api_letter, "mailbox": ""}))
    mailbox.is_active = False
    mailbox.save()
    assert "mailbox" in errors_of(post(client, api_letter))
    assert Letter.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", 123),
        ("content", ["园区道路照明不足，请尽快维修。"]),
        ("name", {"family": "张"}),
        ("phone", 13800001234),
        ("is_public", "yes"),
        ("is_anonymous", 1),
        ("mailbox", 7),
        ("category", True),
        ("category", 1.5),
    ],
)
def test_wrong_types_are_named(zone, mailbox, client, api_letter, field, value):
    found = errors_of(post(client, {**api_letter, field: value}))
    assert field in found
    assert Letter.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("category", 10**30), ("category", -1), ("category", "投资\u0000环境"), ("mailbox", "director\u0000")],
)
def test_values_no_database_can_compare_are_simply_not_found(zone, mailbox, client, api_letter, field, value):
    assert field in errors_of(post(client, {**api_letter, field: value}))


def test_hostile_bodies_get_a_400_not_a_500(zone, mailbox, client, api_letter, settings):
    assert "body" in errors_of(post(client, "[" * 100_000, raw=True))  # nested too deep for the parser
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 50_000
    assert "body" in errors_of(post(client, {**api_letter, "content": "长" * 30_000}))
    many = {**api_letter, **{f"x{n}{'y' * 500}": 1 for n in range(50)}}
    found = errors_of(post(client, many))
    assert len(found) <= 10 and all(len(param) <= 40 for param in found)
    assert client.get(f"{LETTERS}/LF2026%00", {"code": "AAAAAAAA"}).status_code == 404


def test_unknown_fields_are_named(zone, mailbox, client, api_letter):
    assert "contnet" in errors_of(post(client, {**api_letter, "contnet": "拼错的字段"}))


def test_oversized_and_too_short_content_say_the_limits(zone, mailbox, client, api_letter):
    message = errors_of(post(client, {**api_letter, "content": "长" * 20000}))["content"][0]
    assert "5000" in message and "20000" in message
    assert "10" in errors_of(post(client, {**api_letter, "content": "太短"}))["content"][0]
    assert "subject" in errors_of(post(client, {**api_letter, "subject": "题" * 101}))
    assert Letter.objects.count() == 0


def test_bad_phone_and_email_explained(zone, mailbox, client, api_letter):
    found = errors_of(post(client, {**api_letter, "phone": "12345", "email": "not-an-address"}))
    assert "手机" in found["phone"][0] and "email" in found


def test_script_and_emoji_are_stored_as_typed(zone, mailbox, client, api_letter):
    subject = "<script>alert('x')</script> 路灯 💡"
    content = "夜间路灯不亮 😡😡，<img src=x onerror=alert(1)> 请尽快维修。\u0007"
    response = post(client, {**api_letter, "subject": subject, "content": content, "name": "李四👍"})
    assert response.status_code == 201, response.content
    letter = Letter.objects.get(tracking_number=response.json()["tracking_number"])
    assert letter.subject == subject and letter.name == "李四👍"
    assert letter.content == content.replace("\u0007", "")  # control characters only are dropped
    assert "content" in errors_of(post(client, {**api_letter, "content": "夜间路灯不亮，请尽快维修。\u0000"}))


def test_same_idempotency_key_returns_the_first_letter(zone, mailbox, client, api_letter):
    first = post(client, api_letter, key=KEY)
    again = post(client, api_letter, key=KEY)
    assert first.status_code == 201 and again.status_code == 200
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Letter.objects.count() == 1


def test_an_idempotency_key_cannot_fetch_another_letter(zone, mailbox, client, api_letter):
    post(client, api_letter, key=KEY)
    other = post(client, {**api_letter, "content": "另一封信的内容，与第一封完全不同。"}, key=KEY)
    assert "Idempotency-Key" in errors_of(other)
    assert "query_code" not in other.content.decode()
    assert "Idempotency-Key" in errors_of(post(client, api_letter, key="short"))
    assert "Idempotency-Key" in errors_of(post(client, api_letter, key="x" * 61))
    assert Letter.objects.count() == 1


def test_a_visitor_over_letter_rate_is_told_to_wait(zone, mailbox, client, api_letter, settings):
    settings.LETTER_RATE = "2/h"
    for n in range(2):
        assert post(client, api_letter, key=f"{KEY}-{n}", REMOTE_ADDR="203.0.113.9").status_code == 201
    assert post(client, {"mailbox": "director"}, REMOTE_ADDR="203.0.113.9").status_code == 400  # still validated
    refused = post(client, api_letter, REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 429 and refused["Retry-After"] == "60" and CJK.search(refused.json()["detail"])
    # A resend of a letter already stored is not a new letter: it is answered, not refused.
    assert post(client, api_letter, key=f"{KEY}-0", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert post(client, api_letter, REMOTE_ADDR="203.0.113.10").status_code == 201
    assert Letter.objects.count() == 3


def test_no_csrf_token_or_session_needed(zone, mailbox, api_letter):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post(strict, api_letter).status_code == 201


# ---------------------------------------------------------------- status


def test_status_with_code_shows_the_public_timeline_and_reply(zone, mailbox, client, api_letter):
    receipt = post(client, api_letter).json()
    url = f"{LETTERS}/{receipt['tracking_number']}"
    data = client.get(url, {"code": receipt["query_code"].lower()}).json()
    assert data["status"] == "pending" and data["status_label"] == "待受理" and data["reply"] == ""
    assert [entry["label"] for entry in data["timeline"]] == ["收到来信"]
    assert data["working_days_left"] is not None and data["due_on"] == receipt["due_on"]

    letter = Letter.objects.get(tracking_number=receipt["tracking_number"])
    admin = zone.users["admin"]
    perform(letter, "accept", user=admin)
    perform(letter, "direct", user=admin)
    perform(letter, "submit_reply", user=admin, draft_reply="已安排维修，本周内修复。")
    data = client.get(url, {"code": receipt["query_code"]}).json()
    assert data["status"] == "reviewing" and data["reply"] == ""  # the draft is not the reply
    assert "submit_reply" not in [entry["action"] for entry in data["timeline"]]  # not a public step
    perform(letter, "approve_reply", user=admin)
    response = client.get(url, {"code": receipt["query_code"]})
    data = response.json()
    assert data["status_label"] == "已答复" and data["reply"] == "已安排维修，本周内修复。"
    assert data["reply_department"] == "管委会办公室" and data["working_days_left"] is None
    assert [entry["action"] for entry in data["timeline"]] == ["receive", "accept", "direct", "approve_reply"]
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_wrong_code_and_unknown_number_get_the_same_404(zone, mailbox, client, api_letter, settings):
    settings.PAGE_CACHE_SECONDS = 300
    receipt = post(client, api_letter).json()
    wrong = client.get(f"{LETTERS}/{receipt['tracking_number']}", {"code": "AAAAAAAA"})
    missing = client.get(f"{LETTERS}/LF20000101-9999", {"code": receipt["query_code"]})
    no_code = client.get(f"{LETTERS}/{receipt['tracking_number']}")
    assert wrong.status_code == missing.status_code == no_code.status_code == 404
    assert wrong.content == missing.content == no_code.content and CJK.search(wrong.json()["detail"])
    # Never served from the page cache: a later status must not be hidden behind an earlier answer.
    url = f"{LETTERS}/{receipt['tracking_number']}"
    client.get(url, {"code": receipt["query_code"]})
    perform(Letter.objects.get(), "accept", user=zone.users["admin"])
    assert client.get(url, {"code": receipt["query_code"]}).json()["status"] == "accepted"


def test_status_lookups_are_rate_limited(zone, mailbox, client, settings):
    settings.LETTER_LOOKUP_RATE = "2/m"
    for _ in range(2):
        assert client.get(f"{LETTERS}/LF20000101-0001", {"code": "AAAAAAAA"}).status_code == 404
    assert client.get(f"{LETTERS}/LF20000101-0001", {"code": "AAAAAAAA"}).status_code == 429


# ---------------------------------------------------------------- published letters


def publish(zone, letter: Letter, reply: str, department=None) -> Letter:
    admin = zone.users["admin"]
    perform(letter, "accept", user=admin)
    if department is not None:
        perform(letter, "assign", user=admin, department=department, due_on=letter.due_on)
    else:
        perform(letter, "direct", user=admin)
    perform(letter, "submit_reply", user=admin, draft_reply=reply)
    perform(letter, "approve_reply", user=admin)
    letter.is_published = True
    letter.save()
    return letter


def test_public_list_is_masked_filtered_and_paginated(zone, mailbox, client, letter_data):
    complaints = Mailbox.objects.create(slug="complaints", name="投诉信箱", department=zone.departments["invest"])
    shown = publish(zone, submit_letter(mailbox, letter_data).letter, "已修复。")
    other = publish(zone, submit_letter(complaints, letter_data).letter, "已处理。", zone.departments["invest"])
    publish(zone, submit_letter(mailbox, {**letter_data, "is_public": False}).letter, "不公开。")
    submit_letter(mailbox, letter_data)  # not answered yet

    data = client.get(f"{LETTERS}/public").json()
    assert data["total"] == 2 and data["num_pages"] == 1
    first = data["results"][0]
    assert first["tracking_number"] == other.tracking_number  # newest reply first
    assert first["writer"] == "张*" and first["phone"] == "138****1234"
    assert "张三" not in json.dumps(data, ensure_ascii=False) and "13800001234" not in json.dumps(data)

    by_box = client.get(f"{LETTERS}/public", {"mailbox": "director"}).json()
    assert [item["tracking_number"] for item in by_box["results"]] == [shown.tracking_number]
    by_department = client.get(f"{LETTERS}/public", {"department": "invest"}).json()
    assert [item["tracking_number"] for item in by_department["results"]] == [other.tracking_number]
    assert client.get(f"{LETTERS}/public", {"page": 2}).json()["results"] == []
    assert client.get(f"{LETTERS}/public", {"page": 0}).status_code == 422


def test_public_list_pages_by_ten(zone, mailbox, client, letter_data):
    Letter.objects.bulk_create(
        Letter(
            tracking_number=f"LF20261201-{n:04d}",
            query_code_hash="-",
            mailbox=mailbox,
            subject=f"第{n}封",
            content="内容",
            department=mailbox.department,
            due_on=timezone.localdate(),
            status=Letter.Status.REPLIED,
            reply="已答复",
            replied_at=timezone.now(),
            is_public=True,
            is_published=True,
        )
        for n in range(1, 13)
    )
    data = client.get(f"{LETTERS}/public", {"page": 2}).json()
    assert data["total"] == 12 and data["num_pages"] == 2 and len(data["results"]) == 2


# ---------------------------------------------------------------- schema


def test_openapi_schema_has_the_letter_paths_in_chinese(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    expected = {"/api/v1/mailboxes", "/api/v1/letters", "/api/v1/letters/{tracking_number}", "/api/v1/letters/public"}
    assert expected <= set(paths)
    operations = [op for path in expected for op in paths[path].values()]
    assert all(CJK.search(op["summary"]) and CJK.search(op["description"]) for op in operations)
    send = paths["/api/v1/letters"]["post"]
    assert {"201", "400", "429"} <= set(send["responses"])
    body = send["requestBody"]["content"]["application/json"]["schema"]
    assert {"mailbox", "subject", "content"} <= set(body["required"])
    assert all(CJK.search(prop["description"]) for prop in body["properties"].values())
    assert any(p["name"] == "Idempotency-Key" for p in send["parameters"])
    status = paths["/api/v1/letters/{tracking_number}"]["get"]
    assert "404" in status["responses"]
    assert any(p["name"] == "code" and CJK.search(p["description"]) for p in status["parameters"])
