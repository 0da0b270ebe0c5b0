"""Answer checking: is a learner's answer to a challenge right?

Pure functions, one per challenge type, and `check_answer` to dispatch. Answers come from HTML
forms as plain strings (or a list / dict of strings) and may be anything at all: every input is
judged or refused ("ko") cleanly, nothing raises.

Differences from Pix, on purpose:
- t3 (typos) is measured against the EXPECTED answer's length, so a long wrong answer cannot
  buy itself a bigger allowance, and it never applies to expected answers under 4 characters;
- t2 keeps letters and digits of every script (Pix deletes accented letters without t1);
- numbers accept a decimal comma or point and spaces, thin spaces or apostrophes between
  thousands, and are compared exactly as decimals within an absolute tolerance;
- qrocm-dep finds the best assignment of answers to groups instead of a greedy first match;
- no tolerance changes a number: a free answer must hold the numbers of the variant it matches,
  so "42" is not "4,2" under t2, nor "Windows 11" a typo of "Windows 10" under t3;
- where a number is expected, a whole number written in words ("vingt et un", "one hundred and
  five") is written in digits first, then judged by the same rules (`_in_digits`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from octet.content.domain import robot
from octet.content.domain.model import Challenge, Field
from octet.content.domain.number_words import is_a_number_word, numbers_in_digits_any

MAX_FIELD_LENGTH = 10_000
T3_RATIO = 0.25
T3_MIN_LENGTH = 4
# Typo search costs len * allowance; expected answers are short, but bound it whatever the bank.
T3_MAX_LENGTH = 1000
OK, KO = "ok", "ko"


@dataclass(frozen=True)
class Verdict:
    outcome: str  # "ok" | "ko"
    # field key -> right?; "answer" for single-answer types. A plain dict: it goes to JSON.
    per_field: dict[str, bool] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.outcome == OK


def _verdict(per_field: dict[str, bool], ok: bool | None = None) -> Verdict:
    if ok is None:
        ok = bool(per_field) and all(per_field.values())
    return Verdict(OK if ok else KO, dict(per_field))


# --- normalisation -------------------------------------------------------------------------

# Typographic characters a phone keyboard or a word processor produces instead of ASCII ones.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        "\u2026": "...",
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),  # invisible characters
    }
)
_SPACES = re.compile(r"\s+")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def pretreat(text: str) -> str:
    """Always applied: NFC, every kind of space made plain, typography folded, ends trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    # \s covers no-break (U+00A0), narrow no-break (U+202F), thin and figure spaces too.
    return _SPACES.sub(" ", text).strip()


def _t1(text: str) -> str:
    """Ignore case, accents and every white space."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub("", text)


def _t2(text: str) -> str:
    """Ignore punctuation: keep letters and digits of any script, and single spaces."""
    text = "".join(c if c.isalnum() else " " for c in text)
    return _SPACES.sub(" ", text).strip()


# A date's day and month ("05/03/2024", "05-03-2024", "05.03.24", "05/03") and an hour before
# its minutes ("09:05", "09 h 05"), where a leading zero is only padding. Elsewhere it may be
# part of the answer: a version "v01", a colour "#000000", a file name "CR_03-02-2025.pdf".
_PADDED_DATE = re.compile(
    r"(?<![\w/.,#-])(\d{1,2})(?:/(\d{1,2})(/\d{2,4})?|([.,-])(\d{1,2})(\4\d{2,4}))"
    r"(?![\w/-]|[.,]\w)"
)
_PADDED_HOUR = re.compile(r"(?<![\w:.,#/-])0(\d)(?= ?[:.hH] ?\d{2}(?!\d))")


def _unpadded_date(match: re.Match[str]) -> str:
    day, month, year = (match[1], match[2], match[3]) if match[2] else match.group(1, 5, 6)
    mark = "/" if match[2] else match[4]
    return f"{int(day)}{mark}{int(month)}{year or ''}"


def _unpadded(text: str) -> str:
    """ "05/03/2024" is "5/3/2024" and "09:05" is "9:05", whatever the tolerances."""
    return _PADDED_HOUR.sub(r"\1", _PADDED_DATE.sub(_unpadded_date, text))


def normalise(text: str, tolerances: Iterable[str]) -> str:
    """The form of a free answer that is compared, under the tolerances.

    A date's day and month and a time's hour lose their leading zero whatever the tolerances
    (`_unpadded`): the numbers themselves are compared apart (`_same_numbers`).
    """
    tolerances = set(tolerances)
    text = _unpadded(pretreat(text))
    if "t1" in tolerances:
        text = _t1(text)
    if "t2" in tolerances:
        text = _t2(text)
        if "t1" in tolerances:  # punctuation became spaces, and t1 ignores spaces
            text = text.replace(" ", "")
    return text


def bounded_levenshtein(a: str, b: str, limit: int) -> int | None:
    """Edit distance between a and b if it is at most `limit`, else None.

    Work is O(len * limit): only the diagonal band that can stay within the limit is computed,
    and the search stops as soon as a whole row exceeds it.
    """
    if abs(len(a) - len(b)) > limit:
        return None
    if a == b:
        return 0
    if limit <= 0:
        return None
    big = limit + 1
    previous = [j if j <= limit else big for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        low, high = max(1, i - limit), min(len(b), i + limit)
        current = [big] * (len(b) + 1)
        current[0] = i if i <= limit else big
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, big)
        if min(current[max(0, low - 1) : high + 1]) > limit:
            return None
        previous = current
    return previous[len(b)] if previous[len(b)] <= limit else None


def typo_allowance(expected: str) -> int:
    """How many edits t3 forgives for an expected answer (already normalised)."""
    if len(expected) < T3_MIN_LENGTH or len(expected) > T3_MAX_LENGTH:
        return 0
    return int(len(expected) * T3_RATIO)


@functools.lru_cache(maxsize=8192)
def _expected_form(expected: str, tolerances: frozenset[str]) -> str:
    # the bank's variants are few and fixed: normalise each once per process
    return normalise(expected, tolerances)


def matches(answer: str, expected: str, tolerances: Iterable[str]) -> bool:
    """Is a free answer one of the accepted forms of `expected` under the tolerances?"""
    return matches_any(answer, (expected,), tolerances)


def matches_any(answer: str, variants: Iterable[str], tolerances: Iterable[str]) -> bool:
    if not isinstance(answer, str) or len(answer) > MAX_FIELD_LENGTH:
        return False
    tolerances = frozenset(tolerances)
    return _accepts(normalise(answer, tolerances), answer, variants, tolerances)


# A typo is forgiven, a "not" is not: t3 must never accept the opposite of the answer.
_NEGATION_WORDS = frozenset(
    ["non", "ne", "n", "pas", "jamais", "sans", "aucun", "not", "no", "never", "without"]
)
_NEGATING_PREFIXES = ("un", "de", "des", "dis", "non", "in", "im", "ir", "il", "anti")
# Words that may begin an answer and look like a prefix: "un mot de passe", "des cookies".
_ARTICLES = frozenset(["un", "une", "de", "des", "du", "in", "il"])
_WORDS = re.compile(r"\w+")


def _negations(text: str) -> frozenset[str]:
    """The negation words of a text: "navigation non privée" gives {"non"}."""
    return frozenset(_WORDS.findall(folded(text))) & _NEGATION_WORDS


def folded(text: str) -> str:
    """The text without case or accents, its words kept apart: "Réouverture" -> "reouverture"."""
    text = unicodedata.normalize("NFKD", pretreat(text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _is_typo(got: str, want: str, variant: str, negations: frozenset[str], raw: str) -> bool:
    """Is `got` a misspelling of `want`, and not its negation ("unblock", "débloquer")?"""
    if bounded_levenshtein(got, want, typo_allowance(want)) is None:
        return False
    if negations - _negations(variant):
        return False
    if folded(raw).split(" ", 1)[0] in _ARTICLES:
        return True  # "une bulle de filtres" begins with an article, not with the prefix "un-"
    got, want = got.casefold(), want.casefold()
    return not any(
        got.startswith(prefix)
        and not want.startswith(prefix)
        and bounded_levenshtein(got[len(prefix) :], want, 1) is not None
        for prefix in _NEGATING_PREFIXES
    )


# A number is a run of digits; after one to three digits, a space, an apostrophe, a comma or a
# point before exactly three digits groups thousands ("12 900", "12,900" and "12.900" are
# 12900). Leading zeros do not count ("05/03" holds 5 and 3), except in a decimal part (one mark
# between two runs): "0,05" is not "0,5", though "11.05" is "11/05".
_DIGITS = re.compile(r"(?<!\d)\d{1,3}(?:[ '.,]\d{3}(?!\d))+(?![.,]\d)|\d+")
_DECIMAL = re.compile(r"(?<![\d.,])\d+[.,](\d+)(?![\d]|[.,]\d)")


@dataclass(frozen=True)
class _Number:
    digits: str
    decimal: bool  # written after a decimal mark, where its leading zeros matter

    def same(self, other: _Number) -> bool:
        if self.decimal and other.decimal:
            return self.digits == other.digits
        return (self.digits.lstrip("0") or "0") == (other.digits.lstrip("0") or "0")


def _numbers(text: str) -> tuple[_Number, ...]:
    """The numbers a free answer holds, in order: "v3.2 (05/03)" holds 3, 2, 5 and 3."""
    text = pretreat(text)
    decimals = {match.start(1) for match in _DECIMAL.finditer(text)}
    return tuple(
        _Number(re.sub(r"[ '.,]", "", run.group()), run.start() in decimals)
        for run in _DIGITS.finditer(text)
    )


@functools.lru_cache(maxsize=8192)
def _variant_numbers(variant: str) -> tuple[_Number, ...]:
    return _numbers(variant)  # the bank's variants are few and fixed: read each once


def _same_numbers(got: tuple[_Number, ...], want: tuple[_Number, ...]) -> bool:
    return len(got) == len(want) and all(a.same(b) for a, b in zip(got, want, strict=True))


_MARK_BETWEEN_DIGITS = re.compile(r"(?<=\d),(?=\d)")


def _one_decimal_mark(text: str) -> str:
    """A comma between digits read as a point, so that "3,5 Go" is "3.5 GB" without t2 too:
    the numbers themselves are compared apart, and a comma there never changes them."""
    return _MARK_BETWEEN_DIGITS.sub(".", text)


def _accepts(got: str, raw: str, variants: Iterable[str], tolerances: frozenset[str]) -> bool:
    """Does an answer (`raw` as typed, `got` normalised) match one of the variants?

    A final full stop is ignored when the variant has none, even without t2: "3.2.2." is 3.2.2.
    A decimal comma is a decimal point, even without t2: "2,4 GHz" is "2.4 GHz"; an article
    before a number is left out: "le 14 juin" is "14 juin".
    No tolerance may change a number: the answer holds the very numbers of its variant.
    """
    if not got:
        return False
    got = _one_decimal_mark(got)
    forms = (got, got[:-1]) if got.endswith(".") and len(got) > 1 else (got,)
    negations, numbers = _negations(raw), _numbers(raw)
    for variant in variants:
        want = _one_decimal_mark(_expected_form(variant, tolerances))
        if not want or not _same_numbers(numbers, _variant_numbers(variant)):
            continue
        if got == want or (len(forms) == 2 and not want.endswith(".") and forms[1] == want):
            return True
        if "t3" in tolerances and _is_typo(got, want, variant, negations, raw):
            return True
    typed = pretreat(raw)
    if (bare := _ARTICLE_BEFORE_NUMBER.sub("", typed, count=1)) != typed:
        return _accepts(normalise(bare, tolerances), bare, variants, tolerances)
    return False


# "le 14 juin", "the 6th", "on 12 June", "la 4.8.2": an article before a number adds nothing.
_ARTICLE_BEFORE_NUMBER = re.compile(r"^(?:le|la|les|the|on) (?=\d)", re.I)


# --- numbers -------------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"\d{1,3}([ '](\d{3}))+")


def parse_number(text: object) -> Decimal | None:
    """Read a number typed by a person ("1 234,5", "1,234.5", "1'000", "-0.25"), else None."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float, Decimal)):
        return None
    text = pretreat(str(text))
    if not text or len(text) > 100:
        return None
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:].lstrip()
    text = text.replace("'", " ")
    commas, points = text.count(","), text.count(".")
    if commas and points:
        # the later one is the decimal mark, the other groups thousands: 1.234,5 or 1,234.5
        thousands = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(thousands, " ").replace(",", ".")
    elif commas > 1 or points > 1:
        text = text.replace("," if commas else ".", " ")
    else:
        text = text.replace(",", ".")
    whole, dot, decimals = text.partition(".")
    if " " in whole and not _GROUPED.fullmatch(whole):
        return None  # spaces may only separate groups of three digits
    text = sign + whole.replace(" ", "") + dot + decimals
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
        return None


# --- one function per challenge type -------------------------------------------------------


def _position(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and len(value) <= 12:
        value = value.strip()
        if value.isascii() and value.isdigit():
            return int(value)
    return None


def check_qcu(challenge: Challenge, answer: object) -> Verdict:
    position = _position(answer)
    return _verdict({"answer": position is not None and (position,) == challenge.solution})


def _positions(answer: object) -> list[int] | None:
    if isinstance(answer, str):
        if len(answer) > MAX_FIELD_LENGTH:
            return None
        items: list[object] = [part for part in answer.split(",") if part.strip()]
    elif isinstance(answer, (list, tuple)):
        if len(answer) > 1000:
            return None
        items = list(answer)
    else:
        return None
    positions = [_position(item) for item in items]
    if any(p is None for p in positions):
        return None
    return positions  # type: ignore[return-value]


def check_qcm(challenge: Challenge, answer: object) -> Verdict:
    positions = _positions(answer)
    # all or nothing: the same set, each position chosen once
    right = (
        positions is not None
        and len(positions) == len(set(positions))
        and set(positions) == set(challenge.solution)
    )
    return _verdict({"answer": right})


def check_qroc(challenge: Challenge, locale: str, answer: object) -> Verdict:
    if isinstance(answer, Mapping):  # a one-field form may still send {"answer": ...}
        answer = answer.get("answer")
    variants = challenge.solutions.get(locale, ())
    label = challenge.label.get(locale, "")
    ok = isinstance(answer, str) and _matches_counted(answer, variants, challenge.tolerances, label)
    return _verdict({"answer": ok})


def _matches_counted(answer: str, variants: Iterable[str], tolerances: Iterable[str], label: str):
    """`_matches_as_counted` of the answer as typed, or written in digits where a number is
    expected and the learner wrote it in words: "six séances" is "6 séances"."""
    variants = tuple(variants)
    if _matches_as_counted(answer, variants, tolerances, label):
        return True
    units = label_units(label)
    if not any(_is_a_number(_number_part(variant, units)) for variant in variants):
        return False
    return any(
        _matches_as_counted(typed, variants, tolerances, label) for typed in _in_digits(answer)
    )


def _matches_as_counted(
    answer: str, variants: Iterable[str], tolerances: Iterable[str], label: str
) -> bool:
    """`matches_any`, and a number with the unit or the count its label names ("Nombre de
    séances :") is its number alone, as for a numeric challenge: "6 séances" or "6 sessions"
    for a variant "6"; "3,5 Go" for "3,5" under "Espace (Go) :", but never "3,5 Mo"."""
    variants = tuple(variants)
    if matches_any(answer, variants, tolerances):
        return True
    units = label_units(label)
    number = _number_part(answer, units)
    if number is answer or not isinstance(number, str):
        return False
    bare = tuple(_number_part(v, units) for v in variants)
    return matches_any(number, [v for v in bare if isinstance(v, str)], tolerances)


def _field_answers(challenge: Challenge, answer: object) -> dict[str, str]:
    if not isinstance(answer, Mapping):
        return {}
    return {f.key: v for f in challenge.fields if isinstance(v := answer.get(f.key), str)}


def judged(challenge: Challenge, field: Field, locale: str, text: str) -> bool:
    """A field with a judge: the robot runs the program on the scenario of the locale."""
    scenarios = challenge.embed.scenario if challenge.embed is not None else None
    if field.judge == "robot" and isinstance(scenarios, Mapping):
        return robot.judge(scenarios.get(locale), text).success
    return False


def check_qrocm_ind(challenge: Challenge, locale: str, answer: object) -> Verdict:
    given = _field_answers(challenge, answer)
    per_field = {
        f.key: f.key in given
        and (
            judged(challenge, f, locale, given[f.key])
            if f.judge
            else _matches_counted(
                given[f.key],
                f.solutions.get(locale, ()),
                challenge.tolerances,
                f.label.get(locale, ""),
            )
        )
        for f in challenge.fields
    }
    return _verdict(per_field)


def check_qrocm_dep(challenge: Challenge, locale: str, answer: object) -> Verdict:
    """Answers in any order; each group of variants can be matched by one answer only."""
    given = _field_answers(challenge, answer)
    groups = challenge.groups.get(locale, ())
    keys = [f.key for f in challenge.fields]
    tolerances = challenge.tolerances
    forms = {
        key: normalise(text, tolerances)
        for key, text in given.items()
        if len(text) <= MAX_FIELD_LENGTH
    }
    accepts = {
        key: [
            g
            for g, variants in enumerate(groups)
            if _accepts(forms[key], given[key], variants, tolerances)
            or (
                any(_is_a_number(variant) for variant in variants)
                and any(
                    matches_any(typed, variants, tolerances) for typed in _in_digits(given[key])
                )
            )
        ]
        if key in forms
        else []
        for key in keys
    }
    # maximum bipartite matching (augmenting paths): tiny graphs, exact result
    owner: dict[int, str] = {}

    def assign(key: str, seen: set[int]) -> bool:
        for group in accepts[key]:
            if group in seen:
                continue
            seen.add(group)
            if group not in owner or assign(owner[group], seen):
                owner[group] = key
                return True
        return False

    for key in keys:
        assign(key, set())
    matched = set(owner.values())
    per_field = {key: key in matched for key in keys}
    required = challenge.required or len(keys)
    return _verdict(per_field, ok=len(matched) >= required)


_AMBIGUOUS = re.compile(r"[+-]?\d{1,3}[.,]\d{3}")


def number_readings(text: object) -> list[Decimal]:
    """Every sensible reading: "1,234" is 1.234 in French and 1234 in English, accept both."""
    value = parse_number(text)
    readings = [] if value is None else [value]
    if isinstance(text, str) and _AMBIGUOUS.fullmatch(stripped := pretreat(text)):
        readings.append(Decimal(stripped.replace(",", "").replace(".", "")))
    return readings


# Spellings of one unit, compared after t1. A label names its unit once ("Taille (Mo) :"); a
# learner may write it any of these ways, but never another unit: "3,6 Go" for 3.6 Mo is wrong.
_SAME_UNIT = [
    frozenset(group.split())
    for group in (
        "go gb gigaoctet gigaoctets gigabyte gigabytes",
        "mo mb megaoctet megaoctets megabyte megabytes",
        "ko kb kilooctet kilooctets kilobyte kilobytes",
        "to tb teraoctet teraoctets terabyte terabytes",
        "octet octets byte bytes",
        "€ eur euro euros",
        "% pourcent pourcents percent pct",
        "s sec secs seconde secondes second seconds",
        "min mins mn minute minutes",
        "h heure heures hour hours",
        "j jour jours day days",
        "cm centimetre centimetres centimeter centimeters",
        "mm millimetre millimetres millimeter millimeters",
        "m metre metres meter meters",
        "km kilometre kilometres kilometer kilometers",
        "px pixel pixels",
        "kwh kilowattheure kilowattheures kilowatt-heure kilowatt-heures kilowatthour"
        " kilowatthours kilowatt-hour kilowatt-hours",
        "an ans annee annees year years",
    )
]
# Other words for what a count counts, where dropping an "s" is not enough ("Number of people:").
_SAME_THING = [frozenset(group.split()) for group in ("personne personnes person persons people",)]
# After a count ("Nombre de photos :"), a learner may name what is counted in words of their
# own ("72 images", "8 persons", "7 membres"): the number is what is asked. But not with a word
# that changes the number: a unit ("72 Mo"), a multiplier ("72 mille"), a comparison or an
# approximation ("72 ou plus", "72 environ"), a share ("4 par semaine") or a negation.
_COUNT_CHANGERS = """
    mille milles million millions milliard milliards thousand thousands billion billions k md mds
    mrd bn douzaine douzaines dozen dozens dizaine dizaines centaine centaines hundred hundreds
    demi demie half quart quarter tiers third thirds plus moins more less fewer least most over
    under max maximum minimum mini environ about around approx approximately presque almost
    nearly pres roughly par per each chacun chacune chaque fois times
"""
_CHANGES_A_COUNT = (
    frozenset(_COUNT_CHANGERS.split())
    | {word for group in _SAME_UNIT for word in group}
    | _NEGATION_WORDS
)
_COUNT_WORDS = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_COUNT_TAIL = re.compile(r"(?:[^\W\d_]+(?:['-][^\W\d_]+)* ?){1,4}[.!]?")
_UNIT_IN_LABEL = re.compile(r"\(([^()]{1,30})\)\s*:?$")
_COUNTED_IN_LABEL = re.compile(r"^(?:nombre d(?:e |')|number of )([^():]{1,30}?)\s*:?$", re.I)
_NUMBER_WITH_WORDS = re.compile(
    r"(?P<before>[^\d+\-.,]*?) ?(?P<number>[+-]?[\d.,' ]*\d[\d.,]*) ?(?P<after>[^\d]*)"
)


@dataclass(frozen=True)
class Units:
    """What may stand beside the number of a label: its unit's spellings, after t1, and
    whether the label counts things, so that other words for them are accepted too."""

    words: frozenset[str] = frozenset()
    count: bool = False

    def __bool__(self) -> bool:
        return bool(self.words)


def label_units(label: str) -> Units:
    """The words that may follow (or, for a currency, precede) the number, after t1.

    From the unit between brackets at the end of the label ("Espace (Go) :") or the label itself
    ("Heures :"), with its other spellings, or from what a count counts ("Nombre de photos :"
    allows "photos", "photo" and other words for them: see `_count_tail`).
    """
    label = pretreat(label)
    if unit := _UNIT_IN_LABEL.search(label):
        word = _t1(unit.group(1))
        return Units(next((group for group in _SAME_UNIT if word in group), frozenset({word})))
    if counted := _COUNTED_IN_LABEL.match(label):
        word = _t1(counted.group(1))
        words = next((group for group in _SAME_UNIT + _SAME_THING if word in group), None)
        return Units(words or frozenset({word, word.removesuffix("s")}), count=True)
    word = _t1(label.removesuffix(":"))  # the label is the unit itself: "Heures :"
    return Units(next((group for group in _SAME_UNIT if word in group), frozenset()))


def _count_tail(text: str, units: Units) -> bool:
    """Do the words after a count only name what is counted ("images", "personnes de l'équipe")?"""
    if not units.count or not _COUNT_TAIL.fullmatch(text):
        return False
    words = [_t1(word) for word in _COUNT_WORDS.findall(text)]
    return all(
        word in units.words
        or (len(word) > 1 and word not in _CHANGES_A_COUNT and not is_a_number_word(word))
        for word in words
    )


def _number_part(text: object, units: Units) -> object:
    """The number of "12,5 €", "€12.50" or "4000 photos" when the words are the label's unit."""
    if not isinstance(text, str) or not units:
        return text
    parts = _NUMBER_WITH_WORDS.fullmatch(pretreat(text))
    if not parts:
        return text
    before, after = _t1(parts["before"]), _t1(parts["after"])
    if before and after:
        return text
    if after.endswith(".") and after[:-1] in units.words:
        after = after[:-1]  # "72 photos." ends a sentence
    words = before or after
    if not words or words in units.words or (after and _count_tail(parts["after"], units)):
        return parts["number"]
    return text


_HOURS = next(group for group in _SAME_UNIT if "h" in group)
_HOURS_AND_MINUTES = re.compile(r"(\d{1,4}) ?(?:h|:) ?([0-5]\d) ?(?:min|mn)?", re.I)


def _hours_and_minutes(text: object, units: Units) -> Decimal | None:
    """A duration in hours written "11 h 30" or "11:30", as a French learner writes 11.5 h."""
    if units.words != _HOURS or not isinstance(text, str):
        return None
    parts = _HOURS_AND_MINUTES.fullmatch(pretreat(text))
    if not parts:
        return None
    return Decimal(parts[1]) + Decimal(parts[2]) / 60


def _numeric_readings(answer: object, units: Units) -> list[Decimal]:
    readings = number_readings(_number_part(answer, units))
    if (duration := _hours_and_minutes(answer, units)) is not None:
        readings.append(duration)
    return readings


def check_numeric(challenge: Challenge, answer: object, locale: str = "") -> Verdict:
    if isinstance(answer, Mapping):
        answer = answer.get("answer")
    units = label_units(challenge.label.get(locale, ""))
    expected, tolerance = Decimal(challenge.number), Decimal(challenge.tolerance)

    def right(typed: object) -> bool:
        return any(abs(value - expected) <= tolerance for value in _numeric_readings(typed, units))

    ok = right(answer) or any(right(typed) for typed in _in_digits(answer))
    return _verdict({"answer": ok})


# --- numbers in words ----------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_IN_WORDS_MAX_LENGTH = 200  # "neuf cent quatre-vingt-dix-neuf mille..." and a few words


def _is_a_number(text: object) -> bool:
    return isinstance(text, str) and parse_number(text) is not None


def _in_digits(answer: object) -> tuple[str, ...]:
    """The answer with its whole numbers written in words put in digits, French or English:
    "vingt et un euros" is "21 euros". Only where the learner typed no digit: a digit and a
    number in words are two numbers. Empty when it holds no number in words, or words that are
    no whole number ("trois et deux"), or a lone article ("un", "a")."""
    if not isinstance(answer, str) or len(answer) > _IN_WORDS_MAX_LENGTH:
        return ()
    if _DIGIT.search(answer):
        return ()
    return numbers_in_digits_any(pretreat(answer))


def check_answer(challenge: Challenge, locale: str, answer: object) -> Verdict:
    """Judge `answer` to `challenge` shown in `locale`. Never raises on any answer."""
    try:
        if challenge.type == "qcu":
            return check_qcu(challenge, answer)
        if challenge.type == "qcm":
            return check_qcm(challenge, answer)
        if challenge.type == "qroc":
            return check_qroc(challenge, locale, answer)
        if challenge.type == "qrocm-ind":
            return check_qrocm_ind(challenge, locale, answer)
        if challenge.type == "qrocm-dep":
            return check_qrocm_dep(challenge, locale, answer)
        if challenge.type == "numeric":
            return check_numeric(challenge, answer, locale)
    except (RecursionError, MemoryError, ValueError, TypeError, ArithmeticError):
        # a hostile answer must cost the learner the question, never the server a 500
        return _verdict({}, ok=False)
    return _verdict({}, ok=False)


def solution_answer(challenge: Challenge, locale: str) -> str | dict[str, str]:
    """The canonical right answer, as a form would send it (for checks and previews)."""
    if challenge.type == "qcu":
        return str(challenge.solution[0]) if challenge.solution else ""
    if challenge.type == "qcm":
        return ",".join(str(p) for p in challenge.solution)
    if challenge.type == "qroc":
        variants = challenge.solutions.get(locale, ())
        return variants[0] if variants else ""
    if challenge.type == "qrocm-ind":
        return {f.key: (f.solutions.get(locale) or ("",))[0] for f in challenge.fields}
    if challenge.type == "qrocm-dep":
        groups = challenge.groups.get(locale, ())
        return {
            f.key: groups[i][0] if i < len(groups) and groups[i] else ""
            for i, f in enumerate(challenge.fields)
        }
    if challenge.type == "numeric":
        # written the way a learner of that locale would type it
        return challenge.number.replace(".", ",") if locale == "fr" else challenge.number
    return ""
