"""The staff preview runs the question page's script without its test around it."""

import pytest

from octet.content.domain.release import current_release

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_in_a_previewed_question_raises_no_script_error(page, django_user_model):
    django_user_model.objects.create_user(
        "staff", "staff@example.org", "Staff-Pass1", is_staff=True, language="en"
    )
    page.goto(page.base + "/account/sign-in")
    page.locator("input[name=login]").fill("staff")
    page.locator("input[name=password]").fill("Staff-Pass1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/profile/")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    challenge = next(
        c for c in current_release().challenges.values() if c.type == "qroc" and not c.embed
    )
    page.goto(f"{page.base}/preview/{challenge.id}?locale=en")
    page.locator("#challenge-form input[type=text]").first.fill("an answer")
    page.locator("#challenge-form input[type=text]").first.press("End")
    assert errors == []
