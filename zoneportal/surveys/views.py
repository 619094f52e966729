"""The public survey pages below 互动交流: the list, a questionnaire, thanks and results.

The questionnaire works without JavaScript; ``surveys/survey.js`` only hides
questions whose condition is not met (the form discards their answers anyway).
A response is committed before the visitor is told it was received. One
response per browser (a cookie token, stored only as a keyed hash) and, for
verified surveys, per phone or e-mail; POSTs are rate-limited (``SURVEY_RATE``).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Page, Site

from zoneportal.core.network import over_limit

from . import results, verification
from .forms import SurveyForm
from .models import URL_PREFIX, ResponseFile, Survey, SurveyResponse, keyed_hash

TOKEN_COOKIE = "zp_survey"
TOKEN_MAX_AGE = 2 * 365 * 24 * 3600


def interaction_column(request: HttpRequest) -> Page | None:
    """The column the surveys live under (互动交流, by the first part of the URL), for navigation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    slug = URL_PREFIX.split("/")[0]
    return Page.objects.child_of(site.root_page).filter(slug=slug).live().specific().first()


def frame(request: HttpRequest, **context) -> dict:
    """Context shared by the pages: the column (main navigation, breadcrumbs) and the list's address."""
    column = interaction_column(request)
    return {"page": column, "column": column, **context}


def token_hash(survey: Survey, token: str) -> str:
    return keyed_hash("token", f"{survey.pk}:{token}")


def browser_token(request: HttpRequest) -> str:
    token = request.COOKIES.get(TOKEN_COOKIE, "")
    return token if 20 <= len(token) <= 64 and token.isascii() else ""


def with_token(response: HttpResponse, token: str) -> HttpResponse:
    """Give the browser its survey token (kept two years; only a hash of it is ever stored)."""
    response.set_cookie(
        TOKEN_COOKIE,
        token,
        max_age=TOKEN_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


@require_safe
def survey_list(request: HttpRequest) -> HttpResponse:
    """民意调查: open surveys first, then those not yet open, then closed ones (with their results)."""
    surveys = list(Survey.objects.filter(is_published=True).select_related("department"))
    groups = {status: [] for status in (Survey.Status.OPEN, Survey.Status.UPCOMING, Survey.Status.CLOSED)}
    for survey in surveys:
        groups[survey.status()].append(survey)
    sections = [
        (_("正在进行的调查"), groups[Survey.Status.OPEN]),
        (_("即将开始的调查"), groups[Survey.Status.UPCOMING]),
        (_("已结束的调查"), groups[Survey.Status.CLOSED]),
    ]
    return render(request, "surveys/index.html", frame(request, sections=sections, breadcrumb_title=_("民意调查")))


def render_survey(request: HttpRequest, survey: Survey, form: SurveyForm | None, status: int = 200, **extra):
    context = frame(
        request,
        survey=survey,
        form=form,
        blocks=form.blocks() if form is not None else [],
        state=survey.status(),
        breadcrumb_title=survey.title,
        **extra,
    )
    if form is not None:
        form.person_field_errors()
    return render(request, "surveys/survey.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def survey_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A questionnaire: shown, checked and stored; closed or not-yet-open surveys say so."""
    survey = get_object_or_404(Survey.objects.select_related("department"), slug=slug, is_published=True)
    token = browser_token(request) or secrets.token_urlsafe(24)
    if not survey.is_open():
        return with_token(render_survey(request, survey, None), token)
    if SurveyResponse.objects.filter(survey=survey, token_hash=token_hash(survey, token)).exists():
        return with_token(render_survey(request, survey, None, already=True), token)
    questions = survey.ordered_questions()
    if request.method != "POST":
        return with_token(render_survey(request, survey, SurveyForm(survey, questions)), token)

    form = SurveyForm(survey, questions, request.POST, request.FILES)
    if over_limit(request, "surveys.post", settings.SURVEY_RATE):
        form.is_valid()
        quiet(form)
        return with_token(render_survey(request, survey, form, status=429, rate_limited=True), token)
    if request.POST.get("action") == "send_code" and form.verify_field:
        return with_token(send_code(request, survey, form), token)
    if not form.is_valid():
        return with_token(render_survey(request, survey, form, status=400), token)

    contact = form.cleaned_data.get(form.verify_field, "") if form.verify_field else ""
    code = None
    if contact:
        code = verification.check_code(survey, contact, form.cleaned_data["code"])
        if code is None:
            form.add_error("code", _("验证码不正确或已过期，请重新获取。"))
            return with_token(render_survey(request, survey, form, status=400), token)
    try:
        store(survey, form, token, contact, code)
    except IntegrityError:
        # The same browser (a double click, a resent form) or the same phone answered already.
        return with_token(render_survey(request, survey, None, already=True), token)
    return with_token(redirect("surveys:thanks", slug=survey.slug), token)


def quiet(form: SurveyForm) -> None:
    """Keep what was typed but show no errors (the visitor asked for a code, or must wait)."""
    form._errors = type(form._errors)()
    form.question_errors = {}


def send_code(request: HttpRequest, survey: Survey, form: SurveyForm) -> HttpResponse:
    """获取验证码: check only the phone or e-mail, send the code, show the form again as it was typed."""
    form.is_valid()
    name = form.verify_field
    errors = form.errors.get(name)
    contact = form.cleaned_data.get(name, "") if not errors else ""
    quiet(form)
    if errors or not contact:
        form.add_error(name, errors or form.fields[name].error_messages["required"])
        return render_survey(request, survey, form, status=400)
    if SurveyResponse.objects.filter(survey=survey, contact_hash=verification.contact_hash(survey, contact)).exists():
        form.add_error(name, _("这个号码已经参与过本次调查，每人只能答一次。"))
        return render_survey(request, survey, form, status=400)
    refusal = verification.send_code(survey, contact)
    if refusal:
        form.add_error(name, refusal)
        return render_survey(request, survey, form, status=429)
    sent = _("验证码已发送至 %(to)s，%(minutes)d分钟内有效。") % {
        "to": verification.mask(contact),
        "minutes": verification.CODE_MINUTES,
    }
    return render_survey(request, survey, form, code_sent=sent)


def store(survey: Survey, form: SurveyForm, token: str, contact: str, code) -> SurveyResponse:
    """Write the response, its files and the used code in one transaction (all or nothing)."""
    with transaction.atomic():
        response = SurveyResponse(survey=survey, answers=dict(form.answers), token_hash=token_hash(survey, token))
        if contact:
            response.contact_hash = verification.contact_hash(survey, contact)
        if survey.identity == Survey.Identity.CONTACT:
            response.name = form.cleaned_data.get("name", "")
            response.phone = form.cleaned_data.get("phone", "")
            response.email = form.cleaned_data.get("email", "")
        response.save()
        if form.uploads:
            questions = {question.pk: question for question in form.questions}
            for question_pk, upload in form.uploads.items():
                kept = ResponseFile.objects.create(
                    response=response, question=questions[question_pk], file=upload, original_name=upload.name[:200]
                )
                response.answers[questions[question_pk].key] = kept.pk
            response.save(update_fields=["answers"])
        if code is not None:
            type(code).objects.filter(pk=code.pk).update(used=True)
    return response


@never_cache
@require_safe
def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    """已收到: shown only after the response is committed (the POST redirects here)."""
    survey = get_object_or_404(Survey, slug=slug, is_published=True)
    return render(request, "surveys/thanks.html", frame(request, survey=survey, breadcrumb_title=survey.title))


@require_safe
def survey_results(request: HttpRequest, slug: str) -> HttpResponse:
    """调查结果: a chart and a table per question, once the department publishes the results."""
    survey = get_object_or_404(Survey, slug=slug, is_published=True, results_published=True)
    total, items = results.tally(survey)
    charts = [(f"chart-{item.question.pk}", f"chart-{item.question.pk}-options", item) for item in items]
    context = frame(
        request,
        survey=survey,
        total=total,
        charts=charts,
        breadcrumb_title=_("%(title)s：调查结果") % {"title": survey.title},
    )
    return render(request, "surveys/results.html", context)
