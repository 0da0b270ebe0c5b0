"""Answer checking, table-driven: one row per behaviour a learner would notice."""

from decimal import Decimal
from types import MappingProxyType

import pytest

from octet.content.domain.checking import (
    MAX_FIELD_LENGTH,
    bounded_levenshtein,
    check_answer,
    matches,
    normalise,
    parse_number,
    solution_answer,
)
from octet.content.domain.model import TOLERANCES, Challenge, Field

ALL = frozenset(TOLERANCES)


def qcu(solution=2):
    return Challenge(
        id="c-qcu",
        type="qcu",
        proposals={"fr": ("a", "b", "c"), "en": ("a", "b", "c")},
        solution=(solution,),
    )


def qcm(*solution):
    return Challenge(
        id="c-qcm",
        type="qcm",
        proposals={"fr": tuple("abcd"), "en": tuple("abcd")},
        solution=solution,
    )


def qroc(fr, en=None, tolerances=ALL):
    return Challenge(
        id="c-qroc",
        type="qroc",
        solutions={"fr": tuple(fr), "en": tuple(en or fr)},
        tolerances=frozenset(tolerances),
    )


def numeric(number, tolerance="0", label=None):
    return Challenge(
        id="c-num", type="numeric", number=number, tolerance=tolerance, label=label or {}
    )


def ind():
    return Challenge(
        id="c-ind",
        type="qrocm-ind",
        fields=(
            Field(
                "date",
                {},
                MappingProxyType({"fr": ("12/03/2021", "12 mars 2021"), "en": ("12/03/2021",)}),
            ),
            Field("model", {}, MappingProxyType({"fr": ("EOS 80D",), "en": ("EOS 80D",)})),
        ),
        tolerances=frozenset({"t1", "t2"}),
    )


def dep(required=0, tolerances=("t1", "t2")):
    return Challenge(
        id="c-dep",
        type="qrocm-dep",
        fields=(Field("a", {}), Field("b", {})),
        groups={
            "fr": (("PDF",), ("ODT", "OpenDocument"), ("DOCX",)),
            "en": (("PDF",), ("ODT",), ("DOCX",)),
        },
        required=required,
        tolerances=frozenset(tolerances),
    )


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("2", "ok"),
        (" 2 ", "ok"),
        (2, "ok"),
        ("1", "ko"),
        ("3", "ko"),
        ("", "ko"),
        (None, "ko"),
        ("2,3", "ko"),
        ("deux", "ko"),
        ("٢", "ko"),  # an Arabic-Indic digit is not a position
        (True, "ko"),
        ("9" * 50_000, "ko"),
        (["2"], "ko"),
    ],
)
def test_qcu(answer, outcome):
    assert check_answer(qcu(2), "fr", answer).outcome == outcome


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("1,3", "ok"),
        ("3,1", "ok"),
        (" 1 , 3 ", "ok"),
        (["3", "1"], "ok"),
        ([1, 3], "ok"),
        ("1", "ko"),  # all or nothing
        ("1,3,4", "ko"),
        ("1,1,3", "ko"),
        ("1;3", "ko"),
        ("", "ko"),
        ({"1": "3"}, "ko"),
        (["1", None], "ko"),
        (",".join(["1"] * 20_000), "ko"),
    ],
)
def test_qcm(answer, outcome):
    assert check_answer(qcm(1, 3), "en", answer).outcome == outcome


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        ("Le Mans", "ok"),
        ("  le mans ", "ok"),
        ("LEMANS", "ok"),
        ("Le\u00a0Mans", "ok"),  # non-breaking space
        ("Le\u202fMans", "ok"),  # narrow non-breaking space
        ("Le-Mans!", "ok"),  # punctuation (t2)
        ("Le Mams", "ok"),  # one typo on 6 letters (t3 allows 1)
        ("Le Mamz", "ko"),  # two typos: beyond 25 % of 6
        ("Paris", "ko"),
        ("", "ko"),
        ("   ", "ko"),
        ("!!!", "ko"),
        (None, "ko"),
        (42, "ko"),
        ("Le Mans" * 5000, "ko"),  # longer than the cap: refused, not crashed
        ("中文", "ko"),
    ],
)
def test_qroc_default_tolerances(answer, outcome):
    assert check_answer(qroc(["Le Mans"]), "fr", answer).outcome == outcome


@pytest.mark.parametrize(
    ("expected", "answer", "tolerances", "outcome"),
    [
        ("Élève", "eleve", ALL, "ok"),  # accents (t1)
        ("Élève", "eleve", {"t2", "t3"}, "ko"),  # no t1: accents and case count
        ("Élève", "Élève", {"t2"}, "ok"),
        ("E\u0301le\u0300ve", "Élève", set(), "ok"),  # NFC: decomposed equals composed
        ("l'ordinateur", "l’ordinateur", set(), "ok"),  # typographic apostrophe
        ('"bonjour"', "«bonjour»", set(), "ok"),  # typographic quotes
        ("mot-clé", "mot–clé", set(), "ok"),  # en dash
        ("Cœur", "coeur", ALL, "ok"),  # ligature
        ("https", "http", ALL, "ok"),  # 5 letters allow 1 edit
        ("2021", "2022", ALL, "ko"),  # 4 characters allow 1 edit, but never in a number
        ("Windows 10", "Windows 11", ALL, "ko"),
        ("Windows 10", "Widnows 10", ALL, "ok"),
        ("Le Mans", "le-mans", {"t1", "t2"}, "ok"),  # punctuation and spaces both ignored
        ("mot clé", "mot-clé", {"t2"}, "ok"),  # without t1 punctuation reads as a space
        ("abc", "abd", ALL, "ko"),  # under 4 characters: no typo allowed
        ("password", "pasword", ALL, "ok"),  # 8 letters allow 2 edits
        ("password", "paswrd", ALL, "ok"),
        ("password", "pswrd", ALL, "ko"),
        ("Le Mans", "LeMans", {"t2"}, "ko"),  # without t1 inner spaces count
        ("Москва", "москва", ALL, "ok"),  # other scripts keep their letters under t2
        ("Москва", "Mосква", {"t2"}, "ko"),  # a Latin M is not a Cyrillic one
        # t3 forgives a typo, never a negation
        ("navigation privée", "navigation non privée", ALL, "ko"),
        ("navigation privée", "navigaton privée", ALL, "ok"),
        ("private browsing", "not private browsing", ALL, "ko"),
        ("bloquer", "débloquer", ALL, "ko"),
        ("block the user", "unblock the user", ALL, "ko"),
        ("correct", "incorrect", ALL, "ko"),
        ("block the user", "un-block the user", ALL, "ko"),
        ("bulle de filtres", "une bulle de filtres", ALL, "ok"),  # an article, not "un-"
        ("mot de passe", "un mot de passe", ALL, "ok"),
        ("installer", "désinstaller", ALL, "ko"),
        ("imprimer", "inprimer", ALL, "ok"),  # a typo that happens to begin like "in-"
        ("pas de son", "pas de sons", ALL, "ok"),  # the variant has the negation itself
        # a final full stop is not part of the answer, even without t2
        ("45.83.20.199", "45.83.20.199.", {"t1"}, "ok"),
        ("45.83.20.199", "45.83.20.19.", {"t1"}, "ko"),
        ("3.2.", "3.2.", set(), "ok"),
        # no tolerance changes a number: t2 does not join "4,2" into 42, t3 does not add a digit
        ("4,2 Go", "42 Go", ALL, "ko"),
        ("4,2 Go", "4.2 Go", ALL, "ok"),
        ("190 €", "19000 €", ALL, "ko"),
        ("0,5 Mo", "0,05 Mo", ALL, "ko"),  # leading zeros count in a decimal part
        ("12/05/2024", "12-05-2024", ALL, "ok"),
        ("12/05/2024", "12.05.2024", ALL, "ok"),  # "05" after a point is a month here too
        ("12/05/2024", "12/5/2024", ALL, "ok"),  # but not elsewhere
        ("12/05/2024", "12052024", ALL, "ko"),
        ("12/05/2024", "12/06/2024", ALL, "ko"),
        ("12 900 habitants", "12900 habitants", ALL, "ok"),  # thousands grouped or not
        ("12,900 inhabitants", "12 900 inhabitants", ALL, "ok"),
        ("12,900 inhabitants", "12.900 inhabitants", ALL, "ok"),
        ("1. Introduction", "2. Introduction", ALL, "ko"),
        ("16:30", "16h30", ALL, "ok"),
        ("82.64.10.7", "82.64.10.17", ALL, "ko"),
    ],
)
def test_qroc_tolerances(expected, answer, tolerances, outcome):
    assert check_answer(qroc([expected], tolerances=tolerances), "fr", answer).outcome == outcome


def test_t3_is_measured_on_the_expected_answer():
    # a long answer cannot buy a bigger allowance: 1 edit allowed for "lemans" (6 chars)
    assert not matches("lemansxx", "lemans", ALL)
    assert matches("lemansx", "lemans", ALL)


def test_qroc_uses_the_variants_of_the_locale():
    challenge = qroc(["Londres"], ["London"])
    assert check_answer(challenge, "fr", "Londres").ok
    assert not check_answer(challenge, "en", "Londres").ok
    assert check_answer(challenge, "en", "london").ok


@pytest.mark.parametrize(
    ("answer", "outcome", "per_field"),
    [
        ({"date": "12/03/2021", "model": "EOS 80D"}, "ok", {"date": True, "model": True}),
        ({"date": "12 MARS 2021", "model": "eos80d"}, "ok", {"date": True, "model": True}),
        ({"date": "13/03/2021", "model": "EOS 80D"}, "ko", {"date": False, "model": True}),
        ({"date": "12/03/2021"}, "ko", {"date": True, "model": False}),
        ({"date": "12/03/2021", "model": ["EOS 80D"]}, "ko", {"date": True, "model": False}),
        ({}, "ko", {"date": False, "model": False}),
        ("EOS 80D", "ko", {"date": False, "model": False}),
        (None, "ko", {"date": False, "model": False}),
    ],
)
def test_qrocm_ind(answer, outcome, per_field):
    verdict = check_answer(ind(), "fr", answer)
    assert verdict.outcome == outcome
    assert dict(verdict.per_field) == per_field


@pytest.mark.parametrize(
    ("answer", "outcome", "per_field"),
    [
        ({"a": "PDF", "b": "ODT"}, "ok", {"a": True, "b": True}),
        ({"a": "odt", "b": "pdf"}, "ok", {"a": True, "b": True}),  # any order
        ({"a": "OpenDocument", "b": "docx"}, "ok", {"a": True, "b": True}),
        ({"a": "PDF", "b": "PDF"}, "ko", {"a": True, "b": False}),  # a group cannot be reused
        ({"a": "ODT", "b": "OpenDocument"}, "ko", {"a": True, "b": False}),  # same group twice
        ({"a": "PDF", "b": "RTF"}, "ko", {"a": True, "b": False}),
        ({"a": "PDF"}, "ko", {"a": True, "b": False}),
        ({"a": "", "b": ""}, "ko", {"a": False, "b": False}),
    ],
)
def test_qrocm_dep(answer, outcome, per_field):
    verdict = check_answer(dep(), "fr", answer)
    assert verdict.outcome == outcome
    assert dict(verdict.per_field) == per_field


def test_qrocm_dep_required_fewer_than_fields():
    assert check_answer(dep(required=1), "fr", {"a": "PDF", "b": "RTF"}).ok
    assert not check_answer(dep(required=1), "fr", {"a": "RTF", "b": "RTF"}).ok


def test_qrocm_dep_finds_the_best_assignment():
    # "pdfx" is a typo of "PDFX" and of "PDF"; a greedy first match would block the second answer
    challenge = Challenge(
        id="c",
        type="qrocm-dep",
        fields=(Field("a", {}), Field("b", {})),
        groups={"en": (("PDFA",), ("PDFX",))},
    )
    assert check_answer(challenge, "en", {"a": "PDFX", "b": "PDFA"}).ok
    assert check_answer(challenge, "en", {"a": "PDFZ", "b": "PDFA"}).ok


@pytest.mark.parametrize(
    ("number", "tolerance", "answer", "outcome"),
    [
        ("12.5", "0", "12.5", "ok"),
        ("12.5", "0", "12,5", "ok"),
        ("12.5", "0", " 12,50 ", "ok"),
        ("12.5", "0", "12.51", "ko"),
        ("12.5", "0.01", "12.51", "ok"),
        ("12.5", "0.01", "12.52", "ko"),
        ("1234.5", "0", "1 234,5", "ok"),
        ("1234.5", "0", "1\u202f234,5", "ok"),  # narrow no-break space (French typography)
        ("1234.5", "0", "1\u00a0234,5", "ok"),
        ("1234.5", "0", "1'234.5", "ok"),
        ("1234.5", "0", "1,234.5", "ok"),
        ("1234.5", "0", "1.234,5", "ok"),
        ("1234567", "0", "1 234 567", "ok"),
        ("1234567", "0", "1.234.567", "ok"),
        ("1234", "0", "1,234", "ok"),  # English thousands
        ("1.234", "0", "1,234", "ok"),  # French decimal
        ("1234", "0", "12 34", "ko"),  # groups are three digits
        ("-3", "0", "−3", "ok"),  # typographic minus
        ("0.5", "0", ",5", "ok"),
        ("0.5", "0", "0.5.", "ko"),
        ("12", "0", "12 €", "ko"),
        ("12", "0", "douze", "ok"),  # a whole number in words, where a number is expected
        ("12", "0", "treize", "ko"),
        ("12", "0", "douze mille", "ko"),  # a multiplier still changes it
        ("12", "0", "a dozen", "ko"),
        ("12", "0", "12 douze", "ko"),
        ("21", "0", "vingt et un", "ok"),
        ("21", "0", "twenty-one", "ok"),
        ("97", "0", "quatre-vingt-dix-sept", "ok"),
        ("105", "0", "one hundred and five", "ok"),
        ("250", "0", "deux cent cinquante", "ok"),
        ("1000", "0", "mille", "ok"),
        ("1", "0", "one", "ok"),
        ("1", "0", "un", "ko"),  # an article alone
        ("1", "0", "a", "ko"),
        ("0.5", "0", "zéro", "ko"),
        ("12", "0", "", "ko"),
        ("12", "0", None, "ko"),
        ("12", "0", "1e1", "ko"),
        ("12", "0", "9" * 20_000, "ko"),
        ("0.3", "0", "0,3", "ok"),  # exact decimals: no 0.1 + 0.2 surprise
    ],
)
def test_numeric(number, tolerance, answer, outcome):
    assert check_answer(numeric(number, tolerance), "fr", answer).outcome == outcome


@pytest.mark.parametrize(
    "label, answer, outcome",
    [
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("fr", "3,6 Mo"), "ok"),
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("fr", "3,6Mo"), "ok"),
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("fr", "3,6 mégaoctets"), "ok"),
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("en", "3.6 MB"), "ok"),
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("fr", "3,6 Go"), "ko"),  # another unit
        ({"fr": "Poids (Mo) :", "en": "Size (MB):"}, ("fr", "3,6 Mo Mo"), "ko"),
        ({"fr": "Total (€) :", "en": "Total (€):"}, ("en", "€3.60"), "ok"),
        ({"fr": "Total (€) :", "en": "Total (€):"}, ("fr", "3,60 euros"), "ok"),
        ({"fr": "Total (€) :", "en": "Total (€):"}, ("fr", "€ 3,6 €"), "ko"),
        ({"fr": "Total (€) :", "en": "Total (€):"}, ("en", "3.6 $"), "ko"),
        ({"fr": "Nombre de photos :", "en": "Number of photos:"}, ("fr", "3,6 photos"), "ok"),
        ({"fr": "Nombre d'adhérents :"}, ("fr", "3,6 adherent"), "ok"),
        # a count may name what it counts in other words, never with a unit or a multiplier
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 images"), "ok"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 photos de vacances."), "ok"),
        ({"en": "Number of people:"}, ("en", "3.6 persons"), "ok"),
        ({"en": "Number of people:"}, ("en", "3.6 personnes"), "ok"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 Mo"), "ko"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 %"), "ko"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 mille"), "ko"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6k"), "ko"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 photos environ"), "ko"),
        ({"en": "Number of photos:"}, ("en", "3.6 or more"), "ko"),
        ({"en": "Number of times:"}, ("en", "3.6 times a day"), "ko"),
        ({"en": "Number of people:"}, ("en", "3.6 people not 4"), "ko"),
        ({"fr": "Nombre de photos :"}, ("fr", "3,6 photos sur 8"), "ko"),
        ({"fr": "Poids (Mo) :"}, ("fr", "3,6 mégaoctets de photos"), "ko"),  # a unit stays exact
        ({"fr": "Poids (Mo) :"}, ("fr", "3,6 Mo."), "ok"),
        ({"fr": "Énergie (kWh) :"}, ("fr", "3,6 kilowattheures"), "ok"),
        ({"fr": "Heures :", "en": "Hours:"}, ("en", "3.6 hours"), "ok"),
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3,6 h"), "ok"),
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3,6 min"), "ko"),
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3 h 36"), "ok"),  # 3 h 36 min = 3,6 h
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3h36"), "ok"),
        ({"fr": "Heures :", "en": "Hours:"}, ("en", "3:36"), "ok"),
        ({"fr": "Durée (heures) :"}, ("fr", "3 h 36 min"), "ok"),
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3 h 60"), "ko"),  # not a minute count
        ({"fr": "Heures :", "en": "Hours:"}, ("fr", "3 h 06"), "ko"),  # 3,1 h
        ({"fr": "Poids (Mo) :"}, ("fr", "3:36"), "ko"),  # minutes only for hours
        ({"fr": "Résultat :", "en": "Result:"}, ("fr", "3,6 Mo"), "ko"),  # no unit named
        ({"fr": "Poids (Mo) :"}, ("en", "3.6 MB"), "ko"),  # the label of that locale decides
    ],
)
def test_numeric_accepts_the_unit_its_label_names(label, answer, outcome):
    locale, typed = answer
    assert check_answer(numeric("3.6", "0", label), locale, typed).outcome == outcome


@pytest.mark.parametrize(
    "label, typed, outcome",
    [
        ("Nombre de séances :", "6 séances", "ok"),
        ("Nombre de séances :", "6 cours", "ok"),  # the count names them in other words
        ("Nombre de séances :", "6 Mo", "ko"),
        ("Nombre de séances :", "7 séances", "ko"),
        ("Nombre de séances :", "6 séances environ", "ko"),
        ("Espace (Go) :", "6 gigaoctets", "ok"),
        ("Espace (Go) :", "6 Mo", "ko"),
        ("Réponse :", "6 séances", "ko"),  # no count or unit named: the variants decide
    ],
)
def test_a_free_answer_may_name_the_count_or_unit_of_its_label(label, typed, outcome):
    challenge = Challenge(
        id="c-qroc",
        type="qroc",
        label={"fr": label},
        solutions={"fr": ("6", "six")},
        tolerances=frozenset({"t1", "t2", "t3"}),
    )
    assert check_answer(challenge, "fr", typed).outcome == outcome


@pytest.mark.parametrize(
    "variants, typed, outcome",
    [
        (("6",), "six séances", "ok"),  # in words, then judged as "6 séances"
        (("6",), "six", "ok"),
        (("6",), "sept séances", "ko"),
        (("6",), "six séances environ", "ko"),  # the count rules hold for words too
        (("6",), "six Mo", "ko"),
        (("6",), "six ou sept", "ko"),
        (("6",), "pas six", "ko"),
        (("6",), "sixième", "ko"),  # no ordinal
        (("6 séances",), "six séances", "ok"),  # a count: "6 séances" is a number too
        (("6",), "6 six", "ko"),  # another number, in words
        (("6",), "6 séances sur dix", "ko"),
    ],
)
def test_a_free_number_may_be_written_in_words(variants, typed, outcome):
    challenge = Challenge(
        id="c-qroc",
        type="qroc",
        label={"fr": "Nombre de séances :"},
        solutions={"fr": variants},
        tolerances=frozenset({"t1", "t2", "t3"}),
    )
    assert check_answer(challenge, "fr", typed).outcome == outcome


def test_a_date_is_not_read_in_words():
    challenge = qroc(["14 juin 2025"], tolerances=("t1", "t2", "t3"))
    assert not check_answer(challenge, "fr", "quatorze juin deux mille vingt-cinq").ok


def test_qrocm_dep_reads_a_number_in_words():
    challenge = Challenge(
        id="c-dep",
        type="qrocm-dep",
        fields=(Field("a", {}), Field("b", {})),
        groups={"en": (("3",), ("12",))},
        tolerances=frozenset({"t1", "t2"}),
    )
    assert check_answer(challenge, "en", {"a": "twelve", "b": "three"}).ok
    assert not check_answer(challenge, "en", {"a": "twelve", "b": "thirteen"}).ok


def test_a_field_of_several_may_name_its_count_too():
    challenge = Challenge(
        id="c-ind",
        type="qrocm-ind",
        fields=(Field("n", {"en": "Number of members:"}, MappingProxyType({"en": ("7",)})),),
        tolerances=frozenset({"t1"}),
    )
    assert check_answer(challenge, "en", {"n": "7 people"}).ok
    assert not check_answer(challenge, "en", {"n": "7 thousand"}).ok


@pytest.mark.parametrize("typed, outcome", [("2.4 GHz", "ok"), ("2,4 GHz", "ok"), ("24 GHz", "ko")])
def test_a_decimal_comma_is_a_decimal_point_without_t2_too(typed, outcome):
    challenge = qroc(["2,4 GHz"], tolerances=("t1",))
    assert check_answer(challenge, "fr", typed).outcome == outcome


@pytest.mark.parametrize(
    "typed, outcome",
    [
        ("12/5/2024", "ok"),  # a leading zero is not needed, even without t3
        ("12.5.2024", "ok"),
        ("le 12/05/2024", "ok"),  # nor is an article before the number
        ("the 12/05/2024", "ok"),
        ("12/6/2024", "ko"),
        ("le 12/06/2024", "ko"),
        ("12/05/24", "ko"),  # another number
    ],
)
def test_a_date_without_t3_forgives_leading_zeros_and_an_article(typed, outcome):
    challenge = qroc(["12/05/2024"], tolerances=("t1", "t2"))
    assert check_answer(challenge, "fr", typed).outcome == outcome


@pytest.mark.parametrize(
    "variant, typed, outcome",
    [
        ("09:05", "9:05", "ok"),  # an hour's padding
        ("9 h 05", "09 h 05", "ok"),
        ("14.05.2024", "14.5.2024", "ok"),
        ("CR_03-02-2025.pdf", "CR_3-2-2025.pdf", "ko"),  # a file name keeps its zeros
        ("2025-03-12_v01.docx", "2025-03-12_v1.docx", "ko"),
        ("#000000", "#0", "ko"),  # a colour code too
        ("#FF0000", "#FF00", "ko"),
        ("BRS-2026-084517", "BRS-2026-84517", "ko"),
        ("0,05", "0,5", "ko"),  # and a decimal part
    ],
)
def test_leading_zeros_are_forgiven_in_dates_and_hours_only(variant, typed, outcome):
    challenge = qroc([variant], tolerances=("t1",))
    assert check_answer(challenge, "fr", typed).outcome == outcome


def test_parse_number():
    assert parse_number("1 234,5") == Decimal("1234.5")
    assert parse_number("+7") == Decimal(7)
    assert parse_number("abc") is None
    assert parse_number(float("nan")) is None


def test_bounded_levenshtein_exits_early():
    assert bounded_levenshtein("kitten", "sitting", 3) == 3
    assert bounded_levenshtein("kitten", "sitting", 2) is None
    assert bounded_levenshtein("a" * 9000, "b" * 9000, 2) is None
    assert bounded_levenshtein("a" * 9000, "b", 2) is None


def test_normalise():
    assert normalise("  Le\u00a0Mans ! ", ALL) == "lemans"
    assert normalise("  Le\u00a0Mans ! ", {"t2"}) == "Le Mans"


@pytest.mark.parametrize(
    "answer",
    [
        None,
        "",
        "x" * (MAX_FIELD_LENGTH + 1),
        "\x00\ud800",
        {"a": {"b": "c"}},
        ["x"] * 3,
        object(),
        12.5,
        float("inf"),
    ],
)
@pytest.mark.parametrize("challenge", [qcu(), qcm(1), qroc(["x"]), ind(), dep(), numeric("1")])
def test_any_answer_is_judged_without_raising(challenge, answer):
    assert check_answer(challenge, "fr", answer).outcome in {"ok", "ko"}


def test_unknown_type_is_ko():
    assert check_answer(Challenge(id="c", type="essay"), "fr", "x").outcome == "ko"


@pytest.mark.parametrize(
    "challenge", [qcu(), qcm(1, 3), qroc(["Le Mans"]), ind(), dep(), numeric("12.5")]
)
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_solution_answer_is_accepted(challenge, locale):
    assert check_answer(challenge, locale, solution_answer(challenge, locale)).ok


def test_solution_answer_numeric_uses_the_locale_decimal_mark():
    assert solution_answer(numeric("12.5"), "fr") == "12,5"
    assert solution_answer(numeric("12.5"), "en") == "12.5"


def test_typo_search_is_bounded_even_for_a_very_long_expected_answer():
    expected = "a" * 5000
    assert check_answer(qroc([expected]), "fr", expected).ok
    assert not check_answer(qroc([expected]), "fr", "a" * 4999 + "b").ok  # exact only


def test_verdict_serialises_to_json():
    import json

    verdict = check_answer(ind(), "fr", {"date": "12/03/2021", "model": "x"})
    assert json.loads(json.dumps(verdict.per_field)) == {"date": True, "model": False}
