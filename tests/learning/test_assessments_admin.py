"""Support and the content authors look at tests in the Django admin: the least personal data
they need (the account's number, no name, no answer's content), and nothing they can change."""

import pytest

from octet.accounts.models import SignInThrottle
from octet.learning.models import Answer, Assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def test_taken(django_user_model):
    learner = django_user_model.objects.create_user(
        "lea.m", "Lea.M@example.org", "Learner-Pass1", first_name="Léa", last_name="Martinez"
    )
    assessment = Assessment.objects.create(
        user=learner, competence_id="1.1", seed=1, locale="fr", answer_count=1
    )
    Answer.objects.create(
        assessment=assessment,
        challenge_id="searchKeywords1-pool",
        skill_id="searchKeywords1",
        value={"answer": "my secret reply Zanzibar"},
        outcome="ko",
        release="r1",
        engine_version="1.3.0",
        difficulty=1.0,
        discrimination=1.0,
    )
    return assessment


@pytest.fixture
def support(staff_with):
    return staff_with("view_assessment")


@pytest.mark.parametrize(("who", "wrong"), [("superuser", "faux"), ("support", "wrong")])
def test_a_test_shows_the_account_number_and_outcomes_not_the_name_or_the_answer(
    who, wrong, request, test_taken
):
    client = request.getfixturevalue(who)
    pages = [
        client.get("/admin/learning/assessment/"),
        client.get(f"/admin/learning/assessment/{test_taken.pk}/change/"),
    ]
    for response in pages:
        assert response.status_code == 200
        page = response.content.decode()
        assert f">{test_taken.user_id}<" in page
        learner_page = f"/admin/accounts/user/{test_taken.user_id}/"
        for personal in ("Martinez", "Léa", "lea.m", "Zanzibar", learner_page):
            assert personal not in page, personal
    change = pages[1].content.decode()
    assert "searchKeywords1-pool" in change and f"<p>{wrong}</p>" in change


@pytest.mark.parametrize("who", ["superuser", "support"])
def test_support_finds_a_learners_tests_by_their_whole_email_address(who, request, test_taken):
    client = request.getfixturevalue(who)
    found = client.get("/admin/learning/assessment/", {"q": "lea.m@EXAMPLE.org"}).content.decode()
    assert f"/admin/learning/assessment/{test_taken.pk}/change/" in found
    partial = client.get("/admin/learning/assessment/", {"q": "example.org"}).content.decode()
    assert f"/admin/learning/assessment/{test_taken.pk}/change/" not in partial


def test_nobody_edits_or_deletes_a_learners_test_or_answers(superuser, test_taken):
    url = f"/admin/learning/assessment/{test_taken.pk}/change/"
    page = superuser.get(url).content.decode()
    assert 'name="_save"' not in page and 'name="state"' not in page
    assert 'name="answers-0-outcome"' not in page
    response = superuser.post(url, {"state": "completed", "competence_id": "5.5"})
    assert response.status_code == 403
    test_taken.refresh_from_db()
    assert (test_taken.state, test_taken.competence_id) == ("started", "1.1")
    assert superuser.get(f"/admin/learning/assessment/{test_taken.pk}/delete/").status_code == 403
    assert superuser.get("/admin/learning/assessment/add/").status_code == 403


def test_the_tests_and_sign_in_failures_read_in_french(superuser, test_taken):
    index = superuser.get("/admin/").content.decode()
    assert ">Tests<" in index and ">Échecs de connexion<" in index
    assert "Assessments" not in index and "Sign in throttles" not in index
    changelist = superuser.get("/admin/learning/assessment/").content.decode()
    for heading in ("Compte", "Compétence", "État", "Réponses", "Commencé le", "Terminé le"):
        assert f">{heading}<" in changelist, heading
    change = superuser.get(f"/admin/learning/assessment/{test_taken.pk}/change/").content.decode()
    for heading in ("Question", "Résultat", "Temps passé (secondes)", "Version du moteur"):
        assert heading in change, heading
    for english in ("Competence id", "Challenge id", "Outcome", "Time spent", "Answer count"):
        assert english not in change + changelist, english
    SignInThrottle.objects.create(identifier="lea.m", failures=2)
    throttles = superuser.get("/admin/accounts/signinthrottle/").content.decode()
    assert "Identifiant</a>" in throttles and "Dernier échec</a>" in throttles
