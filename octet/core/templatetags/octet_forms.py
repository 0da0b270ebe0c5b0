from django import template
from django.utils.html import format_html

from octet.core import once

register = template.Library()


@register.simple_tag
def widget(field):
    """Render a bound field's widget wired to its help text and errors for screen readers."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_errors")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required and field.widget_type != "checkbox":
        attrs["required"] = True
    return field.as_widget(attrs=attrs)


@register.simple_tag
def sent_once():
    """The hidden field by which a form sent twice is recognised (`core/once.py`)."""
    return format_html('<input type="hidden" name="{}" value="{}">', once.FIELD, once.new_token())
