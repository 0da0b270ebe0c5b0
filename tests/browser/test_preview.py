"""The staff preview runs the question page's script without its test around it."""

import pytest

from octet.content.domain.release import current_release
from tests.browser.conftest import sign_in_as_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_typing_in_a_previewed_question_raises_no_script_error(page, django_user_model):
    sign_in_as_staff(page, django_user_model)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    challenge = next(
        c for c in current_release().challenges.values() if c.type == "qroc" and not c.embed
    )
    page.goto(f"{page.base}/preview/{challenge.id}?locale=en")
    page.locator("#challenge-form input[type=text]").first.fill("an answer")
    page.locator("#challenge-form input[type=text]").first.press("End")
    assert errors == []
