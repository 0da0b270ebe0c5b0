"""A file a question asks to open is named with its kind and its size, in the page's language,
so that a learner on a slow connection or with a screen reader knows what opening it costs."""

import re

import pytest

from octet.content.domain.release import current_release
from octet.learning.domain.presentation import size_shown

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("size", "en", "fr"),
    [
        (1, "1 byte", "1 octet"),
        (740, "740 bytes", "740 octets"),
        (1000, "1 KB", "1 Ko"),
        (1949, "1.9 KB", "1,9 Ko"),
        (43818, "44 KB", "44 Ko"),
        (999_600, "1 MB", "1 Mo"),
        (1_500_000, "1.5 MB", "1,5 Mo"),
    ],
)
def test_a_size_is_said_in_the_units_and_decimal_mark_of_the_language(size, en, fr):
    assert size_shown(size, "en") == en.replace(" ", NBSP)
    assert size_shown(size, "fr") == fr.replace(" ", NBSP)


def test_the_sizes_are_read_once_with_the_release_from_the_files_themselves():
    release = current_release()
    for name in ("3.4-recipe-page-en.html", "1.1-sleep-study-fr.pdf"):
        assert release.attachment_sizes[name] == release.attachment_path(name).stat().st_size


@pytest.fixture
def reviewer(client, django_user_model):
    staff = django_user_model.objects.create_user(
        "reviewer", "r@example.org", "Review-Pass1", is_staff=True, language="en"
    )
    client.force_login(staff)
    return client


def link_texts(page: str) -> list[str]:
    return re.findall(r'<a href="/files/[^"]+">([^<]+)</a>', page)


@pytest.mark.parametrize(
    ("locale", "name", "about"),
    [
        ("en", "3.4-recipe-page-en.html", "(HTML page, {size})"),
        ("fr", "3.4-recipe-page-fr.html", "(page HTML, {size})"),
    ],
)
def test_the_preview_names_a_file_with_its_kind_and_size(reviewer, locale, name, about):
    size = size_shown(current_release().attachment_path(name).stat().st_size, locale)
    page = reviewer.get("/preview/webPageCode3-recipe-page", {"locale": locale}).content.decode()
    assert link_texts(page) == [f"{name} {about.format(size=size)}"]


@pytest.mark.parametrize(
    ("locale", "about"),
    [("en", r"\(PDF document, 4\d\xa0KB\)"), ("fr", r"\(document PDF, 4\d\xa0Ko\)")],
)
def test_a_pdf_of_tens_of_kilobytes_is_said_so_in_each_language(reviewer, locale, about):
    challenge = next(
        c
        for c in current_release().challenges.values()
        if any(a.get(locale, "").startswith("1.1-sleep-study") for a in c.attachments)
    )
    page = reviewer.get(f"/preview/{challenge.id}", {"locale": locale}).content.decode()
    assert re.fullmatch(rf"1\.1-sleep-study-{locale}\.pdf {about}", link_texts(page)[0])
