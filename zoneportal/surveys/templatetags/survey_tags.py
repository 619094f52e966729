"""Template tags of the public survey pages."""

from __future__ import annotations

from django import template

from zoneportal.portal.templatetags.portal_tags import breadcrumbs

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def survey_breadcrumbs(context: template.Context) -> dict:
    """当前位置 on a survey's own pages: home › … › 民意调查 (linked, back to the list) › the survey."""
    crumbs = breadcrumbs(context)
    page = context.get("page")
    if page is not None and crumbs["show"]:
        crumbs["ancestors"] = [*crumbs["ancestors"], page]
    return crumbs
