"""Template tags of the back office's own templates (branding)."""

from django import template

from zoneportal.core.branding import Brand, zone_brand

register = template.Library()


@register.simple_tag(name="zone_brand")
def zone_brand_tag() -> Brand:
    """``{% zone_brand as brand %}``: the zone's name and emblem for the admin's branding blocks."""
    return zone_brand()
