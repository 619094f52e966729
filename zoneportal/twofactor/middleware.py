"""No back-office view without the second factor: server-side, for every URL under /admin/.

A Wagtail hook could guard only the views Wagtail registers through hooks; the admin's own API
(``/admin/api/``), choosers, previews and every app's ``register_admin_urls`` views all sit under the
admin's URL prefix, so one middleware there covers them all, whatever is added later. Signed in with
the password only, a person who has an authenticator is sent to enter a code, and one who must have
an authenticator but has none is sent to set one up. The login, logout, password reset and these two
pages themselves stay reachable, or nobody could finish signing in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from . import devices


def redirect_to(view_name: str, next_path: str) -> HttpResponseRedirect:
    """A redirect to one of the two-factor pages that comes back to ``next_path`` afterwards."""
    return HttpResponseRedirect(f"{reverse(view_name)}?{urlencode({'next': next_path})}")


class TwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``: redirect an unverified staff session away from the admin."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        return reverse("wagtailadmin_home")

    @cached_property
    def open_paths(self) -> tuple[str, ...]:
        """Admin URLs (and URL prefixes) a person signed in with the password alone may still open."""
        return (
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_password_reset"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
            reverse("two_factor:verify"),
            reverse("two_factor:enrol"),
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.redirect_unverified(request) or self.get_response(request)

    def redirect_unverified(self, request: HttpRequest) -> HttpResponse | None:
        """Where an admin request of a person who still owes the second factor must go instead, else ``None``."""
        path = request.path_info
        if not path.startswith(self.admin_prefix) or path.startswith(self.open_paths):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if devices.has_two_factor(user):
            target = "two_factor:verify"
        elif devices.must_use_two_factor(user):
            target = "two_factor:enrol"
        else:
            return None
        return redirect_to(target, request.get_full_path())
