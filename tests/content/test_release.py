"""Loader and release: what loads, what is refused, and where the problem is reported."""

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest

from octet.content.domain import release as release_module
from octet.content.domain.checking import check_answer
from octet.content.domain.problems import ContentError
from octet.content.domain.release import current_release, load_release, version_of
from octet.evaluation.domain.params import default_item_params

FIXTURES = Path(__file__).parent / "fixtures"
BASIC = FIXTURES / "basic"
COMPETENCE = "competences/1.1.yaml"


@pytest.fixture
def bank(tmp_path):
    """A private copy of the basic bank that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(BASIC, target)
    return target


def edit(bank: Path, relative: str, old: str, new: str) -> None:
    path = bank / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(bank: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_release(bank)
    prefix = f"{release_module.display_path(bank)}/"
    return [str(p).removeprefix(prefix) for p in caught.value.problems]


def test_basic_bank_loads_with_its_indexes():
    release = load_release(BASIC)
    assert set(release.areas) == {"1"}
    assert release.areas["1"].competence_ids == ("1.1", "1.2")
    assert release.competences["1.1"].tube_ids == ("searchOperators", "searchTools")
    assert release.competences["1.1"].source.line == 1  # the `competence:` line of 1.1.yaml
    operators = [f"@searchOperators{level}" for level in range(1, 7)]
    tools = [f"@searchTools{level}" for level in range(1, 7)]
    assert list(release.skills) == operators + tools
    assert [s.id for s in release.skills_by_tube["searchOperators"]] == operators
    assert [s.level for s in release.skills_by_competence["1.1"]] == [*range(1, 7), *range(1, 7)]
    assert [c.id for c in release.challenges_by_skill["@searchOperators1"]] == [
        "searchOperators1-quotes",
        "searchOperators1-several",
    ]
    assert set(release.lessons) == {"lesson-searchOperators", "lesson-searchTools"}
    assert release.tutorials["tuto-searchOperators1-fr"].lesson_id == "lesson-searchOperators"
    assert release.skills["@searchOperators1"].tutorial_ids == (
        "tuto-searchOperators1-fr",
        "tuto-searchOperators1-en",
    )
    assert release.skills["@searchOperators1"].learning_more_tutorial_ids == (
        "tuto-searchOperators1-more",
    )
    assert release.simulators == ("webmail",)
    assert release.attachments == ("notes-en.txt", "notes-fr.txt")


def test_challenge_fields_are_read_as_written():
    release = load_release(BASIC)
    challenges = release.challenges
    assert challenges["searchOperators1-quotes"].solution == (2,)
    assert challenges["searchOperators1-quotes"].illustration.file == "results.svg"
    assert challenges["searchOperators1-several"].timer == 60
    # YAML would read 2021 as a number and 12.50 as 12.5: text stays text, decimals stay exact
    year = challenges["searchOperators2-notes"].fields[1]
    assert year.solutions["fr"] == ("2021",)
    assert challenges["searchOperators2-total"].number == "12.50"
    assert challenges["searchOperators2-total"].tolerance == "0.01"
    assert dict(challenges["searchOperators2-notes"].attachments[0]) == {
        "fr": "notes-fr.txt",
        "en": "notes-en.txt",
    }
    assert challenges["searchOperators2-total"].embed.scenario["fr"]["inbox"] == ()
    assert challenges["searchOperators2-formats"].status == "draft"
    assert check_answer(challenges["searchOperators2-total"], "fr", "12,5").ok


def test_item_params_default_from_the_level_unless_declared():
    challenges = load_release(BASIC).challenges
    quotes = challenges["searchOperators1-quotes"]
    assert (quotes.difficulty, quotes.discrimination) == default_item_params(1)
    assert quotes.calibrated is False
    total = challenges["searchOperators2-total"]
    assert (total.difficulty, total.discrimination, total.calibrated) == (0.3, 1.4, True)


def _parameter_set(bank: Path, items: dict) -> None:
    (bank / "item_params.json").write_text(json.dumps({"model": "2PL", "items": items}))


def test_a_calibrated_parameter_set_replaces_the_parameters_it_fitted(bank):
    before = load_release(bank)
    _parameter_set(
        bank,
        {
            "searchOperators1-quotes": {
                "difficulty": -1.25,
                "discrimination": 1.7,
                "calibrated": True,
                "misfit": [],
            },
            # too few answers: the set keeps the defaults it was given, the bank its own
            "searchOperators1-several": {
                "difficulty": 9.0,
                "discrimination": 1.0,
                "calibrated": False,
                "misfit": [],
            },
            # a misfit waits for its authors: the YAML's 0.3 / 1.4 stay
            "searchOperators2-total": {
                "difficulty": 2.0,
                "discrimination": 0.2,
                "calibrated": True,
                "misfit": ["discrimination 0.20 < 0.25"],
            },
            "a-challenge-removed-since": {
                "difficulty": 0.0,
                "discrimination": 1.0,
                "calibrated": True,
                "misfit": [],
            },
        },
    )
    after = load_release(bank)
    quotes = after.challenges["searchOperators1-quotes"]
    assert (quotes.difficulty, quotes.discrimination, quotes.calibrated) == (-1.25, 1.7, True)
    assert after.challenges_by_skill["@searchOperators1"][0] is quotes
    several = after.challenges["searchOperators1-several"]
    assert several == before.challenges["searchOperators1-several"]
    total = after.challenges["searchOperators2-total"]
    assert (total.difficulty, total.discrimination, total.calibrated) == (0.3, 1.4, True)
    assert after.version != before.version  # answers record the release, so its parameters


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "item_params.json:1: not a readable JSON parameter set"),
        ('{"items": []}', 'item_params.json:1: a parameter set is {"items": {id: {...}}}'),
        (
            '{"items": {"searchOperators1-quotes": {"difficulty": 1, "discrimination": 0,'
            ' "calibrated": true, "misfit": []}}}',
            "item_params.json:1: searchOperators1-quotes: needs a number for difficulty",
        ),
    ],
)
def test_a_broken_parameter_set_is_a_content_problem(bank, text, message):
    (bank / "item_params.json").write_text(text)
    assert any(problem.startswith(message) for problem in problems(bank))


def test_pix_value_is_eight_shared_by_the_skills_of_a_level_at_most_four():
    skills = load_release(BASIC).skills
    # one skill per level in the competence: each worth min(4, 8 / 1)
    assert skills["@searchOperators1"].pix_value == 4.0
    assert skills["@searchOperators2"].pix_value == 4.0


def test_pix_value_counts_only_skills_with_a_validated_challenge(bank):
    edit(
        bank,
        COMPETENCE,
        "type: qroc\n                status: validated",
        "type: qroc\n                status: draft",
    )
    edit(
        bank,
        COMPETENCE,
        "type: qrocm-ind\n                status: validated",
        "type: qrocm-ind\n                status: draft",
    )
    edit(
        bank,
        COMPETENCE,
        "type: numeric\n                status: validated",
        "type: numeric\n                status: archived",
    )
    assert load_release(bank).skills["@searchOperators2"].pix_value == 0.0


def test_release_is_immutable():
    release = load_release(BASIC)
    with pytest.raises(TypeError):
        release.challenges["new"] = None  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        release.version = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        release.challenges["searchOperators1-quotes"].proposals["fr"] = ()  # type: ignore[index]


def test_version_is_a_hash_of_the_files_that_affect_tests(bank):
    first = version_of(bank)
    assert first == load_release(bank).version == version_of(BASIC)
    assert len(first) == 12
    (bank / "README.md").write_text("notes for reviewers", encoding="utf-8")
    (bank / "attachments" / "1.1.yaml").write_text(
        (bank / "attachments" / "1.1.yaml").read_text(encoding="utf-8") + "\n"
    )
    assert version_of(bank) == first  # docs and specs do not change what a learner sees
    (bank / "attachments" / "files" / "notes-en.txt").write_text("Meeting in Paris.\n")
    assert version_of(bank) != first


def test_current_release_is_loaded_once(monkeypatch):
    monkeypatch.setenv("OCTET_CONTENT_DIR", str(BASIC))
    current_release.cache_clear()
    try:
        assert current_release() is current_release()
        assert current_release().content_dir == str(BASIC)
    finally:
        current_release.cache_clear()


def test_a_qcu_may_give_its_one_right_position_without_brackets(bank):
    edit(bank, COMPETENCE, "solution: [2]", "solution: 2")
    quotes = load_release(bank).challenges["searchOperators1-quotes"]
    assert quotes.solution == (2,)
    assert check_answer(quotes, "fr", "2").ok
    assert not check_answer(quotes, "fr", "1").ok


def test_broken_fixture_reports_every_problem_with_path_and_line():
    with pytest.raises(ContentError) as caught:
        load_release(FIXTURES / "broken")
    lines = [f"{Path(p.path).name}:{p.line}: {p.message}" for p in caught.value.problems]
    assert lines == [
        "1.1.yaml:17: challenge two-right: proposals differ in"
        " number between locales (fr: 3, en: 2)",
        "1.1.yaml:18: challenge two-right: a qcu has exactly one right answer, not 2",
        "1.1.yaml:23: challenge no-english: 'instruction' has no 'en' text",
        "1.1.yaml:26: challenge no-english: attachment 'missing.txt' not found in"
        " content/attachments/files/ (make attachments?)",
        "1.1.yaml:27: challenge two-right: missing 'solution'",
        "1.1.yaml:27: duplicate challenge id 'two-right' (first at"
        f" {release_module.display_path(FIXTURES / 'broken' / COMPETENCE)}:13)",
        "1.1.yaml:31: challenge two-right: unknown key 'soluton'",
        "1.2.yaml:5: invalid YAML: did not find expected ',' or '}'",
    ]


@pytest.mark.parametrize(
    ("old", "new", "marker", "message"),
    [
        (
            'competence: "1.1"',
            'competence: "9.9"',
            "competence:",
            "unknown competence '9.9' (not in framework.yaml)",
        ),
        (
            'competence: "1.1"',
            'competence: "1.2"',
            "competence:",
            "competence '1.2' belongs in 1.2.yaml",
        ),
        (
            "solution: [2]",
            "solution: []",
            "solution: []",
            "challenge searchOperators1-quotes: a qcu has exactly one right answer, not 0",
        ),
        (
            "solution: [2]",
            "solution: [4]",
            "solution: [4]",
            "challenge searchOperators1-quotes: solution position 4 is not between 1 and 3",
        ),
        (
            "solution: [1, 3]",
            "solution: [1, 2, 3]",
            "solution: [1, 2, 3]",
            "challenge searchOperators1-several: every proposal is right; nothing to choose",
        ),
        (
            "solution: [1, 3]",
            "solution: 1",
            "solution: 1",
            "challenge searchOperators1-several: a qcm's solution is the list of its right"
            " positions, even when only one is right: write [1]",
        ),
        (
            "solution: [1, 3]",
            'solution: "1, 3"',
            'solution: "1, 3"',
            "challenge searchOperators1-several: solution must be a list of 1-based positions",
        ),
        (
            'en: "Which operators exist?"}',
            "}",
            'instruction: {fr: "Quels',
            "challenge searchOperators1-several: 'instruction' has no 'en' text",
        ),
        (
            'en: "Search operators"}',
            'en: ""}',
            'title: {fr: "Opérateurs',
            "tube searchOperators title: 'en' is empty",
        ),
        (
            'solutions: {fr: ["moins", "le signe moins"]',
            'solutions: {fr: ["moins", "?!"]',
            "id: searchOperators2-minus",
            "challenge searchOperators2-minus: solutions 'fr' variant '?!' can never be answered",
        ),
        (
            "file: results.svg",
            "file: result.svg",
            "file: result.svg",
            "challenge searchOperators1-quotes: illustration"
            " 'result.svg' not found in content/illustrations/",
        ),
        (
            "simulator: webmail",
            "simulator: mailbox",
            "simulator: mailbox",
            "challenge searchOperators2-total: simulator"
            " 'mailbox' not found in content/simulators/",
        ),
        (
            'link: "lesson:lesson-searchOperators"',
            'link: "lesson:lesson-other"',
            "id: tuto-searchOperators1-fr",
            "tutorial tuto-searchOperators1-fr: no lesson 'lesson-other'",
        ),
        (
            'link: "https://example.org/search"',
            'link: "http://example.org"',
            'link: "http:',
            "tutorial tuto-searchOperators1-more: link must be"
            " 'lesson:<id>' or an https:// address",
        ),
        (
            "id: searchOperators2-minus",
            "id: searchOperators1-quotes",
            "id: searchOperators1-quotes\n                type: qroc",
            "duplicate challenge id 'searchOperators1-quotes'"
            " (first at BANK/competences/1.1.yaml:44)",
        ),
        (
            "          - level: 2",
            "          - level: 1",
            '          - level: 1\n            description: {fr: "Exclure',
            "tube searchOperators: level 1 already at line 15",
        ),
        (
            "          - level: 2",
            "          - level: 9",
            "level: 9",
            "tube searchOperators skill: 'level' must be between 1 and 8, not 9",
        ),
        (
            "type: qroc\n",
            "type: essay\n",
            "type: essay",
            "challenge searchOperators2-minus: type must be one of qcu,"
            " qcm, qroc, qrocm-ind, qrocm-dep, numeric",
        ),
        (
            "tolerance: 0.01",
            "tolerance: -1",
            "tolerance: -1",
            "challenge searchOperators2-total: tolerance cannot be negative",
        ),
        (
            'groups: {fr: [["ODT", "OpenDocument"], ["CSV"], ["PNG"]]',
            'groups: {fr: [["ODT"], ["CSV"]]',
            "groups:",
            "challenge searchOperators2-formats: groups differ in number between locales",
        ),
        (
            'body: {fr: "Des **guillemets**',
            'body: {fr: "Des <b>guillemets</b>',
            "body:",
            "lesson lesson-searchOperators: body.fr contains raw HTML (use Markdown)",
        ),
        (
            'proposals: {fr: ["OR", "MAYBE", "-"]',
            'proposals: {fr: ["OR", "<i>MAYBE</i>", "-"]',
            'proposals: {fr: ["OR", "<i>',
            "challenge searchOperators1-several: proposals.fr item 2 contains raw HTML"
            " (use Markdown)",
        ),
        (
            'body: {fr: "Des **guillemets**',
            'body: {fr: "Des **guillemets',
            "body:",
            "lesson lesson-searchOperators: body.fr: '**' is never closed: the stars show as"
            " they are",
        ),
        (
            'instruction: {fr: "Quels opérateurs existent ?"',
            'instruction: {fr: "Quels opérateurs `OR existent ?"',
            'instruction: {fr: "Quels opérateurs `OR',
            "challenge searchOperators1-several: instruction.fr: a back-quote is never closed: it"
            " shows as it is",
        ),
        (
            'instruction: {fr: "Quels opérateurs existent ?"',
            'instruction: {fr: "Quels [opérateurs](https://exemple.fr existent ?"',
            'instruction: {fr: "Quels [op',
            "challenge searchOperators1-several: instruction.fr: a link is never closed:"
            " '[text](address)' shows as it is",
        ),
        (
            'instruction: {fr: "Quels opérateurs existent ?"',
            'instruction: {fr: "Quels [opérateurs](lesson:lesson-searchOperators) existent ?"',
            'instruction: {fr: "Quels [op',
            "challenge searchOperators1-several: instruction.fr: a link that is not followed: use"
            " an https:// or mailto: address",
        ),
        (
            'proposals: {fr: ["OR", "MAYBE", "-"]',
            'proposals: {fr: ["OR", "![MAYBE](https://exemple.fr/maybe.png)", "-"]',
            'proposals: {fr: ["OR", "![',
            "challenge searchOperators1-several: proposals.fr item 2: a Markdown image is not"
            " shown; use 'illustration:'",
        ),
        (
            'instruction: {fr: "Quels opérateurs existent ?"',
            'instruction: {fr: "#Opérateurs : lesquels existent ?"',
            'instruction: {fr: "#Op',
            "challenge searchOperators1-several: instruction.fr: a line starting with '#' is a"
            " heading the page shows as plain text without its '#'; use ## to ####, or put the"
            " '#' in back-quotes",
        ),
        (
            '    name: {fr: "Recherche sur le web", en: "Web search"}',
            '    name: {fr: "Recherche sur le web", en: "Web'
            ' search"}\n    name: {fr: "x", en: "y"}',
            '    name: {fr: "x"',
            "duplicate key 'name' in thematic",
        ),
        (
            "solution: 12.50",
            "solution: douze",
            "solution: douze",
            "challenge searchOperators2-total: 'solution' must be a number",
        ),
        (
            "timer: 60",
            "timer: soon",
            "timer: soon",
            "challenge searchOperators1-several: 'timer' must be a whole number",
        ),
        (
            "tolerances: [t1, t2]\n                explanation: {fr: \"C'est",
            "tolerances: [t4]\n                explanation: {fr: \"C'est",
            "tolerances: [t4]",
            "challenge searchOperators2-notes: tolerances are a list among t1, t2, t3",
        ),
    ],
)
def test_each_problem_is_reported_at_its_line(bank, old, new, marker, message):
    edit(bank, COMPETENCE, old, new)
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index(marker)].count("\n") + 1
    expected = f"competences/1.1.yaml:{line}: {message.replace('BANK', str(bank))}"
    assert expected in problems(bank)


def test_a_broken_bank_is_never_half_loaded(bank):
    edit(bank, COMPETENCE, "solution: [2]", "solution: [1, 2]")
    edit(bank, COMPETENCE, "file: results.svg", "file: nothing.svg")
    found = problems(bank)
    assert len(found) == 2


def test_unquoted_competence_index_and_empty_file(bank):
    edit(bank, COMPETENCE, 'competence: "1.1"', "competence: 1.1")  # YAML reads a float
    assert load_release(bank).competences["1.1"].tube_ids == ("searchOperators", "searchTools")
    (bank / "competences" / "1.2.yaml").write_text("", encoding="utf-8")
    assert problems(bank) == ["competences/1.2.yaml:1: empty file"]


def test_raw_html_is_reported_on_its_own_line_of_a_block(bank):
    edit(
        bank,
        COMPETENCE,
        'body: {fr: "Des **guillemets** pour une expression exacte.", en: "**Quotes** for an'
        ' exact phrase."}',
        "body:\n            en: Quotes.\n            fr: |\n"
        "              Des guillemets, `<b>` en code est permis.\n"
        "              Mais <b>ceci</b> non.",
    )
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index("Mais <b>")].count("\n") + 1
    assert (
        f"competences/1.1.yaml:{line}: lesson lesson-searchOperators: body.fr contains raw HTML"
        " (use Markdown)"
    ) in problems(bank)


LAYOUT_HINT = (
    " (check the indentation of this line and of the one above: keys of one level start in the"
    ' same column; a text holding ": " or a quote goes between double quotes)'
)


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("               solution: [2]", "did not find expected '-' indicator" + LAYOUT_HINT),
        ("                  solution: [2]", "did not find expected key" + LAYOUT_HINT),
        (
            "                solution: [2]\n                hint: Réponse : la deuxième",
            "mapping values are not allowed in this context" + LAYOUT_HINT,
        ),
        (
            "\t\tsolution: [2]",
            "found character that cannot start any token (a tab in the indentation: indent with"
            " spaces only)",
        ),
    ],
)
def test_a_yaml_mistake_names_its_line_and_its_likely_cause(bank, new, message):
    # one space too few, two too many, a French colon in a text without quotes, a tab
    edit(bank, COMPETENCE, "                solution: [2]", new)
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index(new.splitlines()[-1])].count("\n") + 1
    assert problems(bank) == [f"competences/1.1.yaml:{line}: invalid YAML: {message}"]


def test_a_scenario_without_the_world_its_simulator_draws_is_reported(bank):
    shutil.copy(BASIC.parents[3] / "content" / "simulators" / "search.html", bank / "simulators")
    edit(
        bank,
        COMPETENCE,
        "simulator: webmail\n                  height: 400\n"
        "                  scenario: {fr: {inbox: []}, en: {inbox: []}}",
        "simulator: search\n                  height: 400\n                  scenario:\n"
        "                    fr: {engine: Trouvetout, docs: []}\n"
        "                    en: [engine, Findall]",
    )
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    fr = text[: text.index("fr: {engine: Trouvetout")].count("\n") + 1
    assert problems(bank) == [
        f"competences/1.1.yaml:{fr}: challenge searchOperators2-total: embed scenario.fr: the"
        " search simulator needs 'documents' (content/simulators/README.md)",
        f"competences/1.1.yaml:{fr + 1}: challenge searchOperators2-total: embed scenario.en"
        " must be a mapping",
    ]


def test_an_illustration_is_a_light_svg_or_png(bank):
    (bank / "illustrations" / "screenshot.png").write_bytes(b"\x89PNG" + bytes(250_000))
    (bank / "illustrations" / "photo.heic").write_bytes(b"heic")
    edit(bank, COMPETENCE, "file: results.svg", "file: screenshot.png")
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index("file: screenshot.png")].count("\n") + 1
    heavy = (
        f"competences/1.1.yaml:{line}: challenge searchOperators1-quotes: illustration"
        " 'screenshot.png' weighs 250 kB, more than 200 kB for a phone on a poor connection"
        " (reduce it, or draw it as SVG)"
    )
    assert problems(bank) == [heavy]
    edit(bank, COMPETENCE, "file: screenshot.png", "file: photo.heic")
    assert problems(bank) == [
        f"competences/1.1.yaml:{line}: challenge searchOperators1-quotes: illustration"
        " 'photo.heic' is not an .svg or .png image"
    ]


def test_markdown_left_open_is_reported_on_its_own_line_of_a_block(bank):
    edit(
        bank,
        COMPETENCE,
        'body: {fr: "Des **guillemets** pour une expression exacte.", en: "**Quotes** for an'
        ' exact phrase."}',
        "body:\n            en: Quotes.\n            fr: |\n"
        "              Des **guillemets**, `C:\\Users\\` et un astérisque \\* sont permis.\n\n"
        "              Mais **ceci non.",
    )
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index("Mais **")].count("\n") + 1
    assert problems(bank) == [
        f"competences/1.1.yaml:{line}: lesson lesson-searchOperators: body.fr: '**' is never"
        " closed: the stars show as they are"
    ]


def test_readme_files_do_not_change_the_version(bank):
    before = version_of(bank)
    (bank / "simulators" / "README.md").write_text("How to write a simulator")
    assert version_of(bank) == before


def test_tutorials_and_playable_challenges_of_a_skill():
    release = load_release(BASIC)
    better, more = release.tutorials_for("@searchOperators1", "en")
    assert [t.id for t in better] == ["tuto-searchOperators1-en"]
    assert [t.id for t in more] == ["tuto-searchOperators1-more"]
    assert release.tutorials_for("@nothing1", "en") == ((), ())
    playable = release.validated_challenges("@searchOperators2", "fr")
    assert "searchOperators2-formats" not in {c.id for c in playable}  # a draft
    assert len(playable) == 3


# The hint is shown under the correction of every question of its skill: for these skills it
# spoke of one question only ("a comment" under a question on typing at the same time). Each
# entry: words of the hint that belong to each of the skill's questions, in both languages.
HINTS_FOR_EVERY_QUESTION = {
    "@coEditing1": {"fr": ("même temps", "commentaire"), "en": ("same time", "comment")},
    "@mailboxOrganisation2": {
        "fr": ("indésirables", "vos propres messages"),
        "en": ("junk", "your own messages"),
    },
    "@mailboxOrganisation3": {"fr": ("absence", "non lu"), "en": ("out-of-office", "unread")},
    "@mailboxOrganisation5": {"fr": ("dans l'ordre", "« et »"), "en": ("in order", '"and"')},
    "@blogPublishing4": {"fr": ("Non répertorié", "commentaire"), "en": ("Unlisted", "comment")},
    "@largeFiles6": {"fr": ("Mbit/s", "fichier sensible"), "en": ("Mbit/s", "sensitive file")},
    "@videoMeetings5": {"fr": ("Mo", "vidéo"), "en": ("MB", "Video")},
    "@videoMeetings1": {"fr": ("Micro barré", "Avant un appel"), "en": ("microphone", "Before")},
    "@teamTasks4": {"fr": ("En retard", "choisir une date"), "en": ("Overdue", "choose a date")},
    "@teamFileNaming4": {"fr": ("modèle", "version de référence"), "en": ("pattern", "reference")},
    "@textFormatting4": {"fr": ("saut de page", "marques"), "en": ("page break", "marks")},
    "@slideshows4": {"fr": ("masque", "déplacée"), "en": ("master", "move")},
    # the padlock only under the question on a fine paid by a link to another domain
    "@onlineProcedures2": {"fr": ("cadenas", "nom de domaine"), "en": ("padlock", "domain name")},
    # heading styles only under "How many pages does chapter 2 have?"
    "@documentStyles4": {
        "fr": ("style de titre", "la page où"),
        "en": ("heading style", "the page"),
    },
    # Reply-To only under the "Tax Office" display name
    "@emailHeaders4": {"fr": ("Reply-To", "nom affiché"), "en": ("Reply-To", "name shown")},
    # what Accept does only under "In which room is the meeting?"
    "@sharedCalendars1": {"fr": ("le lieu", "accepter"), "en": ("place", "accepting")},
    # recovering only under "Who deleted the conclusion, and at what time?"
    "@coEditing4": {"fr": ("qui a modifié", "récupérer"), "en": ("who changed", "get a passage")},
    # the slug only under "the blog offers to change its address too"
    "@blogPublishing5": {"fr": ("tirets", "se redirige"), "en": ("hyphens", "redirect")},
    # the date taken only under "What is a reverse image search for?"
    "@responsiblePosting5": {"fr": ("prise de vue", "publication"), "en": ("taken", "published")},
    # metadata only under the changed safety code and the unencrypted backup
    "@instantMessaging6": {
        "fr": ("pas le fait", "code de sécurité", "sauvegarde"),
        "en": ("not the fact", "safety code", "backup"),
    },
}


@pytest.mark.parametrize("skill_id", HINTS_FOR_EVERY_QUESTION)
def test_a_hint_shown_under_each_question_of_its_skill_speaks_of_each(skill_id):
    hint = current_release().skills[skill_id].hint
    for locale, words in HINTS_FOR_EVERY_QUESTION[skill_id].items():
        assert all(word in hint[locale] for word in words), (locale, hint[locale])


def test_the_words_a_hint_says_to_search_for_are_in_the_files_of_its_questions():
    # @termsOfService4 said to search the terms for "retain" and "trial" (« âge », « essai »),
    # which they do not contain: a learner who did so found nothing.
    release = current_release()
    searched = 0
    for skill in release.skills.values():
        for locale, hint in skill.hint.items():
            if "Ctrl + F" not in hint:
                continue
            words = re.findall(r'"([^"]+)"|« ([^»]+) »', hint)
            for challenge in release.challenges_by_skill[skill.id]:
                for attachment in challenge.attachments:
                    path = release.attachment_path(attachment[locale])
                    text = path.read_text(encoding="utf-8").casefold()
                    for word in ("".join(pair) for pair in words):
                        searched += 1
                        assert word.casefold() in text, (skill.id, locale, word, path.name)
    assert searched >= 24  # 4 words, 3 questions, 2 languages


def test_the_lesson_of_a_skill_speaks_of_what_its_questions_ask():
    # The lesson of @softwareChoices6 read version numbers but said nothing of release notes
    # nor of a system that no longer gets security updates, which its two questions ask about.
    release = current_release()
    lesson = release.lessons["lesson-softwareChoices"]
    for locale, words in {
        "fr": ("notes de version", "plus de mises à jour de sécurité", "version majeure"),
        "en": ("release notes", "no longer gets security updates", "major version"),
    }.items():
        assert all(word in lesson.body[locale] for word in words), locale


def test_an_illustration_whose_size_cannot_be_read_is_reported_not_a_crash(bank):
    """The page reserves a picture's place from its size; a picture without one is refused."""
    (bank / "illustrations" / "sizeless.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100%"><rect width="9" height="9"/></svg>'
    )
    (bank / "illustrations" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(30))
    edit(bank, COMPETENCE, "file: results.svg", "file: sizeless.svg")
    text = (bank / COMPETENCE).read_text(encoding="utf-8")
    line = text[: text.index("file: sizeless.svg")].count("\n") + 1
    sizeless = (
        f"competences/1.1.yaml:{line}: challenge searchOperators1-quotes: illustration {{!r}}"
        " does not give its size (a PNG header, or an SVG width and height in px, or a viewBox)"
    )
    assert problems(bank) == [sizeless.format("sizeless.svg")]
    edit(bank, COMPETENCE, "file: sizeless.svg", "file: broken.png")
    assert problems(bank) == [sizeless.format("broken.png")]


def test_an_illustration_keeps_the_size_its_file_gives(bank):
    (bank / "illustrations" / "boxed.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 270.4"></svg>'
    )
    edit(bank, COMPETENCE, "file: results.svg", "file: boxed.svg")
    picture = load_release(bank).challenges["searchOperators1-quotes"].illustration
    assert (picture.width, picture.height) == (480, 270)
    ihdr = b"\x00\x00\x00\x0dIHDR" + (640).to_bytes(4) + (400).to_bytes(4) + b"\x08\x02\0\0\0"
    (bank / "illustrations" / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + ihdr + bytes(4))
    edit(bank, COMPETENCE, "file: boxed.svg", "file: shot.png")
    picture = load_release(bank).challenges["searchOperators1-quotes"].illustration
    assert (picture.width, picture.height) == (640, 400)


ROBOT_CHALLENGE = """              - id: searchOperators2-robot
                type: qrocm-ind
                status: validated
                instruction: {fr: "Amenez le robot au drapeau.", en: "Take the robot to the flag."}
                embed:
                  simulator: robot
                  height: 400
                  scenario:
                    fr:
                      map: ["#####", "#>.G#", "#####"]
                      max_blocks: 2
                      report: {program: program}
                    en:
                      map: ["#####", "#>.G#", "#####"]
                      max_blocks: 2
                      report: {program: program}
                fields:
                  - key: program
                    label: {fr: "Programme :", en: "Program:"}
                    judge: robot
                    solutions: {fr: ["répéter 2 (avancer)"], en: ["forward, forward"]}
                explanation: {fr: "Deux pas.", en: "Two steps."}
"""
PARAMS_THEN_LEVEL_3 = (
    "                params: {difficulty: 0.3, discrimination: 1.4}\n          - level: 3"
)


def with_robot_challenge(bank: Path, old: str = "", new: str = "") -> str:
    """Add a robot challenge judged by its program to the bank (its last `old` changed to `new`:
    the English scenario's rather than the French one); returns the competence file's text."""
    shutil.copy(BASIC.parents[3] / "content" / "simulators" / "robot.html", bank / "simulators")
    before, found, after = ROBOT_CHALLENGE.rpartition(old) if old else ("", "", ROBOT_CHALLENGE)
    assert found == old
    challenge = before + new + after
    head, tail = PARAMS_THEN_LEVEL_3.split("\n")
    edit(bank, COMPETENCE, PARAMS_THEN_LEVEL_3, f"{head}\n{challenge}{tail}")
    return (bank / COMPETENCE).read_text(encoding="utf-8")


def test_a_field_the_robot_judges_is_right_when_its_program_reaches_the_goal(bank):
    with_robot_challenge(bank)
    challenge = load_release(bank).challenges["searchOperators2-robot"]
    assert challenge.fields[0].judge == "robot"
    for locale in ("fr", "en"):
        for program in ("repeat 2 (forward)", "avancer, avancer", "Repeat 2 times [Move forward]"):
            assert check_answer(challenge, locale, {"program": program}).ok, (locale, program)
        for wrong in (
            "success",
            "réussite",
            "forward",
            "forward, forward, forward",
            "",
            "x" * 10**6,
        ):
            assert not check_answer(challenge, locale, {"program": wrong}).ok, (locale, wrong)
    verdict = check_answer(challenge, "en", {"program": "forward, forward, left, left, left, left"})
    assert verdict.per_field == {"program": False}  # 6 blocks, at most 2


@pytest.mark.parametrize(
    ("old", "new", "marker", "messages"),
    [
        (
            "judge: robot",
            "judge: referee",
            "judge: referee",
            ["field program judge must be one of robot"],
        ),
        (
            "simulator: robot",
            "simulator: webmail",
            "                fields:",
            [
                "field program is judged by the robot, but the challenge embeds no robot"
                " simulator with a scenario"
            ],
        ),
        (
            'en: ["forward, forward"]',
            'en: ["success"]',
            "solutions: {fr:",
            [
                "field program 'en' solution 'success' does not lead the robot to its goal"
                " (unknown block 'success')"
            ],
        ),
        (
            'en: ["forward, forward"]',
            'en: ["forward, forward, left, left"]',
            "solutions: {fr:",
            [
                "field program 'en' solution 'forward, forward, left, left' does not lead the"
                " robot to its goal (too many blocks: 4, at most 2)"
            ],
        ),
        (
            'en: ["forward, forward"]',
            'en: ["repeat 3 (forward)"]',
            "solutions: {fr:",
            [
                "field program 'en' solution 'repeat 3 (forward)' does not lead the robot to"
                " its goal (the robot hit a wall)"
            ],
        ),
        (
            "report: {program: program}",
            "report: {program: result}",
            "                    en:",
            [
                "embed scenario.en must report the program into the field the robot judges:"
                " report: {program: program}"
            ],
        ),
        (
            'map: ["#####", "#>.G#", "#####"]\n                      max_blocks: 2',
            'map: ["#####", "#..G#", "#####"]\n                      max_blocks: 0',
            "                    en:",
            [
                "embed scenario.en: 'map' must hold one robot (^ > v <), not 0",
                "embed scenario.en: 'max_blocks' must be a whole number of at least 1",
            ],
        ),
    ],
)
def test_a_malformed_robot_judge_is_refused_at_its_line(bank, old, new, marker, messages):
    text = with_robot_challenge(bank, old, new)
    line = text[: text.index(marker, text.index("searchOperators2-robot"))].count("\n") + 1
    assert problems(bank) == [
        f"competences/1.1.yaml:{line}: challenge searchOperators2-robot: {m}" for m in messages
    ]
