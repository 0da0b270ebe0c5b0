"""A person corrects their name and e-mail address from the account page."""

import pytest

from octet.accounts import services
from octet.accounts.selectors import throttle_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    return client


def _details(**changes):
    data = {"first_name": "Léa", "last_name": "Martin", "email": "lea@example.org", "password": ""}
    data.update(changes)
    return data


def test_the_account_page_links_to_the_form_filled_with_the_current_details(signed_in):
    assert 'href="/account/details"' in signed_in.get("/account/").content.decode()
    page = signed_in.get("/account/details").content.decode()
    assert 'value="Léa"' in page and 'value="Martin"' in page
    assert 'value="lea@example.org"' in page
    assert "Your username, lea.martin, stays the same" in page


def test_a_name_is_corrected_without_the_password(signed_in, learner):
    response = signed_in.post("/account/details", _details(last_name="  Martin-Dupont "))
    assert response.status_code == 302 and response["Location"] == "/account/"
    learner.refresh_from_db()
    assert learner.get_full_name() == "Léa Martin-Dupont"
    assert learner.username == "lea.martin"
    page = signed_in.get("/account/").content.decode()
    assert "Your details have been saved." in page
    assert "Léa Martin-Dupont" in page


def test_a_new_e_mail_address_needs_the_right_password(signed_in, learner, password):
    response = signed_in.post("/account/details", _details(email="lea.m@example.org"))
    assert response.status_code == 400
    assert "Type your password to change your e-mail address." in response.content.decode()
    response = signed_in.post(
        "/account/details", _details(email="lea.m@example.org", password="wrong-Pass1")
    )
    assert "The password is incorrect." in response.content.decode()
    learner.refresh_from_db()
    assert learner.email == "lea@example.org"

    response = signed_in.post(
        "/account/details", _details(email=" Lea.M@Example.org ", password=password)
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email == "lea.m@example.org"
    # The new address signs in; the username still does.
    signed_in.post("/account/sign-out")
    response = signed_in.post(
        "/account/sign-in", {"login": "lea.m@example.org", "password": password}
    )
    assert response.status_code == 302


def test_an_address_another_account_uses_is_refused_and_nothing_is_saved(
    signed_in, learner, password
):
    services.sign_up(
        first_name="Tom",
        last_name="Evans",
        email="tom@example.org",
        password=password,
        language="en",
    )
    response = signed_in.post(
        "/account/details",
        _details(first_name="Léonie", email="TOM@example.org", password=password),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Another account already uses this e-mail address." in page
    # What was typed stays in the form; nothing is saved.
    assert 'value="Léonie"' in page
    learner.refresh_from_db()
    assert (learner.first_name, learner.email) == ("Léa", "lea@example.org")


def test_an_empty_name_or_address_is_refused_in_the_person_s_language(signed_in, learner):
    learner.language = "fr"
    learner.save()
    response = signed_in.post("/account/details", _details(first_name="   ", email=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Ce champ est obligatoire.") == 2
    learner.refresh_from_db()
    assert learner.first_name == "Léa"


def test_a_name_with_control_characters_is_refused_in_the_person_s_language(signed_in, learner):
    learner.language = "fr"
    learner.save()
    response = signed_in.post("/account/details", _details(last_name="Mar\x08tin\u202e"))
    assert response.status_code == 400
    assert "Ce nom contient des caractères de contrôle invisibles" in response.content.decode()
    learner.refresh_from_db()
    assert learner.last_name == "Martin"


def test_unchanged_details_say_so(signed_in):
    response = signed_in.post("/account/details", _details(), follow=True)
    assert "Nothing to save: your details are unchanged." in response.content.decode()


def test_the_same_address_in_other_capitals_is_not_a_change(signed_in, learner):
    response = signed_in.post("/account/details", _details(email="LEA@example.org"))
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email == "lea@example.org"


def test_an_account_without_an_address_may_stay_without_one(signed_in, learner):
    learner.email = None
    learner.save()
    response = signed_in.post("/account/details", _details(email="", first_name="Lea"))
    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.first_name, learner.email) == ("Lea", None)


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/account/details")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in")


def test_a_person_asks_for_twice_as_long_on_timed_questions(signed_in, learner):
    # The profile's help on levels says where to ask.
    assert 'ask for twice as long in <a href="/account/details">' in (
        signed_in.get("/profile/").content.decode()
    )
    assert "usual time" in signed_in.get("/account/").content.decode()
    response = signed_in.post("/account/details", _details(extra_time="on"))
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.extra_time is True
    assert "twice as long" in signed_in.get("/account/").content.decode()
    assert signed_in.get("/account/export").json()["account"]["extra_time"] is True
    # Unticked, it goes back to the usual time.
    signed_in.post("/account/details", _details())
    learner.refresh_from_db()
    assert learner.extra_time is False


def test_a_password_typed_to_confirm_is_throttled_like_a_sign_in(signed_in, learner, password):
    """A session left open on a shared computer is no way to guess the password: confirmations
    count with the sign-in failures, and the account locks as it would at sign-in."""
    for _ in range(2):  # typos cost nothing
        response = signed_in.post("/account/delete", {"password": "wrong-Pass1"})
        assert "The password is incorrect." in response.content.decode()
    response = signed_in.post("/account/delete", {"password": "wrong-Pass1"})
    assert "Too many failed attempts. Wait" in response.content.decode()
    # Even the right password must wait, here or on the e-mail change.
    response = signed_in.post(
        "/account/details", _details(email="lea.m@example.org", password=password)
    )
    assert "Too many failed attempts. Wait" in response.content.decode()
    learner.refresh_from_db()
    assert learner.email == "lea@example.org"


def test_a_right_confirmation_forgets_the_earlier_typos(signed_in, learner, password):
    signed_in.post("/account/delete", {"password": "wrong-Pass1"})
    signed_in.post("/account/delete", {"password": "wrong-Pass1"})
    response = signed_in.post(
        "/account/details", _details(email="lea.m@example.org", password=password)
    )
    assert response.status_code == 302
    assert throttle_for("lea.martin") is None
