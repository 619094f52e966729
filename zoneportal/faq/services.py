"""What other parts of the portal do with the FAQ: turn a letter's reply into an entry, count a vote."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from zoneportal.core.models import Department

from .models import FaqEntry, FaqTopic, FaqVote

QUESTION_MAX_LENGTH = FaqEntry._meta.get_field("question").max_length


def entry_from_reply(
    *,
    question: str,
    answer: str,
    department: Department,
    topic: FaqTopic | None = None,
    source_reference: str = "",
    user=None,
) -> FaqEntry:
    """Turn an answered letter into an FAQ entry in one step; the entry is created **unpublished**.

    A reply is written to one person about their case: it may name them, their
    company or their plot, and it answers their question as they put it. Before
    the public reads it as a general answer the department rewrites the question
    in general terms and checks the answer, then ticks 公开 in the back office.
    ``source_reference`` (the letter's tracking number) stays on the entry as its
    link back to the letter. A question longer than an entry's question field is
    shortened with “…”; the letter keeps the full text.
    """
    question = " ".join(question.split())
    if len(question) > QUESTION_MAX_LENGTH:
        question = question[: QUESTION_MAX_LENGTH - 1] + "…"
    entry = FaqEntry(
        question=question,
        answer=answer.strip(),
        department=department,
        topic=topic,
        source_reference=source_reference[:64],
        published=False,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    entry.full_clean()
    entry.save()
    return entry


def address_key(ip: str) -> str:
    """A keyed hash of a visitor's address and today's date: counts votes per address without keeping it."""
    value = f"{ip}|{timezone.localdate().isoformat()}"
    return salted_hmac("zoneportal.faq.vote", value, algorithm="sha256").hexdigest()[:16]


@dataclass
class VoteResult:
    """What happened to a vote, and the entry's counts afterwards."""

    counted: bool
    helpful_count: int
    unhelpful_count: int


def cast_vote(entry: FaqEntry, *, voter: str, helpful: bool, address: str) -> VoteResult:
    """Count one browser's 有用/没用 on ``entry`` once: a second vote of the same browser changes nothing.

    The unique (entry, voter) row and the count go into the database together.
    A visitor who throws the browser's token away to vote again is still
    capped: at most ``FAQ_VOTES_PER_ADDRESS`` votes per entry from one address
    a day (offices share an address, so the cap is not 1).
    """
    counted = False
    with transaction.atomic():
        same_address = FaqVote.objects.filter(entry=entry, address=address).count()
        if same_address < settings.FAQ_VOTES_PER_ADDRESS:
            try:
                with transaction.atomic():
                    FaqVote.objects.create(entry=entry, voter=voter, address=address, helpful=helpful)
                counted = True
            except IntegrityError:
                counted = False  # this browser has voted on this entry already
        if counted:
            field = "helpful_count" if helpful else "unhelpful_count"
            FaqEntry.objects.filter(pk=entry.pk).update(**{field: F(field) + 1})
    entry.refresh_from_db(fields=["helpful_count", "unhelpful_count"])
    return VoteResult(counted, entry.helpful_count, entry.unhelpful_count)
