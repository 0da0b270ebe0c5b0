"""Content releases over the years, for the tests of a learner's profile that outlives them
(the `releases` fixture, in tests/conftest.py)."""

import shutil
from pathlib import Path

from octet.content.domain.release import current_release

BASIC = Path(__file__).resolve().parent / "content" / "fixtures" / "basic"

# Competence 1.2 of the first release: a copy of 1.1 under other ids (tubes, skills, challenges,
# tutorials, lessons), so that a test may run in either.
RENAMED_FOR_1_2 = {
    'competence: "1.1"': 'competence: "1.2"',
    "web-search": "files",
    "searchOperators": "fileFormats",
    "searchTools": "fileTools",
}

FRAMEWORK_1_2 = (
    '      - index: "1.2"\n        name: {fr: "Gérer des données", en: "Data management"}\n'
)


class Releases:
    """A small first release (competences 1.1 and 1.2) and later ones edited from it; `use`
    makes one the release the platform serves, as a deployment of new content does."""

    def __init__(self, root: Path, monkeypatch) -> None:
        self.root = root
        self.monkeypatch = monkeypatch
        self.count = 0
        self.first = self._copy_of(BASIC)
        text = (BASIC / "competences" / "1.1.yaml").read_text(encoding="utf-8")
        for old, new in RENAMED_FOR_1_2.items():
            text = text.replace(old, new)
        (self.first / "competences" / "1.2.yaml").write_text(text, encoding="utf-8")

    def _copy_of(self, source: Path) -> Path:
        self.count += 1
        target = self.root / f"release-{self.count}"
        shutil.copytree(source, target)
        return target

    def later(self, *, remove_competence: str = "", edits=()) -> Path:
        """A copy of the first release without a competence, and with (file, old, new) edits."""
        target = self._copy_of(self.first)
        if remove_competence:
            assert remove_competence == "1.2", "the fixture only knows how to remove 1.2"
            edits = [("framework.yaml", FRAMEWORK_1_2, ""), *edits]
            (target / "competences" / "1.2.yaml").unlink()
        for relative, old, new in edits:
            path = target / relative
            text = path.read_text(encoding="utf-8")
            assert old in text, f"fixture changed: {old!r} not in {relative}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        return target

    def use(self, content: Path):
        self.monkeypatch.setenv("OCTET_CONTENT_DIR", str(content))
        current_release.cache_clear()
        return current_release()
