import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

VALID = {
    "first_name": "Amina",
    "last_name": "Diallo",
    "email": "Amina.Diallo@Example.org",
    "password": "Strong-Pass9",
    "accept_terms": "on",
}


def test_sign_up_creates_an_account_signs_in_and_records_the_terms(client, settings):
    response = client.post("/account/sign-up", VALID)
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == "amina.diallo@example.org"
    assert user.username == "amina.diallo"
    assert user.terms_version == settings.OCTET_TERMS_VERSION
    assert user.terms_accepted_at is not None
    assert user.password.startswith("argon2")
    assert client.get("/account/").status_code == 200


def test_second_person_with_the_same_name_gets_another_username(client):
    client.post("/account/sign-up", VALID)
    client.post("/account/sign-out")
    client.post("/account/sign-up", {**VALID, "email": "other@example.org"})
    assert sorted(get_user_model().objects.values_list("username", flat=True)) == [
        "amina.diallo",
        "amina.diallo2",
    ]


def test_duplicate_email_is_refused_whatever_its_case_and_keeps_what_was_typed(client):
    client.post("/account/sign-up", VALID)
    client.post("/account/sign-out")
    # Another password: with the same one, moments after, it is the same sign-up sent twice
    # (tests/accounts/test_sent_twice.py).
    again = {**VALID, "email": "AMINA.DIALLO@example.org", "password": "Other-Pass22"}
    response = client.post("/account/sign-up", again)
    assert response.status_code == 400
    page = response.content.decode()
    assert "An account already uses this e-mail address" in page
    assert 'value="Amina"' in page
    assert "Other-Pass22" not in page
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short1a", "at least 8 characters"),
        ("alllowercase1", "an upper-case letter, a lower-case letter and a digit"),
        ("NoDigitsHere", "an upper-case letter, a lower-case letter and a digit"),
        ("Password123", "too common"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(client, password, message):
    response = client.post("/account/sign-up", {**VALID, "password": password})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not get_user_model().objects.exists()


def test_terms_must_be_accepted(client):
    data = {k: v for k, v in VALID.items() if k != "accept_terms"}
    response = client.post("/account/sign-up", data)
    assert response.status_code == 400
    assert "You must accept the terms of use" in response.content.decode()


def test_errors_are_shown_in_french_for_a_french_speaker(client):
    client.cookies["django_language"] = "fr"
    response = client.post("/account/sign-up", {**VALID, "email": "not-an-email"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide." in page
    assert "Veuillez corriger les erreurs ci-dessous." in page


def test_sign_up_in_french_saves_french_on_the_account(client):
    client.cookies["django_language"] = "fr"
    client.post("/account/sign-up", VALID)
    assert get_user_model().objects.get().language == "fr"


def test_huge_and_strange_input_is_refused_cleanly(client):
    response = client.post(
        "/account/sign-up",
        {**VALID, "first_name": "x" * 10_000, "last_name": "\u202e\u0000", "email": "@" * 500},
    )
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    "name", ["Amina\x1b[31m", "Ami\tna", "Amina\u202egnp.exe", "Ami\x07na", "Ami\x85na"]
)
def test_a_name_with_control_characters_is_refused_and_kept_to_correct(client, name):
    response = client.post("/account/sign-up", {**VALID, "first_name": name})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This name contains invisible control characters" in page
    assert 'value="Diallo"' in page  # what was typed in the other fields stays
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize("name", ["محمد", "Zoë 😀", "می\u200cخواهم", "👩\u200d💻", "Jean-Loup"])
def test_names_in_any_script_or_with_emoji_are_accepted(client, name):
    response = client.post("/account/sign-up", {**VALID, "first_name": name})
    assert response.status_code == 302
    assert get_user_model().objects.get().first_name == name


@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "Enter a valid e-mail address."), ("fr", "Saisissez une adresse e-mail valide.")],
)
def test_an_invalid_email_address_is_refused_in_octets_words(client, language, message):
    client.cookies["django_language"] = language
    response = client.post("/account/sign-up", {**VALID, "email": "amina.diallo@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "courriel" not in page
    assert "email address" not in page


def test_names_without_latin_letters_get_a_numbered_username_in_one_query(
    client, django_assert_num_queries
):
    from octet.accounts.services import _free_username

    User = get_user_model()
    User.objects.bulk_create(
        User(username=f"learner{n}", email=f"l{n}@example.org") for n in range(1, 60)
    )
    response = client.post(
        "/account/sign-up",
        {**VALID, "first_name": "محمد", "last_name": "علي", "email": "m@example.org"},
    )
    assert response.status_code == 302
    assert re.fullmatch(r"learner\d{6}", User.objects.get(email="m@example.org").username)
    # Counting up from "learner2" would have asked once per person already signed up.
    with django_assert_num_queries(1):
        assert re.fullmatch(r"learner\d{6}", _free_username("learner"))


def test_a_shared_name_takes_the_next_free_number_whatever_its_case(django_assert_num_queries):
    from octet.accounts.services import _free_username

    User = get_user_model()
    User.objects.create(username="Amina.Diallo", email="a1@example.org")
    User.objects.bulk_create(
        User(username=f"amina.diallo{n}", email=f"a{n}@example.org") for n in range(2, 26)
    )
    with django_assert_num_queries(2):  # 20 names a query
        assert _free_username("amina.diallo") == "amina.diallo26"


def test_a_username_taken_meanwhile_by_someone_of_the_same_name_is_not_an_email_error(
    client, monkeypatch
):
    # Two Amina Diallo signing up at the same moment both find "amina.diallo2" free; the one
    # who saves second must get "amina.diallo3", not "this e-mail address is already used".
    from octet.accounts import services

    User = get_user_model()
    User.objects.create(username="amina.diallo", email="first@example.org")
    real = services._free_username
    answers = iter(["amina.diallo"])  # what a sign-up that looked a moment earlier found free
    monkeypatch.setattr(services, "_free_username", lambda base: next(answers, None) or real(base))
    response = client.post("/account/sign-up", VALID)
    assert response.status_code == 302
    assert User.objects.get(email="amina.diallo@example.org").username == "amina.diallo2"
