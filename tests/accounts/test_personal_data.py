import json
from datetime import datetime

import pytest
from django.contrib.auth import get_user_model

from octet.accounts.models import PasswordResetEmail, SignInThrottle

pytestmark = pytest.mark.django_db


def test_export_gives_everything_octet_holds_as_json(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    response = client.get("/account/export")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment;" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == "octet-personal-data/1"
    assert data["account"]["email"] == "lea@example.org"
    assert data["account"]["first_name"] == "Léa"
    assert data["account"]["terms_version"]
    assert "password" not in json.dumps(data)


def test_export_holds_the_failed_sign_ins_counted_on_the_account(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    assert json.loads(client.get("/account/export").content)["account"]["sign_in_failures"] is None
    other = client.__class__()  # someone else, elsewhere, tries a wrong password
    other.post("/account/sign-in", {"login": "lea@example.org", "password": "Wrong-1"})
    failures = json.loads(client.get("/account/export").content)["account"]["sign_in_failures"]
    assert failures["count"] == 1
    assert SignInThrottle.objects.get().last_failure_at.isoformat() == failures["last_at"]


def test_export_lists_the_reset_links_sent_and_deletion_erases_them(client, learner, password):
    client.post("/account/password-reset", {"email": "lea@example.org"})
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    sent = json.loads(client.get("/account/export").content)["account"]["reset_links_sent"]
    assert [datetime.fromisoformat(t) for t in sent] == [
        learner.password_reset_emails.get().sent_at
    ]
    client.post("/account/delete", {"password": password})
    assert not PasswordResetEmail.objects.exists()


def test_export_needs_to_be_signed_in(client):
    response = client.get("/account/export")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in")


def test_deletion_asks_for_the_password_and_then_removes_the_data(client, learner, password):
    client.post("/account/sign-in", {"login": "lea.martin", "password": "Wrong-Pass1"})
    client.post("/account/sign-in", {"login": "lea.martin", "password": password})
    SignInThrottle.objects.create(identifier="lea@example.org", failures=1)
    response = client.post("/account/delete", {"password": "Wrong-Pass1"})
    assert response.status_code == 400
    assert "The password is incorrect." in response.content.decode()
    assert get_user_model().objects.filter(pk=learner.pk).exists()

    response = client.post("/account/delete", {"password": password})
    assert response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert not get_user_model().objects.filter(email__iexact="lea@example.org").exists()
    assert not SignInThrottle.objects.exists()
    assert "_auth_user_id" not in client.session
    # The address is free again.
    response = client.post(
        "/account/sign-up",
        {
            "first_name": "Léa",
            "last_name": "Martin",
            "email": "lea@example.org",
            "password": password,
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302


def test_demo_command_creates_every_role_and_prints_passwords(capsys):
    from django.core.management import call_command

    call_command("load_demo")
    call_command("load_demo")  # running it twice changes nothing
    out = capsys.readouterr().out
    users = get_user_model().objects
    assert users.count() == 5
    assert users.get(username="admin").is_superuser
    assert users.get(username="lea.martin").check_password("Learner-2026")
    for role in ("learner", "trainer", "certification centre member", "invigilator", "superuser"):
        assert role in out
    assert "Learner-2026" in out
