"""The public 信息公开 pages (served by :class:`~zoneportal.disclosure.pages.DisclosureIndexPage`'s routes).

The guide and the catalogue are ordinary pages the page cache may keep (a publish moves it on).
Filing a request follows the letters: the form keeps what was typed on every error, the
request is committed before the page says so, and the receipt (Post/Redirect/Get) shows the
query code once from the session, never in a URL. Looking up: the number and the query code
(one message for either being wrong) let this browser session see the request. Those pages
and the annual reports (their figures follow the requests) are ``never_cache``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from zoneportal.core.network import over_limit
from zoneportal.core.storage import private_download
from zoneportal.letters import captcha
from zoneportal.letters.public_forms import normalise_tracking_number, submission_key_from
from zoneportal.portal.models import ColumnPage
from zoneportal.portal.paging import page_of
from zoneportal.portal.visibility import visible_to_public

from . import deadlines
from .forms import CorrectionForm, LookupForm, RequestForm
from .models import AnnualReport, DisclosureRequest, RequestFile
from .pages import DisclosureIndexPage
from .rates import FILE_GROUP, LOOKUP_GROUP
from .statistics import year_table
from .submission import query_code_for, submit_request
from .workflow import event_label, perform

SESSION_RECEIPT = "disclosure_receipt"
SESSION_VERIFIED = "disclosure_verified"
#: Requests one browser session may have looked up at once (the oldest is forgotten first).
VERIFIED_KEEP = 10
RETRY_AFTER_SECONDS = 3600
#: Newest items shown per category of the catalogue.
NEWEST_PER_CATEGORY = 3
CATEGORY_PER_PAGE = 20


def _render(request: HttpRequest, page: DisclosureIndexPage, template: str, context: dict, status: int = 200):
    context = {"disclosure_url": page.get_url(request), **context}
    response: TemplateResponse = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _private(response: HttpResponse) -> HttpResponse:
    """Never kept by the page cache or by browsers."""
    add_never_cache_headers(response)
    return response


def _redirect(url: str) -> HttpResponse:
    return _private(HttpResponseRedirect(url))


# ---------------------------------------------------------------- guide, catalogue, reports


def guide(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """公开指南: the page's own text, then the ways into the catalogue, the reports and the request form."""
    return _render(request, page, "disclosure/guide.html", {"reports": _published_reports()[:3]})


def categories(page: DisclosureIndexPage):
    """The catalogue's categories: the live, public 政务公开 columns beside this page."""
    parent = page.get_parent()
    columns = ColumnPage.objects.child_of(parent).filter(column_type=ColumnPage.ColumnType.DISCLOSURE)
    return visible_to_public(columns).order_by("path")


def catalogue(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """公开目录: each category with how many items it holds and its newest ones."""
    entries = []
    for column in categories(page):
        articles = column.articles()
        entries.append({"column": column, "count": articles.count(), "newest": list(articles[:NEWEST_PER_CATEGORY])})
    context = {"entries": entries, "breadcrumb_title": _("公开目录")}
    return _render(request, page, "disclosure/catalogue.html", context)


def category(request: HttpRequest, page: DisclosureIndexPage, column_id: int) -> HttpResponse:
    """One category of the catalogue: its items, newest first, paged."""
    column = get_object_or_404(categories(page), pk=column_id)
    articles = page_of(Paginator(column.articles(), CATEGORY_PER_PAGE), request)
    context = {"column": column, "articles": articles, "breadcrumb_title": column.title}
    return _render(request, page, "disclosure/category.html", context)


def _published_reports():
    return AnnualReport.objects.filter(is_published=True)


def report_list(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """年度报告: the published years, newest first."""
    context = {"reports": _published_reports(), "breadcrumb_title": _("年度报告")}
    return _render(request, page, "disclosure/report_list.html", context)


def report(request: HttpRequest, page: DisclosureIndexPage, year: int) -> HttpResponse:
    """One year's report: its narrative and the statistics table computed from that year's requests."""
    annual = get_object_or_404(_published_reports(), year=year)
    context = {"report": annual, "table": year_table(year), "breadcrumb_title": str(annual)}
    return _private(_render(request, page, "disclosure/report.html", context))


# ---------------------------------------------------------------- filing a request


def apply(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """依申请公开: the form, its errors, and filing."""
    if request.method != "POST":
        return _form_page(request, page, RequestForm())
    key = submission_key_from(request.POST.get("submission_token", ""))
    if key:
        existing = DisclosureRequest.objects.filter(submission_key=key).first()
        if existing is not None:
            # Sent twice (two clicks, a resent form): the same request, number and code again.
            return _to_receipt(request, page, existing, query_code_for(key))
    form = RequestForm(request.POST, request.FILES)
    if not form.is_valid():
        if form.has_error("captcha_answer"):
            form.refresh_challenge()
        return _form_page(request, page, form)
    if over_limit(request, FILE_GROUP, settings.DISCLOSURE_RATE):
        response = _form_page(request, page, form, rate_limited=True, status=429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if not captcha.consume(request.POST.get("captcha_token", ""), key or ""):
        form.add_error("captcha_answer", captcha.USED)
        form.refresh_challenge()
        return _form_page(request, page, form)
    receipt = submit_request(form.request_data(), form.cleaned_data["proof"], submission_key=key)
    return _to_receipt(request, page, receipt.request, receipt.query_code)


def _form_page(
    request: HttpRequest, page: DisclosureIndexPage, form: RequestForm, rate_limited: bool = False, status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "rate_limited": rate_limited,
        "answer_days": deadlines.ANSWER_DAYS,
        "breadcrumb_title": _("申请公开"),
    }
    return _private(_render(request, page, "disclosure/apply.html", context, status))


def _remember(request: HttpRequest, number: str) -> None:
    verified = [n for n in request.session.get(SESSION_VERIFIED, []) if n != number]
    request.session[SESSION_VERIFIED] = [*verified, number][-VERIFIED_KEEP:]


def _to_receipt(request: HttpRequest, page: DisclosureIndexPage, stored: DisclosureRequest, code: str) -> HttpResponse:
    """Keep the receipt for one showing in the session, and let this browser see the request."""
    request.session[SESSION_RECEIPT] = {
        "number": stored.tracking_number,
        "code": code,
        "due_on": stored.due_on.isoformat() if stored.due_on else "",
    }
    _remember(request, stored.tracking_number)
    return _redirect(page.get_url(request) + "huizhi/")


def receipt(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """提交成功: the number and the query code, once (a reload says only how to look it up)."""
    data = request.session.pop(SESSION_RECEIPT, None)
    context = {"receipt": data, "answer_days": deadlines.ANSWER_DAYS, "breadcrumb_title": _("提交成功")}
    return _private(_render(request, page, "disclosure/receipt.html", context))


# ---------------------------------------------------------------- looking up


def lookup(request: HttpRequest, page: DisclosureIndexPage) -> HttpResponse:
    """查询: number and query code; right → this session may see the request."""
    context = {"breadcrumb_title": _("查询办理进度")}
    if request.method != "POST":
        form = LookupForm(initial={"tracking_number": request.GET.get("number", "")[:30]})
        return _private(_render(request, page, "disclosure/lookup.html", {**context, "form": form}))
    if over_limit(request, LOOKUP_GROUP, settings.DISCLOSURE_LOOKUP_RATE):
        form = LookupForm(initial={"tracking_number": request.POST.get("tracking_number", "")[:30]})
        context.update(form=form, rate_limited=True)
        response = _render(request, page, "disclosure/lookup.html", context, 429)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return _private(response)
    form = LookupForm(request.POST)
    if not form.is_valid():
        return _private(_render(request, page, "disclosure/lookup.html", {**context, "form": form}))
    number = form.request_found.tracking_number
    _remember(request, number)
    return _redirect(f"{page.get_url(request)}chaxun/{number}/")


def _verified(request: HttpRequest, page: DisclosureIndexPage, number: str) -> DisclosureRequest | HttpResponse:
    """The request ``number`` if this session gave its number and code, else the way to the look-up."""
    number = normalise_tracking_number(number)
    if number not in request.session.get(SESSION_VERIFIED, []):
        return _redirect(f"{page.get_url(request)}chaxun/?{urlencode({'number': number})}")
    found = DisclosureRequest.objects.filter(tracking_number=number).first()
    if found is None:
        raise Http404
    return found


def status(request: HttpRequest, page: DisclosureIndexPage, number: str) -> HttpResponse:
    """One request's timeline, deadline and answer; while a correction is asked for, the form to send it."""
    found = _verified(request, page, number)
    if isinstance(found, HttpResponse):
        return found
    here = f"{page.get_url(request)}chaxun/{found.tracking_number}/"
    correction = CorrectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if correction.is_valid():
            try:
                perform(found, "record_correction", note=correction.cleaned_data["text"])
            except ValidationError as error:  # IllegalTransition too: answered meanwhile, or the period is over
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("补正内容已提交，答复期限从今天起重新计算。"))
            return _redirect(here)
    timeline = [
        {"at": event.at, "label": event_label(event.action), "note": event.note} for event in found.public_timeline()
    ]
    context = {
        "item": found,
        "timeline": timeline,
        "reply_files": found.files.filter(role=RequestFile.Role.REPLY),
        "correction_form": correction if found.status == DisclosureRequest.Status.CORRECTION else None,
        "breadcrumb_title": _("办理进度"),
    }
    return _private(_render(request, page, "disclosure/status.html", context, 400 if correction.errors else 200))


def status_file(request: HttpRequest, page: DisclosureIndexPage, number: str, file_id: int) -> HttpResponse:
    """A file sent with the answer, to the session that looked the request up (a download)."""
    found = _verified(request, page, number)
    if isinstance(found, HttpResponse):
        return found
    item = get_object_or_404(found.files, pk=file_id, role=RequestFile.Role.REPLY)
    return _private(private_download(item.file, item.original_name))
