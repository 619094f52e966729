"""The demo's letters: the 领导信箱 page under 互动交流, the five mailboxes and some forty letters in every state.

Letters are taken through :func:`zoneportal.letters.workflow.perform` by the
departments' demo accounts, exactly as staff would handle them, so each has its
full log; the log's times are then set back to plausible working days before
the day the demo is loaded. Writers are not notified (nobody wrote these).
Everything here is generated demo data (see ``content/letters.py``).
"""

from __future__ import annotations

import html
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from zoneportal.core.models import Department
from zoneportal.core.workdays import add_working_days
from zoneportal.letters import numbers
from zoneportal.letters.models import Letter, LetterCategory, LetterEvent, Mailbox, SensitiveWord
from zoneportal.letters.pages import MailboxIndexPage
from zoneportal.letters.submission import query_code_for
from zoneportal.letters.workflow import perform

from .content.letters import DEMO_NOTE, LETTERS, MAILBOXES, SENSITIVE_WORDS, WRITERS, LetterSpec, letter_texts
from .figures import check

#: The mailbox the home page's 我要写信 opens.
DIRECTOR_SLUG = "zhuren"
SUBMISSION_PREFIX = "demo-letter-"
DISSATISFIED_COMMENT = "夜里还是能听到机器声，希望加强监管。"


def create_letters_page(builder) -> MailboxIndexPage:
    """互动交流 › 领导信箱: the page that serves writing, looking up and the published letters."""
    office = builder.departments["bangongshi"]
    page = MailboxIndexPage(
        title="领导信箱",
        slug="xinxiang",
        department=office,
        intro=f"<p>{html.escape('给管委会主任写信，投诉、咨询、建议和举报；凭信件编号和查询码查询办理进度。')}</p>"
        f"<p>{html.escape(DEMO_NOTE)}</p>",
        keywords="主任信箱,投诉,咨询,建议,举报,写信",
        show_in_menus=True,
    )
    builder.create_page(builder.pages["interaction"], page, "mailbox", office)
    builder.publish(page, office)
    return page


def create_letters(builder) -> None:
    """The mailboxes with their categories, then every demo letter, one tick each."""
    check(letter_texts())
    for word in SENSITIVE_WORDS:
        SensitiveWord.objects.get_or_create(word=word)
    mailboxes: dict[str, Mailbox] = {}
    for order, spec in enumerate(MAILBOXES):
        mailbox, _created = Mailbox.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "description": spec.description,
                "department": builder.departments[spec.department],
                "allows_anonymous": spec.allows_anonymous,
                "reply_days": spec.reply_days,
                "sort_order": order,
            },
        )
        for position, name in enumerate(spec.categories):
            LetterCategory.objects.get_or_create(mailbox=mailbox, name=name, defaults={"sort_order": position})
        mailboxes[spec.slug] = mailbox
    builder.progress.tick()
    now = timezone.now()
    created: list[Letter] = []
    for index, spec in enumerate(LETTERS):
        created.append(_letter(builder, index, spec, mailboxes[spec.mailbox], created, now))
        builder.progress.tick()


def remove_letters(departments: list[Department]) -> None:
    """Delete the letters and mailboxes of the demo's departments (they protect the departments)."""
    Letter.objects.filter(
        Q(mailbox__department__in=departments) | Q(department__in=departments) | Q(reply_department__in=departments)
    ).delete()
    Mailbox.objects.filter(department__in=departments).delete()


class _Clock:
    """The demo times of one letter's steps: working days after receipt, never later than now."""

    def __init__(self, received: datetime, now: datetime) -> None:
        self.received, self.now = received, now

    def at(self, working_days: int, hour: int) -> datetime:
        day = add_working_days(self.received, working_days) if working_days else timezone.localdate(self.received)
        when = timezone.make_aware(datetime.combine(day, time(hour, (hour * 7) % 60)))
        when = max(when, self.received + timedelta(minutes=5 * hour))
        return min(when, self.now - timedelta(minutes=30 - hour))


def _received_at(now: datetime, days_ago: int, index: int) -> datetime:
    local = timezone.localtime(now) - timedelta(days=days_ago)
    when = local.replace(hour=8 + index % 9, minute=(index * 13) % 60, second=0, microsecond=0)
    return min(when, now - timedelta(hours=1))


def _letter(builder, index: int, spec: LetterSpec, mailbox: Mailbox, earlier: list[Letter], now: datetime) -> Letter:
    received = _received_at(now, spec.days_ago, index)
    key = f"{SUBMISSION_PREFIX}{index + 1:02d}"
    number = numbers.allocate_tracking_number(timezone.localdate(received))
    anonymous = spec.anonymous
    name = "" if anonymous else WRITERS[index % len(WRITERS)]
    letter = Letter(
        tracking_number=number,
        query_code_hash=numbers.hash_query_code(number, query_code_for(key)),
        submission_key=key,
        mailbox=mailbox,
        category=mailbox.categories.filter(name=spec.category).first(),
        subject=spec.subject,
        content=spec.content,
        name=name,
        phone="" if anonymous else f"1380000{index + 1:04d}",  # generated demo number
        email=f"demo{index + 1}@example.org" if index % 3 == 0 and not anonymous else "",
        is_public=spec.state in ("published", "reopened") or (spec.state != "private" and index % 2 == 0),
        is_anonymous=anonymous,
        department=mailbox.department,
        received_at=received,
        held_for_review=spec.state == "held",
        held_words="、".join(word for word in SENSITIVE_WORDS if word in spec.content),
    )
    letter.due_on = letter.compute_due_on()
    letter.save()
    LetterEvent.objects.create(
        letter=letter, at=received, action="receive", to_status=letter.status, department=letter.department
    )
    clock = _Clock(received, now)
    steps = _Steps(builder, letter, clock)
    state = spec.state
    if state in ("pending", "held"):
        return letter
    if state == "rejected":
        steps.take("reject", 1, 10, note=spec.note)
        return letter
    if state == "merged":
        target = earlier[0]
        note = f"与信件 {target.tracking_number} 反映的问题相同，合并办理。"
        steps.take("merge", 1, 10, merged_into=target, note=note)
        return letter
    steps.take("accept", 0 if spec.days_ago == 0 else 1, 9)
    if state == "accepted":
        return letter
    if spec.department:
        steps.take("assign", 1, 11, department=builder.departments[spec.department])
    elif spec.forwarded_to:
        steps.take("forward", 1, 11, forwarded_to=spec.forwarded_to)
    else:
        steps.take("direct", 1, 11)
    if state in ("processing", "overdue"):
        return letter
    steps.take("submit_reply", 2, 15, draft_reply=spec.reply)
    if state == "reviewing":
        return letter
    steps.take("approve_reply", 3, 10, approve=True)
    Letter.objects.filter(pk=letter.pk).update(replied_at=clock.at(3, 10))
    if spec.rating:
        comment = DISSATISFIED_COMMENT if spec.rating == Letter.Satisfaction.DISSATISFIED else ""
        steps.take("rate", 5, 20, public_user=True, satisfaction=spec.rating, satisfaction_comment=comment)
        Letter.objects.filter(pk=letter.pk).update(rated_at=clock.at(5, 20))
    if state == "reopened":
        steps.take("reopen", 6, 9, public_user=True)
        return letter
    if spec.archived:
        steps.take("archive", 8, 16)
    if state == "published":
        Letter.objects.filter(pk=letter.pk).update(is_published=True)
    letter.refresh_from_db()
    return letter


class _Steps:
    """Takes workflow steps on one letter as the department's demo staff, then dates the logged step."""

    def __init__(self, builder, letter: Letter, clock: _Clock) -> None:
        self.builder, self.letter, self.clock = builder, letter, clock

    def take(
        self, action: str, working_days: int, hour: int, approve: bool = False, public_user: bool = False, **changes
    ) -> None:
        department = self.letter.department
        if public_user:
            user = None  # the writer, through the status page
        elif approve:
            user = department.heads_group.user_set.order_by("pk").first() if department.heads_group_id else None
        else:
            user = self.builder.editors.get(department.slug)
        note = changes.pop("note", "")
        perform(self.letter, action, user=user, note=note, department=changes.pop("department", None), **changes)
        event = LetterEvent.objects.filter(letter=self.letter).order_by("-pk").first()
        event.at = self.clock.at(working_days, hour)
        event.save(update_fields=["at"])


def example_lookup() -> tuple[str, str] | None:
    """The tracking number and query code of one answered demo letter, to try the status page with."""
    letter = (
        Letter.objects.published()
        .filter(submission_key__startswith=SUBMISSION_PREFIX, status=Letter.Status.REPLIED)
        .order_by("received_at")
        .first()
    )
    return (letter.tracking_number, query_code_for(letter.submission_key)) if letter else None
