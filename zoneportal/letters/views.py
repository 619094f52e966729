"""The public letter pages (served by :class:`~zoneportal.letters.pages.MailboxIndexPage`'s routes).

Writing: the form keeps what was typed on every error, a letter is committed
before the page says so, and the receipt page (Post/Redirect/Get) shows the
query code once from the session, never from the URL. Looking up: a tracking
number and query code (one message for either being wrong) make the letter
visible in this browser session; rating and reopening need that too. Every
response here is ``never_cache``, so the page cache never keeps one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from zoneportal.core.models import Department
from zoneportal.core.network import over_limit
from zoneportal.faq.models import FaqEntry, FaqIndexPage
from zoneportal.faq.search import similar_entries
from zoneportal.portal.paging import page_of
from zoneportal.search import engine
from zoneportal.search.models import DocumentType

from . import captcha
from .forms import CONTENT_MAX
from .models import Letter, Mailbox
from .pages import RESERVED_SLUGS, MailboxIndexPage
from .presentation import PublicLetter
from .public_forms import LookupForm, PublicLetterForm, RatingForm, normalise_tracking_number, submission_key_from
from .rates import LOOKUP_GROUP, SEND_GROUP
from .submission import query_code_for, submit_letter
from .workflow import ACTIONS, IllegalTransition, allowed_actions, perform

logger = logging.getLogger(__name__)

#: What a writer reads when the attachments could not be written (the disk full): nothing was sent.
STORAGE_FAILED = gettext_lazy(
    "服务器暂时无法保存附件（存储空间不足），信件尚未提交。您填写的内容已保留，请稍后重新选择附件再提交，或不带附件提交。"
)
#: 507 Insufficient Storage: the server's fault, and temporary.
STORAGE_FAILED_STATUS = 507
#: 503 Service Unavailable: the cache recording used 验证问题 (Redis) does not answer.
UNAVAILABLE_STATUS = 503

SESSION_RECEIPT = "letters_receipt"
SESSION_VERIFIED = "letters_verified"
#: Letters one browser session may have looked up at once (the oldest is forgotten first).
VERIFIED_KEEP = 10
#: A visitor over LETTER_RATE (per hour by default) is asked to come back after this long.
RETRY_AFTER_SECONDS = 3600
SIMILAR_LIMIT = 5
SIMILAR_MIN_LENGTH = 2
SIMILAR_GROUP = "letter-similar"
#: Characters of an FAQ answer shown under its question among the suggestions.
SNIPPET_CHARS = 80

DEFAULT_NOTICE = (
    gettext_lazy("请如实反映情况，写明事情发生的时间、地点和您的诉求；一封信只反映一件事，便于尽快办理。"),
    gettext_lazy(
        "信件在工作日受理，一般在规定的工作日内答复，节假日顺延；提交后请记下信件编号和查询码，凭它们查询办理进度和答复。"
    ),
    gettext_lazy("您的姓名和联系方式只用于办理和答复，不会公开；同意公开的信件，答复后在网站公开时隐去个人信息。"),
    gettext_lazy("请勿在信中填写身份证号码、银行账号等敏感信息；涉及国家秘密的事项请勿通过网络来信反映。"),
)


def _respond(request: HttpRequest, page: MailboxIndexPage, template: str, context: dict, status: int = 200):
    """Render a route of the page; never kept by the page cache or by browsers."""
    context = {"letters_url": page.get_url(request), **context}
    response: TemplateResponse = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    add_never_cache_headers(response)
    return response


def _redirect(url: str) -> HttpResponse:
    response = HttpResponseRedirect(url)
    add_never_cache_headers(response)
    return response


# ---------------------------------------------------------------- choosing and writing


def choose_mailbox(request: HttpRequest, page: MailboxIndexPage) -> HttpResponse:
    """The mailboxes to write to, the way to look a letter up, and the latest published replies."""
    mailboxes = Mailbox.objects.filter(is_active=True).select_related("department")
    latest = _published().order_by("-replied_at")[:5]
    return _respond(
        request,
        page,
        "letters/mailbox_index_page.html",
        {"mailboxes": mailboxes, "latest": [PublicLetter.of(letter) for letter in latest]},
    )


def write(request: HttpRequest, page: MailboxIndexPage, slug: str) -> HttpResponse:
    """写信 to one mailbox: the form, its errors, similar replies, and sending."""
    if slug in RESERVED_SLUGS:
        raise Http404
    mailbox = get_object_or_404(Mailbox.objects.select_related("department"), slug=slug, is_active=True)
    context = {
        "mailbox": mailbox,
        "breadcrumb_title": mailbox.name,
        "similar_hits": None,
        "similar_answers": None,
        "files_dropped": False,
    }
    if request.method != "POST":
        return _write_page(request, page, PublicLetterForm(mailbox=mailbox), context)

    if "similar" in request.POST:
        # “查看相似问题” without JavaScript: the same page again with suggestions, nothing sent or checked.
        form = PublicLetterForm(initial=_typed(request), mailbox=mailbox)
        query = " ".join((request.POST.get("subject", ""), request.POST.get("content", "")[:100])).strip()
        limited = over_limit(request, SIMILAR_GROUP, settings.SUGGEST_RATE)
        hits = [] if limited else similar_replies(query, request)
        answers = [] if limited else similar_answers(query, request)
        context.update(similar_hits=hits, similar_answers=answers, files_dropped=bool(request.FILES))
        return _write_page(request, page, form, context)

    key = submission_key_from(request.POST.get("submission_token", ""))
    if key:
        existing = Letter.objects.filter(submission_key=key).first()
        if existing is not None:
            # Sent twice (two clicks, a resent form): the same letter, number and code again.
            return _to_receipt(request, page, existing, query_code_for(key))

    form = PublicLetterForm(request.POST, request.FILES, mailbox=mailbox)
    if not form.is_valid():
        if form.has_error("captcha_answer"):
            form.refresh_challenge()
        return _write_page(request, page, form, context)
    if over_limit(request, SEND_GROUP, settings.LETTER_RATE):
        # The text stays in the form; the answered question stays valid for when the visitor comes back.
        response = _write_page(request, page, form, {**context, "rate_limited": True}, status=429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    refused = captcha.refusal(request.POST.get("captcha_token", ""), key or "")
    if refused:
        form.add_error("captcha_answer", refused)
        form.refresh_challenge()
        # Redis down is the server's fault and temporary (503); a used question is the visitor's to answer again.
        status = UNAVAILABLE_STATUS if refused == str(captcha.UNAVAILABLE) else 200
        return _write_page(request, page, form, context, status=status)
    try:
        receipt = submit_letter(mailbox, form.letter_data(), form.cleaned_data["attachments"], submission_key=key)
    except OSError:
        # The media disk is full (or failing): submit_letter stored nothing — no letter, no file — so the
        # visitor is told so, keeps the text and may send again later (tests/reliability/test_media_full.py).
        logger.exception("a letter's attachments could not be written; nothing was stored")
        form.add_error("attachments", STORAGE_FAILED)
        form.refresh_challenge()  # the answered question was used up by this attempt
        return _write_page(request, page, form, {**context, "files_dropped": True}, status=STORAGE_FAILED_STATUS)
    return _to_receipt(request, page, receipt.letter, receipt.query_code)


def _typed(request: HttpRequest) -> dict:
    """What the visitor typed, as initial values of a fresh form (a new submission token only if theirs is bad)."""
    typed = {name: request.POST.get(name) for name in request.POST if name not in ("captcha_answer", "captcha_token")}
    if submission_key_from(typed.get("submission_token", "")) is None:
        typed.pop("submission_token", None)
    return typed


def _write_page(request, page, form: PublicLetterForm, context: dict, status: int = 200) -> HttpResponse:
    context = {
        **context,
        "form": form,
        "files_dropped": context.get("files_dropped") or form.attachments_dropped,
        "notice": page.notice_lines(),
        "rate_limited": context.get("rate_limited", False),
        "content_max": CONTENT_MAX,
    }
    return _respond(request, page, "letters/write.html", context, status=status)


def _to_receipt(request: HttpRequest, page: MailboxIndexPage, letter: Letter, code: str) -> HttpResponse:
    """Keep the receipt for one showing in the session, and let this browser see the letter's progress."""
    request.session[SESSION_RECEIPT] = {
        "number": letter.tracking_number,
        "code": code,
        "mailbox": letter.mailbox.name,
        "due_on": letter.due_on.isoformat(),
    }
    _remember(request, letter.tracking_number)
    return _redirect(page.get_url(request) + "huizhi/")


def receipt(request: HttpRequest, page: MailboxIndexPage) -> HttpResponse:
    """提交成功: the tracking number and the query code, once (a reload shows only how to look it up)."""
    data = request.session.pop(SESSION_RECEIPT, None)
    return _respond(request, page, "letters/receipt.html", {"receipt": data, "breadcrumb_title": _("提交成功")})


def similar_replies(query: str, request: HttpRequest) -> list[engine.SearchHit]:
    """Published replies like ``query``, from site search restricted to 信件回复.

    FAQ answers are offered beside them by :func:`similar_answers`.
    """
    query = engine.clean_query(query)
    if len(query) < SIMILAR_MIN_LENGTH:
        return []
    found = engine.search(
        engine.SearchRequest(
            query=query, site=Site.find_for_request(request), type=DocumentType.REPLY, per_page=SIMILAR_LIMIT
        )
    )
    return found.results


@dataclass(frozen=True)
class SimilarAnswer:
    """A published 便民问答 entry offered beside the similar replies: its question, a short answer, its page."""

    title: str
    snippet: str
    url: str


def similar_answers(query: str, request: HttpRequest) -> list[SimilarAnswer]:
    """Published FAQ entries like ``query`` (``faq.search.similar_entries``), linked to their own pages.

    None while no 便民问答 page is live: an entry nobody can open is not worth suggesting.
    """
    query = engine.clean_query(query)
    if len(query) < SIMILAR_MIN_LENGTH:
        return []
    faq_page = FaqIndexPage.objects.live().order_by("path").first()
    if faq_page is None:
        return []
    base = faq_page.get_url(request)
    entries: list[FaqEntry] = similar_entries(query, limit=SIMILAR_LIMIT)
    return [
        SimilarAnswer(
            entry.question, Truncator(" ".join(entry.answer.split())).chars(SNIPPET_CHARS), f"{base}{entry.pk}/"
        )
        for entry in entries
    ]


def similar(request: HttpRequest, page: MailboxIndexPage) -> HttpResponse:
    """The similar FAQ answers and replies as an HTML fragment, for the form's script (progressive enhancement)."""
    if over_limit(request, SIMILAR_GROUP, settings.SUGGEST_RATE):
        response = HttpResponse(status=429)
    else:
        query = request.GET.get("q", "")
        context = {
            "similar_hits": similar_replies(query, request),
            "similar_answers": similar_answers(query, request),
            "fragment": True,
        }
        response = TemplateResponse(request, "letters/includes/similar.html", context)
    add_never_cache_headers(response)
    return response


# ---------------------------------------------------------------- looking up, rating, reopening


def _remember(request: HttpRequest, number: str) -> None:
    verified = [n for n in request.session.get(SESSION_VERIFIED, []) if n != number]
    request.session[SESSION_VERIFIED] = [*verified, number][-VERIFIED_KEEP:]


def lookup(request: HttpRequest, page: MailboxIndexPage) -> HttpResponse:
    """查询: tracking number and query code; right → this session may see the letter."""
    context = {"breadcrumb_title": _("查询办理进度")}
    if request.method != "POST":
        form = LookupForm(initial={"tracking_number": request.GET.get("number", "")[:30]})
        return _respond(request, page, "letters/lookup.html", {**context, "form": form})
    if over_limit(request, LOOKUP_GROUP, settings.LETTER_LOOKUP_RATE):
        form = LookupForm(initial={"tracking_number": request.POST.get("tracking_number", "")[:30]})
        response = _respond(request, page, "letters/lookup.html", {**context, "form": form, "rate_limited": True}, 429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _respond(request, page, "letters/lookup.html", {**context, "form": form})
    _remember(request, form.letter.tracking_number)
    return _redirect(f"{page.get_url(request)}chaxun/{form.letter.tracking_number}/")


def status(request: HttpRequest, page: MailboxIndexPage, number: str) -> HttpResponse:
    """One letter's progress, deadline and reply; rating it and asking once to reopen it."""
    number = normalise_tracking_number(number)
    if number not in request.session.get(SESSION_VERIFIED, []):
        return _redirect(f"{page.get_url(request)}chaxun/?{urlencode({'number': number})}")
    letter = get_object_or_404(
        Letter.objects.select_related("mailbox", "category", "department", "reply_department", "merged_into"),
        tracking_number=number,
    )
    here = f"{page.get_url(request)}chaxun/{number}/"
    rating_form = RatingForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "rate":
            rating_form = RatingForm(request.POST)
            if rating_form.is_valid():
                return _act(
                    request,
                    letter,
                    "rate",
                    here,
                    _("感谢您的评价。"),
                    satisfaction=rating_form.cleaned_data["satisfaction"],
                    satisfaction_comment=rating_form.cleaned_data["comment"].strip(),
                )
        elif action == "reopen":
            return _act(request, letter, "reopen", here, _("已申请重新办理，承办部门将重新答复。"))
        else:
            return _redirect(here)
    actions = allowed_actions(letter)
    context = {
        "letter": letter,
        "timeline": [
            {
                "at": event.at,
                "label": ACTIONS[event.action].label if event.action in ACTIONS else event.action,
                "department": event.department.name if event.department_id else "",
                "note": event.note,
            }
            for event in letter.public_timeline()
        ],
        "rating_form": rating_form if "rate" in actions else None,
        "can_reopen": "reopen" in actions,
        "days_left": letter.working_days_left() if letter.is_open else None,
        "breadcrumb_title": _("办理进度"),
    }
    return _respond(request, page, "letters/status.html", context, status=400 if rating_form.errors else 200)


def _act(request: HttpRequest, letter: Letter, action: str, here: str, done: str, **changes) -> HttpResponse:
    try:
        perform(letter, action, **changes)
    except IllegalTransition as error:
        messages.error(request, " ".join(error.messages))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return _redirect(here)


# ---------------------------------------------------------------- published letters


def _published():
    return Letter.objects.published().select_related("mailbox", "category", "department", "reply_department")


def published_list(request: HttpRequest, page: MailboxIndexPage) -> HttpResponse:
    """公开信件: replied letters their writers allowed to publish, masked, filtered and paged."""
    letters = _published()
    mailbox = request.GET.get("mailbox", "")
    department = request.GET.get("department", "")
    keyword = engine.clean_query(request.GET.get("q", ""))[:50]
    if mailbox:
        letters = letters.filter(mailbox__slug=mailbox)
    if department:
        letters = letters.filter(
            Q(reply_department__slug=department) | Q(reply_department=None, department__slug=department)
        )
    for word in keyword.split():
        letters = letters.filter(Q(subject__icontains=word) | Q(content__icontains=word) | Q(reply__icontains=word))
    paginator = Paginator(letters.order_by("-replied_at", "-pk"), page.per_page)
    page_obj = page_of(paginator, request)
    published = Letter.objects.published()
    context = {
        "page_obj": page_obj,
        "letters": [PublicLetter.of(letter) for letter in page_obj.object_list],
        "mailboxes": Mailbox.objects.filter(pk__in=published.values("mailbox")),
        "departments": Department.objects.filter(
            Q(pk__in=published.values("reply_department")) | Q(pk__in=published.values("department"))
        ),
        "mailbox_filter": mailbox,
        "department_filter": department,
        "keyword": keyword,
        "breadcrumb_title": _("公开信件"),
    }
    return _respond(request, page, "letters/published_list.html", context)


def published_detail(request: HttpRequest, page: MailboxIndexPage, number: str) -> HttpResponse:
    """One published letter and its reply (404 for any letter not published)."""
    letter = get_object_or_404(_published(), tracking_number=normalise_tracking_number(number))
    public = PublicLetter.of(letter)
    return _respond(
        request, page, "letters/published_detail.html", {"letter": public, "breadcrumb_title": public.subject}
    )
