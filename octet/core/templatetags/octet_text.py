from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from octet.core.domain.markdown import keep_marks_with_words
from octet.core.domain.typography import content_spacing

register = template.Library()


@register.filter
def marks_kept(text: object) -> SafeString:
    """A plain content text (a hint, a title), escaped, its French marks kept on their line."""
    return mark_safe(keep_marks_with_words(str(conditional_escape(text))))  # noqa: S308 - escaped first


@register.simple_tag
def acting_on(action: object, thing: object) -> str:
    """A control's name for a screen reader, for its `aria-label`: its word, then what it acts
    on, "Save: Reading a chart", in French "Enregistrer : Lire un graphique" (no-break space).

    One text: words hidden in a box of their own after the visible word would be read apart
    from it, "Save : Reading a chart", the browser putting a space between the two boxes."""
    return pgettext(
        "a button's word, then what it acts on, as a screen reader says it",
        "%(action)s: %(thing)s",
    ) % {"action": action, "thing": content_spacing(str(thing))}
