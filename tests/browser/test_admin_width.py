"""The content authors read the problem reports on a 1280 px desktop, the admin's sidebar open."""

import pytest

from octet.learning.models import ProblemReport

pytestmark = pytest.mark.django_db(transaction=True)


def _reports_list(browser, live_server):
    """A 1280 px desktop signed in as "author", on the list of reports."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/admin/login/?next=/admin/learning/problemreport/")
    page.locator("input[name=login]").fill("author")
    page.locator("input[name=password]").fill("Author-Pass1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admin/learning/problemreport/")
    return context, page


def test_the_reports_list_fits_beside_the_sidebar_at_1280_px(
    browser, live_server, django_user_model
):
    django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language="en"
    )
    for _ in range(2):
        ProblemReport.objects.create(
            challenge_id="searchKeywords1-pool",
            locale="fr",
            category="answer",
            comment="Ma réponse était correcte mais elle a été refusée, je pense que " * 4,
        )
    context, page = _reports_list(browser, live_server)
    assert page.locator("#nav-sidebar").is_visible()

    results = page.locator("#changelist .results").bounding_box()
    handled = page.locator("#result_list td.field-handled").first.bounding_box()
    comment = page.locator("#result_list td.field-short_comment").first.bounding_box()
    assert handled["x"] + handled["width"] <= results["x"] + results["width"]
    assert comment["x"] + comment["width"] <= results["x"] + results["width"]
    assert comment["width"] >= 140, comment  # a few words a line, not one
    context.close()


def test_a_comment_with_a_long_address_breaks_rather_than_hiding_the_columns(
    browser, live_server, django_user_model
):
    django_user_model.objects.create_superuser(
        "author", "author@example.org", "Author-Pass1", language="fr"
    )
    # a share link's key: no space nor hyphen where a line could break
    address = "https://docs.exemple.fr/d/" + "1AbCdEfGhIjKlMnOpQrStUvWxYz0" * 3 + "/view"
    report = ProblemReport.objects.create(
        challenge_id="searchKeywords1-pool",
        locale="fr",
        category="display",
        comment=f"La page {address} ne s'ouvre pas",
    )
    context, page = _reports_list(browser, live_server)

    results = page.locator("#changelist .results").bounding_box()
    comment = page.locator("#result_list td.field-short_comment").first.bounding_box()
    assert comment["x"] + comment["width"] <= results["x"] + results["width"], comment

    page.goto(live_server.url + f"/admin/learning/problemreport/{report.pk}/change/")
    form = page.locator("#content-main").bounding_box()
    whole = page.locator(".field-comment .readonly").bounding_box()
    assert whole["x"] + whole["width"] <= form["x"] + form["width"], whole
    context.close()
