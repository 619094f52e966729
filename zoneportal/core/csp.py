"""The Content-Security-Policy header (内容安全策略): strict on the public site, looser in the back office.

Public pages carry no inline script or style at all (everything is a static file), so their policy
needs neither ``'unsafe-inline'`` nor nonces. That matters because the page cache
(``portal/page_cache.py``) stores whole responses: a nonce inside a cached page would be replayed to
every visitor. This middleware sits outside the page cache, so the header is added to every answer,
cached hits included, and a policy change applies at once to pages already cached.

Wagtail's own admin templates carry inline scripts and ``style`` attributes without nonces; the
paths in ``ADMIN_CONTENT_SECURITY_POLICY["URL_PREFIXES"]`` get that setting's directives instead.
A page preview is rendered by Wagtail through the whole middleware stack with a request for the
page's public address: it keeps the public policy (the editor sees what visitors' browsers allow)
except that the admin's preview panel may frame it.
Both policies live in settings.py; docs/deployment.md says how to allow another source.

The header text is built once per process and area (public, back office), not per response: most
answers — every cached page among them — carry exactly one of the two, and django-csp rebuilds it
each time (a few hundred Python calls, a sixth of a cached hit's CPU; docs/benchmarks.md). Anything
that makes a response's policy its own (a nonce asked for, a view's ``@csp_*`` decorator, a preview)
takes django-csp's own path. A change of the settings (tests' ``override_settings``) empties the
prepared headers.
"""

from __future__ import annotations

import http.client
from functools import cache

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.http.response import HttpResponseBase

#: Settings the prepared headers are built from.
POLICY_SETTINGS = frozenset(
    {"CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY", "ADMIN_CONTENT_SECURITY_POLICY", "DEBUG"}
)
#: Attributes by which a view's ``@csp_*`` decorators give a response a policy of its own.
_OWN_POLICY_ATTRS = tuple(f"_csp_{kind}{ro}" for kind in ("config", "update", "replace") for ro in ("", "_ro"))
#: Answers django-csp leaves without a header while DEBUG is on (Django's technical pages).
_DEBUG_EXEMPT = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)


def uses_admin_policy(path: str) -> bool:
    """Whether ``path`` (a request's ``path_info``) is in the back office and gets the looser policy."""
    policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None) or {}
    return path.startswith(tuple(policy.get("URL_PREFIXES", ())))


@cache
def prepared_headers(admin: bool) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(header, value, excluded path prefixes)`` for an answer in the public area or the back office.

    For answers with no policy of their own: the text django-csp's ``build_policy`` gives, built once per
    process (until a setting changes).
    """
    config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"] if admin else None
    pairs = []
    for header, report_only, name in (
        (HEADER, False, "CONTENT_SECURITY_POLICY"),
        (HEADER_REPORT_ONLY, True, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
    ):
        value = build_policy(config=None if report_only else config, report_only=report_only)
        excluded = tuple((getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
        if value:
            pairs.append((header, value, excluded))
    return tuple(pairs)


@receiver(setting_changed)
def _forget_prepared_headers(setting: str, **kwargs: object) -> None:
    if setting in POLICY_SETTINGS:
        prepared_headers.cache_clear()


class AreaPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the back office's directives for its paths."""

    def __init__(self, get_response) -> None:
        super().__init__(get_response)
        # One for every request: it raises each time it is read, so it never holds a value.
        self._post_response_nonce = CheckableLazyObject(self._csp_nonce_post_response)

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """The area's prepared header when nothing makes this answer's policy its own, else django-csp's path."""
        if (
            isinstance(getattr(request, "_csp_nonce", None), str)
            or getattr(request, "is_preview", False)
            or any(hasattr(response, attr) for attr in _OWN_POLICY_ATTRS)
        ):
            return super().process_response(request, response)
        if settings.DEBUG and response.status_code in _DEBUG_EXEMPT:
            return response
        path = request.path_info
        for header, value, excluded in prepared_headers(uses_admin_policy(path)):
            exempt = getattr(response, "_csp_exempt_ro" if header == HEADER_REPORT_ONLY else "_csp_exempt", False)
            if header not in response and exempt is False and not path.startswith(excluded):
                response[header] = value
        # As django-csp: a nonce asked for after the header is written raises instead of going unused.
        request.csp_nonce = self._post_response_nonce
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        """The public policy, or the back office's for its paths (a view's own ``@csp_override`` still wins)."""
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        admin_directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if uses_admin_policy(request.path_info):
            parts.config = admin_directives
        elif getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": admin_directives["frame-ancestors"]}
        return parts
