"""Whole numbers written in words, read as a learner of 12 writes them, French and English."""

import pytest

from octet.content.domain.number_words import number_from_words, numbers_in_digits

FRENCH = [
    ("zéro", 0),
    ("zero", 0),
    ("deux", 2),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("Douze", 12),
    ("seize", 16),
    ("dix-sept", 17),
    ("dix sept", 17),
    ("dix-neuf", 19),
    ("vingt", 20),
    ("vingt et un", 21),
    ("vingt-et-un", 21),  # 1990 reform
    ("vingt-deux", 22),
    ("trente et une", 31),
    ("quarante-cinq", 45),
    ("soixante", 60),
    ("soixante-dix", 70),
    ("soixante et onze", 71),
    ("soixante-et-onze", 71),
    ("soixante-dix-sept", 77),
    ("soixante dix neuf", 79),
    ("quatre-vingts", 80),
    ("quatre-vingt", 80),
    ("quatre-vingt-un", 81),
    ("quatre-vingt-onze", 91),
    ("quatre-vingt-dix-sept", 97),
    ("quatre vingt dix sept", 97),
    ("septante", 70),  # Belgian and Swiss French
    ("septante et un", 71),
    ("huitante-huit", 88),
    ("octante", 80),
    ("nonante-neuf", 99),
    ("cent", 100),
    ("cent un", 101),
    ("cent cinq", 105),
    ("deux cents", 200),
    ("deux cent cinquante", 250),
    ("deux-cent-cinquante", 250),
    ("neuf cent quatre-vingt-dix-neuf", 999),
    ("mille", 1000),
    ("mille un", 1001),
    ("deux mille", 2000),
    ("deux mille vingt-cinq", 2025),
    ("dix-huit mille", 18000),
    ("quatre-vingt mille", 80000),
    ("cent mille", 100000),
    ("deux cent mille trois cents", 200300),
    ("neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 999999),
    # not one whole number
    ("un", None),  # an article alone
    ("une", None),
    ("", None),
    ("et", None),
    ("douze cent trois mille vingt", None),
    ("un mille", None),
    ("mille mille", None),
    ("vingt et deux", None),
    ("vingt dix", None),
    ("vingt zéro", None),
    ("deux trois", None),
    ("cent cent", None),
    ("un million", None),
    ("une douzaine", None),
    ("douzième", None),  # an ordinal
    ("douze 12", None),
    ("douze cents", None),
    ("twelve", None),  # the other language
]

ENGLISH = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("Twelve", 12),
    ("thirteen", 13),
    ("nineteen", 19),
    ("twenty", 20),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("forty-five", 45),
    ("ninety-nine", 99),
    ("a hundred", 100),
    ("one hundred", 100),
    ("one hundred and five", 105),
    ("one hundred five", 105),
    ("two hundred and fifty", 250),
    ("nine hundred and ninety-nine", 999),
    ("a thousand", 1000),
    ("one thousand", 1000),
    ("one thousand and one", 1001),
    ("two thousand and twenty-five", 2025),
    ("two thousand twenty-five", 2025),
    ("eighteen thousand", 18000),
    ("a hundred thousand", 100000),
    ("three thousand five hundred and forty-four", 3544),
    ("nine hundred ninety-nine thousand nine hundred ninety-nine", 999999),
    ("six", 6),
    # not one whole number
    ("a", None),  # an article alone
    ("an", None),
    ("and", None),
    ("a dozen", None),
    ("hundred", None),
    ("thousand", None),
    ("two and three", None),
    ("twenty ten", None),
    ("twenty zero", None),
    ("one two", None),
    ("hundred hundred", None),
    ("one million", None),
    ("twelfth", None),  # an ordinal
    ("sixth", None),
    ("twelve hundred", None),
    ("zero thousand", None),
    ("one thousand and", None),
    ("douze", None),  # the other language
    ("", None),
]


@pytest.mark.parametrize("text, number", FRENCH)
def test_a_number_in_french_words(text, number):
    assert number_from_words(text, "fr") == number


@pytest.mark.parametrize("text, number", ENGLISH)
def test_a_number_in_english_words(text, number):
    assert number_from_words(text, "en") == number


@pytest.mark.parametrize(
    "text, language, digits",
    [
        ("six séances", "fr", "6 séances"),
        ("il y en a vingt et un", "fr", "il y en a 21"),
        ("vingt-six pour cent", "fr", "26 pour cent"),  # a share, not a hundred
        ("quatre-vingt-dix-sept euros", "fr", "97 euros"),
        ("fifty cents", "en", "50 cents"),
        ("twelve people", "en", "12 people"),
        ("douze ou treize", "fr", "12 ou 13"),  # two numbers: the usual rules judge that
        ("une copie", "fr", None),  # an article alone stays an article
        ("a dozen", "en", None),
        ("trois et deux", "fr", None),  # not one whole number
        ("twelve douze", "en", None),  # the other language's number words too
        ("bonjour", "fr", None),
    ],
)
def test_the_number_words_of_an_answer_in_digits(text, language, digits):
    assert numbers_in_digits(text, language) == digits
