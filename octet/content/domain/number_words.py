"""Whole numbers written in words, French or English, from 0 to 999 999.

A learner of 12 may answer "douze", "vingt et un" or "one hundred and five" where a number is
expected. `number_from_words` reads a complete number and nothing else: "douze cent trois mille
vingt", "trois et deux" or "a dozen" are no number. `numbers_in_digits` writes the number words
of an answer in digits ("six séances" -> "6 séances") so that the usual rules judge it.
"""

from __future__ import annotations

import re
import unicodedata

_FR_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
_FR_TEENS = {
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_FR_TENS = {
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    # Belgian and Swiss French
    "septante": 70,
    "huitante": 80,
    "octante": 80,
    "nonante": 90,
}
_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_EN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_FR_WORDS = frozenset([*_FR_UNITS, *_FR_TEENS, *_FR_TENS, "vingts", "cent", "cents", "mille", "et"])
_EN_WORDS = frozenset([*_EN_UNITS, *_EN_TEENS, *_EN_TENS, "hundred", "thousand", "and", "a"])
# Words of one language that are no number word in the other, or an article or a link.
_NOT_A_NUMBER_ALONE = frozenset(["un", "une", "a", "et", "and", "cent", "cents"])

Tokens = tuple[str, ...]
Parsed = tuple[int, int] | None  # (value, index after it)


def _at(tokens: Tokens, i: int) -> str:
    return tokens[i] if i < len(tokens) else ""


# --- French --------------------------------------------------------------------------------


def _fr_teen(tokens: Tokens, i: int) -> Parsed:
    word = _at(tokens, i)
    if word == "dix" and _at(tokens, i + 1) in ("sept", "huit", "neuf"):
        return 10 + _FR_UNITS[tokens[i + 1]], i + 2
    if word in _FR_TEENS:
        return _FR_TEENS[word], i + 1
    return None


def _fr_unit(tokens: Tokens, i: int, low: int = 1) -> Parsed:
    value = _FR_UNITS.get(_at(tokens, i))
    return (value, i + 1) if value is not None and value >= low else None


def _fr_below_100(tokens: Tokens, i: int) -> Parsed:
    word = _at(tokens, i)
    if word == "quatre" and _at(tokens, i + 1) in ("vingt", "vingts"):
        rest = _fr_teen(tokens, i + 2) or _fr_unit(tokens, i + 2)  # quatre-vingt-onze, -un
        return (80 + rest[0], rest[1]) if rest else (80, i + 2)
    if word in _FR_TENS:
        tens, j = _FR_TENS[word], i + 1
        if _at(tokens, j) == "et":  # vingt et un, soixante et onze; never "vingt et deux"
            if _at(tokens, j + 1) in ("un", "une"):
                return tens + 1, j + 2
            if tens == 60 and _at(tokens, j + 1) == "onze":
                return 71, j + 2
            return None
        rest = (_fr_teen(tokens, j) if tens == 60 else None) or _fr_unit(tokens, j)
        return (tens + rest[0], rest[1]) if rest else (tens, j)
    return _fr_teen(tokens, i) or _fr_unit(tokens, i, low=0)


def _fr_below_1000(tokens: Tokens, i: int) -> Parsed:
    hundreds, j = 0, i
    if _at(tokens, i) in ("cent", "cents"):
        hundreds, j = 100, i + 1
    elif _at(tokens, i + 1) in ("cent", "cents") and (unit := _fr_unit(tokens, i, low=2)):
        hundreds, j = 100 * unit[0], i + 2
    if not hundreds:
        return _fr_below_100(tokens, i)
    rest = _fr_below_100(tokens, j)
    return (hundreds + rest[0], rest[1]) if rest and rest[0] else (hundreds, j)


def _french(tokens: Tokens) -> int | None:
    if _at(tokens, 0) == "mille":
        thousands, j = 1, 1
    elif (first := _fr_below_1000(tokens, 0)) and _at(tokens, first[1]) == "mille":
        if first[0] < 2:  # "un mille", "zéro mille"
            return None
        thousands, j = first[0], first[1] + 1
    else:
        return first[0] if first and first[1] == len(tokens) else None
    rest = _fr_below_1000(tokens, j) if j < len(tokens) else (0, j)
    if not rest or rest[1] != len(tokens) or (j < len(tokens) and not rest[0]):
        return None
    return thousands * 1000 + rest[0]


# --- English -------------------------------------------------------------------------------


def _en_below_100(tokens: Tokens, i: int) -> Parsed:
    word = _at(tokens, i)
    if word in _EN_TENS:
        unit = _EN_UNITS.get(_at(tokens, i + 1), 0)
        return (_EN_TENS[word] + unit, i + 2) if unit else (_EN_TENS[word], i + 1)
    if word in _EN_TEENS:
        return _EN_TEENS[word], i + 1
    if word in _EN_UNITS:
        return _EN_UNITS[word], i + 1
    return None


def _en_after_and(tokens: Tokens, j: int) -> Parsed:
    """What follows "hundred" or "thousand": "and five", "five", or nothing."""
    if _at(tokens, j) == "and":
        rest = _en_below_100(tokens, j + 1)
        return rest if rest and rest[0] else None
    return None


def _en_below_1000(tokens: Tokens, i: int) -> Parsed:
    word = _at(tokens, i)
    if _at(tokens, i + 1) == "hundred" and (word == "a" or _EN_UNITS.get(word, 0) >= 1):
        hundreds, j = 100 * _EN_UNITS.get(word, 1), i + 2
        rest = _en_after_and(tokens, j) or _en_below_100(tokens, j)
        return (hundreds + rest[0], rest[1]) if rest and rest[0] else (hundreds, j)
    return _en_below_100(tokens, i)


def _english(tokens: Tokens) -> int | None:
    if _at(tokens, 0) == "a" and _at(tokens, 1) == "thousand":
        thousands, j = 1, 2
    elif (first := _en_below_1000(tokens, 0)) and _at(tokens, first[1]) == "thousand":
        if not first[0]:
            return None
        thousands, j = first[0], first[1] + 1
    else:
        return first[0] if first and first[1] == len(tokens) else None
    if j == len(tokens):
        return thousands * 1000
    rest = _en_after_and(tokens, j) or _en_below_1000(tokens, j)
    if not rest or rest[1] != len(tokens) or not rest[0]:
        return None
    return thousands * 1000 + rest[0]


# --- reading an answer ---------------------------------------------------------------------

_READERS = {"fr": (_french, _FR_WORDS), "en": (_english, _EN_WORDS)}


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in word if not unicodedata.combining(c))


_NUMBER_WORDS = (_FR_WORDS | _EN_WORDS) - {"un", "une", "a", "et", "and"}


def is_a_number_word(word: str) -> bool:
    """Is `word` a number word of either language ("six", "cent", "thousand"), not an article
    or a link ("un", "a", "et")?"""
    return _fold(word) in _NUMBER_WORDS


def number_from_words(text: str, language: str) -> int | None:
    """The whole number `text` spells in `language` ("fr" or "en"), else None.

    Hyphens or spaces, with or without the 1990 reform's hyphens ("vingt-et-un"), "cents" and
    "vingts" plural or not; "septante", "huitante", "octante", "nonante" too. A lone article
    ("un", "une", "a") is no number; "one" is.
    """
    reader, words = _READERS[language]
    tokens = tuple(_fold(text).replace("-", " ").split())
    if not tokens or len(tokens) > 20 or not set(tokens) <= words:
        return None
    if tokens in (("un",), ("une",)):
        return None
    return reader(tokens)


_WORD = re.compile(r"[^\W\d_]+")
_JOINS = re.compile(r"[ -]+")


def _runs(text: str, words: frozenset[str]) -> list[list[re.Match[str]]]:
    """The runs of number words of `text`, joined by spaces or hyphens only."""
    runs: list[list[re.Match[str]]] = []
    previous: re.Match[str] | None = None
    before = ""
    for match in _WORD.finditer(text):
        word = _fold(match.group())
        joined = previous is not None and _JOINS.fullmatch(text[previous.end() : match.start()])
        share = before in ("pour", "per") and word in ("cent", "cents")  # "26 pour cent"
        before = word
        if word not in words or share:
            previous = None
            continue
        if joined and runs:
            runs[-1].append(match)
        else:
            runs.append([match])
        previous = match
    return [trimmed for run in runs if (trimmed := _trimmed(run))]


def _trimmed(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """A run without the links at its ends: "et" in "et deux", "a" in "a dozen" or "à dix"."""
    words = [_fold(match.group()) for match in run]
    start, stop = 0, len(run)
    while start < stop and words[start] in ("et", "and", "a"):
        if words[start] == "a" and words[start + 1 : start + 2] in (["hundred"], ["thousand"]):
            break
        start += 1
    while stop > start and words[stop - 1] in ("et", "and", "a"):
        stop -= 1
    return run[start:stop]


def numbers_in_digits(text: str, language: str) -> str | None:
    """`text` with each number it writes in words of `language` in digits, else None.

    None when it writes none, or a run of number words that is not one whole number ("trois et
    deux"), or number words of the other language too. A lone "un" or "une" is an article and
    stays as it is.
    """
    reader, words = _READERS[language]
    other = next(w for lang, (_, w) in _READERS.items() if lang != language)
    foreign = other - words - _NOT_A_NUMBER_ALONE
    pieces, end, changed = [], 0, False
    for run in _runs(text, words):
        start, stop = run[0].start(), run[-1].end()
        spelt = text[start:stop]
        if _fold(spelt) in ("un", "une", "a"):
            continue
        value = number_from_words(spelt, language)
        if value is None:
            return None
        pieces += [text[end:start], str(value)]
        end, changed = stop, True
    rest = "".join(pieces) + text[end:]
    if not changed or any(_fold(w) in foreign for w in _WORD.findall(rest)):
        return None
    return rest


def numbers_in_digits_any(text: str) -> tuple[str, ...]:
    """Every reading of `text` with its number words in digits, French then English."""
    readings = (numbers_in_digits(text, language) for language in _READERS)
    return tuple(dict.fromkeys(r for r in readings if r is not None))
