"""Template tags of the back office's own templates (branding)."""

from django import template

from zoneportal.core.branding import Brand, cached_zone_brand

register = template.Library()


@register.simple_tag(name="zone_brand", takes_context=True)
def zone_brand_tag(context: template.Context) -> Brand:
    """``{% zone_brand as brand %}``: the zone's name and emblem for the admin's branding blocks."""
    return cached_zone_brand(context.get("request"))
