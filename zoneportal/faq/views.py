"""有用/没用 votes: a public POST, CSRF-checked, rate-limited, counted once per browser."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from zoneportal.core.network import client_ip, over_limit

from .models import FaqIndexPage
from .services import address_key, cast_vote

#: The browser's random voter token; signed, so a visitor cannot pick someone else's.
VOTER_COOKIE = "zp_faq_voter"
VOTER_COOKIE_AGE = 365 * 24 * 3600
RETRY_AFTER_SECONDS = 600


def voter_token(request: HttpRequest) -> tuple[str, bool]:
    """The browser's voter token and whether it is new (then the response must set the cookie)."""
    token = request.get_signed_cookie(VOTER_COOKIE, default="", salt="zoneportal.faq")
    if len(token) == 32 and token.isalnum():
        return token, False
    return secrets.token_hex(16), True


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def vote(request: HttpRequest, page: FaqIndexPage, entry_id: int) -> HttpResponse:
    """Count a 有用 (``helpful=1``) or 没用 (``helpful=0``) vote, then answer in JSON or send the browser back.

    Scripts get JSON with the new counts; a browser without JavaScript is sent to
    the entry's page, which thanks it (``?voted=1``) or says the vote was
    already counted (``?voted=0``).
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    entry = get_object_or_404(page.entries(), pk=entry_id)
    if over_limit(request, "faq-vote", settings.FAQ_VOTE_RATE):
        message = _("评价过于频繁，请稍后再试。")
        if wants_json(request):
            response = JsonResponse({"counted": False, "message": message}, status=429)
        else:
            response = render(
                request, "faq/vote_refused.html", {"page": page, "entry": entry, "message": message}, status=429
            )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    helpful = request.POST.get("helpful")
    if helpful not in {"0", "1"}:
        message = _("请选择“有用”或“没用”。")
        if wants_json(request):
            return JsonResponse({"counted": False, "message": message}, status=400)
        return render(request, "faq/vote_refused.html", {"page": page, "entry": entry, "message": message}, status=400)

    token, new_token = voter_token(request)
    result = cast_vote(entry, voter=token, helpful=helpful == "1", address=address_key(client_ip(request)))
    message = _("感谢您的评价！") if result.counted else _("您已评价过这条问答，每条问答只计一次。")
    if wants_json(request):
        response = JsonResponse(
            {
                "counted": result.counted,
                "helpful": result.helpful_count,
                "unhelpful": result.unhelpful_count,
                "message": message,
            }
        )
    else:
        response = redirect(f"{page.get_url(request)}{entry.pk}/?voted={'1' if result.counted else '0'}")
        response.status_code = 303
    if new_token:
        response.set_signed_cookie(
            VOTER_COOKIE,
            token,
            salt="zoneportal.faq",
            max_age=VOTER_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    response["Cache-Control"] = "private, no-store"
    return response
