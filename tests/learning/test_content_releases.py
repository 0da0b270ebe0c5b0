"""A learner's profile outlives the content: what a later release removed or changed never
breaks a page, and is said plainly."""

import json

import pytest

from octet.learning import selectors
from octet.learning.models import (
    Answer,
    Assessment,
    KnowledgeElement,
    ProblemReport,
    SavedTutorial,
    TutorialFeedback,
)
from tests.learning.helpers import answer_current, current_challenge, finish_test, start

pytestmark = pytest.mark.django_db

CLOSED = "This test is closed"


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def without_1_2(releases):
    return releases.use(releases.later(remove_competence="1.2"))


def test_a_test_in_progress_in_a_removed_competence_is_closed_and_changes_nothing(
    releases, signed_in
):
    ongoing = start(signed_in, "1.2")
    challenge = current_challenge(ongoing)
    answer_current(signed_in, ongoing)
    before = Assessment.objects.get(pk=ongoing)
    without_1_2(releases)

    page = signed_in.get(f"/assessments/{ongoing}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert CLOSED in text
    assert "Competence 1.2 has been removed from Octet's framework since you started" in text
    assert 'href="/profile/"' in text and 'href="/account/export"' in text
    for stage in ("checkpoint", "results"):
        assert signed_in.get(f"/assessments/{ongoing}/{stage}").url == f"/assessments/{ongoing}/"
    # An answer sent from a question page shown before the release: nothing recorded.
    sent = signed_in.post(
        f"/assessments/{ongoing}/answer", {"challenge_id": before.current_challenge_id}
    )
    assert sent.url == f"/assessments/{ongoing}/"
    inline = signed_in.post(
        f"/assessments/{ongoing}/answer",
        {"challenge_id": before.current_challenge_id, "action": "skip"},
        headers={"X-Octet-Inline": "1"},
    )
    assert inline.status_code == 200 and CLOSED in inline.content.decode()
    assert inline["X-Octet-Url"] == f"/assessments/{ongoing}/"
    assert signed_in.post(f"/assessments/{ongoing}/continue").url == f"/assessments/{ongoing}/"
    after = Assessment.objects.get(pk=ongoing)
    assert (after.state, after.answer_count, after.current_challenge_id) == (
        Assessment.State.STARTED,
        1,
        before.current_challenge_id,
    )
    assert list(Answer.objects.values_list("challenge_id", flat=True)) == [challenge.id]

    # Should the competence come back in a later release, the test goes on where it was.
    releases.use(releases.first)
    page = signed_in.get(f"/assessments/{ongoing}/").content.decode()
    assert f'value="{before.current_challenge_id}"' in page


def test_a_completed_test_in_a_removed_competence_no_longer_counts_and_says_why(
    releases, signed_in
):
    kept = start(signed_in, "1.1")
    finish_test(signed_in, kept)
    gone = start(signed_in, "1.2")
    finish_test(signed_in, gone)
    profile = selectors.profile(Assessment.objects.get(pk=gone).user, "en")
    both = profile.total_pix
    in_1_1 = next(c.pix for a in profile.areas for c in a.competences if c.id == "1.1")
    assert both > in_1_1 > 0

    without_1_2(releases)
    results = signed_in.get(f"/assessments/{gone}/results")
    assert results.url == f"/assessments/{gone}/"
    text = signed_in.get(results.url).content.decode()
    assert "since you took this test, so its results and corrections can no longer be shown" in (
        text
    )
    page = signed_in.get("/profile/").content.decode()
    assert f"<strong>{in_1_1}</strong> pix" in page  # 1.2's pix no longer count
    assert "Competences no longer in the framework" in page
    assert f'href="/assessments/{gone}/"' in page
    assert signed_in.get(f"/assessments/{kept}/results").status_code == 200
    assert KnowledgeElement.objects.filter(competence_id="1.2").exists()  # nothing erased


def test_the_closed_test_speaks_the_learners_language(releases, signed_in):
    ongoing = start(signed_in, "1.2")
    without_1_2(releases)
    signed_in.post("/language", {"language": "fr", "next": "/"})
    page = signed_in.get(f"/assessments/{ongoing}/").content.decode()
    assert "Ce test est fermé" in page
    assert "La compétence 1.2" in page and "retirée du référentiel d'Octet" in page
    profile = signed_in.get("/profile/").content.decode()
    assert "Compétences qui ne sont plus dans le référentiel" in profile


REMOVED_NAME = {
    "en": "Competence 1.2: removed from Octet's framework since this test; its name is no longer"
    " known.",
    "fr": "Compétence 1.2\u00a0: retirée du référentiel d'Octet depuis ce test\u00a0; son nom"
    " n'est plus connu.",
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_data_export_names_a_removed_competence_by_its_id_and_says_why(
    releases, signed_in, language
):
    signed_in.post("/language", {"language": language, "next": "/"})
    start(signed_in, "1.1")
    gone = start(signed_in, "1.2")
    answer_current(signed_in, gone)
    release = without_1_2(releases)
    tests = {
        t["competence"]: t
        for t in json.loads(signed_in.get("/account/export").content)["learning"]["assessments"]
    }
    assert tests["1.2"]["competence_name"] == REMOVED_NAME[language]  # was ""
    assert tests["1.2"]["competence_in_framework"] is False
    assert tests["1.2"]["language"] == language and tests["1.2"]["answers"]
    assert tests["1.1"]["competence_name"] == release.competences["1.1"].name[language]
    assert tests["1.1"]["competence_in_framework"] is True
    assert [a["question_in_content"] for a in tests["1.2"]["answers"]] == [False]
    assert tests["1.2"]["answers"][0]["answer_text"] == []  # the question's words went with it


def test_a_removed_competence_cannot_be_started_nor_reset(releases, signed_in):
    ongoing = start(signed_in, "1.2")
    without_1_2(releases)
    response = signed_in.post("/competences/1.2/start", follow=True)
    assert "This action is not possible for this competence." in response.content.decode()
    assert signed_in.get("/competences/1.2/reset").status_code == 404
    assert Assessment.objects.get().pk == ongoing


def test_a_question_moved_to_another_competence_is_replaced_in_the_test(releases, signed_in):
    ongoing = start(signed_in, "1.2")
    answer_current(signed_in, ongoing)
    Assessment.objects.filter(pk=ongoing).update(current_challenge_id="fileTools1-check")
    # The later release moves this question to competence 1.1 (same id, another tube).
    releases.use(
        releases.later(
            edits=[
                ("competences/1.2.yaml", "id: fileTools1-check", "id: fileTools1-renamed"),
                ("competences/1.1.yaml", "id: searchTools1-check", "id: fileTools1-check"),
            ]
        )
    )
    response = signed_in.post(
        f"/assessments/{ongoing}/answer",
        {"challenge_id": "fileTools1-check", "answer": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert "withdrawn by the content authors" in response.content.decode()
    now = Assessment.objects.get(pk=ongoing)
    assert now.current_challenge_id.startswith(("fileFormats", "fileTools"))
    assert now.current_challenge_id != "fileTools1-check"
    assert Answer.objects.count() == 1


def without_a_tutorial(releases):
    """A later release without the "more" tutorial of @fileFormats1 (its id changed)."""
    renamed = ("competences/1.2.yaml", "id: tuto-fileFormats1-more", "id: tuto-fileFormats1-web")
    return releases.use(releases.later(edits=[renamed]))


def test_save_or_useful_by_a_tutorial_removed_since_the_page_was_shown_says_so(
    releases, signed_in, learner
):
    back = {"next": "/assessments/7/checkpoint#answer-3"}
    without_a_tutorial(releases)
    for action, data, said in [
        ("save", {}, "so it could not be saved"),
        ("rate", {"useful": "yes"}, "so your opinion of it was not recorded"),
    ]:
        url = f"/tutorials/tuto-fileFormats1-more/{action}"
        # The page's script is told it is gone, and sends the form the plain way...
        inline = signed_in.post(url, {**data, **back}, headers={"X-Octet-Inline": "1"})
        assert inline.status_code == 410
        # ...which comes back to the correction being read, with the message.
        plain = signed_in.post(url, {**data, **back})
        assert plain.url == back["next"]
        page = signed_in.get("/tutorials/").content.decode()
        assert "This tutorial has been removed from Octet&#x27;s content since the page" in page
        assert said in page
    assert not SavedTutorial.objects.exists() and not TutorialFeedback.objects.exists()


def test_a_saved_tutorial_removed_since_is_kept_counted_and_can_be_unsaved(
    releases, signed_in, learner
):
    signed_in.post("/tutorials/tuto-fileFormats1-more/save", {"next": "/tutorials/"})
    signed_in.post("/tutorials/tuto-fileTools1-en/save", {"next": "/tutorials/"})
    without_a_tutorial(releases)
    page = signed_in.get("/tutorials/").content.decode()
    assert "Open the Images tab" in page  # the one still there
    assert "Search tips" not in page
    assert "1 tutorial you saved has since been removed from Octet's content" in page
    assert SavedTutorial.objects.filter(tutorial_id="tuto-fileFormats1-more").exists()
    learner.language = "fr"
    learner.save(update_fields=["language"])
    page = signed_in.get("/tutorials/").content.decode()
    assert "que vous aviez enregistré a depuis été retiré des contenus d'Octet" in page
    # Unsaved from a page shown before the release: done, and said.
    reply = signed_in.post(
        "/tutorials/tuto-fileFormats1-more/save", {"action": "remove", "next": "/tutorials/"}
    )
    page = signed_in.get(reply.url).content.decode()
    assert "Tuto retiré de votre liste." in page
    assert "depuis été retiré" not in page
    assert list(SavedTutorial.objects.values_list("tutorial_id", flat=True)) == [
        "tuto-fileTools1-en"
    ]


def test_a_correction_whose_question_was_removed_says_so_and_the_others_stay(releases, signed_in):
    ongoing = start(signed_in, "1.2")
    for right in (True, False, True, True, False):
        answer_current(signed_in, ongoing, right)
    answers = list(Answer.objects.order_by("id"))
    assert len(answers) == 5 and Assessment.objects.get(pk=ongoing).answer_count == 5
    removed = answers[1]
    renamed = ("competences/1.2.yaml", f"id: {removed.challenge_id}\n", "id: renamed-since\n")
    releases.use(releases.later(edits=[renamed]))

    # The checkpoint, or the results if these answers ended the test (its seed is random).
    shown = signed_in.get(f"/assessments/{ongoing}/checkpoint", follow=True)
    page = shown.content.decode()
    if shown.redirect_chain:
        assert shown.redirect_chain[-1][0] == f"/assessments/{ongoing}/results"
        back = f"/assessments/{ongoing}/results"
    else:
        assert "3 right answers out of 5." in page
        back = f"/assessments/{ongoing}/checkpoint"
    withdrawn = page.split(f'id="answer-{removed.pk}"')[1].split("</li>")[0]
    assert "Question 2" in withdrawn and "Wrong" in withdrawn
    assert "has since been removed from Octet's content" in withdrawn
    assert "Report a problem" not in withdrawn  # nothing an author could act on
    assert page.count("<summary") == 4  # the other corrections are whole
    # A report sent from the correction shown before the release is kept, not a 404.
    sent = signed_in.post(
        f"/assessments/{ongoing}/report",
        {"challenge_id": removed.challenge_id, "category": "answer", "next": f"{back}#a"},
    )
    assert sent.url == back
    assert ProblemReport.objects.get().challenge_id == removed.challenge_id


def test_the_admin_tells_reports_on_a_removed_question_apart(releases, superuser):
    kept = ProblemReport.objects.create(
        challenge_id="fileTools1-check", locale="fr", category="other"
    )
    gone = ProblemReport.objects.create(
        challenge_id="fileTools2-check", locale="fr", category="other"
    )
    renamed = ("competences/1.2.yaml", "id: fileTools2-check\n", "id: fileTools2-renamed\n")
    releases.use(releases.later(edits=[renamed]))
    page = superuser.get(f"/admin/learning/problemreport/{gone.pk}/change/").content.decode()
    assert "/preview/fileTools2-check" not in page  # no link to a page of error
    assert "cette question n&#x27;est pas dans les contenus servis" in page
    page = superuser.get(f"/admin/learning/problemreport/{kept.pk}/change/").content.decode()
    assert 'href="/preview/fileTools1-check?locale=fr"' in page
    changelist = "/admin/learning/problemreport/"
    assert "Par présence dans les contenus" in superuser.get(changelist).content.decode()
    removed = superuser.get(changelist, {"in_content": "no"}).content.decode()
    assert "fileTools2-check" in removed and "fileTools1-check" not in removed
    served = superuser.get(changelist, {"in_content": "yes"}).content.decode()
    assert "fileTools1-check" in served and "fileTools2-check" not in served


def test_the_preview_of_a_removed_question_says_why_it_is_missing(
    releases, client, django_user_model
):
    staff = django_user_model.objects.create_user(
        "staff", "s@example.org", "Staff-Pass1", is_staff=True, language="en"
    )
    client.force_login(staff)
    assert client.get("/preview/fileTools2-check").status_code == 200
    release = releases.use(
        releases.later(
            edits=[("competences/1.2.yaml", "id: fileTools2-check\n", "id: fileTools2-new\n")]
        )
    )
    page = client.get("/preview/fileTools2-check")
    assert page.status_code == 404
    text = page.content.decode()
    assert f"This challenge is not in the content served now (release {release.version})" in text
    assert 'href="/preview/"' in text


def test_the_demo_profile_is_filled_from_a_release_without_some_planned_competences(
    releases, learner, client
):
    """`manage.py load_demo_profile` on a bank that lacks most of the demo's competences (and
    the one it leaves in progress): it takes the tests it can, and the profile shows them."""
    from octet.learning.demo import fill_demo_profile

    releases.use(releases.later(remove_competence="1.2"))
    assert fill_demo_profile(learner)
    assert list(Assessment.objects.values_list("competence_id", "state")) == [("1.1", "completed")]
    client.force_login(learner)
    assert client.get("/profile/").status_code == 200


def test_a_lesson_removed_since_its_link_was_shown_says_so_and_leads_back(releases, signed_in):
    assert signed_in.get("/lessons/lesson-fileTools").status_code == 200
    renamed = ("competences/1.2.yaml", "lesson-fileTools", "lesson-fileFilters")
    releases.use(releases.later(edits=[renamed]))
    page = signed_in.get("/lessons/lesson-fileTools", headers={"Referer": "/tutorials/"})
    assert page.status_code == 404
    text = page.content.decode()
    assert "This lesson is not in Octet's content" in text
    assert 'href="/tutorials/">Back to My tutorials</a>' in text
    elsewhere = signed_in.get("/lessons/lesson-fileTools").content.decode()
    assert 'href="/profile/"' in elsewhere  # no page to go back to: the error page's links


# --- Files, pictures and simulators removed, opened from a page shown before ----------------

NOTES = "                attachments: [{fr: notes-fr.txt, en: notes-en.txt}]\n"
PICTURE = (
    "                illustration:\n                  file: results.svg\n"
    '                  alt: {fr: "Résultats", en: "Results"}\n'
)
WEBMAIL = (
    "                embed:\n                  simulator: webmail\n                  height: 400\n"
    "                  scenario: {fr: {inbox: []}, en: {inbox: []}}\n"
)


def without_material(releases):
    """A later release without the notes, the picture and the simulator of the first."""
    later = releases.later(
        edits=[
            (f"competences/{competence}.yaml", material, "")
            for competence in ("1.1", "1.2")  # 1.2 is a copy of 1.1
            for material in (NOTES, PICTURE, WEBMAIL)
        ]
    )
    for name in ("attachments/files/notes-fr.txt", "attachments/files/notes-en.txt"):
        (later / name).unlink()
    (later / "illustrations" / "results.svg").unlink()
    return releases.use(later)


def test_a_file_removed_since_says_so_and_leads_back_to_the_test(releases, client):
    assert client.get("/files/notes-en.txt").status_code == 200
    without_material(releases)
    test = "http://testserver/assessments/7/"
    response = client.get("/files/notes-en.txt", HTTP_REFERER=test)  # was a bare 404
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>File not found</h1>" in page
    assert "This file is not in Octet's content: it may have been removed or renamed" in page
    assert f'href="{test}">Back to the test</a>' in page
    client.cookies["django_language"] = "fr"
    page = client.get("/files/notes-fr.txt", HTTP_REFERER=test).content.decode()
    assert "<h1>Fichier introuvable</h1>" in page and "Revenir au test" in page


def test_a_picture_removed_since_opened_on_its_own_says_so(releases, client):
    assert client.get("/illustrations/results.svg").status_code == 200
    without_material(releases)
    response = client.get("/illustrations/results.svg")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Picture not found</h1>" in page
    assert 'href="/account/sign-in"' in page  # no page it was opened from: the usual ways on
    # An address that never was a picture gets the same page, never a file of the content.
    assert client.get("/illustrations/..%2Fframework.yaml").status_code == 404


def test_a_simulator_removed_since_says_so_in_its_frame(releases, client):
    url = "/simulators/searchOperators2-total/en"
    assert client.get(url).status_code == 200
    without_material(releases)
    response = client.get(url)  # was Django's 404, which the page's frame refused to show
    assert response.status_code == 404
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]
    page = response.content.decode()
    assert "<h1>Simulator not found</h1>" in page
    assert "Load the page again to see the question as it is now." in page
    client.cookies["django_language"] = "fr"
    page = client.get(url).content.decode()
    assert '<html lang="fr">' in page and "<h1>Simulateur introuvable</h1>" in page
