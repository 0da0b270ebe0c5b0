from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from octet.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db


def sign_in(client, login, password):
    return client.post("/account/sign-in", {"login": login, "password": password})


@pytest.fixture
def clock(monkeypatch):
    """A frozen `timezone.now` that a test moves forward."""

    class Clock:
        now = timezone.now()

        def advance(self, **delta):
            self.now += timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


def fail_until_locked(client, login, clock, settings):
    """Wrong passwords typed with `login`, each after the previous wait, up to the lock."""
    for _ in range(settings.OCTET_SIGN_IN_LOCK_AFTER):
        response = sign_in(client, login, "Wrong-Pass1")
        assert response.status_code == 400
        clock.advance(minutes=2)  # longer than any wait before the lock


def errors(response) -> list[str]:
    return list(response.context["form"].non_field_errors())


def test_sign_in_by_email_or_username_in_any_case(client, learner, password):
    for login in ("lea@example.org", "LEA@EXAMPLE.ORG", "lea.martin", "Lea.Martin"):
        response = sign_in(client, login, password)
        assert response.status_code == 302, login
        assert response["Location"] == "/profile/"
        client.post("/account/sign-out")


def test_sign_in_goes_back_to_a_safe_next_page_only(client, learner, password):
    response = client.post(
        "/account/sign-in",
        {"login": "lea.martin", "password": password, "next": "/account/password"},
    )
    assert response["Location"] == "/account/password"
    client.post("/account/sign-out")
    response = client.post(
        "/account/sign-in",
        {"login": "lea.martin", "password": password, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/profile/"


def test_unknown_account_and_wrong_password_have_their_own_messages(client, learner):
    response = sign_in(client, "nobody@example.org", "Whatever-1")
    assert response.status_code == 400
    assert "No account matches this e-mail address or username." in response.content.decode()
    response = sign_in(client, "lea.martin", "Wrong-Pass1")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The password is incorrect." in page
    assert 'value="lea.martin"' in page


def test_repeated_failures_slow_down_then_lock_even_the_right_password(
    client, learner, password, settings
):
    for _ in range(settings.OCTET_SIGN_IN_SLOW_AFTER):
        sign_in(client, "lea.martin", "Wrong-Pass1")
    response = sign_in(client, "lea.martin", password)
    assert response.status_code == 429
    assert (
        "Too many failed attempts. Wait 5 seconds before trying again." in response.content.decode()
    )

    # Once the wait is over, failures keep counting until the account is locked.
    record = SignInThrottle.objects.get(identifier="lea.martin")
    record.failures = settings.OCTET_SIGN_IN_LOCK_AFTER - 1
    record.last_failure_at = timezone.now() - timedelta(minutes=5)
    record.save()
    response = sign_in(client, "lea.martin", "Wrong-Pass1")
    assert "this account is locked until" in response.content.decode()
    response = sign_in(client, "lea.martin", password)
    assert response.status_code == 429
    assert "this account is locked until" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("failed_with", "then_with"),
    [
        ("lea.martin", "lea@example.org"),
        ("lea.martin", "LEA@Example.org"),
        ("lea@example.org", "lea.martin"),
        ("Lea@Example.ORG", "Lea.Martin"),
    ],
)
def test_failures_lock_the_account_whichever_identifier_is_typed(
    client, learner, password, clock, settings, failed_with, then_with
):
    fail_until_locked(client, failed_with, clock, settings)
    response = sign_in(client, then_with, password)
    assert response.status_code == 429
    assert "this account is locked until" in errors(response)[0]
    assert "_auth_user_id" not in client.session


def test_failures_with_the_username_and_the_email_add_up(client, learner, password, settings):
    for login in ("lea.martin", "lea@example.org", "LEA.MARTIN"):
        assert sign_in(client, login, "Wrong-Pass1").status_code == 400
    # The third failure on the account, whatever was typed, starts the wait.
    response = sign_in(client, "lea@example.org", password)
    assert response.status_code == 429
    assert errors(response) == ["Too many failed attempts. Wait 5 seconds before trying again."]


def test_an_identifier_matching_no_account_is_throttled_like_an_account(
    client, learner, password, clock, settings
):
    start = clock.now
    fail_until_locked(client, "lea.martin", clock, settings)
    account = sign_in(client, "lea@example.org", password)
    clock.now = start
    fail_until_locked(client, "nobody@example.org", clock, settings)
    unknown = sign_in(client, "NOBODY@example.org", password)
    assert unknown.status_code == account.status_code == 429
    assert errors(unknown) == errors(account)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "Too many failed attempts: this account is locked until 8:59 p.m.; "
            "try again then, or reset your password.",
        ),
        (
            "fr",
            "Trop de tentatives échouées\u00a0: ce compte est bloqué jusqu'à 20:59\u00a0; "
            "réessayez à ce moment-là, ou réinitialisez votre mot de passe.",
        ),
    ],
)
def test_lock_message_gives_the_time_without_a_double_full_stop(
    client, learner, password, clock, settings, language, message
):
    settings.TIME_ZONE = "Europe/Paris"
    client.cookies["django_language"] = language
    clock.now = datetime(2026, 12, 3, 19, 30, tzinfo=UTC)  # the last failure at 20:44 in Paris
    fail_until_locked(client, "lea.martin", clock, settings)
    response = sign_in(client, "lea.martin", password)
    assert errors(response) == [message]
    assert ".." not in message


def test_lock_expires_and_success_clears_the_failures(client, learner, password, settings):
    SignInThrottle.objects.create(
        identifier="lea.martin",
        failures=settings.OCTET_SIGN_IN_LOCK_AFTER,
        last_failure_at=timezone.now() - timedelta(minutes=settings.OCTET_SIGN_IN_LOCK_MINUTES + 1),
    )
    response = sign_in(client, "lea.martin", password)
    assert response.status_code == 302
    assert not SignInThrottle.objects.exists()


def test_sign_in_in_french_says_so_in_french(client, learner):
    client.cookies["django_language"] = "fr"
    response = sign_in(client, "lea.martin", "Wrong-Pass1")
    assert "Le mot de passe est incorrect." in response.content.decode()


def test_signed_in_person_sees_the_site_in_their_account_language(client, learner, password):
    learner.language = "fr"
    learner.save()
    sign_in(client, "lea.martin", password)
    page = client.get("/account/").content.decode()
    assert "Mon compte" in page


def test_sign_out_needs_a_post(client, learner, password):
    sign_in(client, "lea.martin", password)
    response = client.post("/account/sign-out")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
    assert client.get("/account/").status_code == 302


def test_opening_the_sign_out_address_leads_to_the_account_page_still_signed_in(
    client, learner, password
):
    sign_in(client, "lea.martin", password)
    response = client.get("/account/sign-out", follow=True)
    assert response.redirect_chain == [("/account/", 302)]
    assert response.status_code == 200
    assert "My account" in response.content.decode()
    assert client.session["_auth_user_id"] == str(learner.pk)


def test_opening_the_sign_out_address_signed_out_leads_to_the_sign_in_page(client):
    response = client.get("/account/sign-out", follow=True)
    assert response.redirect_chain == [
        ("/account/", 302),
        ("/account/sign-in?next=/account/", 302),
    ]
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()


def test_a_language_chosen_before_sign_in_is_saved_on_the_account(client, learner, password):
    assert learner.language == "en"
    client.post("/language", {"language": "fr", "next": "/account/sign-in"})
    sign_in(client, "lea.martin", password)
    learner.refresh_from_db()
    assert learner.language == "fr"
    assert "Mon compte" in client.get("/account/").content.decode()


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language="en"
    )


def test_the_admin_sign_in_form_checks_no_password_and_sends_to_octets(client, staff):
    # Django's own admin form checks passwords without Octet's throttling: an attacker could
    # try one password after another on a staff account there.
    response = client.post(
        "/admin/login/?next=/admin/learning/",
        {"username": "author", "password": "Author-Pass1", "next": "/admin/learning/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/account/sign-in?next=/admin/learning/"
    assert "_auth_user_id" not in client.session


def test_the_admin_is_reached_through_octets_throttled_sign_in(client, staff, settings):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response["Location"] == "/account/sign-in?next=/admin/"
    for _ in range(settings.OCTET_SIGN_IN_SLOW_AFTER):
        sign_in(client, "author", "Wrong-Pass1")
    assert sign_in(client, "author", "Author-Pass1").status_code == 429
    SignInThrottle.objects.all().delete()
    response = client.post(
        "/account/sign-in?next=/admin/",
        {"login": "author", "password": "Author-Pass1", "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_sign_in_refuses_a_learner_instead_of_looping(client, learner, password):
    sign_in(client, "lea.martin", password)
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    assert client.get("/admin/login/?next=/admin/").status_code == 403


def test_the_admin_sign_in_never_sends_to_another_site(client, staff):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/account/sign-in?next=/admin/"


def test_attempts_sent_at_the_same_moment_cannot_go_beyond_the_allowance(
    client, learner, password, settings, monkeypatch
):
    # Checking a password takes a while (Argon2). Attempts that arrive while the first ones are
    # being checked must already find them counted, or a burst of parallel requests would try
    # many passwords before the first failure is recorded.
    from octet.accounts.backends import EmailOrUsernameBackend

    checked = []
    real_authenticate = EmailOrUsernameBackend.authenticate

    def slow_authenticate(self, request, username=None, password=None, **kwargs):
        checked.append(password)
        if len(checked) < 10:  # another attempt arrives while this password is checked
            sign_in(client, "lea.martin", f"Wrong-{len(checked)}x")
        return real_authenticate(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(EmailOrUsernameBackend, "authenticate", slow_authenticate)
    sign_in(client, "lea.martin", "Wrong-0x")
    assert len(checked) == settings.OCTET_SIGN_IN_SLOW_AFTER
    assert SignInThrottle.objects.get(identifier="lea.martin").failures == len(checked)


def test_an_attempt_is_counted_before_its_password_is_checked_and_forgotten_on_success(
    learner, settings
):
    from octet.accounts import services

    attempts = [services.begin_sign_in("lea.martin") for _ in range(4)]
    assert [a.decision.allowed for a in attempts] == [True, True, True, False]
    assert not attempts[2].if_wrong.allowed  # the third failure starts the wait
    SignInThrottle.objects.all().delete()
    assert services.begin_sign_in("LEA@example.org").decision.allowed
    services.record_sign_in_success("LEA@example.org", learner)
    assert not SignInThrottle.objects.exists()


def test_sent_to_sign_in_from_a_page_the_form_says_it_leads_back_there(client):
    """The session ended in the middle of a test: the sign-in page says the learner will come
    back to where they were, not only "Sign in" out of the blue."""
    page = client.get("/account/sign-in?next=/assessments/7/", follow=True).content.decode()
    assert "Sign in to continue: you will come back to where you were." in page
    assert "come back to where you were" not in client.get("/account/sign-in").content.decode()
    outside = client.get("/account/sign-in?next=https://evil.example/").content.decode()
    assert "come back to where you were" not in outside
