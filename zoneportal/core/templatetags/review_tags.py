"""Template tags of the review (三审): what a returned page's editor needs to see."""

from django import template

from zoneportal.core.review import ReturnedReview, returned_review

register = template.Library()


@register.simple_tag(name="returned_review")
def returned_review_tag(obj) -> ReturnedReview | None:
    """``{% returned_review page as returned %}``: who returned ``page``, when, at which step and why (or None)."""
    return returned_review(obj)
