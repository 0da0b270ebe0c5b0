"""The content authors read the learners' problem reports in the Django admin, in French too."""

import pytest

from octet.learning.models import ProblemReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_admin(client, django_user_model):
    author = django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language="fr"
    )
    client.force_login(author)
    return client


def test_the_reports_list_names_its_columns_and_filters_in_french(french_admin):
    ProblemReport.objects.create(
        challenge_id="some-question", locale="en", category="answer", comment="accepted?"
    )
    page = french_admin.get("/admin/learning/problemreport/").content.decode()
    assert "Sélectionnez l’objet signalement à changer" in page
    assert "1 signalement" in page
    for heading in ("Signalé le", "Question", "Langue de la question", "Problème", "Commentaire"):
        assert f">{heading}<" in page, heading
    assert "Par problème" in page and "Par langue de la question" in page
    assert "problem report" not in page and "Par category" not in page


def test_a_report_reads_in_french(french_admin):
    report = ProblemReport.objects.create(challenge_id="q", locale="fr", category="other")
    page = french_admin.get(f"/admin/learning/problemreport/{report.pk}/change/").content.decode()
    assert "Apprenant" in page and "Signalé le" in page
    assert "Challenge id" not in page
