"""French typography for narrow screens: pure text in, text out.

French puts a space before : ; ? ! and inside « »; a phone must never break the line there and
start the next one with the mark alone, so that space becomes a no-break space. Used on content
text (`core/domain/markdown.py`), where a number is also kept whole and with its unit ("5 760 000
octets", "9 h"), and on the French catalogue (`scripts/i18n_sync.py`), where a placeholder is kept
with the word after it ("dans %(days)s jours").

Also the characters no one types (control characters, bidirectional overrides), kept out of
names and of what learners type.
"""

import re
import unicodedata

NO_BREAK_SPACE = "\u00a0"
_SPACE_BEFORE = re.compile(r" (?=[:;?!»])")
_SPACE_AFTER = re.compile(r"(?<=«) ")
# Inside a number written "5 760 000", and between a number and the word or sign after it ("9 h",
# "48 000 Hz", "5 %", "12 €").
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|[^\W\d_]|[%€$£])")
# A placeholder of the catalogue ("%(days)s") followed by a word: most are numbers with their unit.
_PLACEHOLDER_BEFORE_WORD = re.compile(r"(%\(\w+\)[sd]) (?=[^\W\d_])")


def french_spacing(text: str) -> str:
    """The space before : ; ? ! » and after « made a no-break space."""
    return _SPACE_AFTER.sub(NO_BREAK_SPACE, _SPACE_BEFORE.sub(NO_BREAK_SPACE, text))


def french_catalogue_spacing(text: str) -> str:
    """`french_spacing`, and the space between a placeholder and the word after it made a
    no-break space, so that "dans 1 jour" never ends a line on "1"."""
    return _PLACEHOLDER_BEFORE_WORD.sub(r"\1" + NO_BREAK_SPACE, french_spacing(text))


def content_spacing(text: str) -> str:
    """`french_spacing`, and a number kept whole and on the line of its unit: a phone that breaks
    "= 5 760 000 octets" after the 5 shows "= 5" and "760 000 octets", two other numbers."""
    return french_spacing(_SPACE_IN_NUMBER.sub(NO_BREAK_SPACE, text))


# Bidirectional embeddings, overrides and isolates: they reorder the text shown after them
# ("gnp.exe" shown as "exe.png"); right-to-left text (Arabic, Hebrew) needs none of them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_CONTROLS = frozenset("\t\n\r")


def _untypable(character: str) -> bool:
    return unicodedata.category(character) == "Cc" or character in _BIDI_CONTROLS


def has_control_characters(text: str) -> bool:
    """Whether the text holds characters no one types and that would show as boxes, move the
    cursor or the text around them where it is shown (a page, the admin, an export): control
    characters (escape, bell, tab, line break...) and bidirectional overrides. Joiners (emoji,
    Persian) and every script's letters are text's own."""
    return any(_untypable(c) for c in text)


def without_control_characters(text: str) -> str:
    """The text without the characters `has_control_characters` looks for, except the tab and
    the line breaks that a text box lets a person type."""
    return "".join(c for c in text if c in _LINE_CONTROLS or not _untypable(c))
