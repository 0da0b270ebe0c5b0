"""Generate content/attachments/files/ from the specs in content/attachments/*.yaml.

    python scripts/make_attachments.py            # write the files that changed
    python scripts/make_attachments.py --check    # exit 1 if a committed file differs or is missing

Deterministic: the same specs give the same bytes, so the files are committed and reviewed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

import attachments_lib  # noqa: E402

from octet.content.domain.attachments import read_specs  # noqa: E402
from octet.content.domain.release import ATTACHMENT_FILES, display_path  # noqa: E402


def generate(
    content_dir: Path, out_dir: Path, only: set[str] | None = None
) -> tuple[int, list[str]]:
    """Write every spec'd file into out_dir; returns (files written, problems)."""
    specs, problems = read_specs(content_dir, display=display_path)
    if problems:
        return 0, [str(p) for p in problems]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = 0
    errors = []
    for spec in specs:
        if only and spec.file not in only:
            continue
        try:
            data = attachments_lib.make(spec.kind, spec.data)
        except Exception as error:  # noqa: BLE001 - report the spec, keep generating the others
            errors.append(f"{spec.path}:{spec.line}: attachment {spec.file}: {error}")
            continue
        target = out_dir / spec.file
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            written += 1
    return written, errors


def check(content_dir: Path) -> list[str]:
    """Regenerate into a temporary directory and compare with the committed files."""
    committed = content_dir / ATTACHMENT_FILES
    with tempfile.TemporaryDirectory() as temp:
        fresh = Path(temp)
        _, problems = generate(content_dir, fresh)
        if problems:
            return problems
        for path in sorted(fresh.iterdir()):
            target = committed / path.name
            if not target.exists():
                problems.append(f"{display_path(target)}: missing (run make attachments)")
            elif target.read_bytes() != path.read_bytes():
                problems.append(
                    f"{display_path(target)}: differs from its spec (run make attachments)"
                )
        expected = {p.name for p in fresh.iterdir()}
    if committed.is_dir():
        for path in sorted(committed.iterdir()):
            if path.is_file() and not path.name.startswith(".") and path.name not in expected:
                problems.append(f"{display_path(path)}: no spec declares this file")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--out", type=Path, default=None, help="write elsewhere than content/")
    parser.add_argument("files", nargs="*", help="only these file names")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(args.content)
        for line in problems:
            print(line)
        if not problems:
            print("attachments: every committed file matches its spec")
        return 1 if problems else 0
    out_dir = args.out or args.content / ATTACHMENT_FILES
    written, problems = generate(args.content, out_dir, set(args.files) or None)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"attachments: {written} file(s) written to {display_path(out_dir)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
