"""The content tools as the content writers use them: problem lines, exit codes, stats."""

import dataclasses
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from octet.content import tools
from octet.content.domain import audit
from octet.content.domain.checking import check_answer
from octet.content.domain.model import Challenge, frozen_text
from octet.content.domain.release import current_release, load_release
from octet.evaluation.domain.knowledge import DEFAULT_MAX_REACHABLE_LEVEL

FIXTURES = Path(__file__).parent / "fixtures"
PROBLEM_LINE = re.compile(r"^[^:\s][^:]*:\d+: .+$")


@pytest.fixture
def bank(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "basic", target)
    return target


def run(command: str, content: Path) -> tuple[int, list[str]]:
    out = io.StringIO()
    code = tools.check(content, out) if command == "check" else tools.stats(content, out)
    return code, out.getvalue().splitlines()


def test_check_passes_on_a_sound_bank():
    code, lines = run("check", FIXTURES / "basic")
    assert code == 0
    assert len(lines) == 1
    assert lines[0].startswith("content OK: release ")
    assert "16 challenges (15 validated), 12 skills, 2 tubes" in lines[0]


def test_check_prints_one_line_per_problem_and_fails():
    code, lines = run("check", FIXTURES / "broken")
    assert code == 1
    *problem_lines, summary = lines
    assert all(PROBLEM_LINE.match(line) for line in problem_lines), problem_lines
    # 9 about what is written, 6 about the levels of 1.1 without 2 skills (see below)
    assert summary == "content check: 15 problem(s) in 2 file(s)"
    assert any(line.endswith("1.1.yaml:6: tube searchOperators: no lesson") for line in lines)


def test_check_requires_tutorials_up_to_level_five(bank):
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'locale: en\n                title: "Exclude"',
            'locale: fr\n                title: "Exclude"',
        ),
        encoding="utf-8",
    )
    code, lines = run("check", bank)
    assert code == 1
    assert lines[0].endswith(
        "competences/1.1.yaml:62: skill @searchOperators2: no 'better' tutorial in 'en'"
        " (required up to level 5)"
    )


def test_check_requires_two_skills_at_each_level_a_learner_can_reach():
    # A level is worth 8 pix shared by its skills, at most 4 each: with one skill, a learner who
    # masters levels 1 to k gets 8k - 4 pix and is shown level k - 1.
    code, lines = run("check", FIXTURES / "levels")
    assert code == 1
    *problem_lines, summary = lines
    assert all(PROBLEM_LINE.match(line) for line in problem_lines), problem_lines
    needs = "(each level from 1 to 6 needs 2)"
    expected = [
        "competences/1.1.yaml:3: competence 1.1: no skill with a validated challenge at level 4,"
        f" so no learner can reach it; add 2 {needs}",
        "competences/1.1.yaml:3: competence 1.1: no skill with a validated challenge at level 5,"
        f" so no learner can reach it; add 2 {needs}",
        "competences/1.1.yaml:17: competence 1.1: level 1 has 1 skill with a validated challenge"
        " (@alpha1), worth 4 pix instead of 8: a learner who masters it is shown a level too"
        f" low; add a skill at this level {needs}",
        # @beta2 is at level 2 too, but its only challenge is a draft
        "competences/1.1.yaml:30: competence 1.1: level 2 has 1 skill with a validated challenge"
        " (@alpha2), worth 4 pix instead of 8: a learner who masters it is shown a level too"
        f" low; add a skill at this level {needs}",
    ]
    assert len(problem_lines) == len(expected)
    for line, end in zip(problem_lines, expected, strict=True):
        assert line.endswith(end), line
    # level 7 (one skill) is above the reachable maximum; 1.2 has no content yet
    assert summary == "content check: 4 problem(s) in 1 file(s)"


def test_the_levels_checked_are_those_a_learner_can_reach():
    release = load_release(FIXTURES / "levels")

    def levels(problems):
        return [int(re.search(r"level (\d)", p.message)[1]) for p in problems]

    assert DEFAULT_MAX_REACHABLE_LEVEL == 6
    assert levels(audit.level_problems(release)) == [1, 2, 4, 5]
    assert levels(audit.level_problems(release, max_level=7)) == [1, 2, 4, 5, 7]


def test_the_bank_has_two_skills_at_each_level_a_learner_can_reach():
    assert audit.level_problems(current_release()) == []


def test_check_matches_attachment_specs_and_files(bank):
    (bank / "attachments" / "files" / "stray.txt").write_text("nobody declared me")
    (bank / "attachments" / "files" / "notes-en.txt").unlink()
    code, lines = run("check", bank)
    assert code == 1
    text = "\n".join(lines)
    assert "attachments/1.1.yaml:5: attachment notes-en.txt: file not generated" in text
    assert "attachments/files/stray.txt:1: attachment file without a spec" in text
    assert "attachment 'notes-en.txt' not found" in text


def test_check_validates_attachment_specs(bank):
    spec = bank / "attachments" / "1.1.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8")
        + "- file: Photo One.jpg\n  kind: photo\n"
        + "- file: pic.jpg\n  kind: photo\n  width: 10\n  height: 100\n  scene: moon\n"
        + "  exif: {datetime: '2021-03-12', gps: [100, 2]}\n",
        encoding="utf-8",
    )
    code, lines = run("check", bank)
    assert code == 1
    text = "\n".join(lines)
    assert "1.1.yaml:9: attachment Photo One.jpg: file must be a lower-case kebab-case name" in text
    assert "1.1.yaml:13: attachment pic.jpg: width must be between 16 and 4000" in text
    assert "1.1.yaml:15: attachment pic.jpg: scene must be one of" in text
    assert "1.1.yaml:16: attachment pic.jpg: exif datetime is" in text
    assert "1.1.yaml:16: attachment pic.jpg: exif gps is [latitude, longitude]" in text


def test_stats_ends_with_one_json_object_with_the_agreed_keys():
    code, lines = run("stats", FIXTURES / "basic")
    assert code == 0
    figures = json.loads(lines[-1])
    for key in (
        "areas", "competences", "tubes", "skills", "challenges", "types", "locales", "levels",
        "tutorials", "own_lessons", "simulators", "attachments", "timed",
    ):  # fmt: skip
        assert key in figures
    assert figures["challenges"] == 16
    assert figures["types"] == {
        "qcu": 11, "qcm": 1, "qroc": 1, "qrocm-ind": 1, "qrocm-dep": 1, "numeric": 1,
    }  # fmt: skip
    assert figures["locales"] == {"fr": 16, "en": 16}
    assert figures["levels"] == {"1.1": [1, 2, 3, 4, 5, 6], "1.2": []}
    assert (figures["tutorials"], figures["own_lessons"]) == (21, 2)
    assert (figures["simulators"], figures["simulator_usage"]) == (1, {"webmail": 1})
    assert (figures["attachments"], figures["timed"]) == (2, 1)
    assert len(lines) > 1  # a readable summary comes first


def test_main_refuses_a_directory_without_framework(tmp_path, capsys):
    assert tools.main(["check", "--content", str(tmp_path)]) == 2
    assert "not a content directory" in capsys.readouterr().err


def test_main_runs_check(capsys):
    assert tools.main(["check", "--content", str(FIXTURES / "basic")]) == 0
    assert capsys.readouterr().out.startswith("content OK")


def test_check_leaves_t3_on_for_a_plain_number(bank):
    # t3 never changes a number: on "2021" it can only touch what is around it
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n *tolerances: \[t1, t2\]\n", "\n", text, count=1), encoding="utf-8")
    code, lines = run("check", bank)
    assert (code, len(lines)) == (0, 1), lines
    assert lines[0].startswith("content OK")


def test_check_wants_t3_off_for_a_date_written_with_letters(bank):
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\n *tolerances: \[t1, t2\]\n", "\n", text, count=1)
    text = text.replace(
        "solutions: {fr: [2021], en: [2021]}", 'solutions: {fr: [2021, "mars 2021"], en: [2021]}'
    )
    path.write_text(text, encoding="utf-8")
    code, lines = run("check", bank)
    assert code == 1
    assert lines[0].endswith(
        "competences/1.1.yaml:89: challenge searchOperators2-notes: 'mars 2021' is mostly digits,"
        " where a typo t3 forgives is another answer ('12 mai' for '12 mars'); set tolerances:"
        " [t1, t2]"
    )
    assert len(lines) == 2  # the plain '2021' beside it is not flagged


def test_t3_off_for_dates_is_why_the_check_asks_it():
    # t3 never changes a number, but a date's month is letters: 2 edits on 10 are forgiven
    date = Challenge(
        id="d",
        type="qroc",
        solutions={"fr": ("12 mars 2021",)},
        tolerances=frozenset({"t1", "t2", "t3"}),
    )
    assert check_answer(date, "fr", "12 mai 2021").outcome == "ok"
    assert check_answer(date, "fr", "12 mars 2022").outcome == "ko"
    assert audit.typo_risks(date) == ["12 mars 2021"]


@pytest.mark.parametrize(
    "variant, risky",
    [
        ("2021", False),  # a year: t3 cannot change a number
        ("12/03/2021", False),
        ("4.1", False),
        ("1 536", False),
        ("12 mars 2021", True),
        ("512 Go", True),  # "512 Mo" is one typo away
        ("BRS-2026-084517", True),
        ("Windows 10", False),  # mostly letters: "Windows 11" is refused by its number
    ],
)
def test_t3_risk_is_letters_a_short_allowance_cannot_protect(variant, risky):
    challenge = Challenge(
        id="v",
        type="qroc",
        solutions={"fr": (variant,)},
        tolerances=frozenset({"t1", "t2", "t3"}),
    )
    assert audit.typo_risks(challenge) == ([variant] if risky else [])


def test_check_refuses_a_hint_that_quotes_the_answer_of_a_question_of_its_skill(bank):
    # The hint is shown under every question of the skill: quoting one's answer gives it away.
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('en: "Think of quotes."', 'en: "Write \\"little prince\\" in quotes."'),
        encoding="utf-8",
    )
    code, lines = run("check", bank)
    assert code == 1
    assert lines[0].endswith(
        "competences/1.1.yaml:15: skill @searchOperators1: the en hint, shown under every"
        " question of the skill, quotes the answer '\"little prince\"' of"
        " searchOperators1-quotes; say what to look at, not what to answer"
    )


@pytest.mark.parametrize(
    ("locale", "explanation", "words"),
    [
        ("en", "The 3rd program draws a line, the 4th a triangle.", ["The 3rd program", "the 4th"]),
        ("en", "Only the first address ends with bank.fr.", ["the first address"]),
        (
            "en",
            "The first two state facts; the last one follows a rule.",
            ["The first two", "the last one"],
        ),
        ("fr", "Le 3e programme trace une ligne, le 4e un triangle.", ["Le 3e programme", "le 4e"]),
        ("fr", "Seule la première adresse se termine par banque.fr.", ["la première adresse"]),
        (
            "fr",
            "Les deux premières énoncent des faits ; le dernier suit une règle.",
            ["Les deux premières", "le dernier"],
        ),
        # places that are not those of the proposals
        ("en", "VLOOKUP returns the range's 2nd column; the first column is read first.", []),
        ("en", 'Read before the first single "/"; the 11:47 version is the last one with it.', []),
        ("fr", "Renvoie la 2e colonne de la plage ; la dernière connexion ; le premier « / ».", []),
    ],
)
def test_an_explanation_does_not_name_a_shuffled_proposal_by_its_place(locale, explanation, words):
    challenge = Challenge(
        id="c",
        type="qcu",
        proposals={locale: ("a", "b")},
        solution=(1,),
        explanation=frozen_text({locale: explanation}),
    )
    assert audit.position_references(challenge) == [(locale, w) for w in words]
    unshuffled = dataclasses.replace(challenge, shuffle=False)
    assert audit.position_references(unshuffled) == []


def test_check_refuses_an_explanation_naming_a_shuffled_proposal_by_its_place(bank):
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'explanation: {fr: "Les guillemets.", en: "Quotes."}',
            'explanation: {fr: "Les guillemets.", en: "The second one: quotes."}',
        ),
        encoding="utf-8",
    )
    code, lines = run("check", bank)
    assert code == 1
    assert lines[0].endswith(
        "competences/1.1.yaml:44: challenge searchOperators1-quotes: the en explanation names a"
        " proposal by its place ('The second one'), but each learner sees the proposals in"
        " another order; name it by what it says"
    )


def test_the_bank_names_no_shuffled_proposal_by_its_place_and_no_hint_quotes_an_answer():
    release = current_release()
    assert [c.id for c in release.challenges.values() if audit.position_references(c)] == []
    assert [s.id for s in release.skills.values() if audit.hint_answer_quotes(release, s)] == []


SCHEMA = Path(__file__).parents[2] / "content" / "SCHEMA.md"


def schema_examples() -> dict[str, str]:
    """The type-specific YAML of content/SCHEMA.md, by the type named in bold above it."""
    found = re.findall(r"^\*\*([a-z-]+)\*\*.*?\n```yaml\n(.*?)```", SCHEMA.read_text(), re.M | re.S)
    return dict(found)


@pytest.mark.parametrize("kind", ["qcu", "qroc", "qrocm-ind", "qrocm-dep", "numeric"])
def test_each_example_of_the_schema_passes_the_check(bank, kind):
    # An author copies these blocks into a challenge: they must pass as they are written.
    example = schema_examples()[kind]
    indented = "".join(f"                {line}\n" for line in example.splitlines())
    challenge = (
        f"              - id: schema-example-{kind}\n"
        f"                type: {kind}\n"
        "                status: validated\n"
        '                instruction: {fr: "Consigne.", en: "Instruction."}\n'
        '                explanation: {fr: "Parce que.", en: "Because."}\n' + indented
    )
    path = bank / "competences" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "              - id: searchOperators2-minus\n"
    path.write_text(text.replace(anchor, challenge + anchor), encoding="utf-8")

    code, lines = run("check", bank)

    assert code == 0, lines
    assert f"schema-example-{kind}" in load_release(bank).challenges
