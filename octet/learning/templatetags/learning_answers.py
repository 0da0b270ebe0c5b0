from django import template

from octet.learning.domain.presentation import FIELD_PREFIX

register = template.Library()


def _values(typed, name: str) -> list[str]:
    """Every value sent under `name` (a QueryDict, a MultiValueDict, or nothing yet)."""
    if hasattr(typed, "getlist"):
        return [str(v) for v in typed.getlist(name)]
    return []


@register.filter
def chosen(typed) -> list[str]:
    """The choices the learner had ticked, to tick them again."""
    return _values(typed, "answer")


@register.filter
def field_value(typed, key: str) -> str:
    """What the learner had typed in the answer field `key`, to show it again."""
    values = _values(typed, FIELD_PREFIX + key)
    return values[-1] if values else ""
