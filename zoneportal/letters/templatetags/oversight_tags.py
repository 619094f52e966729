"""``{% oversight_banner %}``: the red banner of letters unanswered for three months, on every admin page."""

from __future__ import annotations

from django import template
from django.utils import timezone

from zoneportal.letters import oversight

register = template.Library()

BANNER_LETTERS = 5


@register.inclusion_tag("letters/oversight/banner.html", takes_context=True)
def oversight_banner(context) -> dict:
    """The office sees every department's three-month letters, a department's staff their own."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"count": 0}
    letters = oversight.banner_letters(user, timezone.localdate())
    first = list(letters.select_related("department")[:BANNER_LETTERS])
    count = len(first) if len(first) < BANNER_LETTERS else letters.count()
    return {"count": count, "letters": first, "more": count - len(first), "days": oversight.THREE_MONTHS_DAYS}
