"""Answers read back in the corrections: bank texts formatted as on the question page, what
the learner typed escaped."""

import pytest
from django.utils.html import escape

from octet.content.domain.release import current_release
from octet.learning import selectors
from octet.learning.domain.presentation import size_shown
from octet.learning.models import Answer, Assessment
from tests.learning.helpers import (
    checkpoint_with_every_kind_of_material,
    finish_test,
    question_of_1_3,
    start,
)


def first(predicate):
    return next(c for c in current_release().challenges.values() if predicate(c))


def test_a_proposal_in_markdown_is_shown_formatted_as_in_the_question():
    challenge = first(
        lambda c: c.type == "qcu" and any("`" in p for p in c.proposals.get("en", ()))
    )
    position = next(i for i, p in enumerate(challenge.proposals["en"], 1) if "`" in p)
    [line] = selectors.answer_lines(challenge, "en", str(position))
    assert "<code>" in line and "`" not in line
    expected = selectors.expected_lines(challenge, "en")
    assert expected and all("`" not in line for line in expected)


def test_what_the_learner_typed_is_escaped_and_never_read_as_markdown():
    challenge = first(lambda c: c.type == "qroc")
    [line] = selectors.answer_lines(challenge, "en", "<b>*bold*</b> & =B5*C5")
    assert line == "&lt;b&gt;*bold*&lt;/b&gt; &amp; =B5*C5"
    fields = first(lambda c: c.type == "qrocm-ind" and c.fields)
    key = fields.fields[0].key
    [line] = selectors.answer_lines(fields, "en", {key: "<i>x</i>"})
    assert line.endswith(" &lt;i&gt;x&lt;/i&gt;")


def test_a_typed_solution_is_not_read_as_markdown():
    challenge = first(lambda c: c.type == "qroc" and c.solutions.get("en"))
    [line] = selectors.expected_lines(challenge, "en")
    assert "<em>" not in line and "<p>" not in line


def test_two_of_many_accepted_answers_are_shown_as_one_right_answer_among_others():
    from octet.learning.domain.presentation import other_answers_accepted

    sounds = current_release().challenges["fileTypes2-sound-extensions"]
    assert len(sounds.groups["en"]) > sounds.required
    assert other_answers_accepted(sounds, "en") and other_answers_accepted(sounds, "fr")
    # Every group needed, or a single answer: what is shown is the expected answer.
    every = first(
        lambda c: c.type == "qrocm-dep" and len(c.groups["en"]) == (c.required or len(c.fields))
    )
    assert not other_answers_accepted(every, "en")
    assert not other_answers_accepted(first(lambda c: c.type == "qroc"), "en")


# --- What a question showed besides its text, in its correction (checkpoint, results) ---


def _correction_of(page: str, anchor: str) -> str:
    """The HTML of one correction, from its <li> to the next one's (or the list's end)."""
    start = page.index(f'id="{anchor}"')
    end = page.find('<li class="card correction', start)
    return page[start : end if end > 0 else page.index("</ol>", start)]


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_correction_shows_the_picture_and_names_the_file_or_simulator_its_question_used(
    signed_in, language
):
    """ "This chart shows..." read again without the chart, or "the attached survey" without
    the survey, leaves the correction meaningless."""
    _, page, anchors, (pictured, attached, simulated) = checkpoint_with_every_kind_of_material(
        signed_in, language
    )
    picture = _correction_of(page, anchors["pictured"])
    alt = escape(pictured.illustration.alt[language])
    assert (
        f'<figure class="correction__illustration"><img src="/illustrations/'
        f'{pictured.illustration.file}" alt="{alt}" lang="{language}" loading="lazy"'
    ) in picture
    file = _correction_of(page, anchors["attached"])
    [names] = attached.attachments
    name = names[language]
    kind = {"en": "Excel spreadsheet", "fr": "classeur Excel"}[language]
    size = size_shown(current_release().attachment_path(name).stat().st_size, language)
    assert f'<a href="/files/{name}">{name} ({kind}, {size})</a>' in file
    assert signed_in.get(f"/files/{name}").status_code == 200
    used = {"en": "File used in this question:", "fr": "Fichier utilisé dans cette question\xa0:"}
    assert used[language] in file
    simulation = _correction_of(page, anchors["simulated"])
    said = {
        "en": "This question used an interactive simulation, which is not shown again here.",
        "fr": "Cette question utilisait une simulation interactive, qui n'est pas affichée à "
        "nouveau ici.",
    }
    assert said[language] in simulation
    assert "<iframe" not in page  # a simulator is never loaded again in a correction
    for kind in ("plain", "plain2"):
        nothing_more = _correction_of(page, anchors[kind])
        assert "<img" not in nothing_more and "/files/" not in nothing_more
        assert said[language] not in nothing_more
    for kind in ("attached", "simulated"):
        assert "<img" not in _correction_of(page, anchors[kind])


@pytest.mark.django_db
def test_the_results_show_the_picture_of_a_question_of_the_last_answers(signed_in):
    assessment_id = start(signed_in, "1.3")
    finish_test(signed_in, assessment_id, right=False)
    assessment = Assessment.objects.get(pk=assessment_id)
    answered = set(assessment.answers.values_list("challenge_id", flat=True))
    pictured = question_of_1_3(lambda c: c.illustration is not None and c.id not in answered)
    last = assessment.answers.order_by("id").last()
    Answer.objects.filter(pk=last.pk).update(
        challenge_id=pictured.id, value=None, outcome="skipped"
    )
    page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    correction = _correction_of(page, f"answer-{last.pk}")
    assert f'src="/illustrations/{pictured.illustration.file}"' in correction
    shown = assessment.answers.order_by("id")[assessment.checkpoint_seen :]
    pictured_ids = {pictured.id} | {
        a.challenge_id for a in shown if current_release().challenges[a.challenge_id].illustration
    }
    assert page.count('class="correction__illustration"') == len(pictured_ids)


def test_the_end_of_a_test_says_up_down_beginner_gained_or_unchanged():
    from octet.learning.domain.presentation import result_outcome

    assert result_outcome(2, 3, 20, 26) == "up"
    assert result_outcome(4, 2, 36, 22) == "down"  # a lower level, even with no pix before
    assert result_outcome(0, 0, 0, 3) == "beginner"  # level 0 says so before any pix gained
    assert result_outcome(3, 3, 26, 30) == "gained"
    assert result_outcome(3, 3, 26, 26) == "unchanged"  # an improve with nothing right
