from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from octet.core.domain.markdown import keep_marks_with_words

register = template.Library()


@register.filter
def marks_kept(text: object) -> SafeString:
    """A plain content text (a hint, a title), escaped, its French marks kept on their line."""
    return mark_safe(keep_marks_with_words(str(conditional_escape(text))))  # noqa: S308 - escaped first
