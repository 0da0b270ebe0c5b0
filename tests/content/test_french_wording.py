"""One word for one thing in French: the interface says « e-mail » and « adresse e-mail », so
does the content, not « courriel » or « adresse électronique ».

A learner who reads « Adresse e-mail » on the sign-up form and « courriel » in a question, or a
simulator's « E-mail » field next to an instruction about « le courriel », may think of two
things. Answers a learner types may accept either word: they are not checked here. Documents to
open (attachments) are other people's writing and keep their own words.
"""

import re
from pathlib import Path

import polib
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"
OTHER_WORD = re.compile(r"\bcourriels?\b|\badresses?\s+électroniques?\b", re.IGNORECASE)
ACCEPTED_ANSWERS = {"solutions", "groups"}


def french_texts(node, path=(), french=False):
    """(where, text) for every French string of a content file, but accepted answers."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ACCEPTED_ANSWERS:
                continue
            yield from french_texts(value, (*path, str(key)), french or key == "fr")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from french_texts(value, (*path, str(index)), french)
    elif isinstance(node, str) and french:
        yield "/".join(path), node


CONTENT_FILES = sorted((CONTENT / "competences").glob("*.yaml")) + [CONTENT / "framework.yaml"]


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda path: path.name)
def test_the_contents_french_says_e_mail_as_the_interface_does(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [
        f"{where}: {text[max(0, m.start() - 30) : m.end() + 20]!r}"
        for where, text in french_texts(data)
        for m in OTHER_WORD.finditer(text)
    ]
    assert found == []


def test_the_simulators_say_e_mail_too():
    found = [
        f"{path.name}: {line.strip()[:80]}"
        for path in sorted((CONTENT / "simulators").glob("*"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if OTHER_WORD.search(line)
    ]
    assert found == []


def test_the_interface_says_e_mail():
    catalogue = polib.pofile(str(ROOT / "octet" / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    texts = [entry.msgstr for entry in catalogue] + [
        text for entry in catalogue for text in entry.msgstr_plural.values()
    ]
    assert [text for text in texts if OTHER_WORD.search(text)] == []
    assert sum("e-mail" in text for text in texts) >= 10


def test_a_typed_answer_may_still_say_courriel():
    assert not list(french_texts({"fr": {"solutions": ["courriel"]}}))
    assert list(french_texts({"fr": {"label": "Courriel :"}})) == [("fr/label", "Courriel :")]
