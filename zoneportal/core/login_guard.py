"""Login throttling (django-axes): who is counted, and what a locked-out person reads.

Failures are counted per user name and visitor address together (``AXES_LOCKOUT_PARAMETERS``):
after ``AXES_FAILURE_LIMIT`` wrong passwords that name is refused from that address for
``AXES_COOLOFF_TIME``, while colleagues behind the same office gateway still sign in. A right
password resets the count. The address is :func:`zoneportal.core.network.client_ip`, the same the
public rate limits use, so nginx's ``X-Forwarded-For`` is read only from the trusted proxy.
"""

from __future__ import annotations

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

#: HTTP status of the lockout answer: 429 Too Many Requests, like the public rate limits.
LOCKED_STATUS = 429


class LoginGuardBackend(AxesStandaloneBackend):
    """Axes' lockout check, first in ``AUTHENTICATION_BACKENDS``; Django's ModelBackend then checks the password.

    A password checked without a web request (the test client's ``login()``, a management
    command) has no visitor address to count by; axes would refuse it outright, so it is
    left to the next backend. Every login form of the site (Wagtail's, Django's views) passes
    its request, so no visitor can reach this path.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password=None, **kwargs):
        """Raise ``AxesBackendPermissionDenied`` when this name is locked out at this address; otherwise ``None``."""
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_message(request: HttpRequest | None = None) -> str:
    """The Chinese explanation of a lockout, naming the wait in minutes."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return _("登录失败次数过多，该账号已被锁定。请联系网站管理员解锁。")
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60))
    return _("登录失败次数过多，该账号已暂时锁定。请在 %(minutes)d 分钟后再试，或联系网站管理员解锁。") % {
        "minutes": minutes
    }


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """``AXES_LOCKOUT_CALLABLE``: the login page again, answering 429, with the lockout message instead of
    "wrong user name or password" (which would send the person to type it again)."""
    message = lockout_message(request)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if isinstance(original_response, TemplateResponse) and form is not None:
        form.errors[NON_FIELD_ERRORS] = form.error_class([message])
        response = TemplateResponse(request, original_response.template_name, context, status=LOCKED_STATUS)
        return response.render()
    return HttpResponse(message, status=LOCKED_STATUS, content_type="text/plain; charset=utf-8")
