"""A robot challenge through HTTP: the page tells the board and how to write the program, and
the server judges the program, never a word such as "success"."""

import re

import pytest
from django.utils import timezone
from django.utils.html import escape

from octet.content.domain.release import current_release
from octet.learning import selectors
from octet.learning.domain.presentation import other_answers_accepted
from octet.learning.models import Answer, Assessment
from tests.learning.helpers import finish_test, start

pytestmark = pytest.mark.django_db

CORRIDOR = "algorithmSteps2-robot-corridor"
FIXME = "codeDebugging4-robot-short-loop"


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def serve(client, challenge_id: str, language: str = "en") -> int:
    """A test of competence 3.4 in `language`, with `challenge_id` as the current question."""
    client.post("/language", {"language": language, "next": "/"})
    assessment_id = start(client, "3.4")
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge_id, current_served_at=timezone.now()
    )
    return assessment_id


def answer(client, assessment_id: int, program: str) -> str:
    challenge_id = Assessment.objects.get(pk=assessment_id).current_challenge_id
    response = client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge_id, "action": "validate", "field-program": program},
    )
    assert response.status_code == 302, response
    return Answer.objects.get(assessment_id=assessment_id, challenge_id=challenge_id).outcome


@pytest.mark.parametrize(
    ("program", "outcome"),
    [
        ("repeat 7 (forward)", "ok"),  # the shortest, as the simulator writes it
        ("Répéter 7 fois [avancer]", "ok"),  # typed by hand, in the other language's words
        ("repeat 7 (forward), left", "ok"),  # another right one, within the 3 blocks
        ("success", "ko"),  # the word the simulator used to send
        ("réussite", "ko"),
        ("forward, forward, forward, forward, forward, forward, forward", "ko"),  # 7 blocks
        ("repeat 8 (forward)", "ko"),  # into the wall
        ("repeat 6 (forward)", "ko"),  # short of the flag
    ],
)
def test_the_server_runs_the_program_sent(signed_in, program, outcome):
    assessment_id = serve(signed_in, CORRIDOR)
    assert answer(signed_in, assessment_id, program) == outcome


def field_help(page: str) -> str:
    """The field's help, its no-break spaces (before a French colon...) made plain."""
    found = re.search(r'<p class="help" id="field-program-help" lang="\w+">(.*?)</p>', page)
    return found[1].replace("\u00a0", " ")


def noscript_board(page: str) -> str:
    """The simulator's <noscript> (the page's <head> has one of its own, for a stylesheet)."""
    simulator = page.split('<div class="challenge__simulator">', 1)[1]
    return simulator.split("<noscript>", 1)[1].split("</noscript>", 1)[0].replace("\u00a0", " ")


def test_without_javascript_the_page_tells_the_board_and_how_to_write_the_program(signed_in):
    assessment_id = serve(signed_in, CORRIDOR)
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert field_help(page) == escape(
        "Without the simulator, type the program here, its blocks separated by commas:"
        " forward, left, right, repeat. A repeat holds its blocks between brackets:"
        " repeat 3 (forward, left). The simulator writes its program here whenever it changes."
    )
    assert 'aria-describedby="field-program-help"' in page
    board = noscript_board(page)
    assert "This simulator needs JavaScript" not in board
    for told in (
        "Board of 3 rows and 10 columns. The robot starts in row 2, column 2, facing right."
        " At most 3 blocks.",
        "Open cells, row by row (all the others are walls):",
        "<li>Row 2: columns 2 to 9, flag in column 9.</li>",
        "##########\n#&gt;......G#\n##########",
    ):
        assert told in board
    assert "program to start from" not in board


def test_in_french_the_board_and_the_help_are_in_french_with_the_starting_program(signed_in):
    assessment_id = serve(signed_in, FIXME, "fr")
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert field_help(page) == escape(
        "Sans le simulateur, écrivez ici le programme, en séparant ses blocs par des virgules :"
        " avancer, gauche, droite, répéter. Une répétition met ses blocs entre parenthèses :"
        " répéter 3 (avancer, gauche). Le simulateur écrit ici son programme à chaque modification."
    )
    board = noscript_board(page)
    for told in (
        "Terrain de 6 lignes et 10 colonnes. Le robot part de la ligne 2, colonne 2, tourné"
        " vers la droite. Au plus 8 blocs.",
        "Ligne 5 : colonnes 3 à 8, drapeau en colonne 3.",
        "Ligne 3 : colonne 8.",
        "Le programme de départ : répéter 6 (avancer), droite, répéter 3 (avancer),"
        " droite, répéter 4 (avancer).",
    ):
        assert escape(told) in board, told
    # the starting program, typed back as it is, still has its bug
    assert (
        answer(
            signed_in,
            assessment_id,
            "répéter 6 (avancer), droite, répéter 3 (avancer), droite, répéter 4 (avancer)",
        )
        == "ko"
    )


def test_the_correction_shows_one_right_program_among_others():
    challenge = current_release().challenges[CORRIDOR]
    for locale, line in (
        ("en", "Program: repeat 7 (forward)"),
        ("fr", "Programme\u00a0: répéter 7 (avancer)"),
    ):
        assert selectors.expected_lines(challenge, locale) == [line]
        assert other_answers_accepted(challenge, locale)  # "One right answer:", not "Expected"


ANY_PROGRAM = {
    "en": "Any program that takes the robot to the flag with at most 3 blocks is right;"
    " for example:",
    "fr": "Tout programme qui mène le robot au drapeau\u00a0avec 3\u00a0blocs au plus est"
    " juste\u00a0; par exemple\u00a0:",
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_preview_says_any_working_program_is_accepted_not_only_the_examples(
    client, django_user_model, language
):
    staff = django_user_model.objects.create_user(
        "staff", "s@example.org", "Staff-Pass1", is_staff=True, language=language
    )
    client.force_login(staff)
    page = client.get(f"/preview/{CORRIDOR}?locale={language}").content.decode()
    accepted = page.split(f'<dl lang="{language}">', 1)[1].split("</dl>", 1)[0]
    example = {"en": "repeat 7 (forward)", "fr": "répéter 7 (avancer)"}[language]
    rule = f'<span lang="{language}">{escape(ANY_PROGRAM[language])}</span>'
    assert f"<dd>{rule} {example}</dd>" in accepted
    # Tolerances (case, typos) are for answers compared with solutions, not for a program run.
    assert "t1 (" not in page and "Tolerances" not in page and "Tolérances" not in page


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_wrong_programs_correction_says_any_working_program_is_right(signed_in, language):
    signed_in.post("/language", {"language": language, "next": "/"})
    assessment_id = start(signed_in, "3.4")
    finish_test(signed_in, assessment_id, right=False)
    last = Answer.objects.filter(assessment_id=assessment_id).order_by("id").last()
    Answer.objects.filter(pk=last.pk).update(
        challenge_id=CORRIDOR, value={"program": "forward"}, outcome="ko"
    )
    page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    correction = page.split(f'id="answer-{last.pk}"', 1)[1].split("</li>", 1)[0]
    assert f"<strong>{escape(ANY_PROGRAM[language])}</strong>" in correction
    assert "One right answer" not in correction and "Une bonne réponse" not in correction
