import re
from datetime import UTC, datetime

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "accepted"),
    [("en", "version 2026-11, on 3 December 2026"), ("fr", "version 2026-11, le 3 décembre 2026")],
)
def test_account_page_writes_dates_with_the_month_in_words(
    client, learner, password, language, accepted
):
    learner.language = language
    learner.terms_accepted_at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    learner.save()
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    page = client.get("/account/").content.decode()
    assert accepted in page
    assert "12/03/2026" not in page
    assert "03/12/2026" not in page


@pytest.mark.parametrize(
    ("address", "form"),
    [
        ("/account/details", {"first_name": "Léo", "last_name": "M", "email": "x@example.org"}),
        ("/account/password", {"old_password": "a", "new_password1": "b", "new_password2": "b"}),
    ],
)
def test_a_form_sent_once_signed_out_says_on_the_sign_in_page_that_nothing_was_done(
    client, learner, password, address, form
):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    client.logout()  # signed out in another tab, or the session expired
    client.cookies["django_language"] = "fr"
    response = client.post(address, form, follow=True)
    page = response.content.decode()
    assert response.redirect_chain == [(f"/account/sign-in?next={address}", 302)]
    assert "Votre session avait pris fin, donc rien n'a été fait." in page.replace("&#x27;", "'")
    learner.refresh_from_db()
    assert learner.first_name == "Léa"  # nothing was changed


def test_a_deletion_sent_twice_does_not_say_afterwards_that_nothing_was_done(
    client, learner, password
):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    shown = client.get("/account/delete").content.decode()
    form = {"password": password, "account": re.search(r'name="account" value="([^"]+)"', shown)[1]}
    client.post("/account/delete", form)
    page = client.post("/account/delete", form, follow=True).content.decode()
    assert "nothing was done" not in page
    assert "Your account and your personal data have been deleted." in page


def test_staff_find_the_preview_and_the_admin_from_their_account_page_learners_do_not(
    client, learner, password, django_user_model
):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    page = client.get("/account/").content.decode()
    assert 'href="/preview/"' not in page
    assert 'href="/admin/"' not in page
    client.force_login(
        django_user_model.objects.create_user(
            "ed", "ed@example.org", password, is_staff=True, language="en"
        )
    )
    page = client.get("/account/").content.decode()
    assert '<a href="/preview/">Preview the challenges</a>' in page
    assert '<a href="/admin/">Administration: problem reports and accounts</a>' in page
