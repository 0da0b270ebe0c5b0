"""Staff open the accounts in the Django admin: never a password's hash, salt or hasher settings,
whatever their permissions."""

import pytest

from octet.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user(
        "lea.m", "lea.m@example.org", "Learner-Pass1", first_name="Léa", last_name="Martinez"
    )


@pytest.fixture
def support(staff_with):
    return staff_with("view_user")


@pytest.mark.parametrize(
    ("who", "password_set"),
    [("superuser", "Mot de passe défini."), ("support", "Password set.")],
)
def test_an_account_page_shows_no_part_of_the_password_hash(who, password_set, request, learner):
    client = request.getfixturevalue(who)
    response = client.get(f"/admin/accounts/user/{learner.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "lea.m@example.org" in page  # support finds the learner who asks for help
    assert password_set in page
    algorithm, variety, version, settings, salt, digest = learner.password.split("$")
    for secret in (salt[:6], digest[:6], settings, "argon2", "47104"):
        assert secret not in page, secret


def test_support_finds_an_account_by_its_email_address(support, learner):
    found = support.get("/admin/accounts/user/", {"q": "lea.m@example.org"}).content.decode()
    assert f"/admin/accounts/user/{learner.pk}/change/" in found


def test_an_account_without_a_password_says_so(superuser, django_user_model):
    pupil = django_user_model.objects.create_user("pupil", None, None)
    page = superuser.get(f"/admin/accounts/user/{pupil.pk}/change/").content.decode()
    assert "Aucun mot de passe défini." in page and "Mot de passe défini." not in page


def test_nobody_makes_up_or_changes_sign_in_failures(superuser):
    throttle = SignInThrottle.objects.create(identifier="lea.m", failures=4)
    url = f"/admin/accounts/signinthrottle/{throttle.pk}/change/"
    assert superuser.get("/admin/accounts/signinthrottle/add/").status_code == 403
    assert 'name="failures"' not in superuser.get(url).content.decode()
    assert superuser.post(url, {"identifier": "lea.m", "failures": "0"}).status_code == 403
    throttle.refresh_from_db()
    assert throttle.failures == 4
    # deleting the count lifts a lock-out
    superuser.post(f"/admin/accounts/signinthrottle/{throttle.pk}/delete/", {"post": "yes"})
    assert not SignInThrottle.objects.exists()


@pytest.mark.parametrize(
    ("language", "said", "not_said"),
    [
        (
            "fr",
            ["Indique si cet utilisateur", "le mot de passe actuel de cet utilisateur sera perdu"],
            ["If disabled", "Whether the user"],
        ),
        (
            "en",
            ["Whether the user will be able", "the current password for this user will be lost"],
            ["Indique si", "sera perdu"],
        ),
    ],
)
def test_setting_a_password_is_explained_in_the_staff_members_language_only(
    superuser, learner, django_user_model, language, said, not_said
):
    django_user_model.objects.filter(username="boss").update(language=language)
    page = superuser.get(f"/admin/accounts/user/{learner.pk}/password/").content.decode()
    for text in said:
        assert text in page
    for text in not_said:
        assert text not in page
