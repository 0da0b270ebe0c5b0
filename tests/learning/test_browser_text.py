"""A read-only browser without JavaScript: the page shows the browser's pages as text, the first
page then each page its links open, with the address bar, the badge and its certificate, a
link's target only as the status bar says it; its question is answered from it, and it is never
offered to be set aside."""

import pytest

from octet.content.domain.release import current_release
from octet.learning import selectors, services
from octet.learning.domain import browser_pages
from tests.learning.test_wiki_text import (
    as_text,
    assert_accepted,
    noscript_of,
    serve,
    signed_in,  # noqa: F401 (a fixture)
)

LINKS = "webPageCode1-which-links"
FOLLOW = "webPageCode1-follow-link"
CERTIFICATE = "safeConnections5-browser-certificate"
MOVED = "errorMessages3-find-moved-page"

# What a learner types or ticks after reading the text version only.
READ_FROM_THE_TEXT = {
    (LINKS, "fr"): {"answer": ["2", "4"]},
    (LINKS, "en"): {"answer": ["2", "4"]},
    (FOLLOW, "fr"): {"answer": "10 h"},
    (FOLLOW, "en"): {"answer": "10 am"},
    (CERTIFICATE, "fr"): {"field-issued": "portail.wifi-gare-gratuit.net", "field-matches": "non"},
    (CERTIFICATE, "en"): {"field-issued": "portail.wifi-gare-gratuit.net", "field-matches": "no"},
    (MOVED, "fr"): {"answer": "19 août 2025"},
    (MOVED, "en"): {"answer": "19 August 2025"},
}

# What the text shows, from which the answer above is read.
SHOWN = {
    (LINKS, "fr"): ["Voir le programme de la journée (Lien vers : https://www.fete-velo-bellerive.fr/programme)",
                    "plan d'accès (Lien vers : https://www.fete-velo-bellerive.fr/acces)"],
    (LINKS, "en"): ["See the day's programme (Link to: https://www.bellerive-bike-day.org.uk/programme)",
                    "access map (Link to: https://www.bellerive-bike-day.org.uk/access)"],
    (FOLLOW, "fr"): ["Samedi : de 10 h à 17 h"],
    (FOLLOW, "en"): ["Saturday: 10 am to 5 pm"],
    (CERTIFICATE, "fr"): ["Adresse du site https://www.banque-azur.fr/",
                          "Certificat non valide.", "Délivré à portail.wifi-gare-gratuit.net"],
    (CERTIFICATE, "en"): ["Site address https://www.banque-azur.fr/",
                          "Invalid certificate.", "Issued to portail.wifi-gare-gratuit.net"],
    (MOVED, "fr"): ["Réouverture le mardi 19 août 2025 à 10 h."],
    (MOVED, "en"): ["Reopening on Tuesday 19 August 2025 at 10 am."],
}  # fmt: skip

SCENARIO = {
    "start": "https://a.example/",
    "pages": [
        {"url": "https://a.example/", "title": "A",
         "content": [{"type": "p", "text": "Go [there](/b/) or **not**."},
                     {"type": "link", "text": "Elsewhere", "href": "http://nowhere.example/x"}]},
        {"url": "https://a.example/b", "title": "B",
         "certificate": {"issued_to": "other.example", "valid": False},
         "content": [{"type": "form", "fields": [{"label": "Name", "type": "text"},
                                                 {"label": "Agree", "type": "checkbox"}]}]},
        {"url": "https://hidden.example/", "title": "Hidden",
         "content": [{"type": "p", "text": "Secret"}]},
    ],
}  # fmt: skip


# --- the pure renderer ----------------------------------------------------------------------


def test_the_pages_are_those_the_links_reach_in_the_order_they_are_met():
    pages = browser_pages.browser(SCENARIO, "en").pages

    assert [p.url for p in pages] == [
        "https://a.example/",
        "https://a.example/b",
        "http://nowhere.example/x",
    ]
    assert "Hidden" not in str(pages)  # no link leads there: the learner would guess its address
    first = pages[0].blocks[0].pieces
    assert [(p.kind, p.text) for p in first] == [
        ("text", "Go "),
        ("link", "there"),
        ("text", " or "),
        ("strong", "not"),
        ("text", "."),
    ]
    assert (first[1].status, first[1].anchor) == ("Link to: /b/", "browser-page-2")
    assert pages[0].certificate == [("Issued to", "a.example")]


def test_each_page_has_the_badge_and_certificate_the_simulator_shows():
    first, second, third = browser_pages.browser(SCENARIO, "fr").pages

    assert (first.badge, first.secure) == ("Sécurisé", True)
    assert (second.badge, second.certificate) == (
        "Certificat non valide",
        [("Délivré à", "other.example")],
    )
    assert second.blocks[0].fields == [("Name", "text"), ("Agree", "checkbox")]
    assert second.blocks[0].button == "OK"
    assert (third.title, third.badge, third.certificate) == (
        "Ce site est inaccessible",
        "Non sécurisé",
        [],
    )
    assert third.info.startswith("La connexion à ce site n\u2019est pas chiffrée")


# --- the selector ----------------------------------------------------------------------------


def test_only_a_read_only_use_of_the_browser_simulator_has_a_text_version():
    simulators = [
        c
        for c in current_release().challenges.values()
        if c.embed and c.embed.simulator == "browser"
    ]
    reporting = [c for c in simulators if c.embed.scenario["en"].get("report")]
    read_only = [c for c in simulators if not c.embed.scenario["en"].get("report")]

    assert {cid for cid, _ in READ_FROM_THE_TEXT} == {c.id for c in read_only}
    assert reporting
    for challenge in reporting:
        assert selectors.browser_text(challenge, "en") is None
        assert services.needs_a_script(challenge)
    for challenge in read_only:
        text = selectors.browser_text(challenge, "fr")
        assert text is not None and text.pages[0].url == challenge.embed.scenario["fr"]["start"]
        assert not services.needs_a_script(challenge)


def test_the_text_version_never_judges_a_link_or_a_certificate():
    for challenge_id in (LINKS, CERTIFICATE):
        for locale in ("fr", "en"):
            text = str(selectors.browser_text(current_release().challenges[challenge_id], locale))
            for judged in ("suspect", "suspicious", "phishing", "hameçon", "correspond", "match"):
                assert judged not in text.lower()


# --- the page, through HTTP -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("challenge_id", "locale"), sorted(READ_FROM_THE_TEXT))
def test_without_javascript_the_pages_are_read_as_text_and_the_question_answered(
    signed_in,  # noqa: F811
    challenge_id,
    locale,
):
    challenge = current_release().challenges[challenge_id]
    assessment_id = serve(signed_in, challenge, locale)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = noscript_of(page)
    assert 'value="set-aside"' not in noscript
    assert f'<div class="browser-text" lang="{locale}">' in noscript
    words = as_text(noscript)
    for shown in SHOWN[challenge_id, locale]:
        assert shown in words, words

    assert_accepted(
        signed_in, assessment_id, challenge_id, READ_FROM_THE_TEXT[challenge_id, locale]
    )
