"""The red banner of letters unanswered for three months, at the top of every admin page's main area."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from zoneportal.letters import oversight
from zoneportal.letters.admin_views import letter_counts

register = template.Library()

BANNER_LETTERS = 5
#: Wagtail's ``<main>`` of every admin page (``wagtailadmin/base.html``); the banner goes first inside it.
MAIN_OPENING = 'id="main">'


@register.simple_tag(takes_context=True)
def oversight_banner(context) -> str:
    """The banner's HTML, or "": the office sees every department's three-month letters, a department's staff
    their own."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    count = letter_counts(request).three_months
    if not count:
        return ""
    first = list(oversight.banner_letters(user, timezone.localdate()).select_related("department")[:BANNER_LETTERS])
    return render_to_string(
        "letters/oversight/banner.html",
        {"count": count, "letters": first, "more": count - len(first), "days": oversight.THREE_MONTHS_DAYS},
    )


@register.filter
def with_banner(page: str, banner: str) -> SafeString:
    """``page`` (the rendered furniture) with ``banner`` first inside its ``<main>`` (or before it all).

    Both are the output of templates (escaped there), so the result is safe.
    """
    if not banner:
        return mark_safe(page)
    if MAIN_OPENING in page:
        return mark_safe(page.replace(MAIN_OPENING, MAIN_OPENING + banner, 1))
    return mark_safe(banner + page)
