"""The draft's public page: read the draft, send a comment while the consultation is open."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from zoneportal.core.network import over_limit

from .forms import CommentForm
from .models import ConsultationComment, ConsultationPage

RETRY_AFTER_SECONDS = 600


def show(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    """GET: the draft and its form; POST: a comment, committed before the visitor is told it was received.

    After a comment is stored the browser is sent back to the page with
    ``?submitted=1`` (so reloading does not send it twice), which says it was
    received and awaits moderation. Outside the window the form is not shown
    and a POST is refused with the reason; a visitor over ``CONSULTATION_RATE``
    keeps what they typed and is asked to wait.
    """
    state = page.state()
    form = CommentForm()
    status = 200
    refusal = ""
    if request.method == "POST":
        form = CommentForm(request.POST)
        if state != ConsultationPage.State.OPEN:
            refusal = (
                _("意见征集尚未开始，暂不接收意见。")
                if state == ConsultationPage.State.UPCOMING
                else _("意见征集已经结束，不再接收意见。")
            )
            status = 409
        elif over_limit(request, "consultation", settings.CONSULTATION_RATE):
            refusal = _("提交过于频繁，请稍后再试。您填写的内容已保留。")
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                comment: ConsultationComment = form.save(commit=False)
                comment.page = page
                comment.save()
            return redirect(f"{page.get_url(request)}?submitted=1#comment-form", permanent=False)
        else:
            status = 400
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
    response = page.render(
        request,
        context_overrides={
            "state": state,
            "state_label": ConsultationPage.State(state).label,
            "form": form,
            "refusal": refusal,
            "submitted": request.method == "GET" and request.GET.get("submitted") == "1",
            "comments": page.published_comments(),
            "outcome_rows": page.outcome_rows() if state == ConsultationPage.State.CLOSED else [],
            "received_total": page.comments.count(),
        },
    )
    response.status_code = status
    if status == 429:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
