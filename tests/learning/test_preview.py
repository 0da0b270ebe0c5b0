"""The staff preview as a reviewer goes through the bank: filter, search, then challenge after
challenge without going back to the list."""

import re

import pytest
from django.utils.html import escape

from octet.content.domain.release import current_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(client, django_user_model):
    staff = django_user_model.objects.create_user(
        "reviewer", "r@example.org", "Review-Pass1", is_staff=True, language="en"
    )
    client.force_login(staff)
    return client


def listed(page: str) -> list[str]:
    return re.findall(r'<a href="/preview/([^"?]+)\?locale=fr[^"]*">', page)


def in_bank_order(challenges) -> list[str]:
    return [
        c.id for c in sorted(challenges, key=lambda c: (c.competence_id, c.tube_id, c.level, c.id))
    ]


def test_the_list_finds_words_of_an_instruction_without_their_accents(reviewer):
    page = reviewer.get("/preview/", {"q": "REOUVERTURE"}).content.decode()
    expected = [
        c.id
        for c in current_release().challenges.values()
        if "réouverture" in c.instruction["fr"].lower() or "reouverture" in c.id
    ]
    assert "searchKeywords3-pool-reopening" in expected
    assert sorted(listed(page)) == sorted(expected)
    assert 'value="REOUVERTURE"' in page
    by_id = reviewer.get("/preview/", {"q": "pool-reopening"}).content.decode()
    assert "searchKeywords3-pool-reopening" in listed(by_id)


def test_the_list_filters_by_type_and_competence(reviewer):
    page = reviewer.get("/preview/", {"competence": "1.1", "type": "numeric"}).content.decode()
    expected = in_bank_order(
        c
        for c in current_release().challenges.values()
        if c.competence_id == "1.1" and c.type == "numeric"
    )
    assert expected and listed(page) == expected
    assert '<option value="numeric" selected>' in page
    # each challenge opens with the filters, so that previous and next stay among them
    assert f'href="/preview/{expected[0]}?locale=fr&amp;competence=1.1&amp;type=numeric"' in page


def test_a_reviewer_goes_from_one_challenge_to_the_next_among_the_filtered_ones(reviewer):
    ids = in_bank_order(c for c in current_release().challenges.values() if c.type == "qrocm-dep")
    assert len(ids) >= 3
    first = reviewer.get(f"/preview/{ids[0]}", {"locale": "en", "type": "qrocm-dep"})
    page = first.content.decode()
    assert f"1 of {len(ids)}" in page
    assert 'rel="prev"' not in page
    assert f'rel="next" href="/preview/{ids[1]}?locale=en&amp;type=qrocm-dep"' in page

    page = reviewer.get(
        f"/preview/{ids[1]}", {"locale": "en", "type": "qrocm-dep"}
    ).content.decode()
    assert f"2 of {len(ids)}" in page
    assert f'rel="prev" href="/preview/{ids[0]}?locale=en&amp;type=qrocm-dep"' in page
    assert f'rel="next" href="/preview/{ids[2]}?locale=en&amp;type=qrocm-dep"' in page
    # switching the language keeps the filters, and so does the way back to the list
    assert 'href="?locale=fr&amp;type=qrocm-dep" lang="fr"' in page
    assert 'href="/preview/?type=qrocm-dep"' in page

    last = reviewer.get(f"/preview/{ids[-1]}", {"locale": "en", "type": "qrocm-dep"})
    assert 'rel="next"' not in last.content.decode()


def test_a_challenge_opened_from_a_problem_report_moves_through_the_whole_bank(reviewer):
    ids = in_bank_order(current_release().challenges.values())
    page = reviewer.get(f"/preview/{ids[5]}", {"locale": "fr"}).content.decode()
    assert f"6 of {len(ids)}" in page
    assert f'rel="prev" href="/preview/{ids[4]}?locale=fr"' in page
    assert f'rel="next" href="/preview/{ids[6]}?locale=fr"' in page


def test_the_solution_lists_every_answer_the_checker_takes_and_its_tolerances(reviewer):
    challenge = current_release().challenges["searchKeywords3-pool-reopening"]
    page = reviewer.get(f"/preview/{challenge.id}", {"locale": "en"}).content.decode()
    accepted = page[page.index("Accepted answers") :]
    for variant in challenge.solutions["en"]:
        assert escape(variant) in accepted, variant
    assert "11 mai" not in accepted  # the French variants are for the French page
    assert "Tolerances: t1 (case, accents, spaces), t2 (punctuation)</p>" in accepted
    assert "t3" not in accepted.split("</p>")[0]
    assert f"{challenge.source.path}:{challenge.source.line}" in accepted


def test_each_field_and_a_numeric_tolerance_are_listed(reviewer):
    bank = current_release().challenges.values()
    fields = next(c for c in bank if c.type == "qrocm-ind" and len(c.fields) > 1)
    page = reviewer.get(f"/preview/{fields.id}", {"locale": "fr"}).content.decode()
    for field in fields.fields:
        assert f"<dt>{escape(field.label['fr'])}</dt>" in page
        assert f"<dd>{escape(' · '.join(field.solutions['fr']))}</dd>" in page
    numeric = next(c for c in bank if c.type == "numeric" and c.tolerance != "0")
    page = reviewer.get(f"/preview/{numeric.id}", {"locale": "en"}).content.decode()
    assert f"<dd>{numeric.number} ± {numeric.tolerance}</dd>" in page


def test_the_reviewer_reads_the_hint_a_learner_gets_with_the_correction(reviewer):
    release = current_release()
    challenge = next(c for c in release.challenges.values() if release.skills[c.skill_id].hint)
    hint = release.skills[challenge.skill_id].hint
    for locale in ("fr", "en"):
        page = reviewer.get(f"/preview/{challenge.id}", {"locale": locale}).content.decode()
        assert f'Hint: <span lang="{locale}">' in page
        words = hint[locale].split()[:3]
        assert all(escape(word) in page for word in words), words


def test_the_reviewer_sees_the_tutorials_of_the_skill_in_the_language_previewed(reviewer):
    """An author judges whether the tutorials a correction offers fit the question."""
    page = reviewer.get("/preview/searchKeywords3-free-images", {"locale": "fr"}).content.decode()
    assert "Tutorials offered with the correction" in page
    assert '<a href="/lessons/lesson-searchKeywords">Affiner avec les filtres</a>' in page
    assert 'href="https://fr.wikipedia.org/wiki/Licence_Creative_Commons"' in page
    assert "Refining with filters" not in page and "en.wikipedia.org" not in page

    page = reviewer.get("/preview/searchKeywords3-free-images", {"locale": "en"}).content.decode()
    assert '<a href="/lessons/lesson-searchKeywords">Refining with filters</a>' in page
    assert 'href="https://en.wikipedia.org/wiki/Creative_Commons_license"' in page
    assert "Affiner avec les filtres" not in page
