"""A read-only file explorer without JavaScript: the page shows the tree as text (every folder
with its items' dates, types, sizes and authors, and the bin), its question is answered from
it, and it is never offered to be set aside."""

import pytest

from octet.content.domain.release import current_release
from octet.learning import selectors, services
from octet.learning.domain import files
from tests.learning.test_wiki_text import (
    as_text,
    assert_accepted,
    noscript_of,
    serve,
    signed_in,  # noqa: F401 (a fixture)
)

# What a learner types after reading the text version only.
READ_FROM_THE_TEXT = {
    ("fileMetadata4-explorer-properties", "fr"): {
        "field-largest": "IMG_2051.jpg",
        "field-author": "Paul Girard",
    },
    ("fileMetadata4-explorer-properties", "en"): {
        "field-largest": "IMG_2051.jpg",
        "field-author": "Paul Girard",
    },
    ("teamFileNaming5-files-latest", "fr"): {
        "field-file": "budget_v11.xlsx",
        "field-author": "Malik",
    },
    ("teamFileNaming5-files-latest", "en"): {
        "field-file": "budget_v11.xlsx",
        "field-author": "Malik",
    },
    ("documentReview6-latest-version", "fr"): {
        "field-name": "rapport_v4_relu.odt",
        "field-author": "Mme Petit",
    },
    ("documentReview6-latest-version", "en"): {
        "field-name": "report_v4_reviewed.odt",
        "field-author": "Ms Petit",
    },
    ("audioVideo5-size-limit", "fr"): {"answer": "clip-720p.mp4"},
    ("audioVideo5-size-limit", "en"): {"answer": "clip-720p.mp4"},
    ("storageSpace3-largest-download", "fr"): {"answer": "installateur-jeu-v2.exe"},
    ("storageSpace3-largest-download", "en"): {"answer": "game-installer-v2.exe"},
}


# --- the pure renderer ----------------------------------------------------------------------


def test_folders_come_first_then_files_by_name_ignoring_case_and_accents_depth_first():
    scenario = {
        "tree": [
            {"name": "zeta.txt", "size": 1},
            {"name": "Écoles", "children": [{"name": "b.pdf"}, {"name": "A", "children": []}]},
            {"name": "alpha.TXT", "size": 2},
            {"name": "Budget", "type": "folder"},
        ]
    }

    tree = files.folders(scenario)

    assert [f.path for f in tree] == [(), ("Budget",), ("Écoles",), ("Écoles", "A")]
    assert [i.name for i in tree[0].items] == ["Budget", "Écoles", "alpha.TXT", "zeta.txt"]
    assert [(i.name, i.count) for i in tree[2].items] == [("A", 0), ("b.pdf", 0)]
    assert tree[0].items[1].count == 2


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (120, "120 octets", "120 bytes"),
        (48213, "48 Ko", "48 KB"),
        (2348000, "2,3 Mo", "2.3 MB"),
        (2250000, "2,3 Mo", "2.3 MB"),  # toFixed(1): a tie goes up
        (1850000000, "1,9 Go", "1.9 GB"),
        (310000000, "310 Mo", "310 MB"),
    ],
)
def test_sizes_are_shown_as_the_explorer_shows_them(size, fr, en):
    assert (files.shown_size(size, "fr"), files.shown_size(size, "en")) == (fr, en)


def test_a_files_type_is_its_kind_else_its_extensions_word_else_file():
    def kind(name, locale, given=""):
        item = files.Item(name, False, 0, "", "", given, 0)
        return files.kind_of(item, locale)

    assert kind("a.PDF", "fr") == "Document PDF"
    assert kind("a.pdf", "en") == "PDF document"
    assert kind("a.xyz", "en") == "XYZ file"
    assert kind("a.xyz", "fr") == "Fichier XYZ"
    assert kind("README", "fr") == "Fichier"
    assert kind("a.pdf", "en", "Scanned form") == "Scanned form"
    assert files.shown_date("2024-01-08 17:02", "fr") == "08/01/2024 17:02"
    assert files.shown_date("2024-01-08 17:02", "en") == "2024-01-08 17:02"


# --- the selector ----------------------------------------------------------------------------


def test_only_a_read_only_use_of_the_files_simulator_has_a_text_version():
    simulators = [
        c for c in current_release().challenges.values() if c.embed and c.embed.simulator == "files"
    ]
    reporting = [c for c in simulators if c.embed.scenario["en"].get("report")]
    read_only = [c for c in simulators if not c.embed.scenario["en"].get("report")]

    assert {cid for cid, _ in READ_FROM_THE_TEXT} == {c.id for c in read_only}
    for challenge in reporting:
        assert selectors.files_text(challenge, "en") is None
        assert services.needs_a_script(challenge)
    for challenge in read_only:
        text = selectors.files_text(challenge, "fr")
        assert text is not None and text.folders[0].path == challenge.embed.scenario["fr"]["root"]
        assert not services.needs_a_script(challenge)


# --- the page, through HTTP -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("challenge_id", "locale"), sorted(READ_FROM_THE_TEXT))
def test_without_javascript_the_files_are_read_as_text_and_the_question_answered(
    signed_in,  # noqa: F811
    challenge_id,
    locale,
):
    challenge = current_release().challenges[challenge_id]
    assessment_id = serve(signed_in, challenge, locale)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = noscript_of(page)
    assert 'value="set-aside"' not in noscript
    assert f'<div class="files-text" lang="{locale}">' in noscript
    assert '<th scope="col"' in noscript
    words = as_text(noscript)
    assert ("Modifié le" if locale == "fr" else "Modified") in words
    for value in READ_FROM_THE_TEXT[challenge_id, locale].values():
        assert value in words

    assert_accepted(
        signed_in, assessment_id, challenge_id, READ_FROM_THE_TEXT[challenge_id, locale]
    )


@pytest.mark.django_db
def test_each_size_is_given_exactly_as_the_properties_give_it(signed_in):  # noqa: F811
    challenge = current_release().challenges["fileMetadata4-explorer-properties"]
    assessment_id = serve(signed_in, challenge, "fr")

    words = as_text(noscript_of(signed_in.get(f"/assessments/{assessment_id}/").content.decode()))

    assert "IMG_2051.jpg 22/07/2024 19:12 Image JPEG 4,1 Mo (4120000 octets) Inès Moreau" in words
    assert "Vacances 28/07/2024 21:10 Dossier 6 éléments" in words
    assert "L'explorateur s'ouvre dans le dossier Documents / Vacances." in words
