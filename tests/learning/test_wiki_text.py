"""A read-only wiki without JavaScript: the page shows the simulator's world as text (article,
talk page, history, each revision's changes), its question is answered from it, and it is never
offered to be set aside."""

import re
from html import unescape

import pytest
from django.utils import timezone

from octet.content.domain.release import current_release
from octet.learning import selectors, services
from octet.learning.domain import wiki
from octet.learning.models import Answer, Assessment
from tests.learning.helpers import start

WHO_ADDED = "wikiHistory5-who-added"
VANDALISM = "wikiHistory6-find-vandalism"
EVENTS = "wikiContribution4-wiki-who-added"
PLOTS = "wikiContribution5-wiki-plots"
PARTICIPANTS = "wikiContribution5-wiki-talk-participants"

# What a learner types after reading the text version only (the history's dates are shown
# DD/MM/YYYY in French and as written, YYYY-MM-DD, in English; authors as signed).
READ_FROM_THE_TEXT = {
    (WHO_ADDED, "fr"): {"field-author": "Léon.T", "field-date": "21/06/2023"},
    (WHO_ADDED, "en"): {"field-author": "Léon.T", "field-date": "2023-06-21"},
    (VANDALISM, "fr"): {"field-date": "14/02/2024", "field-height": "42"},
    (VANDALISM, "en"): {"field-date": "2024-02-14", "field-height": "42"},
    (EVENTS, "fr"): {"answer": "JardiBio"},
    (EVENTS, "en"): {"answer": "JardiBio"},
    (PLOTS, "fr"): {"field-article": "24", "field-sign": "30"},
    (PLOTS, "en"): {"field-article": "24", "field-sign": "30"},
    (PARTICIPANTS, "fr"): {"field-a": "JardiBio", "field-b": "Maëlle_V"},
    (PARTICIPANTS, "en"): {"field-a": "Maelle_V", "field-b": "JardiBio"},
}


def wiki_challenges():
    return [
        c for c in current_release().challenges.values() if c.embed and c.embed.simulator == "wiki"
    ]


# --- the pure renderer ----------------------------------------------------------------------


def test_revisions_are_ordered_by_date_and_time_and_sized_in_utf8_bytes():
    scenario = {
        "revisions": [
            {"id": 2, "date": "2024-01-02", "time": "09:00", "author": "B", "content": "été"},
            {"id": 1, "date": "2024-01-01", "time": "23:00", "author": "A", "content": "ete!"},
        ]
    }

    first, second = wiki.revisions(scenario)

    assert (first.id, first.size, first.change) == ("1", 4, 4)
    assert (second.id, second.size, second.change) == ("2", 5, 1)  # é is two bytes


def test_the_article_is_rendered_as_html_with_nothing_of_the_scenario_parsed_as_html():
    text = (
        "La '''chaîne''' des ''Puys'' <b>x</b> & [[Volcan|volcans]].\n"
        "suite\n\n== Géographie ==\n=== Sous-partie ===\n* un\n* deux [[Lac]]"
    )

    assert wiki.article_html(text, 4) == (
        "<p>La <b>chaîne</b> des <i>Puys</i> &lt;b&gt;x&lt;/b&gt; &amp;"
        ' <span class="wiki-link">volcans</span>. suite</p>'
        "<h4>Géographie</h4><h5>Sous-partie</h5>"
        '<ul><li>un</li><li>deux <span class="wiki-link">Lac</span></li></ul>'
    )


def test_the_diff_marks_lines_kept_removed_and_added_as_the_simulator_does():
    before = "Titre\n\nElle compte 80 volcans.\nFin"
    after = "Titre\n\nElle compte 800 volcans.\nFin\nNote"

    assert wiki.diff_lines(before, after) == [
        (" ", "Titre"),
        (" ", ""),
        ("-", "Elle compte 80 volcans."),
        ("+", "Elle compte 800 volcans."),
        (" ", "Fin"),
        ("+", "Note"),
    ]


@pytest.mark.parametrize(
    ("author", "anonymous"),
    [("82.64.12.9", True), ("2001:db8::1", True), ("Géologue63", False), ("Face", False)],
)
def test_an_ip_address_is_an_anonymous_author(author, anonymous):
    assert wiki.is_anonymous(author) is anonymous


def test_dates_are_day_first_in_french_and_as_written_in_english():
    assert (wiki.shown_date("2023-03-15", "fr"), wiki.shown_date("2023-03-15", "en")) == (
        "15/03/2023",
        "2023-03-15",
    )


# --- the selector ----------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_every_wiki_challenge_has_a_text_version_that_tells_the_whole_history(locale):
    for challenge in wiki_challenges():
        text = selectors.wiki_text(challenge, locale)
        scenario = challenge.embed.scenario[locale]

        assert text is not None and text.title == scenario["title"]
        assert len(text.history) == len(scenario["revisions"])
        assert text.history[-1].first and not any(r.first for r in text.history[:-1])
        assert [len(posts) for _, posts in text.talk] == [
            len(t["posts"]) for t in scenario.get("talk", ())
        ]
        assert not services.needs_a_script(challenge)


def test_the_text_version_holds_nothing_the_simulator_does_not_show():
    """The explanation (the solution in words) is never part of it: only scenario texts."""
    challenge = current_release().challenges[VANDALISM]
    text = selectors.wiki_text(challenge, "en")
    everything = " ".join(
        [text.site, text.title, str(text.article)]
        + [f"{r.when} {r.author} {r.size} {r.summary}" for r in text.history]
        + [line for r in text.history for _, line in r.lines]
    )

    assert "anonymous edit of 14 February 2024" not in everything  # the explanation's words
    assert "82.64.10.7 (anonymous)" in everything  # as the simulator writes such an author


def test_a_wiki_that_reports_something_or_another_simulator_still_needs_a_script():
    challenge = wiki_challenges()[0]
    reporting = type(challenge.embed)(
        simulator="wiki",
        height=400,
        scenario={k: {**v, "report": "title"} for k, v in challenge.embed.scenario.items()},
    )
    other = type(challenge.embed)(simulator="webmail", height=400, scenario={"fr": {}, "en": {}})

    for embed in (reporting, other):
        changed = type(challenge)(**{**vars(challenge), "embed": embed})
        assert selectors.wiki_text(changed, "fr") is None
        assert services.needs_a_script(changed)


# --- the page, through HTTP -----------------------------------------------------------------


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def serve(client, challenge, language: str) -> int:
    client.post("/language", {"language": language, "next": "/"})
    assessment_id = start(client, challenge.competence_id)
    Assessment.objects.filter(pk=assessment_id).update(
        current_challenge_id=challenge.id, current_served_at=timezone.now()
    )
    return assessment_id


def noscript_of(page: str) -> str:
    """The simulator's <noscript> (the page's <head> has one of its own, for a stylesheet)."""
    simulator = page.split('<div class="challenge__simulator">', 1)[1]
    return simulator.split("<noscript>", 1)[1].split("</noscript>", 1)[0]


def assert_accepted(client, assessment_id: int, challenge_id: str, fields: dict) -> None:
    """The answer read from the text version, validated as a browser without scripts sends
    it, is recorded right."""
    response = client.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge_id, "action": "validate", **fields},
    )

    assert response.status_code == 302
    assert (
        Answer.objects.get(assessment_id=assessment_id, challenge_id=challenge_id).outcome == "ok"
    )


def as_text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).replace("\u00a0", " ")


@pytest.mark.django_db
@pytest.mark.parametrize(("challenge_id", "locale"), sorted(READ_FROM_THE_TEXT))
def test_without_javascript_the_wiki_is_read_as_text_and_its_question_answered(
    signed_in, challenge_id, locale
):
    challenge = current_release().challenges[challenge_id]
    assessment_id = serve(signed_in, challenge, locale)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = noscript_of(page)
    assert 'value="set-aside"' not in noscript
    assert f'<div class="wiki-text" lang="{locale}">' in noscript
    assert "<table" in noscript and '<th scope="col"' in noscript
    words = as_text(noscript)
    history, article = (
        ("Historique", "Article (version actuelle)")
        if locale == "fr"
        else ("History", "Article (current version)")
    )
    assert history in words and article in words
    for value in READ_FROM_THE_TEXT[challenge_id, locale].values():
        assert value in words  # what the learner types is there to be read

    assert_accepted(
        signed_in, assessment_id, challenge_id, READ_FROM_THE_TEXT[challenge_id, locale]
    )


@pytest.mark.django_db
def test_the_changes_are_marked_in_words_for_a_screen_reader(signed_in):
    challenge = current_release().challenges[VANDALISM]
    assessment_id = serve(signed_in, challenge, "fr")

    noscript = noscript_of(signed_in.get(f"/assessments/{assessment_id}/").content.decode())

    assert (
        '<del><span class="visually-hidden">Ligne supprimée\u00a0: </span>'
        "La tour mesure 42 mètres de haut. Sa lumière porte à 40 km.</del>"
    ) in noscript
    assert (
        '<ins><span class="visually-hidden">Ligne ajoutée\u00a0: </span>'
        "La tour mesure 420 mètres de haut. Sa lumière porte à 40 km.</ins>"
    ) in noscript
    assert "82.64.10.7 (anonyme)" in noscript and "Modification mineure." in noscript


@pytest.mark.django_db
def test_a_wiki_question_is_not_set_aside_but_answered(signed_in):
    challenge = current_release().challenges[PLOTS]
    assessment_id = serve(signed_in, challenge, "en")

    signed_in.post(
        f"/assessments/{assessment_id}/answer",
        {"challenge_id": challenge.id, "action": "set-aside"},
    )

    assessment = Assessment.objects.get(pk=assessment_id)
    assert (assessment.current_challenge_id, assessment.set_aside) == (challenge.id, [])


@pytest.mark.django_db
def test_a_reply_to_the_page_script_carries_no_text_version_it_would_never_show(signed_in):
    challenge = current_release().challenges[WHO_ADDED]
    assessment_id = serve(signed_in, challenge, "en")

    reply = signed_in.get(
        f"/assessments/{assessment_id}/", HTTP_X_OCTET_INLINE="1"
    ).content.decode()
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    assert "data-simulator" in reply
    assert "<noscript>" not in reply.split('<div class="challenge__simulator">', 1)[1]
    assert "wiki-text" not in reply
    assert "wiki-text" in noscript_of(page)
