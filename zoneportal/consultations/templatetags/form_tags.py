"""Form fields that say what is wrong next to themselves, to screen readers too."""

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def describe_field(field: BoundField) -> SafeString:
    """The field's widget tied to its help and error texts (``aria-describedby``), marked invalid when it is.

    The ids match the template's ``<p id="{{ field.auto_id }}-error">`` and ``-help``.
    """
    attrs = {}
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.field.required:
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
