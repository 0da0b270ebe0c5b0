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
