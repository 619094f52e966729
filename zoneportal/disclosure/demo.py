"""The demo's 信息公开 (``load_demo``): the page under 政务公开 with its guide, the 2025 annual report, and
requests in every state, taken through :func:`workflow.perform` by the office reviewer as staff would.

Each step's log time is then set to the working day the spec names, so the timeline and the yearly table
read as if the requests had been handled then. Applicants are not notified (nobody filed these).
"""

from __future__ import annotations

import datetime
import html

from django.conf import settings
from django.utils import timezone

from zoneportal.core.workdays import add_working_days
from zoneportal.demo.content import disclosure as content
from zoneportal.demo.figures import check
from zoneportal.letters import numbers
from zoneportal.letters.submission import query_code_for

from . import deadlines
from .models import AnnualReport, DisclosureRequest, RequestCounter, RequestEvent
from .pages import DisclosureIndexPage
from .workflow import perform

SUBMISSION_PREFIX = "demo-disclosure-"
PAGE_KEY = "disclosure-page"
#: The demo request ``load_demo`` prints with its code (the one near its deadline).
EXAMPLE = 6


def steps() -> int:
    """Progress ticks of :func:`build`: the page and report, then one per request."""
    return 1 + len(content.REQUESTS)


def build(builder) -> None:
    """Create 政务公开 › 信息公开, the 2025 annual report and the demo requests (inside the demo's transaction)."""
    check(content.demo_texts())
    office = builder.departments["bangongshi"]
    if not DisclosureIndexPage.objects.filter(slug=content.PAGE_SLUG).exists():
        page = DisclosureIndexPage(
            title=content.PAGE_TITLE,
            slug=content.PAGE_SLUG,
            department=office,
            intro=f"<p>{html.escape(content.PAGE_INTRO)}</p>",
            keywords=content.PAGE_KEYWORDS,
            show_in_menus=True,
            guide=[
                (kind, text if kind == "heading" else f"<p>{html.escape(text)}</p>") for kind, text in content.GUIDE
            ],
        )
        builder.create_page(builder.pages["disclosure"], page, PAGE_KEY, office)
        builder.publish(page, office)
    AnnualReport.objects.update_or_create(
        year=content.REPORT_YEAR,
        defaults={
            "summary": content.REPORT_SUMMARY,
            "proactive": content.REPORT_PROACTIVE,
            "problems": content.REPORT_PROBLEMS,
            "is_published": True,
        },
    )
    builder.progress.tick()
    today = timezone.localdate()
    for index, spec in enumerate(content.REQUESTS):
        key = f"{SUBMISSION_PREFIX}{index + 1:02d}"
        if not DisclosureRequest.objects.filter(submission_key=key).exists():
            _request(builder, index, spec, today)
        builder.progress.tick()


def _received(spec: content.RequestSpec, today: datetime.date, index: int) -> datetime.datetime:
    day = datetime.date.fromisoformat(spec.received) if spec.received else add_working_days(today, -spec.days_ago)
    when = datetime.datetime.combine(day, datetime.time(9 + index % 7, (index * 11) % 60))
    return min(timezone.make_aware(when), timezone.now() - datetime.timedelta(hours=1))


def _at(received: datetime.datetime, working_days: int, hour: int = 10) -> datetime.datetime:
    day = add_working_days(received, working_days)
    return min(timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour))), timezone.now())


def _request(builder, index: int, spec: content.RequestSpec, today: datetime.date) -> DisclosureRequest:
    serial = index + 1
    key = f"{SUBMISSION_PREFIX}{serial:02d}"
    received = _received(spec, today, index)
    received_on = timezone.localdate(received)
    number = numbers.allocate_tracking_number(
        received_on, counter=RequestCounter, prefix=settings.DISCLOSURE_NUMBER_PREFIX
    )
    citizen = spec.kind == DisclosureRequest.ApplicantKind.CITIZEN
    request = DisclosureRequest.objects.create(
        tracking_number=number,
        query_code_hash=numbers.hash_query_code(number, query_code_for(key)),
        submission_key=key,
        applicant_kind=spec.kind,
        name=spec.name,
        id_number="11010519491231002X" if citizen else "",  # the standard's example number, nobody's
        organisation=spec.organisation,
        credit_code="" if citizen else f"91422827MA49{serial:05d}X",
        legal_representative="" if citizen else spec.name,
        phone=f"1390000{serial:04d}",  # generated demo number
        email=f"gongkai{serial}@example.org",
        address="来凤县翔凤镇（演示地址）" if spec.delivery == "post" else "",
        postcode="445700" if spec.delivery == "post" else "",
        description=spec.description,
        purpose=spec.purpose,
        medium=spec.medium,
        delivery=spec.delivery,
        received_at=received,
        clock_start=received_on,
        due_on=deadlines.answer_due(received_on),
    )
    RequestEvent.objects.create(request=request, at=received, action="receive", to_status=request.status)
    for step, days, arguments in spec.steps:
        when = _at(received, days)
        perform(request, step, user=builder.reviewer, on=timezone.localdate(when), **arguments)
        RequestEvent.objects.filter(pk=request.events.order_by("-pk").values("pk")[:1]).update(at=when)
        if request.closed_at is not None and step in ("answer", "lapse"):
            DisclosureRequest.objects.filter(pk=request.pk).update(closed_at=when)
    return request


def example_lookup() -> tuple[str, str] | None:
    """A demo request's number and query code (the one near its deadline), or None without the demo."""
    key = f"{SUBMISSION_PREFIX}{EXAMPLE + 1:02d}"
    request = DisclosureRequest.objects.filter(submission_key=key).first()
    return (request.tracking_number, query_code_for(key)) if request else None


def remove() -> None:
    """Delete the demo's requests and report (``load_demo --reset``); the page goes with the tree."""
    DisclosureRequest.objects.filter(submission_key__startswith=SUBMISSION_PREFIX).delete()
    AnnualReport.objects.filter(year=content.REPORT_YEAR).delete()
