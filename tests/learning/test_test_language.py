"""A test stays in the language it was started in; the interface may switch around it."""

import pytest

from octet.content.domain.release import current_release
from octet.learning.models import Assessment
from tests.learning.helpers import answer_current, finish_test, start

pytestmark = pytest.mark.django_db

NOTICE_EN = "This test goes on in French, the language it was started in"
NOTICE_FR = "Ce test se poursuit en anglais, la langue dans laquelle vous l'avez commencé"


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def switch(client, language: str) -> None:
    client.post("/language", {"language": language, "next": "/"})


def test_after_switching_language_a_test_says_it_goes_on_in_its_own(signed_in):
    switch(signed_in, "fr")
    assessment_id = start(signed_in, "1.1")
    assert Assessment.objects.get(pk=assessment_id).locale == "fr"
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert "Ce test se poursuit" not in page  # same language: nothing to say
    switch(signed_in, "en")
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert NOTICE_EN in page
    # The interface, competence name included, is English; the question says it is French.
    competence = current_release().competences["1.1"]
    assert competence.name["en"] in page.replace("&#x27;", "'")
    assert '<div class="challenge__instruction" lang="fr">' in page
    # The corrections too: their texts are marked French on an English page.
    for _ in range(5):
        answer_current(signed_in, assessment_id)
    page = signed_in.get(f"/assessments/{assessment_id}/checkpoint").content.decode()
    assert NOTICE_EN in page
    assert '<div class="correction__instruction" lang="fr">' in page
    assert '<html lang="en">' in page


def test_the_notice_speaks_the_interface_language(signed_in):
    switch(signed_in, "en")
    assessment_id = start(signed_in, "1.1")
    switch(signed_in, "fr")
    page = signed_in.get(f"/assessments/{assessment_id}/").content.decode()
    assert NOTICE_FR in page


def test_the_results_say_in_which_language_the_test_was_taken(signed_in):
    switch(signed_in, "fr")
    assessment_id = start(signed_in, "1.1")
    finish_test(signed_in, assessment_id)
    switch(signed_in, "en")
    page = signed_in.get(f"/assessments/{assessment_id}/results").content.decode()
    assert "This test was taken in French" in page
    assert "goes on" not in page
