"""The content authors read the learners' problem reports in the Django admin, in French too."""

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from octet.learning.models import Assessment, ProblemReport

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
    # each filter's title reads as a phrase after Django's "Par"
    assert "Par présence dans les contenus" in page and "Par date du signalement" in page
    assert "Par dans les contenus" not in page and "Par signalé le" not in page
    assert "Des mots de l'identifiant de la question ou du commentaire." in html.unescape(page)


@pytest.mark.parametrize(
    "language, name, other", [("fr", "Anglais", "Français"), ("en", "English", "French")]
)
def test_the_language_of_a_question_is_named_in_the_authors_language(
    client, django_user_model, language, name, other
):
    author = django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language=language
    )
    client.force_login(author)
    report = ProblemReport.objects.create(challenge_id="q", locale="en", category="other")
    changelist = client.get("/admin/learning/problemreport/").content.decode()
    assert f'<td class="field-locale">{name}</td>' in changelist
    assert f">{other}</a>" in changelist  # the filter offers the other language by name too
    page = client.get(f"/admin/learning/problemreport/{report.pk}/change/").content.decode()
    assert f'<div class="readonly">{name}</div>' in page


def test_a_report_reads_in_french(french_admin):
    report = ProblemReport.objects.create(challenge_id="q", locale="fr", category="other")
    page = french_admin.get(f"/admin/learning/problemreport/{report.pk}/change/").content.decode()
    assert "Signalé le" in page and "Traité" in page and "Aperçu" in page
    assert "Challenge id" not in page
    assert "<h2>q: Autre chose</h2>" in page  # the problem in words, not its code "other"


@pytest.fixture
def report_by_a_learner(django_user_model):
    learner = django_user_model.objects.create_user(
        "lea.m", "lea.m@example.org", "Learner-Pass1", first_name="Léa", last_name="Martinez"
    )
    assessment = Assessment.objects.create(user=learner, competence_id="1.1", seed=1)
    return ProblemReport.objects.create(
        user=learner,
        assessment=assessment,
        challenge_id="searchKeywords1-pool",
        locale="en",
        category="answer",
        comment="I typed Leeds pool hours",
    )


def test_an_author_sees_the_report_but_not_who_sent_it(french_admin, report_by_a_learner):
    pages = [
        french_admin.get("/admin/learning/problemreport/").content.decode(),
        french_admin.get(
            f"/admin/learning/problemreport/{report_by_a_learner.pk}/change/"
        ).content.decode(),
    ]
    for page in pages:
        assert "searchKeywords1-pool" in page and "I typed Leeds pool hours" in page
        learner, test = report_by_a_learner.user, report_by_a_learner.assessment
        for personal in (
            "Martinez",
            "lea.m",
            f"/admin/accounts/user/{learner.pk}/",
            f"/admin/learning/assessment/{test.pk}/",
        ):
            assert personal not in page, personal
    # the change page opens the challenge in the reported language
    assert 'href="/preview/searchKeywords1-pool?locale=en"' in pages[1]


def test_an_author_marks_reports_handled_and_filters_the_open_ones(french_admin):
    fixed = ProblemReport.objects.create(challenge_id="fixed-one", locale="fr", category="other")
    ProblemReport.objects.create(challenge_id="still-open", locale="fr", category="other")
    changelist = "/admin/learning/problemreport/"
    assert (
        "Marquer les signalements choisis comme traités"
        in french_admin.get(changelist).content.decode()
    )

    response = french_admin.post(
        changelist, {"action": "mark_handled", "_selected_action": [fixed.pk]}
    )

    assert response.status_code == 302
    fixed.refresh_from_db()
    assert fixed.handled
    open_ones = french_admin.get(response.url).content.decode()
    # the report left the list: the page says it was marked, rather than nothing at all
    assert "1 signalement marqué comme traité." in open_ones.replace("\xa0", " ")
    open_ones = french_admin.get(changelist, {"handled__exact": "0"}).content.decode()
    assert "still-open" in open_ones and "fixed-one" not in open_ones
    assert "Par traité" in open_ones


def test_an_author_reopens_reports_and_is_told_how_many(client, django_user_model):
    author = django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language="en"
    )
    client.force_login(author)
    reports = [
        ProblemReport.objects.create(
            challenge_id=f"q{i}", locale="fr", category="other", handled=True
        )
        for i in range(2)
    ]

    response = client.post(
        "/admin/learning/problemreport/",
        {"action": "mark_open", "_selected_action": [r.pk for r in reports]},
        follow=True,
    )

    assert "2 reports open again." in response.content.decode().replace("\xa0", " ")
    assert not ProblemReport.objects.filter(handled=True).exists()


def test_the_list_opens_a_served_question_in_the_language_it_was_reported_in(french_admin):
    ProblemReport.objects.create(
        challenge_id="searchKeywords1-pool", locale="en", category="answer"
    )
    ProblemReport.objects.create(challenge_id="gone-since", locale="fr", category="other")
    changelist = french_admin.get("/admin/learning/problemreport/").content.decode()
    assert (
        '<td class="field-question"><a href="/preview/searchKeywords1-pool?locale=en">'
        "searchKeywords1-pool</a></td>" in changelist
    )
    # a question no longer served has no page to open: its id alone, no link to an error
    assert '<td class="field-question">gone-since</td>' in changelist
    assert "/preview/gone-since" not in changelist


def test_an_author_cannot_make_up_a_report(french_admin):
    assert french_admin.get("/admin/learning/problemreport/add/").status_code == 403


def test_an_author_finds_the_reports_of_the_last_days(french_admin):
    old = ProblemReport.objects.create(challenge_id="last-year", locale="fr", category="other")
    ProblemReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    ProblemReport.objects.create(challenge_id="this-week", locale="fr", category="other")
    changelist = french_admin.get("/admin/learning/problemreport/").content.decode()
    assert "Par date du signalement" in changelist and "Les 7 derniers jours" in changelist
    link = re.search(r'<a href="(\?[^"]*)"[^>]*>Les 7 derniers jours</a>', changelist)
    recent = french_admin.get(
        "/admin/learning/problemreport/" + html.unescape(link.group(1))
    ).content.decode()
    assert "this-week" in recent and "last-year" not in recent


def test_the_list_cuts_a_long_comment_and_keeps_handled_in_view(french_admin):
    beginning = "Ma réponse était correcte mais elle a été refusée, "
    ending = "et voici la fin du commentaire"
    report = ProblemReport.objects.create(
        challenge_id="long-one", locale="fr", category="answer", comment=beginning * 6 + ending
    )
    changelist = french_admin.get("/admin/learning/problemreport/").content.decode()
    assert beginning in changelist and "…" in changelist
    assert ending not in changelist
    headings = re.findall(r'<th scope="col" class="[^"]*column-(\w+)', changelist)
    assert headings.index("handled") < headings.index("short_comment"), headings
    whole = french_admin.get(f"/admin/learning/problemreport/{report.pk}/change/")
    assert ending in whole.content.decode()


def test_a_staff_user_who_may_only_look_cannot_mark_a_report_handled(client, django_user_model):
    reader = django_user_model.objects.create_user(
        "reader", "reader@example.org", "Reader-Pass1", is_staff=True, language="en"
    )
    reader.user_permissions.add(Permission.objects.get(codename="view_problemreport"))
    client.force_login(reader)
    report = ProblemReport.objects.create(challenge_id="q", locale="fr", category="other")
    changelist = "/admin/learning/problemreport/"
    assert "Mark the selected reports as handled" not in client.get(changelist).content.decode()

    client.post(changelist, {"action": "mark_handled", "_selected_action": [report.pk]})

    report.refresh_from_db()
    assert not report.handled
