"""Content tools: `python -m octet.content.tools check|stats [--content DIR]`.

check: every problem of the bank, one `path:line: message` line each, exit 1; or one summary
line and exit 0. stats: a short readable summary, then one JSON object as the last line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from octet.content.domain.attachments import read_specs
from octet.content.domain.audit import attachment_problems, editorial_problems, release_stats
from octet.content.domain.release import (
    ATTACHMENT_FILES,
    default_content_dir,
    display_path,
    inspect_content,
)


def collect(content_dir: Path):
    """The (possibly partial) release, attachment specs and every problem, sorted by place."""
    release, problems = inspect_content(content_dir)
    specs, spec_problems = read_specs(content_dir, display=display_path)
    problems += spec_problems
    problems += editorial_problems(release)
    problems += attachment_problems(
        release, specs, content_dir / ATTACHMENT_FILES, display=display_path
    )
    problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.message))
    return release, specs, problems


def check(content_dir: Path, out=None) -> int:
    out = out or sys.stdout
    release, _specs, problems = collect(content_dir)
    for problem in problems:
        print(problem, file=out)
    if problems:
        files = len({p.path for p in problems})
        print(f"content check: {len(problems)} problem(s) in {files} file(s)", file=out)
        return 1
    validated = sum(1 for c in release.challenges.values() if c.validated)
    print(
        f"content OK: release {release.version}, {len(release.challenges)} challenges"
        f" ({validated} validated), {len(release.skills)} skills, {len(release.tubes)} tubes,"
        f" {sum(1 for c in release.competences.values() if c.tube_ids)} competences",
        file=out,
    )
    return 0


def stats(content_dir: Path, out=None) -> int:
    out = out or sys.stdout
    release, specs, problems = collect(content_dir)
    figures = release_stats(release, specs)
    if problems:
        print(f"warning: {len(problems)} problem(s); run the check", file=sys.stderr)
    print(f"release {figures['version']}", file=out)
    print(
        f"{figures['competences_with_content']}/{figures['competences']} competences with content,"
        f" {figures['tubes']} tubes, {figures['skills']} skills,"
        f" {figures['challenges']} challenges ({figures['validated']} validated)",
        file=out,
    )
    types = ", ".join(f"{k} {v}" for k, v in figures["types"].items())
    print(f"types: {types}", file=out)
    for index, levels in figures["levels"].items():
        print(f"  {index}: levels {' '.join(map(str, levels)) or '-'}", file=out)
    print(
        f"{figures['tutorials']} tutorials, {figures['own_lessons']} lessons,"
        f" {figures['simulators']} simulators, {figures['attachments']} attachments,"
        f" {figures['timed']} timed",
        file=out,
    )
    print(json.dumps(figures, sort_keys=True, ensure_ascii=False), file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m octet.content.tools", description=__doc__)
    parser.add_argument("command", choices=("check", "stats"))
    parser.add_argument("--content", type=Path, default=None, help="content directory")
    args = parser.parse_args(argv)
    content_dir = args.content or default_content_dir()
    if not (content_dir / "framework.yaml").is_file():
        print(f"{content_dir}: not a content directory (no framework.yaml)", file=sys.stderr)
        return 2
    return check(content_dir) if args.command == "check" else stats(content_dir)


if __name__ == "__main__":
    sys.exit(main())
