"""Answers read back in the corrections: bank texts formatted as on the question page, what
the learner typed escaped."""

from octet.content.domain.release import current_release
from octet.learning import selectors


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
