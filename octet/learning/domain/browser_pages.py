"""The browser simulator's pages as plain data, for a page that shows them as text (no script).

The same scenario as `content/simulators/browser.html`, read by the same rules: the start page
first, then every page its links reach, in the order they are first met (a page no link reaches
is not shown: the learner would have to guess its address). Each page as the simulator draws
it: its tab title, the address bar, the badge left of the address (padlock, "Not secure" or
"Invalid certificate") and the connection information it opens, with the certificate; then the
content blocks, a link's target given only as the status bar says it ("Link to: …"), never
judged. An address the scenario does not hold is the simulator's "This site can't be reached"
page. The words are the simulator's own (`T[locale]`). Keep the two in step: a change to one
is a change to the other and to `tests/learning/test_browser_text.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from octet.learning.domain.scenario import text as _text

# The simulator's `T[locale]` words that its pages show.
WORDS = {
    "fr": {
        "address": "Adresse du site", "secure": "Sécurisé", "insecure": "Non sécurisé",
        "badCert": "Certificat non valide", "info": "Informations sur la connexion",
        "secureLong": "La connexion à ce site est chiffrée (HTTPS).",
        "insecureLong": "La connexion à ce site n\u2019est pas chiffrée : ce que vous tapez peut "
        "être lu par d\u2019autres.",
        "badLong": "Le certificat de ce site n\u2019est pas valide : le site n\u2019est peut-être "
        "pas celui qu\u2019il prétend être.",
        "issuedTo": "Délivré à", "issuer": "Délivré par", "from": "Valide du",
        "to": "Valide jusqu\u2019au", "cert": "Certificat", "offline": "Ce site est inaccessible",
        "offlineLong": "Impossible de trouver la page {u}. Vérifiez l\u2019adresse.",
        "link": "Lien vers : ",
    },
    "en": {
        "address": "Site address", "secure": "Secure", "insecure": "Not secure",
        "badCert": "Invalid certificate", "info": "Connection information",
        "secureLong": "The connection to this site is encrypted (HTTPS).",
        "insecureLong": "The connection to this site is not encrypted: what you type can be read "
        "by others.",
        "badLong": "This site\u2019s certificate is not valid: the site may not be the one it "
        "claims to be.",
        "issuedTo": "Issued to", "issuer": "Issued by", "from": "Valid from", "to": "Valid until",
        "cert": "Certificate", "offline": "This site can\u2019t be reached",
        "offlineLong": "The page {u} could not be found. Check the address.", "link": "Link to: ",
    },
}  # fmt: skip

INLINE = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*")


@dataclass(frozen=True)
class Piece:
    kind: str  # "text", "strong" or "link"
    text: str
    status: str = ""  # a link's target as the status bar says it: "Link to: https://…"
    anchor: str = ""  # the id of the page the link opens, in the text version


@dataclass(frozen=True)
class Block:
    kind: str  # h1, h2, h3, p, link, list, image, notice, hr, form
    pieces: list[Piece]  # a heading's, paragraph's, link's or notice's text
    items: list[list[Piece]]  # a list's items
    text: str = ""  # an image's alternative text
    caption: str = ""
    fields: list[tuple[str, str]] | None = None  # a form's (label, type)
    button: str = ""


@dataclass(frozen=True)
class Page:
    anchor: str
    url: str
    title: str  # the tab title
    badge: str  # "Secure", "Not secure", "Invalid certificate"
    secure: bool
    info: str  # the connection information's sentence
    certificate: list[tuple[str, str]]
    blocks: list[Block]


@dataclass(frozen=True)
class Browser:
    words: dict
    pages: list[Page]


def _list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else []


def norm_url(url) -> str:
    """The simulator's `normUrl`: no fragment, lower-case scheme and host, no trailing `/`."""
    url = re.sub(r"#.*$", "", _text(url).strip(), flags=re.S)
    m = re.match(r"^([a-z][a-z0-9+.-]*)://([^/?#]*)(.*)$", url, re.I | re.S)
    if not m:
        return url.lower()
    return f"{m[1].lower()}://{m[2].lower()}" + re.sub(r"/+$", "", m[3])


def host_of(url) -> str:
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:]*)", _text(url), re.I)
    return m[1].lower() if m else ""


def browser(scenario, locale: str) -> Browser:
    words = WORDS.get(locale, WORDS["fr"])
    known = {}
    for page in _list(scenario.get("pages")):
        if hasattr(page, "get"):
            known.setdefault(norm_url(page.get("url")), page)

    def lookup(url):
        return known.get(norm_url(url))

    def resolve(href: str, current: str) -> str:  # the simulator's `resolve`
        href = href.strip()
        if re.match(r"^[a-z][a-z0-9+.-]*://", href, re.I):
            return href
        if lookup("https://" + href):
            return "https://" + href
        if lookup("http://" + href):
            return "http://" + href
        if href.startswith("/") and current:
            return re.sub(r"^([a-z]+://[^/]+).*$", r"\1", current, flags=re.I | re.S) + href
        return "https://" + href

    first = _text(scenario.get("start")) or _text(
        (_list(scenario.get("pages")) or [{}])[0].get("url")
    )
    order: list[str] = []  # the addresses shown, as the address bar writes them
    anchors: dict[str, str] = {}

    def visit(url: str) -> str:
        page = lookup(url)
        shown = _text(page.get("url")) if page else url
        key = norm_url(shown)
        if key not in anchors:
            anchors[key] = f"browser-page-{len(order) + 1}"
            order.append(shown)
        return anchors[key]

    visit(first)
    pages = []
    done = 0
    while done < len(order):
        url = order[done]
        done += 1
        page = lookup(url)

        def inline(text, url=url):
            out, last, text = [], 0, _text(text)
            for m in INLINE.finditer(text):
                if m.start() > last:
                    out.append(Piece("text", text[last : m.start()]))
                out.append(link(m[1], m[2], url) if m[1] is not None else Piece("strong", m[3]))
                last = m.end()
            if last < len(text):
                out.append(Piece("text", text[last:]))
            return out

        def link(text, href, current):
            href = _text(href)
            return Piece("link", _text(text), words["link"] + href, visit(resolve(href, current)))

        blocks = []
        for raw in _list(page.get("content")) if page else []:
            raw = raw if hasattr(raw, "get") else {}
            kind = _text(raw.get("type"))
            if kind in ("h1", "h2", "h3", "p", "notice"):
                blocks.append(Block(kind, inline(raw.get("text")), []))
            elif kind == "link":
                href = _text(raw.get("href"))
                blocks.append(Block(kind, [link(_text(raw.get("text")) or href, href, url)], []))
            elif kind == "list":
                blocks.append(Block(kind, [], [inline(x) for x in _list(raw.get("items"))]))
            elif kind == "image":
                blocks.append(Block(kind, [], [], _text(raw.get("alt")), _text(raw.get("caption"))))
            elif kind == "hr":
                blocks.append(Block(kind, [], []))
            elif kind == "form":
                fields = [
                    (_text(f.get("label")), _text(f.get("type")))
                    for f in _list(raw.get("fields"))
                    if hasattr(f, "get")
                ]
                blocks.append(
                    Block(kind, [], [], fields=fields, button=_text(raw.get("button")) or "OK")
                )
        if page is None:
            blocks = [
                Block("h1", [Piece("text", words["offline"])], []),
                Block("p", [Piece("text", words["offlineLong"].replace("{u}", url))], []),
            ]
        if not re.match(r"^https:", url, re.I):
            security = "insecure"
        elif (
            page
            and hasattr(page.get("certificate"), "get")
            and (page["certificate"].get("valid") is False)
        ):
            security = "bad"
        else:
            security = "secure"
        certificate = []
        if security != "insecure":
            c = (page.get("certificate") if page else None) or {}
            c = c if hasattr(c, "get") else {}
            certificate = [
                (words[what], value)
                for what, value in (
                    ("issuedTo", _text(c.get("issued_to")) or host_of(url)),
                    ("issuer", _text(c.get("issuer"))),
                    ("from", _text(c.get("valid_from"))),
                    ("to", _text(c.get("valid_to"))),
                )
                if value
            ]
        pages.append(
            Page(
                anchor=anchors[norm_url(url)],
                url=url,
                title=_text(page.get("title")) if page else words["offline"],
                badge=words[{"secure": "secure", "bad": "badCert"}.get(security, "insecure")],
                secure=security == "secure",
                info=words[security + "Long"],
                certificate=certificate,
                blocks=blocks,
            )
        )
    return Browser(words, pages)
