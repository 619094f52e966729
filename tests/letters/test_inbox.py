"""来信办理 in the back office: who sees which letters, every step through the admin views,
the permissions matrix, refused and stale steps, attachments kept from the public, settings."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import PDF_BYTES, make_user
from tests.utils import logged_in_client, message_texts, soup, text_of
from zoneportal.core.workdays import add_working_days, is_working_day
from zoneportal.letters import access
from zoneportal.letters.admin_forms import version
from zoneportal.letters.models import Letter, LetterEvent, Mailbox, SensitiveWord
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform

pytestmark = pytest.mark.django_db

S = Letter.Status


@pytest.fixture
def invest_box(zone) -> Mailbox:
    """A mailbox answered by 招商发展分局 (the department whose staff the tests play)."""
    return Mailbox.objects.create(slug="invest", name="投资咨询", department=zone.departments["invest"])


@pytest.fixture
def letter(invest_box, letter_data) -> Letter:
    return submit_letter(invest_box, letter_data).letter


def detail_url(letter: Letter) -> str:
    return reverse("letters_inbox:detail", args=[letter.pk])


def step_data(letter: Letter, step: str, **fields) -> dict:
    """What the letter page posts for ``step`` (the form's prefix, the letter's version, the button)."""
    letter.refresh_from_db()
    prefix = "submit_reply" if step == "draft" else step
    data = {"step": step, f"{prefix}-version": version(letter)}
    data.update({f"{prefix}-{name}": value for name, value in fields.items()})
    return data


def post_step(client: Client, letter: Letter, step: str, **fields):
    return client.post(detail_url(letter), step_data(letter, step, **fields))


# ---- bringing a letter to the state a step needs -------------------------------------------------


def to_state(letter: Letter, step: str, actor) -> Letter:
    """Move a fresh letter (待受理) to where ``step`` is allowed, using the workflow as staff would."""
    if step in ("direct", "forward", "assign"):
        perform(letter, "accept", user=actor)
    elif step in ("draft", "submit_reply"):
        perform(letter, "accept", user=actor)
        perform(letter, "direct", user=actor)
    elif step in ("return_reply", "approve_reply"):
        to_state(letter, "draft", actor)
        perform(letter, "submit_reply", user=actor, draft_reply="经核实，北路路灯已列入本周维修计划。")
    elif step in ("archive", "publish", "reopen"):
        to_state(letter, "approve_reply", actor)
        perform(letter, "approve_reply", user=actor)
        if step == "reopen":
            perform(letter, "rate", satisfaction=Letter.Satisfaction.DISSATISFIED)
    return letter


#: Valid form input for each step.
STEP_INPUT: dict[str, dict] = {
    "release": {"note": "内容为正常诉求。"},
    "accept": {},
    "reject": {"note": "不属于本区职责，请向县住建局反映。"},
    "direct": {},
    "forward": {"forwarded_to": "来凤县住房和城乡建设局"},
    "assign": {"days": "3"},
    "draft": {"draft_reply": "拟答复：已安排维修。"},
    "submit_reply": {"draft_reply": "已安排维修，周五前完成。"},
    "return_reply": {"note": "请写明维修完成时间。"},
    "approve_reply": {"draft_reply": "已安排维修，周五前完成。", "is_published": "on"},
    "reopen": {"note": "来信人反映仍未修复。"},
    "archive": {},
    "publish": {"publish": "1"},
}

ROLE_USERS = {
    access.EDITOR: "invest_editor",
    access.HEAD: "invest_head",
    access.OFFICE: "office_editor",  # a member of the office department counts as the office
}


def sidebar_labels(response) -> str:
    """The admin menu as the sidebar script receives it (JSON), decoded to text."""
    props = soup(response).find(id="wagtail-sidebar-props")
    return json.dumps(json.loads(props.string), ensure_ascii=False)


# ---- the listing ----------------------------------------------------------------------------------


def test_listing_shows_each_department_only_its_letters_and_the_office_all(zone, invest_box, mailbox, letter_data):
    ours = submit_letter(invest_box, {**letter_data, "subject": "招商政策咨询"}).letter
    theirs = submit_letter(mailbox, {**letter_data, "subject": "主任信箱来信"}).letter
    index = reverse("letters_inbox:index")
    for user in ("invest_editor", "invest_head"):
        page = text_of(logged_in_client(zone.users[user]).get(index))
        assert ours.tracking_number in page and theirs.tracking_number not in page
    finance = text_of(logged_in_client(zone.users["finance_head"]).get(index))
    assert ours.tracking_number not in finance and theirs.tracking_number not in finance
    for user in ("office_editor", "office_head", "reviewer", "admin"):
        page = text_of(logged_in_client(zone.users[user]).get(index))
        assert ours.tracking_number in page and theirs.tracking_number in page, user


def test_listing_refused_to_staff_without_a_department(zone):
    outsider = make_user("outsider", zone.departments["invest"].editors_group)
    outsider.groups.clear()
    outsider.is_staff = True
    outsider.save()
    response = logged_in_client(outsider).get(reverse("letters_inbox:index"))
    assert response.status_code in (302, 403)
    assert Client().get(reverse("letters_inbox:index")).status_code == 302  # to the login


def test_listing_columns_clock_and_filters(zone, invest_box, letter_data):
    late = submit_letter(invest_box, {**letter_data, "subject": "超期的信"}).letter
    Letter.objects.filter(pk=late.pk).update(due_on=add_working_days(timezone.localdate(), -3))
    SensitiveWord.objects.create(word="路灯")
    held = submit_letter(invest_box, {**letter_data, "subject": "含敏感词的信"}).letter
    client = logged_in_client(zone.users["invest_head"])
    index = reverse("letters_inbox:index")
    page = client.get(index)
    text = text_of(page)
    for heading in ("信件编号", "标题", "信箱", "承办部门", "状态", "收信时间", "答复期限", "剩余工作日", "敏感词"):
        assert heading in text
    assert "已超期 3 个工作日" in text and "待审查" in text
    assert 'class="letters-clock letters-clock--late"' in page.content.decode()
    overdue = text_of(client.get(index, {"deadline": "overdue"}))
    assert late.tracking_number in overdue and held.tracking_number not in overdue
    held_only = text_of(client.get(index, {"held": "1"}))
    assert held.tracking_number in held_only and late.tracking_number not in held_only
    accepted = text_of(client.get(index, {"status": "accepted"}))
    assert late.tracking_number not in accepted
    by_box = text_of(client.get(index, {"mailbox": invest_box.pk}))
    assert late.tracking_number in by_box


def test_menu_counts_letters_waiting_for_the_user(zone, letter, invest_box, letter_data):
    submit_letter(invest_box, letter_data)
    editor = logged_in_client(zone.users["invest_editor"])
    assert "来信办理（2）" in sidebar_labels(editor.get(reverse("wagtailadmin_home")))
    perform(letter, "accept")
    perform(letter, "direct")
    perform(letter, "submit_reply", draft_reply="已处理。")
    # Waiting for the head now, not for the editor.
    assert "来信办理（1）" in sidebar_labels(editor.get(reverse("wagtailadmin_home")))
    head = logged_in_client(zone.users["invest_head"])
    assert "来信办理（2）" in sidebar_labels(head.get(reverse("wagtailadmin_home")))
    finance = sidebar_labels(logged_in_client(zone.users["finance_editor"]).get(reverse("wagtailadmin_home")))
    assert "来信办理（" not in finance


# ---- the letter page --------------------------------------------------------------------------------


def test_letter_page_shows_content_contact_clock_and_log(zone, letter):
    perform(letter, "accept", user=zone.users["invest_editor"], note="已受理，转相关科室。")
    page = logged_in_client(zone.users["invest_editor"]).get(detail_url(letter))
    assert page.status_code == 200
    text = text_of(page)
    assert letter.subject in text and "工业园区北路夜间路灯损坏多日" in text
    assert "张三" in text and "13800001234" in text  # the writer's contact, for staff
    assert "剩" in text and "个工作日" in text
    assert "收到来信" in text and "受理" in text and "已受理，转相关科室。" in text and "invest_editor" in text


def test_another_departments_letter_is_not_found_in_every_view(zone, letter):
    finance = logged_in_client(zone.users["finance_head"])
    assert finance.get(detail_url(letter)).status_code == 404
    assert post_step(finance, letter, "accept").status_code == 404
    assert Letter.objects.get(pk=letter.pk).status == S.PENDING
    url = reverse("letters_inbox:attachment", args=[letter.pk, 1])
    assert finance.get(url).status_code == 404


@pytest.mark.parametrize("step", sorted(access.STEP_ROLES))
@pytest.mark.parametrize("role", [access.EDITOR, access.HEAD, access.OFFICE])
def test_permissions_matrix(zone, invest_box, letter_data, role, step):
    """Each role may take exactly the steps ``access.STEP_ROLES`` gives it; the rest answer 403 and change nothing."""
    if step == "release":
        SensitiveWord.objects.get_or_create(word="路灯")
    letter = to_state(submit_letter(invest_box, letter_data).letter, step, zone.users["admin"])
    before = (letter.status, version(letter), LetterEvent.objects.filter(letter=letter).count())
    fields = dict(STEP_INPUT[step], **({"department": zone.departments["finance"].pk} if step == "assign" else {}))
    response = post_step(logged_in_client(zone.users[ROLE_USERS[role]]), letter, step, **fields)
    letter.refresh_from_db()
    if role in access.STEP_ROLES[step]:
        assert response.status_code == 302, (response.status_code, message_texts(response))
        assert LetterEvent.objects.filter(letter=letter).count() == before[2] + 1
        assert version(letter) != before[1]
    else:
        assert response.status_code == 403
        assert (letter.status, version(letter), LetterEvent.objects.filter(letter=letter).count()) == before


def test_accept_direct_draft_submit_return_approve(zone, letter, sms_outbox, django_capture_on_commit_callbacks):
    editor = logged_in_client(zone.users["invest_editor"])
    head = logged_in_client(zone.users["invest_head"])
    assert post_step(editor, letter, "accept", note="").status_code == 302
    assert post_step(editor, letter, "direct").status_code == 302
    letter.refresh_from_db()
    assert (letter.status, letter.disposition) == (S.PROCESSING, "direct")

    form = soup(editor.get(detail_url(letter))).find(id="step-submit_reply")
    assert [b["value"] for b in form.find_all("button")] == ["draft", "submit_reply"]
    response = post_step(editor, letter, "draft", draft_reply="路灯已报修。")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == S.PROCESSING and letter.draft_reply == "路灯已报修。"
    assert LetterEvent.objects.filter(letter=letter, action="draft", is_public=False).exists()

    post_step(editor, letter, "submit_reply", draft_reply="路灯已报修，三日内修复。")
    letter.refresh_from_db()
    assert letter.status == S.REVIEWING

    # The editor may not approve; the head returns with a comment, which is required.
    assert post_step(editor, letter, "approve_reply", draft_reply="x").status_code == 403
    response = post_step(head, letter, "return_reply", note="")
    assert response.status_code == 200 and "请填写退回意见" in text_of(response)
    post_step(head, letter, "return_reply", note="请写明修复日期。")
    letter.refresh_from_db()
    assert letter.status == S.PROCESSING
    returned = soup(editor.get(detail_url(letter))).find(id="letter-returned").get_text()
    assert "请写明修复日期。" in returned and "invest_head" in returned

    post_step(editor, letter, "submit_reply", draft_reply="路灯已于12月8日修复。")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(head, letter, "approve_reply", draft_reply="路灯已于12月8日修复，感谢监督。")
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == S.REPLIED and letter.reply == "路灯已于12月8日修复，感谢监督。"
    assert letter.replied_at and letter.reply_department == zone.departments["invest"]
    assert not letter.is_published  # the box was not ticked
    assert any(letter.tracking_number in message.text and "已答复" in message.text for message in sms_outbox)
    public = [event.action for event in letter.public_timeline()]
    assert public == ["receive", "accept", "direct", "approve_reply"]


def test_reject_needs_a_reason_and_keeps_what_was_typed(zone, letter):
    head = logged_in_client(zone.users["invest_head"])
    response = post_step(head, letter, "reject", note="  ")
    assert response.status_code == 200 and "请填写不予受理理由" in text_of(response)
    note = soup(response).find("textarea", attrs={"name": "reject-note"})
    error_id = note["aria-describedby"].split()[0]
    assert "请填写不予受理理由" in soup(response).find(id=error_id).get_text()
    post_step(head, letter, "reject", note="不属于本区职责，请向县住建局反映。")
    letter.refresh_from_db()
    assert letter.status == S.REJECTED and letter.rejection_reason.startswith("不属于本区职责")


def test_held_letter_released_then_accepted(zone, invest_box, letter_data):
    SensitiveWord.objects.create(word="路灯")
    letter = submit_letter(invest_box, letter_data).letter
    head = logged_in_client(zone.users["invest_head"])
    page = text_of(head.get(detail_url(letter)))
    assert "含敏感词（路灯）" in page and "审查通过" in page
    assert post_step(head, letter, "accept").status_code == 409  # not yet: the state does not allow it
    post_step(head, letter, "release", note="正常诉求。")
    post_step(head, letter, "accept")
    letter.refresh_from_db()
    assert letter.status == S.ACCEPTED and not letter.held_for_review


def test_forward_to_a_department_or_an_outside_body(zone, invest_box, letter_data):
    head = logged_in_client(zone.users["invest_head"])
    inside = to_state(submit_letter(invest_box, letter_data).letter, "forward", zone.users["admin"])
    response = post_step(head, inside, "forward")
    assert "请选择转办部门" in text_of(response)
    response = post_step(head, inside, "forward", department=zone.departments["finance"].pk)
    assert response.status_code == 302 and response["Location"] == reverse("letters_inbox:index")
    inside.refresh_from_db()
    assert inside.department == zone.departments["finance"] and inside.disposition == "forward"
    # Now 财政分局's: 招商's head no longer sees it, 财政's editor does.
    assert head.get(detail_url(inside)).status_code == 404
    assert logged_in_client(zone.users["finance_editor"]).get(detail_url(inside)).status_code == 200

    outside = to_state(submit_letter(invest_box, letter_data).letter, "forward", zone.users["admin"])
    post_step(head, outside, "forward", forwarded_to="来凤县住房和城乡建设局", note="属县住建局职责。")
    outside.refresh_from_db()
    assert outside.forwarded_to == "来凤县住房和城乡建设局" and outside.department == zone.departments["invest"]


def test_assign_with_working_days_or_a_date(zone, invest_box, letter_data):
    office = logged_in_client(zone.users["reviewer"])
    first = to_state(submit_letter(invest_box, letter_data).letter, "assign", zone.users["admin"])
    response = post_step(office, first, "assign", department=zone.departments["finance"].pk)
    assert "请填写办理期限" in text_of(response)
    post_step(office, first, "assign", department=zone.departments["finance"].pk, days="5")
    first.refresh_from_db()
    assert first.department == zone.departments["finance"] and first.disposition == "assign"
    assert first.due_on == add_working_days(timezone.localdate(), 5)

    second = to_state(submit_letter(invest_box, letter_data).letter, "assign", zone.users["admin"])
    holiday = next(
        timezone.localdate() + datetime.timedelta(days=n)
        for n in range(1, 30)
        if not is_working_day(timezone.localdate() + datetime.timedelta(days=n))
    )
    response = post_step(office, second, "assign", department=zone.departments["finance"].pk, due_on=holiday)
    assert "不是工作日" in text_of(response)
    workday = add_working_days(timezone.localdate(), 8)
    post_step(office, second, "assign", department=zone.departments["finance"].pk, due_on=workday.isoformat())
    second.refresh_from_db()
    assert second.due_on == workday


def test_publish_only_when_the_writer_agreed(zone, invest_box, letter_data):
    head = logged_in_client(zone.users["invest_head"])
    agreed = to_state(submit_letter(invest_box, letter_data).letter, "approve_reply", zone.users["admin"])
    post_step(head, agreed, "approve_reply", draft_reply="已修复。", is_published="on")
    agreed.refresh_from_db()
    assert agreed.is_published and Letter.objects.published().filter(pk=agreed.pk).exists()
    post_step(head, agreed, "publish", publish="0")
    agreed.refresh_from_db()
    assert not agreed.is_published

    refused = submit_letter(invest_box, {**letter_data, "is_public": False}).letter
    to_state(refused, "approve_reply", zone.users["admin"])
    page = head.get(detail_url(refused)).content.decode()
    assert "approve_reply-is_published" not in page  # never offered
    post_step(head, refused, "approve_reply", draft_reply="已修复。", is_published="on")
    refused.refresh_from_db()
    assert refused.status == S.REPLIED and not refused.is_published
    assert post_step(head, refused, "publish", publish="1").status_code == 409
    refused.refresh_from_db()
    assert not refused.is_published


def test_archive_and_reopen(zone, invest_box, letter_data):
    head = logged_in_client(zone.users["invest_head"])
    letter = to_state(submit_letter(invest_box, letter_data).letter, "reopen", zone.users["admin"])
    post_step(head, letter, "reopen", note="来信人反映仍未修复。")
    letter.refresh_from_db()
    assert letter.status == S.PROCESSING and letter.reopen_count == 1
    done = to_state(submit_letter(invest_box, letter_data).letter, "archive", zone.users["admin"])
    post_step(logged_in_client(zone.users["invest_editor"]), done, "archive")
    done.refresh_from_db()
    assert done.status == S.ARCHIVED


# ---- refused and stale steps ----------------------------------------------------------------------


def test_a_step_the_state_does_not_allow_is_refused_in_chinese(zone, letter):
    head = logged_in_client(zone.users["invest_head"])
    response = post_step(head, letter, "approve_reply", draft_reply="提前写好的答复。")
    assert response.status_code == 409
    assert any("不能" in text for text in message_texts(response))
    assert "提前写好的答复。" in response.content.decode()  # what was typed is still there
    assert head.post(detail_url(letter), {"step": "merge"}).status_code == 400
    letter.refresh_from_db()
    assert letter.status == S.PENDING


def test_a_stale_step_is_refused_and_keeps_the_typed_text(zone, letter):
    editor = logged_in_client(zone.users["invest_editor"])
    head = logged_in_client(zone.users["invest_head"])
    seen = step_data(letter, "reject", note="请向县信访局反映。")  # the head's page, drawn now
    perform(letter, "accept", user=zone.users["invest_editor"])  # meanwhile the editor accepts it
    response = head.post(detail_url(letter), seen)
    assert response.status_code == 409
    assert any("已被他人处理" in text and "已受理" in text for text in message_texts(response))
    assert "请向县信访局反映。" in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == S.ACCEPTED and not letter.rejection_reason

    # Two handlers editing the draft: the second save does not silently replace the first.
    perform(letter, "direct")
    first = step_data(letter, "draft", draft_reply="第一位承办人的答复。")
    second = step_data(letter, "draft", draft_reply="第二位承办人的答复。")
    assert editor.post(detail_url(letter), first).status_code == 302
    response = head.post(detail_url(letter), second)
    assert response.status_code == 409 and "第二位承办人的答复。" in response.content.decode()
    letter.refresh_from_db()
    assert letter.draft_reply == "第一位承办人的答复。"
    # The form shown again is based on the letter as it is now: sending it again works.
    assert (
        head.post(detail_url(letter), step_data(letter, "draft", draft_reply="第二位承办人的答复。")).status_code == 302
    )


# ---- attachments ------------------------------------------------------------------------------------


def test_attachments_are_never_public(zone, invest_box, letter_data):
    upload = SimpleUploadedFile("现场照片说明.pdf", PDF_BYTES, content_type="application/pdf")
    letter = submit_letter(invest_box, letter_data, attachments=[upload]).letter
    item = letter.attachments.get()
    stored = Path(item.file.path)
    assert stored.is_file()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        item.file.url  # noqa: B018 (no URL exists)
    # Guessing the public address finds nothing.
    assert Client().get(f"{settings.MEDIA_URL}{item.file.name}").status_code == 404
    assert Client().get(f"{settings.MEDIA_URL}letters/").status_code == 404

    url = reverse("letters_inbox:attachment", args=[letter.pk, item.pk])
    assert Client().get(url).status_code == 302  # to the login
    assert logged_in_client(zone.users["finance_editor"]).get(url).status_code == 404
    response = logged_in_client(zone.users["invest_editor"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    page = logged_in_client(zone.users["invest_editor"]).get(detail_url(letter)).content.decode()
    assert url in page and "现场照片说明.pdf" in page
    assert logged_in_client(zone.users["office_editor"]).get(url).status_code == 200


# ---- settings: office only ------------------------------------------------------------------------------


def test_mailboxes_categories_and_sensitive_words_are_the_offices(zone, invest_box):
    edit = reverse("letter_mailboxes:edit", args=[invest_box.pk])
    words = reverse("letter_sensitive_words:add")
    for user in ("invest_head", "invest_editor", "finance_head"):
        client = logged_in_client(zone.users[user])
        assert client.get(reverse("letter_mailboxes:index")).status_code in (302, 403)
        assert client.post(words, {"word": "某词"}).status_code in (302, 403)
        assert client.get(reverse("letter_categories:index")).status_code in (302, 403)
    assert not SensitiveWord.objects.filter(word="某词").exists()

    office = logged_in_client(zone.users["office_head"])
    page = office.get(edit)
    assert page.status_code == 200 and "答复期限（工作日）" in text_of(page)
    response = office.post(
        edit,
        {
            "name": "投资咨询",
            "slug": "invest",
            "description": "",
            "department": zone.departments["invest"].pk,
            "reply_days": "7",
            "is_active": "on",
            "sort_order": "10",
        },
    )
    assert response.status_code == 302, text_of(response)[:500]
    invest_box.refresh_from_db()
    assert invest_box.reply_days == 7
    assert office.post(words, {"word": "某词"}).status_code == 302
    assert SensitiveWord.objects.filter(word="某词").exists()
    assert "来信设置" in sidebar_labels(office.get(reverse("wagtailadmin_home")))
    head_menu = sidebar_labels(logged_in_client(zone.users["invest_head"]).get(reverse("wagtailadmin_home")))
    assert "来信设置" not in head_menu and "来信办理" in head_menu


# ---- all in Chinese ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["invest_head", "admin"])
def test_inbox_views_have_no_english(zone, invest_box, letter_data, role):
    from tests.core.test_admin_chinese import data_words, english_words

    upload = SimpleUploadedFile("说明.pdf", PDF_BYTES, content_type="application/pdf")
    pending = submit_letter(invest_box, letter_data, attachments=[upload]).letter
    reviewing = to_state(submit_letter(invest_box, letter_data).letter, "approve_reply", zone.users["admin"])
    processing = to_state(submit_letter(invest_box, letter_data).letter, "draft", zone.users["admin"])
    client = logged_in_client(zone.users[role])
    urls = [
        reverse("letters_inbox:index"),
        reverse("letters_inbox:index") + "?deadline=overdue&held=1&q=无此信件",
        detail_url(pending),
        detail_url(reviewing),
        detail_url(processing),
    ]
    if role == "admin":
        urls += [
            reverse("letter_mailboxes:index"),
            reverse("letter_mailboxes:edit", args=[invest_box.pk]),
            reverse("letter_categories:add"),
            reverse("letter_sensitive_words:index"),
        ]
    words_allowed = data_words()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), words_allowed)
        assert not words, f"{url} ({role}) shows English: {', '.join(words)}"
    # A refused step answers in Chinese too.
    response = post_step(client, processing, "reject", note="理由")
    assert response.status_code == 409 and not english_words(response.content.decode(), words_allowed)
