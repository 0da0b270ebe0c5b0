"""Crawl the staff preview of every challenge in both locales, as an author reviewing the bank.

For each challenge and locale it opens `/preview/<id>?locale=..` (with the interface in that
language) and checks that:

- the page answers 200, has no duplicate `id` and every input has a label;
- every illustration, attachment, simulator and lesson the page points at answers 200 with a
  sensible content type and a non-empty body;
- each documented solution (every accepted variant of a free answer, field by field), sent
  through the page's own form, is judged right, and a plainly wrong answer is judged wrong.

It runs in-process with Django's test client on the database of `DATABASE_URL` (run it after
`make demo`, or on any database with migrations applied): a throwaway staff account is made for
it and removed at the end. It prints one line per failure and the figures; the exit status is 1
when anything failed. About 30 s for the whole bank.

    DATABASE_URL=sqlite:///var/octet.sqlite3 .venv/bin/python scripts/crawl_preview.py
    (--only ID,ID for a few challenges)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "octet.settings")

# A file's content type, by the start of the type the server sends.
EXPECTED_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".json": "application/json",
    ".html": "text/html",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ics": "text/calendar",
    ".eml": "message/rfc822",
    ".xml": ("application/xml", "text/xml"),
    ".srt": ("application/x-subrip", "text/plain"),
    ".py": ("text/x-python", "text/plain"),
}
WRONG_TEXT = "zqxj wrong answer"
FILES = "/files/"  # learning:attachment
LESSONS = "/lessons/"  # learning:lesson, the tutorials written by Octet


class Page(HTMLParser):
    """What the crawl checks in a preview: ids, inputs and their labels, the linked files."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.inputs: list[dict[str, str]] = []
        self.labelled_for: set[str] = set()
        self.label_depth = 0
        self.links: list[str] = []
        self.verdict: str | None = None
        self.rejected_solution = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids[a["id"]] += 1
        if tag == "label":
            self.label_depth += 1
            if a.get("for"):
                self.labelled_for.add(a["for"])
        elif tag in ("input", "select", "textarea"):
            if a.get("type") not in ("hidden", "submit", "button"):
                self.inputs.append({**a, "_in_label": "1" if self.label_depth else ""})
        elif tag in ("img", "iframe"):
            self.links.append(a.get("src", ""))
        elif tag == "a" and a.get("href", "").startswith((FILES, LESSONS)):
            self.links.append(a["href"])
        elif tag == "div" and "alert" in a.get("class", "") and a.get("role") == "status":
            self.verdict = "ok" if "alert--success" in a["class"] else "ko"

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.label_depth -= 1

    def unlabelled(self) -> list[str]:
        return [
            i.get("name", "?")
            for i in self.inputs
            if not i["_in_label"]
            and i.get("id") not in self.labelled_for
            and not i.get("aria-label")
            and not i.get("aria-labelledby")
        ]


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def form_data(challenge, answer) -> dict[str, object]:
    """The POST a learner's form sends for `answer` (the checker's form of it)."""
    from octet.learning.domain.presentation import FIELD_PREFIX

    if challenge.type == "qcm":
        return {"answer": [p for p in str(answer).split(",") if p]}
    if isinstance(answer, dict):
        return {FIELD_PREFIX + key: value for key, value in answer.items()}
    return {"answer": str(answer)}


def right_answers(challenge, locale: str) -> list[object]:
    """The documented solution, and every accepted variant of a free answer, field by field."""
    from octet.content.domain.checking import solution_answer

    answers: list[object] = [solution_answer(challenge, locale)]
    if challenge.type == "qroc":
        answers += list(challenge.solutions.get(locale, ())[1:])
    elif challenge.type == "qrocm-ind":
        base = solution_answer(challenge, locale)
        for field in challenge.fields:
            for variant in field.solutions.get(locale, ())[1:]:
                answers.append({**base, field.key: variant})
    elif challenge.type == "qrocm-dep":
        base = solution_answer(challenge, locale)
        groups = challenge.groups.get(locale, ())
        for i, field in enumerate(challenge.fields):
            if i < len(groups):
                for variant in groups[i][1:]:
                    answers.append({**base, field.key: variant})
        if len(challenge.fields) > 1:  # in another order
            keys = [f.key for f in challenge.fields]
            values = [base[k] for k in keys]
            answers.append(dict(zip(keys, values[1:] + values[:1], strict=True)))
    elif challenge.type == "numeric":
        answers.append(challenge.number)
    return answers


def wrong_answer(challenge, locale: str) -> object:
    from decimal import Decimal

    if challenge.type == "qcu":
        count = len(challenge.proposals[locale])
        return str(next(p for p in range(1, count + 1) if p not in challenge.solution))
    if challenge.type == "qcm":
        count = len(challenge.proposals[locale])
        wrong = [p for p in range(1, count + 1) if p not in challenge.solution]
        return ",".join(str(p) for p in sorted({*challenge.solution, wrong[0]}))
    if challenge.type == "numeric":
        return str(Decimal(challenge.number) + Decimal(challenge.tolerance or 0) + 1000)
    if challenge.type in ("qrocm-ind", "qrocm-dep"):
        return {f.key: WRONG_TEXT for f in challenge.fields}
    return WRONG_TEXT


def main() -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from octet.content.domain.release import current_release

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated challenge ids")
    args = parser.parse_args()

    setup_test_environment()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    release = current_release()
    ids = args.only.split(",") if args.only else sorted(release.challenges)
    user_model = get_user_model()
    reviewer, _ = user_model.objects.get_or_create(
        username="crawl-preview-reviewer",
        defaults={"email": "crawl-preview@octet.invalid", "is_staff": True, "is_superuser": True},
    )
    failures: list[str] = []
    figures: Counter[str] = Counter()
    checked_urls: dict[str, str | None] = {}
    started = time.monotonic()
    try:
        for locale in ("fr", "en"):
            reviewer.language = locale  # a signed-in person sees the language of their account
            reviewer.save(update_fields=["language"])
            client = Client(HTTP_ACCEPT_LANGUAGE=locale)
            client.force_login(reviewer)
            for challenge_id in ids:
                challenge = release.challenges[challenge_id]
                url = f"/preview/{challenge_id}?locale={locale}"

                def fail(message: str, challenge_id=challenge_id, locale=locale) -> None:
                    failures.append(f"{challenge_id} [{locale}]: {message}")

                response = client.get(url)
                figures["pages"] += 1
                if response.status_code != 200:
                    fail(f"GET {url} -> {response.status_code}")
                    continue
                html = response.content.decode()
                if f'<html lang="{locale}"' not in html:
                    fail("the interface is not in the page's language")
                if "REJECTED by the checker" in html or "REFUSÉE par le correcteur" in html:
                    fail("the preview says the checker rejects the solution")
                page = parse(html)
                for ident, n in page.ids.items():
                    if n > 1:
                        fail(f"id {ident!r} appears {n} times")
                for name in page.unlabelled():
                    fail(f"input {name!r} has no label")
                names = {i.get("name") for i in page.inputs}
                values = {i.get("value") for i in page.inputs if i.get("name") == "answer"}
                for link in page.links:
                    figures["urls"] += 1
                    if link not in checked_urls:
                        checked_urls[link] = check_file(client, link)
                    if checked_urls[link]:
                        fail(f"{link}: {checked_urls[link]}")
                for answer in right_answers(challenge, locale):
                    data = form_data(challenge, answer)
                    missing = [k for k in data if k not in names]
                    if missing:
                        fail(f"the page has no input named {missing}")
                    if challenge.type in ("qcu", "qcm"):
                        offered = data["answer"] if challenge.type == "qcm" else [data["answer"]]
                        if not set(offered) <= values:
                            fail(f"the page offers no choice {offered} (offers {sorted(values)})")
                    verdict = parse(client.post(url, data).content.decode()).verdict
                    figures["right answers"] += 1
                    if verdict != "ok":
                        fail(f"the right answer {answer!r} is judged {verdict}")
                wrong = wrong_answer(challenge, locale)
                verdict = parse(client.post(url, form_data(challenge, wrong)).content.decode())
                figures["wrong answers"] += 1
                if verdict.verdict != "ko":
                    fail(f"the wrong answer {wrong!r} is judged {verdict.verdict}")
    finally:
        reviewer.delete()
    print("\n".join(failures))
    print(
        f"{len(ids)} challenges, {figures['pages']} pages, {figures['urls']} file, simulator and "
        f"lesson links ({len(checked_urls)} distinct URLs), {figures['right answers']} right and "
        f"{figures['wrong answers']} wrong answers sent, {len(failures)} failures, "
        f"{time.monotonic() - started:.0f} s"
    )
    return 1 if failures else 0


def check_file(client, url: str) -> str | None:
    """None when `url` answers 200, non-empty, with the type its extension calls for."""
    response = client.get(url)
    if response.status_code != 200:
        return f"{response.status_code}"
    body = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    if not body:
        return "empty body"
    content_type = response.get("Content-Type", "")
    if url.startswith(("/simulators/", LESSONS)):
        expected: str | tuple[str, ...] = "text/html"
    else:
        expected = EXPECTED_TYPES.get(Path(url.split("?")[0]).suffix, "?")
    if not content_type.startswith(expected if isinstance(expected, tuple) else (expected,)):
        return f"content type {content_type!r}, expected {expected!r}"
    return None


if __name__ == "__main__":
    sys.exit(main())
