import json
import re
from collections import defaultdict

import pytest
from django.utils.html import escape

from octet.content.domain.release import current_release
from octet.learning import selectors
from octet.learning.domain.presentation import describe_answer
from octet.learning.domain.simulators import inject_scenario
from octet.learning.models import Assessment, KnowledgeElement, ProblemReport, SavedTutorial
from tests.learning.helpers import current_challenge, finish_test, form_for, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def test_preview_is_for_staff_only_and_visitors_sign_in_with_octets_form(signed_in, client):
    challenge = next(iter(current_release().challenges))
    response = signed_in.get(f"/preview/{challenge}")  # a learner is not staff
    assert response.status_code == 403
    signed_in.logout()
    response = client.get("/preview/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in?next=/preview/")


def test_staff_preview_checks_any_challenge_live_in_both_languages(client, django_user_model):
    staff = django_user_model.objects.create_user(
        "staff", "s@example.org", "Staff-Pass1", is_staff=True, language="en"
    )  # the page speaks the reviewer's language; ?locale= chooses the challenge's
    client.force_login(staff)
    challenge = next(c for c in current_release().challenges.values() if c.type == "qroc")
    for locale in ("fr", "en"):
        page = client.get(f"/preview/{challenge.id}?locale={locale}").content.decode()
        assert challenge.id in page
        assert "accepted by the checker" in page
    right = client.post(
        f"/preview/{challenge.id}?locale=en", {"answer": challenge.solutions["en"][0]}
    ).content.decode()
    assert "The checker accepts this answer." in right
    wrong = client.post(f"/preview/{challenge.id}?locale=en", {"answer": "zzzz"}).content.decode()
    assert "The checker rejects this answer." in wrong
    # the answer checked stays on the form, in fields and ticked choices too
    fields = next(c for c in current_release().challenges.values() if c.type == "qrocm-ind")
    key = fields.fields[0].key
    checked = client.post(f"/preview/{fields.id}?locale=en", {f"field-{key}": "kept"})
    assert f'id="field-{key}" name="field-{key}"' in checked.content.decode()
    assert 'value="kept"' in checked.content.decode()
    choices = next(c for c in current_release().challenges.values() if c.type == "qcm")
    ticked = client.post(f"/preview/{choices.id}?locale=en", {"answer": ["2"]}).content.decode()
    assert 'value="2" checked' in ticked and 'value="1" checked' not in ticked
    listing = client.get("/preview/?competence=1.1").content.decode()
    assert "challenges" in listing


def test_the_preview_marks_the_challenge_in_its_language_and_its_own_words_in_the_reviewers(
    client, django_user_model
):
    """A screen reader reads the French challenge in French and the English button in English."""
    staff = django_user_model.objects.create_user(
        "staff", "s@example.org", "Staff-Pass1", is_staff=True, language="en"
    )
    client.force_login(staff)
    challenge = next(c for c in current_release().challenges.values() if c.type == "qcu")
    page = client.get(f"/preview/{challenge.id}?locale=fr").content.decode()
    assert 'class="challenge__instruction" lang="fr"' in page
    form = re.search(r'<form[^>]*id="challenge-form"[^>]*>', page).group(0)
    assert "lang=" not in form  # "Choose one answer", "Check this answer" are English
    assert "<legend>Choose one answer</legend>" in page


def test_lessons_are_served_in_the_learners_language(client):
    lesson = next(iter(current_release().lessons.values()))
    page = client.get(f"/lessons/{lesson.id}").content.decode()
    assert lesson.title["en"].replace("'", "&#x27;") in page
    client.cookies["django_language"] = "fr"
    page = client.get(f"/lessons/{lesson.id}").content.decode()
    assert lesson.title["fr"].replace("'", "&#x27;") in page
    assert client.get("/lessons/no-such-lesson").status_code == 404


def test_a_lesson_leads_back_to_the_page_of_octet_it_was_opened_from(client):
    lesson = next(iter(current_release().lessons.values()))
    url = f"/lessons/{lesson.id}"
    for referer, link in (
        ("http://testserver/assessments/7/checkpoint", "Back to the test"),
        ("http://testserver/tutorials/", "Back to My tutorials"),
        ("http://testserver/profile/", "Back to the previous page"),
    ):
        page = client.get(url, HTTP_REFERER=referer).content.decode()
        assert f'href="{referer}">{link}</a>' in page
    for referer in ("https://elsewhere.example/assessments/7/", f"http://testserver{url}", ""):
        page = client.get(url, HTTP_REFERER=referer).content.decode()
        assert "Back to" not in page, referer
    client.cookies["django_language"] = "fr"
    page = client.get(url, HTTP_REFERER="http://testserver/assessments/7/").content.decode()
    assert "Revenir au test" in page


def test_attachments_download_and_unknown_files_are_refused(client):
    release = current_release()
    name = release.attachments[0]
    response = client.get(f"/files/{name}")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == release.attachment_path(name).read_bytes()
    assert client.get("/files/..%2Fframework.yaml").status_code == 404
    assert client.get("/files/nothing.txt").status_code == 404


def test_text_attachments_say_they_are_utf8_so_accents_open_right_on_a_phone(client):
    """The bank's text files are UTF-8, most without a byte-order mark: a viewer told only
    "text/plain" may read "CONFIDENTIALITÉ" as "CONFIDENTIALITÃ‰"."""
    release = current_release()
    assert client.get("/files/4.2-privacy-policy-fr.txt")["Content-Type"] == (
        "text/plain; charset=utf-8"
    )
    for name in release.attachments:
        response = client.get(f"/files/{name}")
        response.close()
        content_type = response["Content-Type"]
        if content_type.startswith("text/"):
            assert content_type.endswith("; charset=utf-8"), name
            release.attachment_path(name).read_bytes().decode("utf-8")
        else:
            assert "charset" not in content_type, name
    assert client.get("/files/1.1-sleep-study-fr.pdf")["Content-Type"] == "application/pdf"


def test_scenario_injection_cannot_close_the_script_element():
    html = '<p>x</p><script type="application/json" id="octet-scenario">{"demo": 1}</script>'
    out = inject_scenario(html, {"text": "</script><script>alert(1)</script>"}, "en")
    payload = out.split('id="octet-scenario">', 1)[1].rsplit("</script>", 1)[0]
    assert "</script>" not in payload
    assert json.loads(payload.replace("<\\/", "</")) == {
        "text": "</script><script>alert(1)</script>",
        "locale": "en",
    }


def test_simulators_are_served_sandboxed_with_the_scenario(client):
    release = current_release()
    challenge = next((c for c in release.challenges.values() if c.embed), None)
    if challenge is None:
        pytest.fail("the bank has no simulator challenge")
    response = client.get(f"/simulators/{challenge.id}/en")
    assert response.status_code == 200
    assert "sandbox allow-scripts allow-forms" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert '"locale": "en"' in response.content.decode()
    assert client.get(f"/simulators/{challenge.id}/de").status_code == 404


def test_tutorials_can_be_saved_rated_and_listed(signed_in, learner):
    tutorial = next(t for t in current_release().tutorials.values() if t.locale == "en")
    signed_in.post(f"/tutorials/{tutorial.id}/save", {"next": "/tutorials/"})
    signed_in.post(f"/tutorials/{tutorial.id}/save", {"next": "/tutorials/"})  # idempotent
    signed_in.post(f"/tutorials/{tutorial.id}/rate", {"useful": "yes"})
    assert SavedTutorial.objects.filter(user=learner).count() == 1
    page = signed_in.get("/tutorials/").content.decode()
    assert tutorial.title.replace("'", "&#x27;") in page
    assert "Marked useful" in page
    signed_in.post(f"/tutorials/{tutorial.id}/save", {"action": "remove"})
    assert not SavedTutorial.objects.exists()
    # Not in the content (tests/learning/test_content_releases.py): said, nothing saved.
    assert signed_in.post("/tutorials/nope/save").url == "/tutorials/"
    assert not SavedTutorial.objects.exists()


@pytest.mark.parametrize(
    "address",
    [
        "/tutorials/a%00b/save",
        "/tutorials/a%00b/rate",
        "/competences/1.1%00/start",
        "/competences/1.1%00/reset",
    ],
)
def test_an_address_with_a_nul_character_is_refused_never_a_server_error(
    signed_in, learner, address
):
    """PostgreSQL refuses a NUL character in a query: such an id was a server error."""
    tutorial = next(t for t in current_release().tutorials.values() if t.locale == "en")
    signed_in.post(f"/tutorials/{tutorial.id}/save")
    response = signed_in.post(address, {"action": "remove", "next": "/tutorials/"})
    assert response.status_code == 400
    assert "<h1>Request not understood</h1>" in response.content.decode()
    assert SavedTutorial.objects.filter(user=learner).count() == 1


def test_the_tutorials_page_heads_its_list_with_the_tutorials_not_a_buttons_label(
    signed_in, learner
):
    """The list's heading is not the button's "Saved" (French "Enregistré", singular)."""
    page = signed_in.get("/tutorials/").content.decode()
    assert '<h2 id="saved-title">Saved tutorials</h2>' in page
    learner.language = "fr"
    learner.save(update_fields=["language"])
    page = signed_in.get("/tutorials/").content.decode()
    assert '<h2 id="saved-title">Tutos enregistrés</h2>' in page


def test_a_french_tutorial_title_keeps_its_colon_and_question_mark_on_their_line(
    signed_in, learner
):
    """A title such as "HTML et CSS : les bases" must not break before its colon on a phone."""
    titles = {"HTML et CSS : les bases", "Quel format pour quel usage ?"}
    tutorials = [
        t for t in current_release().tutorials.values() if t.locale == "fr" and t.title in titles
    ]
    assert {t.title for t in tutorials} == titles
    for tutorial in tutorials:
        signed_in.post(f"/tutorials/{tutorial.id}/save", {"next": "/tutorials/"})
    learner.language = "fr"
    learner.save(update_fields=["language"])
    page = signed_in.get("/tutorials/").content.decode()
    assert "HTML et CSS\u00a0: les bases</a>" in page
    assert "Quel format pour quel usage\u00a0?</a>" in page
    assert 'aria-label="Enregistré\u00a0: HTML et CSS\u00a0: les bases"' in page


def test_save_and_useful_sent_by_the_page_script_reply_with_the_actions_to_show_in_place(
    signed_in, learner
):
    tutorial = next(t for t in current_release().tutorials.values() if t.locale == "en")
    inline = {"HTTP_X_OCTET_INLINE": "1"}
    back = {"next": "/assessments/7/checkpoint#answer-3"}
    reply = signed_in.post(f"/tutorials/{tutorial.id}/save", back, **inline)
    assert reply.status_code == 200
    page = reply.content.decode()
    assert f'data-page="{tutorial.link}"' in page
    assert 'aria-pressed="true"' in page and 'name="action" value="remove"' in page
    assert 'value="/assessments/7/checkpoint#answer-3"' in page  # the plain forms come back there
    assert "Tutorial saved in “My tutorials”." in page
    assert SavedTutorial.objects.filter(user=learner).count() == 1
    reply = signed_in.post(f"/tutorials/{tutorial.id}/rate", {"useful": "yes", **back}, **inline)
    assert "Marked useful" in reply.content.decode()
    assert "Thank you for your feedback." in reply.content.decode()
    # Shown in place, the messages are not shown again on the next page.
    assert "Thank you" not in signed_in.get("/tutorials/").content.decode()
    # A plain form is sent back to the page it was pressed on, where that tutorial says what
    # was done, with the focus, which brings it into view (no anchor: no autofocus at one).
    reply = signed_in.post(f"/tutorials/{tutorial.id}/save", {"action": "remove", **back})
    assert reply.status_code == 302 and reply["Location"] == "/assessments/7/checkpoint"
    assert not SavedTutorial.objects.exists()
    # Not in the content: the script sends the form again the plain way, which says so.
    assert signed_in.post("/tutorials/nope/rate", **inline).status_code == 410


def test_one_lesson_reached_from_several_skills_is_one_tutorial(signed_in, learner):
    release = current_release()
    copies = defaultdict(list)
    for tutorial in release.tutorials.values():
        copies[(tutorial.link, tutorial.locale)].append(tutorial)
    french = next(
        ts
        for (link, locale), ts in copies.items()
        if locale == "fr" and len(ts) >= 2 and link.startswith("lesson:")
    )
    first, second = french[0], french[1]
    [english] = copies[(first.link, "en")][:1]
    signed_in.post(f"/tutorials/{first.id}/save", {"next": "/tutorials/"})  # saved in French
    page = signed_in.get("/tutorials/").content.decode()  # the learner reads English
    assert page.count(f'href="/lessons/{first.lesson_id}"') == 1
    assert escape(english.title) in page and escape(first.title) not in page
    # Shown as saved wherever another skill offers it; unsaved from any of its copies.
    assert {first.id, second.id, english.id} <= selectors.saved_tutorial_ids(learner)
    signed_in.post(f"/tutorials/{english.id}/save", {"action": "remove"})
    assert not SavedTutorial.objects.exists()


def test_a_saved_lesson_keeps_the_title_it_was_saved_under(signed_in):
    """A lesson offered by several skills has a title for each: "My tutorials" lists the one the
    learner saved (or its own translation), not another skill's title for the same page."""
    release = current_release()
    copies = defaultdict(list)
    for tutorial in release.tutorials.values():
        copies[(tutorial.link, tutorial.locale)].append(tutorial)
    english = next(
        ts
        for (link, locale), ts in copies.items()
        if locale == "en" and link.startswith("lesson:") and len({t.title for t in ts}) >= 2
    )
    other, saved = english[0], english[-1]
    assert other.title != saved.title
    signed_in.post(f"/tutorials/{saved.id}/save", {"next": "/tutorials/"})
    page = signed_in.get("/tutorials/").content.decode()
    assert escape(saved.title) in page and escape(other.title) not in page
    # Saved from its French version, it is listed under that skill's English title.
    signed_in.post(f"/tutorials/{saved.id}/save", {"action": "remove"})
    [french] = [t for t in copies[(saved.link, "fr")] if t.skill_id == saved.skill_id]
    signed_in.post(f"/tutorials/{french.id}/save", {"next": "/tutorials/"})
    page = signed_in.get("/tutorials/").content.decode()
    assert escape(saved.title) in page and escape(other.title) not in page


def test_a_tutorial_named_after_its_source_does_not_repeat_the_name(signed_in):
    """A site's home page is named after the site ("CNIL"): "CNIL · 10 min", not "CNIL · CNIL"."""
    tutorial = next(t for t in current_release().tutorials.values() if t.title == t.source_name)
    signed_in.post(f"/tutorials/{tutorial.id}/save", {"next": "/tutorials/"})
    page = signed_in.get("/tutorials/").content.decode()
    item = page[page.index(f'href="{tutorial.link}"') :]
    item = item[: item.index("</li>")]
    assert "min</span>" in item  # its length is still said
    assert f"· {escape(tutorial.source_name)} ·" not in item
    other = next(t for t in current_release().tutorials.values() if t.title != t.source_name)
    signed_in.post(f"/tutorials/{other.id}/save", {"next": "/tutorials/"})
    assert f"· {escape(other.source_name)} ·" in signed_in.get("/tutorials/").content.decode()


def test_recommended_tutorials_list_each_page_once(signed_in):
    finish_test(signed_in, start(signed_in, "4.1"), right=False)
    page = signed_in.get("/tutorials/").content.decode()
    links = re.findall(r'<a href="([^"]+)"[^>]*lang=', page)
    assert links and len(links) == len(set(links))


def test_export_contains_the_learning_data_and_deletion_erases_it(signed_in, learner, password):
    assessment_id = start(signed_in)
    finish_test(signed_in, assessment_id, right=False)
    answered = Assessment.objects.get(pk=assessment_id).answers.first().challenge_id
    signed_in.post(
        f"/assessments/{assessment_id}/report",
        {"challenge_id": answered, "category": "other", "comment": "my phone is 0601"},
    )
    data = json.loads(signed_in.get("/account/export").content)
    learning = data["learning"]
    assert learning["assessments"][0]["competence"] == "1.1"
    assert learning["assessments"][0]["answers"]
    assert learning["knowledge_elements"]
    assert learning["problem_reports"][0]["comment"] == "my phone is 0601"

    signed_in.post("/account/delete", {"password": password})
    assert not Assessment.objects.exists()
    assert not KnowledgeElement.objects.exists()
    report = ProblemReport.objects.get()
    assert report.user is None and report.comment == ""


def test_export_reads_without_the_bank_and_holds_every_rating(signed_in, learner):
    release = current_release()
    assessment_id = start(signed_in, "1.1")
    challenge = current_challenge(assessment_id)
    signed_in.post(f"/assessments/{assessment_id}/answer", form_for(challenge, "en", right=True))
    tutorials = [t for t in release.tutorials.values() if t.locale == "en"][:2]
    signed_in.post(f"/tutorials/{tutorials[0].id}/rate", {"useful": "yes"})
    signed_in.post(f"/tutorials/{tutorials[1].id}/rate", {"useful": "no"})
    data = json.loads(signed_in.get("/account/export").content)["learning"]
    [test] = data["assessments"]
    assert test["competence_name"] == release.competences["1.1"].name["en"]
    assert test["language"] == "en"
    [answer] = test["answers"]
    # A choice is exported in its words, not only as its number in the list.
    assert answer["answer_text"] == describe_answer(challenge, "en", answer["answer"])
    assert answer["answer_text"] and all(line.strip() for line in answer["answer_text"])
    assert answer["question_in_content"] is True
    assert data["useful_tutorials"] == [tutorials[0].id]
    assert data["not_useful_tutorials"] == [tutorials[1].id]


def test_warm_up_renders_every_challenge_before_the_first_request():
    from octet.core.domain.markdown import render
    from octet.learning.selectors import challenge_display
    from octet.learning.warmup import warm_up

    release = current_release()
    expected = sum(len(c.locales) for c in release.challenges.values() if c.validated)
    assert warm_up() == expected
    challenge = next(iter(release.challenges.values()))
    misses = render.cache_info().misses
    challenge_display(challenge, challenge.locales[0], seed=12345)  # another learner's order
    assert render.cache_info().misses == misses
    # Every competence's engine test is prepared too: the first answer finds it built.
    from octet.learning.domain import bank

    assert {(release.version, c) for c in release.competences} <= set(bank._banks)


def test_typed_answers_are_left_as_typed_by_phone_keyboards(client, django_user_model):
    # A phone keyboard must not capitalise, autocorrect or spell-check an answer (that would
    # hint at the spelling, or change "https://" into "Https://"); nor may the browser offer
    # the answers another pupil typed on a shared device.
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    release = current_release()
    for kind in ("qroc", "numeric", "qrocm-ind"):
        challenge = next(c for c in release.challenges.values() if c.type == kind)
        page = client.get(f"/preview/{challenge.id}?locale=fr").content.decode()
        inputs = re.findall(r'<input id="(?:answer-input|field-[^"]+)"[^>]*>', page)
        assert inputs, kind
        for tag in inputs:
            for attribute in (
                'autocomplete="off"',
                'autocapitalize="none"',
                'autocorrect="off"',
                'spellcheck="false"',
            ):
                assert attribute in tag, (kind, tag)
