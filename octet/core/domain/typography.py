"""French typography for narrow screens: pure text in, text out.

French puts a space before : ; ? ! and inside « »; a phone must never break the line there and
start the next one with the mark alone, so that space becomes a no-break space. Used on content
text (`core/domain/markdown.py`) and on the French catalogue (`scripts/i18n_sync.py`).
"""

import re

NO_BREAK_SPACE = "\u00a0"
_SPACE_BEFORE = re.compile(r" (?=[:;?!»])")
_SPACE_AFTER = re.compile(r"(?<=«) ")


def french_spacing(text: str) -> str:
    """The space before : ; ? ! » and after « made a no-break space."""
    return _SPACE_AFTER.sub(NO_BREAK_SPACE, _SPACE_BEFORE.sub(NO_BREAK_SPACE, text))
