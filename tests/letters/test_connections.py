"""Letters joined to the FAQ and the ledger: FAQ answers suggested on the letter form, 转为问答 and
开立整改事项 from the letter page in the back office (who may, what is made, what is logged), and the
writer told of the reply exactly once."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import add_page
from tests.letters.test_inbox import detail_url, post_step, to_state
from tests.utils import logged_in_client, message_texts, soup, text_of
from zoneportal.faq.models import FaqEntry, FaqIndexPage
from zoneportal.letters.models import Letter, LetterEvent, Mailbox
from zoneportal.letters.pages import MailboxIndexPage
from zoneportal.letters.submission import submit_letter
from zoneportal.letters.workflow import perform
from zoneportal.portal.models import ColumnPage
from zoneportal.rectification.models import RectificationItem

pytestmark = pytest.mark.django_db

S = Letter.Status
REPLY = "经核实，北路路灯已于本周更换完毕，感谢您对园区建设的关心。"


@pytest.fixture
def invest_box(zone) -> Mailbox:
    """A mailbox answered by 招商发展分局."""
    return Mailbox.objects.create(slug="invest", name="投资咨询", department=zone.departments["invest"])


@pytest.fixture
def letter(invest_box, letter_data) -> Letter:
    return submit_letter(invest_box, letter_data).letter


@pytest.fixture
def answered(letter, zone) -> Letter:
    """The letter answered by 招商发展分局 (已答复)."""
    to_state(letter, "approve_reply", zone.users["invest_head"])
    perform(letter, "approve_reply", user=zone.users["invest_head"], draft_reply=REPLY)
    letter.refresh_from_db()
    return letter


@pytest.fixture
def pages(zone, mailbox) -> tuple[MailboxIndexPage, FaqIndexPage]:
    """互动交流 with 领导信箱 and 便民问答 in the test zone."""
    column = add_page(
        zone.home,
        ColumnPage(title="互动交流", slug="hudong", column_type=ColumnPage.ColumnType.INTERACTION, show_in_menus=True),
    )
    office = zone.departments["office"]
    letters = add_page(column, MailboxIndexPage(title="领导信箱", slug="xinxiang", department=office))
    faq = add_page(column, FaqIndexPage(title="便民问答", slug="wenda", department=office))
    return letters, faq


# ---- 1. FAQ answers beside the similar replies on the letter form -------------------------------------


def test_similar_faq_answers_are_offered_without_and_with_javascript(client, zone, pages):
    letters_page, faq_page = pages
    entry = FaqEntry.objects.create(
        department=zone.departments["invest"],
        question="园区路灯坏了找哪个部门报修？",
        answer="园区道路照明由国土建设分局负责维护，可拨打服务热线报修，一般三个工作日内修复。",
        published=True,
    )
    FaqEntry.objects.create(
        department=zone.departments["invest"], question="路灯维修的内部安排", answer="路灯尚未公开", published=False
    )
    url = f"{letters_page.url}director/"
    # Without JavaScript: 查看相似问题 posts the form back; the FAQ answer is listed with a link to its page.
    response = client.post(url, {"similar": "1", "subject": "路灯不亮", "content": "北路的路灯坏了", "name": "李四"})
    page = soup(response)
    links = page.select(".similar__list--faq a")
    assert [a["href"] for a in links] == [f"{faq_page.url}{entry.pk}/"]
    assert "园区路灯坏了找哪个部门报修？" in links[0].get_text()
    assert "国土建设分局负责维护" in page.select_one(".similar__list--faq .similar__snippet").get_text()
    assert "路灯维修的内部安排" not in text_of(response)  # unpublished entries are never suggested
    assert page.find(id="id_name")["value"] == "李四" and Letter.objects.count() == 0
    # The script's fragment carries the same answers.
    fragment = soup(client.get(f"{letters_page.url}xiangsi/", {"q": "路灯坏了"}))
    assert [a["href"] for a in fragment.select(".similar__list--faq a")] == [f"{faq_page.url}{entry.pk}/"]
    # Nothing alike: one sentence says so.
    nothing = client.get(f"{letters_page.url}xiangsi/", {"q": "营业执照"})
    assert "没有找到相似的便民问答或公开答复" in text_of(nothing)


def test_no_faq_suggestions_while_no_faq_page_is_live(client, zone, pages):
    letters_page, faq_page = pages
    FaqEntry.objects.create(
        department=zone.departments["invest"], question="路灯坏了找谁？", answer="拨打服务热线。", published=True
    )
    fragment = soup(client.get(f"{letters_page.url}xiangsi/", {"q": "路灯坏了"}))
    assert len(fragment.select(".similar__list--faq a")) == 1
    faq_page.unpublish()
    fragment = soup(client.get(f"{letters_page.url}xiangsi/", {"q": "路灯坏了"}))
    assert fragment.select(".similar__list--faq a") == []


# ---- 2. 转为问答 ----------------------------------------------------------------------------------------


def to_faq_url(letter: Letter) -> str:
    return reverse("letters_inbox:to_faq", args=[letter.pk])


def test_an_answered_letter_becomes_an_unpublished_faq_entry_in_one_step(zone, answered):
    editor = logged_in_client(zone.users["invest_editor"])
    page = soup(editor.get(detail_url(answered)))
    assert page.find(id="letter-to-faq")["action"] == to_faq_url(answered)

    response = editor.post(to_faq_url(answered))
    entry = FaqEntry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_faq_faqentry:edit", args=[entry.pk])
    assert any("已根据信件" in text and "未公开" in text for text in message_texts(response))
    assert entry.question.startswith(f"{answered.subject}：工业园区北路夜间路灯损坏多日")
    assert entry.answer == REPLY and entry.department == zone.departments["invest"]
    assert entry.source_reference == answered.tracking_number and not entry.published
    assert entry.created_by == zone.users["invest_editor"]
    event = LetterEvent.objects.get(letter=answered, action="to_faq")
    assert not event.is_public and event.actor == zone.users["invest_editor"]
    assert "to_faq" not in [e.action for e in answered.public_timeline()]
    # The entry's edit page opens for the editor; the letter page now links to it instead of the button.
    assert editor.get(response["Location"]).status_code == 200
    page = soup(editor.get(detail_url(answered)))
    assert page.find(id="letter-to-faq") is None
    assert page.find(id="letter-faq").a["href"] == response["Location"]
    assert "转为问答" in page.find(id="letter-log").get_text()
    # A second click (or a resent form) makes no second entry.
    again = editor.post(to_faq_url(answered))
    assert again["Location"] == response["Location"] and FaqEntry.objects.count() == 1


def test_to_faq_is_refused_to_those_who_may_not_see_the_letter_or_reply(zone, answered, letter_data, invest_box):
    # The office (its department's staff too, core.ownership.is_office) acts for every department.
    office_editor = logged_in_client(zone.users["office_editor"])
    assert soup(office_editor.get(detail_url(answered))).find(id="letter-to-faq") is not None
    # Another department does not even see the letter.
    assert logged_in_client(zone.users["finance_editor"]).post(to_faq_url(answered)).status_code == 404
    assert FaqEntry.objects.count() == 0
    assert not LetterEvent.objects.filter(action="to_faq").exists()
    # A letter without a reply yet: no button, and the step is refused.
    open_letter = to_state(submit_letter(invest_box, letter_data).letter, "draft", zone.users["invest_head"])
    editor = logged_in_client(zone.users["invest_editor"])
    assert soup(editor.get(detail_url(open_letter))).find(id="letter-to-faq") is None
    response = editor.post(to_faq_url(open_letter))
    assert response.status_code == 302 and FaqEntry.objects.count() == 0
    assert any("尚未答复" in text for text in message_texts(response))
    # The office's reviewers may (they manage every department's FAQ).
    response = logged_in_client(zone.users["reviewer"]).post(to_faq_url(answered))
    assert response.status_code == 302 and FaqEntry.objects.get().department == zone.departments["invest"]


# ---- 3. 开立整改事项 from a letter ---------------------------------------------------------------------


def to_ledger_url(letter: Letter) -> str:
    return reverse("letters_inbox:to_ledger", args=[letter.pk])


def test_a_ledger_item_is_opened_from_an_accepted_letter(zone, letter):
    head = logged_in_client(zone.users["invest_head"])
    assert soup(head.get(detail_url(letter))).find(id="letter-to-ledger") is None  # 待受理: not yet
    assert head.post(to_ledger_url(letter)).status_code == 302 and not RectificationItem.objects.exists()
    perform(letter, "accept", user=zone.users["invest_head"])
    assert soup(head.get(detail_url(letter))).find(id="letter-to-ledger")["action"] == to_ledger_url(letter)

    response = head.post(to_ledger_url(letter))
    item = RectificationItem.objects.get()
    assert response["Location"] == reverse("rectification_item:edit", args=[item.pk])
    assert any("开立整改事项" in text for text in message_texts(response))
    assert (item.title, item.description) == (letter.subject, letter.content)
    assert item.source_kind == RectificationItem.SourceKind.LETTER
    assert item.source_reference == letter.tracking_number and item.source_url == detail_url(letter)
    assert item.department == zone.departments["invest"] and item.state == RectificationItem.State.IN_PROGRESS
    assert not item.is_public and item.created_by == zone.users["invest_head"]
    event = LetterEvent.objects.get(letter=letter, action="to_rectification")
    assert not event.is_public and item.title in event.note
    assert head.get(response["Location"]).status_code == 200
    page = soup(head.get(detail_url(letter)))
    assert page.find(id="letter-ledger-items").a["href"] == response["Location"]
    assert "开立整改事项" in page.find(id="letter-log").get_text()


@pytest.mark.parametrize("status", [S.PROCESSING, S.REPLIED, S.RATED, S.ARCHIVED])
def test_any_state_after_acceptance_may_open_an_item(zone, letter, status):
    to_state(letter, "approve_reply", zone.users["invest_head"])
    if status != S.PROCESSING:
        perform(letter, "approve_reply", user=zone.users["invest_head"])
    if status in (S.RATED, S.ARCHIVED):
        perform(letter, "rate", satisfaction=Letter.Satisfaction.SATISFIED)
    if status == S.ARCHIVED:
        perform(letter, "archive")
    if status == S.PROCESSING:
        perform(letter, "return_reply", note="请补充。")
    letter.refresh_from_db()
    assert letter.status == status
    response = logged_in_client(zone.users["invest_editor"]).post(to_ledger_url(letter))
    assert response.status_code == 302 and RectificationItem.objects.count() == 1


def test_ledger_items_are_refused_to_those_who_may_not(zone, letter):
    perform(letter, "accept")
    office_editor = logged_in_client(zone.users["office_editor"])
    assert soup(office_editor.get(detail_url(letter))).find(id="letter-to-ledger") is not None
    assert logged_in_client(zone.users["finance_head"]).post(to_ledger_url(letter)).status_code == 404
    assert not RectificationItem.objects.exists()
    assert not LetterEvent.objects.filter(action="to_rectification").exists()
    response = logged_in_client(zone.users["reviewer"]).post(to_ledger_url(letter))
    assert response.status_code == 302 and RectificationItem.objects.get().department == zone.departments["invest"]
    rejected = submit_letter(letter.mailbox, {**_data(letter), "subject": "另一封信"}).letter
    perform(rejected, "reject", note="不属于本区职责。")
    assert logged_in_client(zone.users["invest_head"]).post(to_ledger_url(rejected)).status_code == 302
    assert RectificationItem.objects.count() == 1


def _data(letter: Letter) -> dict:
    return {
        "subject": letter.subject,
        "content": letter.content,
        "name": letter.name,
        "phone": letter.phone,
        "email": letter.email,
        "is_public": letter.is_public,
        "is_anonymous": letter.is_anonymous,
    }


# ---- 5. the writer is told of the reply exactly once ------------------------------------------------


def test_the_writer_is_told_of_the_reply_once(
    zone, invest_box, letter_data, sms_outbox, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        receipt = submit_letter(invest_box, {**letter_data, "email": "writer@example.org"})
    letter = receipt.letter
    sms_outbox.clear()
    mail.outbox.clear()
    to_state(letter, "approve_reply", zone.users["invest_head"])
    head = logged_in_client(zone.users["invest_head"])
    with django_capture_on_commit_callbacks(execute=True):
        response = post_step(head, letter, "approve_reply", draft_reply=REPLY)
        # The same form sent again (a second click) is refused as stale and tells nobody.
        again = head.post(detail_url(letter), {"step": "approve_reply", **_stale()})
    assert response.status_code == 302 and again.status_code in (403, 409)
    letter.refresh_from_db()
    assert letter.status == S.REPLIED
    texts = [message.text for message in sms_outbox]
    assert len(texts) == 1 and letter.tracking_number in texts[0] and "已答复" in texts[0]
    assert [message.to for message in mailoutbox] == [["writer@example.org"]]
    assert letter.tracking_number in mailoutbox[0].body
    # Rating, archiving, publishing and the follow-ups afterwards tell the writer nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        perform(letter, "rate", satisfaction=Letter.Satisfaction.SATISFIED)
        head.post(to_faq_url(letter))
        head.post(to_ledger_url(letter))
        post_step(head, letter, "archive")
    assert len(sms_outbox) == 1 and len(mailoutbox) == 1


def _stale() -> dict:
    """The approve form as it was before the first click (its version is now out of date)."""
    return {"approve_reply-version": "stale-version", "approve_reply-draft_reply": REPLY}


def test_the_letter_page_with_its_follow_ups_is_in_chinese(zone, answered):
    from tests.core.test_admin_chinese import english_words

    response = logged_in_client(zone.users["invest_head"]).get(detail_url(answered))
    assert soup(response).find(id="letter-follow-up") is not None
    assert english_words(response.content.decode(), set()) == []
