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
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


def uses_admin_policy(path: str) -> bool:
    """Whether ``path`` (a request's ``path_info``) is in the back office and gets the looser policy."""
    policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None) or {}
    return path.startswith(tuple(policy.get("URL_PREFIXES", ())))


class AreaPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the back office's directives for its paths."""

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
