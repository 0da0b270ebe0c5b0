"""Markdown from the content bank, rendered to safe HTML (no raw HTML, no scripts).

Only content texts come here (instructions, proposals, explanations, lessons), never what a
user typed, so the caches below are bounded by the size of the bank: each text is rendered
once per process, then every page view reuses it.
"""

import functools
import re
import threading

import markdown as markdown_lib
import nh3

from octet.core.domain.typography import content_spacing

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "kbd",
    "del",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
TABLE_OPEN = '<div class="table-scroll" tabindex="0"><table>'

# Code, keyboard keys and tags keep their own spaces.
_KEPT = re.compile(r"(<(pre|code|kbd)\b.*?</\2>|<[^>]*>)", re.S)


def keep_marks_with_words(html: str) -> str:
    """`content_spacing` on the text of some HTML, never inside code, kbd or a tag."""
    parts = _KEPT.split(html)
    # split() returns text, the kept segment, its tag name, text, ...
    for i in range(0, len(parts), 3):
        parts[i] = content_spacing(parts[i])
    return "".join(part for i, part in enumerate(parts) if i % 3 != 2)


# Far more than the bank's texts in both languages (about 10,000 today).
CACHE_SIZE = 1 << 16
_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    """One converter per thread: building one costs more than converting a short text."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(
            extensions=["tables", "sane_lists", "fenced_code"], output_format="html"
        )
    return converter


_TABLE = re.compile(r"<table>.*?</table>", re.S)
_CORNER = "<thead>\n<tr>\n<th></th>"
_ROW_START = re.compile(r"(<tr>\n)<td>(.*?)</td>", re.S)


def _rows_named(table: str) -> str:
    """A grid whose top-left cell is empty (a spreadsheet, a timetable) names its rows in its
    first column: those cells become row headers, which a screen reader says with each cell
    of the row, as it says the column's; the empty corner is no header of a column."""
    if _CORNER not in table:
        return table
    head, _, body = table.partition("</thead>")
    head = head.replace(_CORNER, "<thead>\n<tr>\n<td></td>", 1)
    return head + "</thead>" + _ROW_START.sub(r'\1<th scope="row">\2</th>', body)


@functools.lru_cache(maxsize=CACHE_SIZE)
def render(text: str) -> str:
    """Markdown to HTML; raw HTML in the source is escaped, links get rel=noopener."""
    html = _converter().reset().convert(text or "")
    html = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
    )
    html = keep_marks_with_words(html)
    if "<table>" in html:
        html = _TABLE.sub(lambda table: _rows_named(table.group()), html)
    # A table wider than a phone scrolls in its own box (site.css), focusable for the keyboard.
    return html.replace("<table>", TABLE_OPEN).replace("</table>", "</table></div>")


@functools.lru_cache(maxsize=CACHE_SIZE)
def render_inline(text: str) -> str:
    """Markdown for one line (a proposal, a label): without the surrounding paragraph."""
    html = render(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


_CODE_HTML = re.compile(r"<(pre|code)\b.*?</\1>", re.S)
# Code in the Markdown source (fenced or inline), and a back-slash escape ("\*").
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
_ESCAPE = r"\\[\\`*_{}\[\]()#+\-.!]"
# Code first, so that a back-slash inside code (C:\Users\) is not read as an escape.
_ESCAPED = re.compile(rf"({CODE.pattern})|{_ESCAPE}", re.S)
_HEADING_DROPPED = re.compile(r"<h[156]\b")
_LINK_DROPPED = re.compile(r"<a (?![^>]*\bhref=)")
_OPEN_MARKS = (
    ("**", "'**' is never closed: the stars show as they are"),
    ("`", "a back-quote is never closed: it shows as it is"),
    ("](", "a link is never closed: '[text](address)' shows as it is"),
)


def slips(text: str) -> list[tuple[str, str]]:
    """What an author wrote in Markdown that a learner would not see as meant, for the content
    check: (the mark to look for in the source, why), each at most once."""
    text = text or ""
    found: list[tuple[str, str]] = []
    if not any(mark in text for mark in ("*", "`", "[", "#")):
        return found  # most names, labels and proposals: nothing to render
    html = _converter().reset().convert(text)
    if "<img" in html:
        found.append(("![", "a Markdown image is not shown; use 'illustration:'"))
    if _HEADING_DROPPED.search(html):
        found.append(
            (
                "#",
                "a line starting with '#' is a heading the page shows as plain text without"
                " its '#'; use ## to ####, or put the '#' in back-quotes",
            )
        )
    if "](" in text and _LINK_DROPPED.search(render(text)):
        found.append(("](", "a link that is not followed: use an https:// or mailto: address"))
    # Escaped marks (\*\*) are meant to show (read as a plain letter); code keeps its marks.
    unescaped = _ESCAPED.sub(lambda m: m.group(1) or "x", text)
    words = html if unescaped == text else _converter().reset().convert(unescaped)
    words = re.sub(r"<[^>]*>", "", _CODE_HTML.sub("", words))
    found += [(mark, why) for mark, why in _OPEN_MARKS if mark in words]
    return found


def slip_line(text: str, mark: str) -> int:
    """Offset of the line where a `slips` mark goes wrong, outside code (0 if not found): for
    '**', the last one left open; otherwise the first line holding the mark. A block of several
    lines counts from the line after its key, as a YAML block scalar does."""
    text = CODE.sub(lambda m: "\n" * m.group().count("\n"), text)
    lines = re.sub(_ESCAPE, "x", text).split("\n")
    found, count = 0, 0
    for index, line in enumerate(lines):
        if mark == "**":
            opened = count % 2 == 0
            count += line.count(mark)
            if opened and count % 2:
                found = index
        elif (line.lstrip().startswith(mark) if mark == "#" else mark in line) and not found:
            found = index
    return found + (1 if len(lines) > 1 else 0)
