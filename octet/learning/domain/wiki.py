"""The wiki simulator's world as plain data, for a page that shows it as text (no script).

The same scenario as `content/simulators/wiki.html`, read by the same rules: revisions in date
and time order (the latest is the article), sizes in UTF-8 bytes, dates `DD/MM/YYYY` in French,
an IP address for an anonymous author, the article's little markup, and the line diff the
simulator draws. Keep the two in step: a change to one is a change to the other and to
`tests/learning/test_wiki_text.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from octet.learning.domain.scenario import text as _text

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_IPV6 = re.compile(r"^[0-9a-f]*:[0-9a-f:]+$", re.IGNORECASE)
_HEADING = re.compile(r"^(={2,3})\s*(.*?)\s*\1\s*$")
_BULLET = re.compile(r"^\*\s?")
_INLINE = re.compile(r"'''(.+?)'''|''(.+?)''|\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class Revision:
    id: str
    date: str  # as the scenario writes it: YYYY-MM-DD
    time: str
    author: str
    summary: str
    content: str
    minor: bool
    size: int  # UTF-8 bytes of the content
    change: int  # size minus the previous revision's (its whole size for the first)


def revisions(scenario) -> list[Revision]:
    """Oldest first, as the simulator orders them (ties keep the scenario's order)."""
    raw = [r for r in scenario.get("revisions") or () if hasattr(r, "get")]
    ordered = sorted(
        enumerate(raw),
        key=lambda pair: (f"{_text(pair[1].get('date'))} {_text(pair[1].get('time'))}", pair[0]),
    )
    out: list[Revision] = []
    for _, r in ordered:
        content = _text(r.get("content"))
        size = len(content.encode("utf-8"))
        out.append(
            Revision(
                id=_text(r.get("id")),
                date=_text(r.get("date")),
                time=_text(r.get("time")),
                author=_text(r.get("author")),
                summary=_text(r.get("summary")),
                content=content,
                minor=bool(r.get("minor")),
                size=size,
                change=size - (out[-1].size if out else 0),
            )
        )
    return out


def shown_date(date: str, locale: str) -> str:
    """`DD/MM/YYYY` in French, as written in English."""
    found = _DATE.match(date)
    return f"{found[3]}/{found[2]}/{found[1]}" if found and locale == "fr" else date


def is_anonymous(author: str) -> bool:
    """An author that is an IP address (v4 or v6)."""
    return bool(_IPV4.match(author) or _IPV6.match(author))


def _inline(text: str) -> str:
    out, last = [], 0
    for found in _INLINE.finditer(text):
        out.append(escape(text[last : found.start()]))
        if found[1] is not None:
            out.append(f"<b>{_inline(found[1])}</b>")
        elif found[2] is not None:
            out.append(f"<i>{_inline(found[2])}</i>")
        else:  # a link to another page of the wiki, inert as in the simulator
            out.append(f'<span class="wiki-link">{escape(found[4] or found[3])}</span>')
        last = found.end()
    out.append(escape(text[last:]))
    return "".join(out)


def article_html(text: str, heading_level: int) -> str:
    """The article as HTML: paragraphs, `== h ==` at `heading_level`, `=== h ===` one below,
    `* ` bullets, bold, italic and inert links; everything else escaped."""
    blocks: list[str] = []
    para: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(f"<p>{_inline(' '.join(para))}</p>")
            para.clear()
        if bullets:
            blocks.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = min(6, heading_level + len(heading[1]) - 2)
            blocks.append(f"<h{level}>{_inline(heading[2])}</h{level}>")
        elif _BULLET.match(line):
            if para:
                flush()
            bullets.append(_inline(_BULLET.sub("", line, count=1)))
        elif not line.strip():
            flush()
        else:
            if bullets:
                flush()
            para.append(line.strip())
    flush()
    return "".join(blocks)


def diff_lines(before: str, after: str) -> list[tuple[str, str]]:
    """The lines of two texts marked `" "` (kept), `"-"` (removed) or `"+"` (added), by the
    longest common subsequence, with the simulator's choices where two diffs are as short."""
    a, b = before.split("\n"), after.split("\n")
    n, m = len(a), len(b)
    common = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            common[i][j] = (
                common[i + 1][j + 1] + 1
                if a[i] == b[j]
                else max(common[i + 1][j], common[i][j + 1])
            )
    out: list[tuple[str, str]] = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append((" ", a[i]))
            i, j = i + 1, j + 1
        elif common[i + 1][j] >= common[i][j + 1]:
            out.append(("-", a[i]))
            i += 1
        else:
            out.append(("+", b[j]))
            j += 1
    out += [("-", line) for line in a[i:]] + [("+", line) for line in b[j:]]
    return out
