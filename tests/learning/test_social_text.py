"""A read-only social profile without JavaScript: the page shows the profile as text, as me, a
friend and the public see it (the simulator's "View as" switch), its question is answered from
it, and it is never offered to be set aside."""

import pytest

from octet.content.domain.release import current_release
from octet.learning import selectors, services
from octet.learning.domain import social
from tests.learning.test_wiki_text import (
    as_text,
    assert_accepted,
    noscript_of,
    serve,
    signed_in,  # noqa: F401 (a fixture)
)

PUBLIC = "digitalFootprint2-view-as-public"

# What a learner types after reading the text version only.
READ_FROM_THE_TEXT = {
    (PUBLIC, "fr"): {"field-city": "Rennes", "field-posts": "2"},
    (PUBLIC, "en"): {"field-city": "Bristol", "field-posts": "2"},
}

SCENARIO = {
    "network": "Piaf",
    "me": {"name": "Sam", "handle": "@sam", "email": "s@x.fr", "city": "Lyon",
           "birthday": "2011-05-14"},
    "friends": [{"name": "Inès Roy", "handle": "@ines"}],
    "posts": [
        {"id": "p1", "date": "2024-04-02 18:20", "text": "Public", "visibility": "public",
         "likes": 3, "tags": ["@ines"], "photo": "Un chat"},
        {"id": "p2", "date": "2024-04-03 08:00", "text": "Amis", "visibility": "friends"},
        {"id": "p3", "date": "2024-04-04 08:00", "text": "Moi", "visibility": "only_me"},
        {"id": "p4", "date": "2024-04-05 08:00", "text": "Réglage"},
    ],
    "settings": {"posts": "friends", "friends_list": "only_me", "email": "only_me",
                 "city": "friends", "search_engines": True},
    "editable": False,
}  # fmt: skip


# --- the pure renderer ----------------------------------------------------------------------


def test_each_viewer_sees_what_its_audience_allows_as_the_switch_shows_it():
    me, friend, public = social.profile(SCENARIO, "fr").views

    assert [p.text for p in me.posts] == ["Public", "Amis", "Moi", "Réglage"]
    assert [p.text for p in friend.posts] == ["Public", "Amis", "Réglage"]  # p4: the setting
    assert [p.text for p in public.posts] == ["Public"]
    # A detail without a setting (birthday) is public; the audience is said only to me.
    assert me.details == [
        ("E-mail", "s@x.fr (Visible par : Moi uniquement)"),
        ("Ville", "Lyon (Visible par : Amis)"),
        ("Anniversaire", "14/05/2011 (Visible par : Public)"),
    ]
    assert friend.details == [("Ville", "Lyon"), ("Anniversaire", "14/05/2011")]
    assert public.details == [("Anniversaire", "14/05/2011")]
    assert (me.friends_title, me.friends) == ("Amis (1)", ["Inès Roy @ines"])
    assert (public.friends_title, public.friends_hidden) == (
        "Amis (…)",
        "La liste d\u2019amis est masquée.",
    )
    assert public.title == "Voir en tant que : Le public"
    assert public.note.endswith("Ce profil peut apparaître dans les moteurs de recherche.")


def test_a_post_is_dated_and_described_in_the_simulators_words():
    first = social.profile(SCENARIO, "en").views[0].posts[0]

    assert first == social.Post(
        "2024-04-02 18:20", "Visible to: Public", "Public", "Photo: Un chat", "3 likes · with @ines"
    )
    assert social.profile(SCENARIO, "fr").views[2].posts[0].date == "02/04/2024 18:20"


def test_a_read_only_profile_shows_no_settings_and_an_editable_one_its_current_settings():
    assert social.profile(SCENARIO, "en").privacy == []
    editable = social.profile({**SCENARIO, "editable": True}, "en")

    assert ("Who can see my city?", "Friends") in editable.privacy
    assert ("Let search engines show my profile", "Yes") in editable.privacy


# --- the selector ----------------------------------------------------------------------------


def test_only_a_read_only_use_of_the_social_simulator_has_a_text_version():
    simulators = [
        c
        for c in current_release().challenges.values()
        if c.embed and c.embed.simulator == "social"
    ]
    reporting = [c for c in simulators if c.embed.scenario["en"].get("report")]
    read_only = [c for c in simulators if not c.embed.scenario["en"].get("report")]

    assert {cid for cid, _ in READ_FROM_THE_TEXT} == {c.id for c in read_only}
    for challenge in reporting:
        assert selectors.social_text(challenge, "en") is None
        assert services.needs_a_script(challenge)
    for challenge in read_only:
        text = selectors.social_text(challenge, "fr")
        assert text is not None and text.name == challenge.embed.scenario["fr"]["me"]["name"]
        assert not services.needs_a_script(challenge)


def test_the_text_version_holds_nothing_the_simulator_does_not_show():
    challenge = current_release().challenges[PUBLIC]
    words = as_text(str(selectors.social_text(challenge, "en")))

    assert "only the posts of 3 May and 18 May are public" not in words  # the explanation
    assert "nina.leroy@example.com" in words  # shown to Nina herself
    public = selectors.social_text(challenge, "en").views[2]
    assert "nina.leroy@example.com" not in str(public)  # never to the public
    assert "So tired tonight…" not in str(public)


# --- the page, through HTTP -----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("challenge_id", "locale"), sorted(READ_FROM_THE_TEXT))
def test_without_javascript_the_profile_is_read_as_text_and_the_question_answered(
    signed_in,  # noqa: F811
    challenge_id,
    locale,
):
    challenge = current_release().challenges[challenge_id]
    assessment_id = serve(signed_in, challenge, locale)

    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()

    noscript = noscript_of(page)
    assert 'value="set-aside"' not in noscript
    assert f'<div class="social-text" lang="{locale}">' in noscript
    words = as_text(noscript)
    public = words.split(
        "Voir en tant que : Le public" if locale == "fr" else "View as: The public"
    )[1]
    assert READ_FROM_THE_TEXT[challenge_id, locale]["field-city"] in public

    assert_accepted(
        signed_in, assessment_id, challenge_id, READ_FROM_THE_TEXT[challenge_id, locale]
    )


@pytest.mark.django_db
def test_the_public_sees_two_posts_in_the_text_and_a_friend_three(signed_in):  # noqa: F811
    challenge = current_release().challenges[PUBLIC]
    assessment_id = serve(signed_in, challenge, "fr")

    noscript = noscript_of(signed_in.get(f"/assessments/{assessment_id}/").content.decode())
    views = noscript.split('<section class="social-text__view">')[1:]

    assert [v.count('<li><p class="muted">') for v in views] == [4, 3, 2]
    assert "03/05/2026 17:40 · Visible par : Public" in as_text(views[0])
    assert "Nina Leroy" in as_text(views[2]) and "Rennes" in as_text(views[2])
    assert "nina.leroy@exemple.fr" not in views[2]
