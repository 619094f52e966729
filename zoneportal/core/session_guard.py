"""A session store that does not answer: a login refused in Chinese, never a 500 or a login forgotten.

In the production profile the sessions live in Redis (settings ``SESSION_CACHE_ALIAS``, a backend that
raises on every Redis error, ``portal.page_cache.StrictRedisCache``), while the page cache merely
degrades. So when Redis is down, public pages are still served, and the one thing that needs Redis to
store something — signing in — fails here: Wagtail's login page comes back answering 503, the user name
kept and the reason above the form; any other request that needed to store a session (in its view, or
after it: :class:`SessionMiddleware`) gets a short page saying the same. Reading a session never gets
here: Django's cache session store treats an unreadable session as an empty one (the visitor appears
signed out).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: 503 Service Unavailable: the refusal is temporary and says so.
UNAVAILABLE_STATUS = 503


def unavailable_message() -> str:
    """What a person trying to sign in reads while the session store is down."""
    return _("登录服务暂时不可用（会话存储无法连接），请稍后再试。已公开的网页仍可正常浏览。")


def unavailable_page() -> HttpResponse:
    """The short 503 page for anything else that needed to store a session (a letter looked up, say)."""
    message = _("服务暂时不可用（会话存储无法连接），这次操作没有完成，请稍后再试。已公开的网页仍可正常浏览。")
    page = loader.get_template("503_session.html").render({"site_name": settings.WAGTAIL_SITE_NAME, "message": message})
    return HttpResponse(page, status=UNAVAILABLE_STATUS)


class SessionStoreUnavailableMiddleware:
    """Turn a Redis error raised by a view (storing a session) into a Chinese 503."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """The login page with the message for a failed sign-in; a short 503 page for anything else."""
        if not isinstance(exception, RedisError):
            return None
        logger.error("Session store unavailable (%s) for %s %s", exception, request.method, request.path)
        if request.path == reverse("wagtailadmin_login"):
            return login_refused(request)
        return unavailable_page()


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's, answering :func:`unavailable_page` when the session cannot be saved after the view.

    A view that changed the session (a letter looked up is remembered for the visitor) has its answer
    ready when the session is saved, in ``process_response``; an error there would be a 500, and the
    answer's promise (the letter may now be seen) would not hold.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        try:
            return super().process_response(request, response)
        except RedisError as exc:
            logger.error("Session store unavailable (%s) saving the session of %s", exc, request.path)
            return unavailable_page()


def login_refused(request: HttpRequest) -> HttpResponse:
    """Wagtail's login page again, the typed user name kept and the message above the form."""
    from wagtail.admin.views.account import LoginView  # the admin's view, loaded with the app registry

    username = request.POST.get("username", "")
    request.method = "GET"  # render the page as for a first visit: no second password check
    response = LoginView.as_view()(request)
    form = response.context_data["form"]
    form.initial["username"] = username
    form.errors[NON_FIELD_ERRORS] = form.error_class([unavailable_message()])
    refused = TemplateResponse(request, response.template_name, response.context_data, status=UNAVAILABLE_STATUS)
    return refused.render()
