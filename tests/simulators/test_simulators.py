"""Octet's embedded simulators: static rules for every file, and a real browser run of each."""

import functools
import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

SIMULATORS = Path(__file__).resolve().parents[2] / "content" / "simulators"
NAMES = [
    "webmail",
    "files",
    "spreadsheet",
    "search",
    "browser",
    "social",
    "wiki",
    "settings",
    "robot",
]
SCENARIO_RE = re.compile(
    r'<script type="application/json" id="octet-scenario">(.*?)</script>', re.S
)


def source(name):
    return (SIMULATORS / f"{name}.html").read_text(encoding="utf-8")


def present():
    return sorted(p.stem for p in SIMULATORS.glob("*.html"))


def inject(name, scenario, locale="fr"):
    """Do what the server does: put the scenario, with its locale, in the file."""
    text = source(name)
    match = SCENARIO_RE.search(text)
    data = json.dumps(dict(scenario, locale=locale), ensure_ascii=False).replace("</", "<\\/")
    return text[: match.start(1)] + data + text[match.end(1) :]


def demo(name):
    return json.loads(SCENARIO_RE.search(source(name)).group(1))


# --- static rules ---------------------------------------------------------------------------


def test_the_nine_simulators_exist():
    assert set(NAMES) <= set(present())


@pytest.mark.parametrize("name", present())
def test_file_is_self_contained_and_small(name):
    text = source(name)
    assert len(SCENARIO_RE.findall(text)) == 1
    assert text.count('id="octet-scenario"') == 1
    assert len(text.encode("utf-8")) < 60_000
    external = re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I)
    assert external == []
    assert "<link" not in text.lower()
    assert "fetch(" not in text and "XMLHttpRequest" not in text
    json.loads(SCENARIO_RE.search(text).group(1))


@pytest.mark.parametrize("name", present())
def test_scenario_text_is_never_run_as_html_or_code(name):
    # Scenario strings come from content authors; they are set as text, never parsed.
    text = source(name)
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert risky not in text
    assert "new Function" not in text
    # Sandboxed without allow-same-origin: storage would throw, so none is used.
    for storage in ("localStorage", "sessionStorage", "document.cookie", "indexedDB"):
        assert storage not in text


@pytest.mark.parametrize("name", present())
def test_script_is_plain_es5_for_old_phone_browsers(name):
    # A single unsupported syntax stops the whole script on an old browser.
    script = "".join(re.findall(r"<script>(.*?)</script>", source(name), re.S))
    assert "=>" not in script
    assert "(?<" not in script
    assert re.search(r"\b(let|const|class)\s", script) is None
    assert "`" not in script
    assert ":focus-visible{" not in source(name)


def test_every_simulator_shares_the_same_core():
    # The core (scenario, locale, messages, reporting) is copied in each file: keep copies equal.
    core = re.compile(r"// Octet simulator core.*?\nfunction start\(draw\) \{.*?\n\}\n", re.S)
    copies = {name: core.search(source(name)) for name in present()}
    assert all(copies.values()), [name for name, found in copies.items() if not found]
    assert len({found.group(0) for found in copies.values()}) == 1


def test_readme_documents_every_simulator():
    readme = (SIMULATORS / "README.md").read_text(encoding="utf-8")
    for name in present():
        assert f"## {name}" in readme


# --- in a browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tab(browser):
    """One Chromium tab for the whole module: navigating is much cheaper than a new tab."""
    page = browser.new_page(viewport={"width": 400, "height": 700})
    yield page
    page.close()


class Host:
    """A page that embeds one simulator the way Octet does and records its messages."""

    def __init__(self, page, tmp_path, name, scenario, locale="fr"):
        page_html = (
            '<!doctype html><meta charset="utf-8"><body>'
            "<script>window.msgs=[];addEventListener('message',e=>msgs.push(e.data));</script>"
            '<iframe title="simulator" sandbox="allow-scripts allow-forms" '
            'style="width:360px;height:640px;border:0" srcdoc="'
            + html.escape(inject(name, scenario, locale), quote=True)
            + '"></iframe>'
        )
        path = tmp_path / f"{name}-{locale}-host.html"
        path.write_text(page_html, encoding="utf-8")
        self.page = page
        self.errors = []
        self.on_error = lambda error: self.errors.append(error)
        self.page.on("pageerror", self.on_error)
        self.page.goto(path.as_uri())
        self.frame = self.page.frame_locator("iframe")
        self.page.wait_for_function("msgs.some(m => m.octet === 'ready')")

    def messages(self):
        return self.page.evaluate("msgs")

    def answers(self):
        return [m["value"] for m in self.messages() if m.get("octet") == "answer"]

    def last_answer(self):
        self.page.wait_for_function("msgs.some(m => m.octet === 'answer')")
        return self.answers()[-1]

    def close(self):
        self.page.remove_listener("pageerror", self.on_error)
        assert [str(error) for error in self.errors] == []


@pytest.fixture
def host(tab, tmp_path):
    opened = []

    def open_host(name, scenario=None, locale="fr"):
        scenario = demo(name) if scenario is None else scenario
        if opened:
            opened[-1].close()
        opened.append(Host(tab, tmp_path, name, scenario, locale))
        return opened[-1]

    yield open_host
    if opened:
        opened[-1].close()


def load_many(tab, tmp_path, embeds, wanted=("ready",)):
    """Embed many (title, simulator, scenario, locale) at once; return each frame's messages.

    The frames are small and the window wide so that all are on screen: Chromium throttles
    frames out of view, which would only slow the test down.
    """
    frames = [
        f'<iframe title="{title}" sandbox="allow-scripts allow-forms" '
        'style="width:320px;height:40px;border:0;vertical-align:top" srcdoc="'
        + html.escape(inject(simulator, scenario, locale), quote=True)
        + '"></iframe>'
        for title, simulator, scenario, locale in embeds
    ]
    path = tmp_path / "many.html"
    path.write_text(
        '<!doctype html><meta charset="utf-8"><body style="margin:0"><script>window.msgs=[];'
        "addEventListener('message',e=>msgs.push({i:[...document.querySelectorAll('iframe')]"
        ".findIndex(f=>f.contentWindow===e.source),m:e.data}));</script>" + "".join(frames),
        encoding="utf-8",
    )
    errors = []

    def on_error(error):
        errors.append(str(error))

    tab.on("pageerror", on_error)
    tab.set_viewport_size({"width": 1700, "height": 1300})
    try:
        tab.goto(path.as_uri())
        tab.wait_for_function(
            "wanted => [...document.querySelectorAll('iframe')].every((f, i) => wanted"
            ".every(k => msgs.some(x => x.i === i && x.m.octet === k)))",
            arg=list(wanted),
            timeout=45_000,
        )
    finally:
        tab.remove_listener("pageerror", on_error)
        tab.set_viewport_size({"width": 400, "height": 700})
    assert errors == []
    received = [[] for _ in frames]
    for message in tab.evaluate("msgs"):
        received[message["i"]].append(message["m"])
    return received


@pytest.mark.browser
def test_demos_load_and_announce_themselves_in_both_locales(tab, tmp_path):
    embeds = [(f"{n}-{loc}", n, demo(n), loc) for n in NAMES for loc in ("fr", "en")]
    loaded = load_many(tab, tmp_path, embeds, wanted=("ready", "height"))
    for (title, *_), messages in zip(embeds, loaded, strict=True):
        kinds = [m.get("octet") for m in messages]
        assert "ready" in kinds, title
        assert "answer" not in kinds, title
        heights = [m["value"] for m in messages if m.get("octet") == "height"]
        assert heights and all(isinstance(h, int) and h > 50 for h in heights), title
        # Mobile-first: nothing sticks out of a 320 px frame (the spreadsheet grid scrolls).
        page = tab.frame_locator(f'iframe[title="{title}"]').locator("html")
        assert page.evaluate("e => e.scrollWidth <= e.clientWidth"), title


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_a_frame_of_the_reported_height_shows_the_whole_simulator(host, name):
    """The page makes the frame as tall as the simulator says; a last paragraph's margin left
    out of that height made the spreadsheet scroll 13 px inside its frame on a phone."""
    opened = host(name)
    opened.page.wait_for_timeout(400)  # the late height (fonts, timers) has been sent
    heights = [m["value"] for m in opened.messages() if m.get("octet") == "height"]
    opened.page.evaluate(
        "h => { document.querySelector('iframe').style.height = h + 'px' }", heights[-1]
    )
    inside = opened.frame.locator("html").evaluate(
        "e => [e.scrollHeight, innerHeight, e.scrollWidth, innerWidth]"
    )
    assert inside[0] <= inside[1], (name, inside)
    assert inside[2] <= inside[3], (name, inside)


ODD = {
    "webmail": {"messages": [{"id": 1}, {}], "auto_replies": [{}], "contacts": [{}]},
    "files": {"tree": [{"name": "a", "children": [{}]}, {}], "start": "nowhere"},
    "spreadsheet": {"cells": {"A1": "=SUM(", "ZZ9": 1, "B2": None}, "locked": ["bad"]},
    "search": {"documents": [{}, {"title": "t", "url": "nourl"}], "query": '"unclosed'},
    "browser": {"pages": [{"content": [{}, {"type": "form"}, {"type": "list"}]}]},
    "social": {"posts": [{}], "friends": [{}], "settings": {"posts": "weird"}},
    "wiki": {"revisions": [{}]},
    "settings": {"apps": [{}], "wifi": {"networks": [{}]}, "updates": {}, "lock": {}},
    "robot": {"map": ["", "#"], "program": [{"repeat": "x"}, "jump", None]},
}


@pytest.mark.browser
def test_empty_or_odd_scenarios_never_break_a_simulator(tab, tmp_path):
    embeds = [
        (f"{n}-{i}", n, scenario, "fr") for n in NAMES for i, scenario in enumerate([{}, ODD[n]])
    ]
    load_many(tab, tmp_path, embeds)


MAIL = {
    "me": {"name": "Léa Martin", "address": "lea@college.fr"},
    "contacts": [{"name": "Hugo", "address": "hugo@college.fr"}],
    "files": ["expose.pdf"],
    "messages": [
        {
            "id": "m1",
            "from": {"name": "Mme Diallo", "address": "Diallo@College.fr"},
            "to": ["lea@college.fr", "ines@college.fr"],
            "cc": ["tom@college.fr"],
            "date": "2024-03-12 09:14",
            "subject": "Exposé",
            "body": "Envoie-moi l'exposé.",
            "attachments": ["consignes.pdf"],
        }
    ],
    "auto_replies": [
        {
            "when": {"to_has": ["diallo@college.fr"], "bcc_has": ["hugo@college.fr"]},
            "reply": {
                "from": {"name": "Mme Diallo", "address": "diallo@college.fr"},
                "subject": "Bien reçu",
                "body": "Code : TOUCAN",
            },
        }
    ],
}


@pytest.mark.browser
def test_webmail_reports_the_sent_mail_and_delivers_the_auto_reply(host):
    scenario = dict(MAIL, report={"to": "to", "hidden": "bcc", "files": "attachments"})
    sim = host("webmail", scenario, locale="en")
    f = sim.frame
    f.get_by_role("button", name="New message").click()
    f.get_by_label("To", exact=True).fill("DIALLO@college.fr; ines@college.fr")
    f.get_by_text("Contacts").click()
    f.get_by_role("button", name="Add Hugo to Bcc").click()
    f.get_by_label("Subject").fill("Exposé")
    f.get_by_label("Attach a file").select_option("expose.pdf")
    f.get_by_role("button", name="Attach", exact=True).click()
    f.get_by_role("button", name="Send").click()
    assert sim.last_answer() == {
        "to": "diallo@college.fr, ines@college.fr",
        "hidden": "hugo@college.fr",
        "files": "expose.pdf",
    }
    f.get_by_role("button", name="Bien reçu").click()
    assert "Code : TOUCAN" in f.locator("main").inner_text()


@pytest.mark.browser
def test_webmail_reply_all_keeps_others_and_rejects_bad_addresses(host):
    scenario = dict(
        MAIL, report={"r": "recipients", "thanks": "body_has:merci", "quoted": "body_has:exposé"}
    )
    sim = host("webmail", scenario)
    f = sim.frame
    f.get_by_role("button", name="Exposé").click()
    f.get_by_role("button", name="Répondre à tous").click()
    assert f.get_by_label("Objet").input_value() == "RE : Exposé"
    f.get_by_label("Cci", exact=True).fill("not-an-address")
    f.get_by_role("button", name="Envoyer").click()
    assert "not-an-address" in f.get_by_role("alert").inner_text()
    assert sim.answers() == []
    f.get_by_label("Cci", exact=True).fill("")
    f.get_by_label("Message").press("Control+Home")
    f.get_by_label("Message").type("Merci !")
    f.get_by_role("button", name="Envoyer").click()
    assert sim.last_answer() == {
        "r": "diallo@college.fr, ines@college.fr, tom@college.fr",
        "thanks": "oui",
        "quoted": "non",
    }
    assert "Nouveau message reçu" not in f.locator("main").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize(
    "locale,button,send,words",
    [
        ("fr", "Transférer", "Envoyer", ("transférer", "répondre à tous")),
        ("en", "Forward", "Send", ("forward", "reply all")),
    ],
)
def test_webmail_reports_the_action_in_the_learners_words(host, locale, button, send, words):
    sim = host("webmail", dict(MAIL, report={"action": "action", "source": "source"}), locale)
    f = sim.frame
    f.get_by_role("button", name="Exposé").click()
    f.get_by_role("button", name=button).click()
    f.get_by_label("À" if locale == "fr" else "To", exact=True).fill("hugo@college.fr")
    f.get_by_role("button", name=send).click()
    assert sim.last_answer() == {"action": words[0], "source": "Exposé"}
    reply_all = "Répondre à tous" if locale == "fr" else "Reply all"
    f.get_by_role("button", name="Exposé").first.click()
    f.get_by_role("button", name=reply_all).click()
    f.get_by_role("button", name=send).click()
    sim.page.wait_for_function("msgs.filter(m => m.octet === 'answer').length === 2")
    assert sim.answers()[-1] == {"action": words[1], "source": "Exposé"}


@pytest.mark.browser
@pytest.mark.parametrize(
    "locale,words",
    [
        ("fr", ("Répondre", "Nouveau message", "À", "Envoyer", "(sans objet)")),
        ("en", ("Reply", "New message", "To", "Send", "(no subject)")),
    ],
)
def test_webmail_reports_the_original_message_by_its_subject(host, locale, words):
    # The learner reads the value in the answer field and may have to type it: the subject as
    # the mailbox shows it, never the scenario's id (m1, m2...).
    reply, new, to, send, no_subject = words
    messages = [
        dict(MAIL["messages"][0], id="m1", subject="  Sortie   du\njeudi : qui vient ? "),
        dict(MAIL["messages"][0], id="m2", subject="", date="2024-03-11 08:00"),
    ]
    scenario = dict(MAIL, messages=messages, auto_replies=[], report={"source": "source"})
    sim = host("webmail", scenario, locale)
    f = sim.frame
    f.get_by_role("button", name="Sortie du jeudi").click()
    f.get_by_role("button", name=reply, exact=True).click()
    f.get_by_role("button", name=send).click()
    assert sim.last_answer() == {"source": "Sortie du jeudi : qui vient ?"}
    f.get_by_role("button", name=no_subject).click()
    f.get_by_role("button", name=reply, exact=True).click()
    f.get_by_role("button", name=send).click()
    sim.page.wait_for_function("msgs.filter(m => m.octet === 'answer').length === 2")
    assert sim.answers()[-1] == {"source": no_subject}
    f.get_by_role("button", name=new).click()
    f.get_by_label(to, exact=True).fill("hugo@college.fr")
    f.get_by_role("button", name=send).click()
    sim.page.wait_for_function("msgs.filter(m => m.octet === 'answer').length === 3")
    assert sim.answers()[-1] == {"source": ""}


TREE = {
    "root": "Documents",
    "tree": [
        {
            "name": "Cours",
            "type": "folder",
            "children": [
                {"id": "f1", "name": "histoire.odt", "size": 48213, "author": "Léa"},
                {"name": "Maths", "type": "folder", "children": []},
            ],
        },
        {"id": "f2", "name": "IMG_2041.jpg", "size": 2348000, "modified": "2023-12-24 19:40"},
        {"name": "a.txt", "size": 10, "modified": "2024-01-01 10:00"},
    ],
    "report": {"where": "path:f1", "name": "name:f1", "bin": "bin", "tree": "tree"},
}


@pytest.mark.browser
@pytest.mark.parametrize(
    "name,iso",
    [
        ("files", "2024-01-08 17:02"),
        ("webmail", "2024-03-12 09:14"),
        ("social", "2024-04-02 18:20"),
    ],
)
def test_dates_read_day_first_in_french_as_a_pupil_writes_them(host, name, iso):
    """The corrections write 20/03/2025; the simulator showed 2025-03-20 to a French pupil."""
    year, month, day = iso[:10].split("-")
    french = f"{day}/{month}/{year}{iso[10:]}"
    assert french in host(name, locale="fr").frame.locator("body").inner_text()
    english = host(name, locale="en").frame.locator("body").inner_text()
    assert iso in english and french not in english

    if name == "social":  # and the birthday of the profile
        assert "14/05/2011" in host(name, locale="fr").frame.locator("body").inner_text()


@pytest.mark.browser
def test_files_rename_move_delete_and_new_folder_are_reported(host):
    sim = host("files", TREE, locale="en")
    f = sim.frame
    f.get_by_role("button", name="Cours", exact=True).dblclick()
    f.get_by_role("button", name="histoire.odt").click()
    assert "Léa" in f.get_by_role("region", name="Properties").inner_text()
    f.get_by_role("button", name="Rename").click()
    f.get_by_label("New name").fill("Maths")
    f.get_by_role("button", name="OK").click()
    assert "already here" in f.get_by_role("alert").inner_text()
    f.get_by_label("New name").fill("history-ch3.odt")
    f.get_by_role("button", name="OK").click()
    f.get_by_role("button", name="Move to…").click()
    f.get_by_label("Destination folder").select_option(label="Documents/Cours/Maths")
    f.get_by_role("button", name="OK").click()
    f.get_by_role("button", name="Documents").click()
    f.get_by_role("button", name="IMG_2041.jpg").click()
    f.get_by_role("button", name="Delete").click()
    f.get_by_role("button", name="New folder").click()
    f.get_by_label("Name", exact=True).fill("Photos")
    f.get_by_role("button", name="OK").click()
    assert sim.last_answer() == {
        "where": "Cours/Maths/history-ch3.odt",
        "name": "history-ch3.odt",
        "bin": "IMG_2041.jpg",
        "tree": "a.txt, Cours/, Cours/Maths/, Cours/Maths/history-ch3.odt, Photos/",
    }


@pytest.mark.browser
@pytest.mark.parametrize(
    "locale,delete,binned", [("fr", "Supprimer", "corbeille"), ("en", "Delete", "bin")]
)
def test_files_reports_an_item_in_the_bin_in_the_learners_words(host, locale, delete, binned):
    sim = host("files", dict(TREE, report={"where": "path:f2"}), locale=locale)
    sim.frame.get_by_role("button", name="IMG_2041.jpg").click()
    sim.frame.get_by_role("button", name=delete).click()
    assert sim.last_answer() == {"where": binned}


@pytest.mark.browser
def test_files_sort_by_size_and_search_in_sub_folders(host):
    sim = host("files", dict(TREE, read_only=True, report=None), locale="en")
    f = sim.frame
    f.get_by_role("button", name="Sort by Size").click()
    f.get_by_role("button", name="Sort by Size").click()
    rows = f.locator("tbody tr").all_inner_texts()
    assert rows[0].startswith("IMG_2041.jpg") and "2.3 MB" in rows[0]
    assert f.get_by_role("button", name="Rename").count() == 0
    assert f.get_by_text("3 items", exact=True).count() == 1  # not "3 item(s)"
    f.get_by_label("Search by name").fill("HISTO")
    assert f.locator("tbody tr").all_inner_texts()[0].startswith("Cours/histoire.odt")
    assert f.get_by_text("1 item", exact=True).count() == 1
    assert sim.answers() == []


SHEET = {
    "sheet": "Notes",
    "columns": 4,
    "rows": 8,
    "cells": {
        "A1": "Élève",
        "B1": "Note",
        "C1": "Double",
        "A2": "Zoé",
        "B2": 12,
        "C2": "=B2*2",
        "A3": "Inès",
        "B3": 15.5,
        "A4": "Noah",
        "B4": 9,
    },
    "locked": ["A1:C1"],
    "report": {"avg": "B6", "count": "B7", "order": "column:A", "f": "formula:C4"},
}


def type_in(sim, cell, text):
    sim.frame.locator(f"#c-{cell}").click()
    sim.page.keyboard.type(text)
    sim.page.keyboard.press("Enter")


@pytest.mark.browser
def test_spreadsheet_formulas_paste_and_sort_are_reported(host):
    sim = host("spreadsheet", SHEET, locale="en")
    f = sim.frame
    type_in(sim, "B6", "=ROUND(AVERAGE(B2:B4);2)")
    type_in(sim, "B7", '=COUNTIF(B2:B4,">10")')
    f.locator("#c-C2").click()
    f.get_by_role("button", name="Copy").click()
    f.locator("#c-C3").click()
    f.get_by_role("button", name="Paste").click()
    assert f.locator("#c-C3").inner_text() == "31"
    f.locator("#c-A2").click()
    f.get_by_role("button", name="Sort A→Z").click()
    assert sim.last_answer() == {
        "avg": "12.17",
        "count": "2",
        "order": "Inès, Noah, Zoé",
        "f": "=B4*2",
    }
    assert f.locator("#c-C4").inner_text() == "24"
    f.locator("#c-A1").click()
    sim.page.keyboard.type("x")
    sim.page.keyboard.press("Enter")
    assert "protected" in f.locator("#msg").inner_text()


@pytest.mark.browser
def test_spreadsheet_pastes_a_formula_down_a_selected_range(host):
    sim = host("spreadsheet", dict(SHEET, report={"c3": "formula:C3", "c4": "C4"}), locale="en")
    f = sim.frame
    f.locator("#c-C2").click()
    f.get_by_role("button", name="Copy").click()
    f.locator("#c-C3").click()
    f.locator("#c-C4").click(modifiers=["Shift"])
    assert f.locator("#ref").inner_text() == "C3:C4"
    f.get_by_role("button", name="Paste").click()
    assert sim.last_answer() == {"c3": "=B3*2", "c4": "18"}
    f.locator("#c-C4").press("Delete")
    assert f.locator("#c-C3").inner_text() == "" and f.locator("#c-C4").inner_text() == ""


@pytest.mark.browser
def test_spreadsheet_selects_a_range_without_the_shift_key(host):
    """On a phone there is no Shift: "Select a range" makes the next tap end the range, in the
    simulator's own words, and pressing it again cancels."""
    sim = host("spreadsheet", dict(SHEET, report={"c3": "formula:C3", "c4": "C4"}), locale="en")
    f = sim.frame
    ranger = f.get_by_role("button", name="Select a range")
    assert "Shift" not in f.locator("#foot").inner_text().split("(")[0]
    ranger.click()
    ranger.click()  # changed my mind: the next click selects one cell again
    assert ranger.get_attribute("aria-pressed") == "false"
    f.locator("#c-C2").click()
    assert f.locator("#ref").inner_text() == "C2"
    f.get_by_role("button", name="Copy").click()
    f.locator("#c-C3").click()
    ranger.click()
    assert f.locator("#msg").inner_text() == "Tap the last cell of the range that starts at C3."
    f.locator("#c-C4").click()
    assert f.locator("#ref").inner_text() == "C3:C4"
    assert f.locator("#msg").inner_text() == "Range C3:C4 selected."
    f.get_by_role("button", name="Paste").click()
    assert sim.last_answer() == {"c3": "=B3*2", "c4": "18"}
    # A new range starts from the active cell, not from the end of the last one.
    ranger.click()
    assert f.locator("#ref").inner_text() == "C3"
    f.locator("#c-B4").click()
    assert f.locator("#ref").inner_text() == "B3:C4"


@pytest.mark.browser
def test_spreadsheet_copies_and_pastes_from_the_keyboard_alone(host):
    """Ctrl+C redraws the grid (the copied cell is marked): the cell keeps the focus, so the
    arrows still move in the grid and Ctrl+V pastes, without a mouse."""
    sim = host("spreadsheet", dict(SHEET, report={"c3": "formula:C3", "c4": "C4"}), locale="en")
    f = sim.frame
    inner = sim.page.frames[1]

    def focused():
        return inner.evaluate("document.activeElement.id")

    f.locator("td[tabindex='0']").focus()  # where Tab enters the grid: its first cell
    assert focused() == "c-A1"
    keys = sim.page.keyboard
    for key in ("ArrowRight", "ArrowRight", "ArrowDown"):
        keys.press(key)
    keys.press("Control+c")
    assert focused() == "c-C2"
    keys.press("ArrowDown")
    keys.press("Shift+ArrowDown")
    assert f.locator("#ref").inner_text() == "C3:C4"
    keys.press("Control+v")
    assert sim.last_answer() == {"c3": "=B3*2", "c4": "18"}
    assert focused() in ("c-C3", "c-C4")


@pytest.mark.browser
def test_spreadsheet_filter_errors_and_french_display(host):
    scenario = dict(SHEET, report="visible:A")
    sim = host("spreadsheet", scenario, locale="fr")
    f = sim.frame
    type_in(sim, "D2", "=B2/0")
    assert f.locator("#c-D2").inner_text() == "#DIV/0!"
    type_in(sim, "D3", "=SOMME(B2:B4)+1,5")
    assert f.locator("#c-D3").inner_text() == "#VALEUR!"
    type_in(sim, "D4", "=MOYENNE(B2:B3)")
    assert f.locator("#c-D4").inner_text() == "13,75"
    f.locator("#c-B3").click()
    f.get_by_role("button", name="Filtrer").click()
    f.get_by_label("Garder les lignes où B vaut").select_option("15.5")
    f.get_by_role("button", name="Appliquer").click()
    assert sim.last_answer() == "Inès"


def search_for(sim, query):
    sim.frame.get_by_role("searchbox").fill(query)
    sim.frame.get_by_role("searchbox").press("Enter")
    return sim.frame.locator("ol.res .url").all_inner_texts()


@pytest.mark.browser
def test_search_operators_filters_and_reader(host):
    sim = host("search", dict(demo("search"), report={"q": "query", "url": "opened"}), "en")
    f = sim.frame
    geo = "https://www.geo-junior.fr/volcans/auvergne.html"
    pdf = "https://cours.exemple.org/svt/volcans.pdf"
    world = "https://www.earth-facts.org/volcanoes"
    assert search_for(sim, "volcans") == [pdf, geo]
    assert search_for(sim, "volcans -site:geo-junior.fr") == [pdf]
    assert search_for(sim, '"plus haut volcan"') == [geo]
    assert search_for(sim, '"haut plus volcan"') == []
    assert "No document matches" in f.locator("main").inner_text()
    assert search_for(sim, "filetype:pdf volcan") == [pdf]
    assert search_for(sim, "intitle:volcanoes OR intitle:auvergne") == [geo, world]
    assert search_for(sim, "volcans after:2022-01-01") == [geo]
    f.get_by_label("Date").select_option("month")
    assert f.locator("ol.res .url").all_inner_texts() == []
    f.get_by_label("Date").select_option("any")
    f.get_by_label("Language").select_option("en")
    assert search_for(sim, "ACTIVE") == [world]
    f.get_by_role("button", name="Volcanoes of the world").click()
    assert "1,350 potentially active" in f.locator("article").inner_text()
    assert sim.last_answer() == {"q": "ACTIVE", "url": world}
    f.get_by_role("button", name="Back to results").click()
    assert f.locator("mark").first.inner_text() == "active"


@pytest.mark.browser
def test_browser_links_padlock_forms_history_and_typed_addresses(host):
    scenario = dict(demo("browser"), report={"v": "visited", "s": "submitted", "h": "host"})
    sim = host("browser", scenario, locale="en")
    f = sim.frame
    offer = f.get_by_role("link", name="Offre spéciale : 100 € offerts")
    offer.focus()
    assert "http://banque-exemple.secure-login.xyz/" in f.locator("#status").inner_text()
    f.get_by_role("button", name="Secure — Connection information").click()
    assert "Autorité Exemple" in f.locator("#cert").inner_text()
    offer.click()
    assert f.locator("#badge").inner_text().strip() == "⚠ Not secure"
    f.get_by_role("button", name="Débloquer").click()
    assert "nothing was sent" in f.locator("main").inner_text()
    assert sim.last_answer() == {
        "v": "http://banque-exemple.secure-login.xyz/",
        "s": "http://banque-exemple.secure-login.xyz/",
        "h": "banque-exemple.secure-login.xyz",
    }
    f.get_by_role("button", name="Back").click()
    assert f.get_by_role("heading", name="Bienvenue").is_visible()
    f.get_by_label("Site address").fill("www.banque-exemple.fr/connexion")
    f.get_by_label("Site address").press("Enter")
    assert f.get_by_role("heading", name="Identifiez-vous").is_visible()
    assert sim.last_answer()["v"] == "https://www.banque-exemple.fr/connexion"
    f.get_by_label("Site address").fill("https://nowhere.example/")
    f.get_by_label("Site address").press("Enter")
    assert "can’t be reached" in f.locator("main").inner_text()


@pytest.mark.browser
def test_social_view_as_and_privacy_settings_are_reported(host):
    report = {"posts": "posts", "mail": "email", "index": "search_engines", "p1": "post:p1"}
    report.update({"pub": "public_posts", "tag": "tag:t1"})
    sim = host("social", dict(demo("social"), report=report), locale="en")
    f = sim.frame
    f.get_by_label("The public").check()
    text = f.locator("main").inner_text()
    assert "sam.durand@exemple.fr" in text and "Lyon" not in text
    assert "Contrôle de maths" not in text and "Vive les vacances" in text
    assert "search engines" in f.locator("#note").inner_text()
    assert f.get_by_label("Who can see my e-mail address?").count() == 0
    f.get_by_label("A friend").check()
    assert "Contrôle de maths" in f.locator("main").inner_text()
    f.get_by_label("Me", exact=True).check()
    f.get_by_label("Who can see my e-mail address?").select_option("only_me")
    f.get_by_label("Who can see my future posts?").select_option("friends")
    f.get_by_label("Let search engines show my profile").uncheck()
    f.locator("#pv-p1").select_option("friends")
    f.get_by_role("button", name="Refuse").click()
    assert sim.last_answer() == {
        "posts": "friends",
        "mail": "only me",
        "index": "no",
        "p1": "friends",
        "pub": "",
        "tag": "refused",
    }
    f.get_by_label("The public").check()
    assert "No visible posts." in f.locator("main").inner_text()
    assert "sam.durand" not in f.locator("main").inner_text()


@pytest.mark.browser
def test_social_reports_audiences_and_tags_in_french(host):
    # The values land in the answer fields a French learner reads: French words, not codes.
    report = {"mail": "email", "p1": "post:p1", "msg": "messages", "tag": "tag:t1"}
    sim = host("social", dict(demo("social"), report=report), locale="fr")
    f = sim.frame
    f.get_by_label("Qui peut voir mon adresse e-mail ?").select_option("only_me")
    assert sim.last_answer() == {
        "mail": "moi uniquement",
        "p1": "public",
        "msg": "tout le monde",
        "tag": "en attente",
    }
    f.locator("#pv-p1").select_option("friends")
    f.get_by_label("Qui peut m’envoyer des messages ?").select_option("nobody")
    f.get_by_role("button", name="Refuser").click()
    assert sim.last_answer() == {
        "mail": "moi uniquement",
        "p1": "amis",
        "msg": "personne",
        "tag": "refusée",
    }


@pytest.mark.browser
def test_wiki_history_old_revision_diff_and_talk(host):
    sim = host("wiki", locale="en")
    f = sim.frame
    assert "80 volcans" in f.locator("main").inner_text()
    f.get_by_role("tab", name="History").click()
    rows = f.locator("ul.hist li").all_inner_texts()
    assert "82.64.12.9 (anonymous)" in rows[1] and "184 bytes (+1)" in rows[1]
    assert "−1" in rows[0] and "vandalisme" in rows[0]
    f.get_by_role("button", name="View the revision of 2023-03-15 at 21:47").click()
    assert "old revision" in f.get_by_role("note").inner_text()
    assert "800 volcans" in f.locator(".art").inner_text()
    f.get_by_role("tab", name="History").click()
    f.get_by_role("checkbox", name="Select the revision of 2023-02-03 at 10:12").check()
    f.get_by_role("checkbox", name="Select the revision of 2023-03-15 at 21:47").check()
    f.get_by_role("button", name="Compare selected revisions").click()
    assert f.locator("tr.del").inner_text().strip().endswith("Elle compte 80 volcans sur 45 km.")
    assert f.locator("tr.add").inner_text().strip().endswith("Elle compte 800 volcans sur 45 km.")
    f.get_by_role("tab", name="Talk").click()
    assert "Source : le site du parc naturel." in f.locator("main").inner_text()
    assert sim.answers() == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "locale,history,key",
    [("fr", "Historique", "« m » : modification mineure."), ("en", "History", "“m”: minor edit.")],
)
def test_wiki_history_says_in_words_what_the_m_of_a_minor_edit_means(host, locale, history, key):
    """Its tooltip alone would never show on a phone, which has no mouse to hover with."""
    sim = host("wiki", locale=locale)
    sim.frame.get_by_role("tab", name=history).click()
    assert key in sim.frame.locator("main > p").first.inner_text()
    scenario = demo("wiki")
    scenario["revisions"] = [dict(r, minor=False) for r in scenario["revisions"]]
    sim = host("wiki", scenario, locale=locale)
    sim.frame.get_by_role("tab", name=history).click()
    assert "«" not in sim.frame.locator("main > p").first.inner_text()
    assert "“m”" not in sim.frame.locator("main > p").first.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("locale,off", [("fr", "non"), ("en", "no")])
def test_settings_reads_an_on_key_that_yaml_turned_into_true(host, locale, off):
    # A boolean lands in an answer field the learner reads: it is reported in their language.
    scenario = {"device": "computer", "wifi": {"true": True, "networks": []}, "report": "wifi"}
    sim = host("settings", scenario, locale=locale)
    sim.frame.get_by_role("button", name="Wi-Fi").click()
    sim.frame.get_by_role("switch", name="Wi-Fi").click()
    assert sim.last_answer() == off


@pytest.mark.browser
def test_settings_changes_are_reported(host):
    report = {
        "cam": "perm:Lampe Torche Pro:camera",
        "auto": "auto_update",
        "net": "wifi_network",
        "lock": "lock",
        "limit": "limit:Vidéo+",
        "sys": "update:system",
        "backup": "backup",
        "paired": "paired",
    }
    sim = host("settings", dict(demo("settings"), report=report), locale="en")
    f = sim.frame
    f.get_by_role("button", name="Apps and permissions").click()
    f.get_by_role("button", name="Lampe Torche Pro").click()
    f.get_by_label("Camera").select_option("deny")
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="Wi-Fi").click()
    f.get_by_role("button", name="Forget").click()
    f.get_by_role("button", name="Connect – Maison-5G").click()
    f.get_by_label("Password for network Maison-5G").fill("short")
    f.get_by_label("Password for network Maison-5G").press("Enter")
    assert "too short" in f.get_by_role("alert").inner_text()
    f.get_by_label("Password for network Maison-5G").fill("long enough")
    f.get_by_label("Password for network Maison-5G").press("Enter")
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="Updates").click()
    f.get_by_role("switch", name="Automatic updates").click()
    f.get_by_role("button", name="Install").click()
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="Screen lock").click()
    f.get_by_label("PIN", exact=True).check()
    f.get_by_label("New PIN or password").fill("12a")
    f.get_by_role("button", name="Apply").click()
    assert "4 digits" in f.get_by_role("alert").inner_text()
    f.get_by_label("New PIN or password").fill("4821")
    f.get_by_role("button", name="Apply").click()
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="Screen time").click()
    f.get_by_label("Daily limit for Vidéo+").fill("60")
    f.get_by_label("Daily limit for Vidéo+").press("Enter")
    assert "limit 1 h 00 min" in f.locator("main").inner_text()
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("button", name="Backup").click()
    f.get_by_role("switch", name="Automatic backup").click()
    f.get_by_role("button", name="← Back").click()
    f.get_by_role("switch", name="Airplane mode").click()
    assert sim.last_answer() == {
        "cam": "deny",
        "auto": "yes",
        "net": "",
        "lock": "PIN",
        "limit": "60",
        "sys": "installed",
        "backup": "yes",
        "paired": "Écouteurs Zik",
    }
    assert sim.answers()[-2]["net"] == "Maison-5G"


@pytest.mark.browser
def test_settings_reports_permissions_lock_and_updates_in_french(host):
    report = {
        "cam": "perm:Lampe Torche Pro:camera",
        "maps": "perm:Cartes:location",
        "lock": "lock",
        "sys": "update:system",
        "app": "update:Cartes",
    }
    sim = host("settings", dict(demo("settings"), report=report), locale="fr")
    f = sim.frame
    f.get_by_role("button", name="Applications et autorisations").click()
    f.get_by_role("button", name="Lampe Torche Pro").click()
    f.get_by_label("Appareil photo").select_option("deny")
    assert sim.last_answer() == {
        "cam": "refuser",
        "maps": "demander à chaque fois",
        "lock": "aucun",
        "sys": "disponible",
        "app": "disponible",
    }
    f.get_by_role("button", name="← Retour").click()
    f.get_by_role("button", name="← Retour").click()
    f.get_by_role("button", name="Mises à jour").click()
    f.get_by_role("button", name="Installer").click()
    f.get_by_role("button", name="Mettre à jour Cartes").click()
    f.get_by_role("button", name="← Retour").click()
    f.get_by_role("button", name="Verrouillage de l’écran").click()
    f.get_by_label("Code PIN", exact=True).check()
    f.get_by_label("Nouveau code ou mot de passe").fill("4821")
    f.get_by_role("button", name="Appliquer").click()
    assert sim.last_answer() == {
        "cam": "refuser",
        "maps": "demander à chaque fois",
        "lock": "code PIN",
        "sys": "installée",
        "app": "installée",
    }


ROBOT = {
    "map": ["#####", "#>.*#", "#..G#", "#####"],
    "blocks": ["forward", "left", "right", "repeat"],
    "max_blocks": 5,
    "report": {"result": "result", "program": "program", "where": "position"},
}


def add_blocks(frame, blocks):
    """Press the robot's "+ block" buttons, in order (labels in the simulator's language)."""
    for block in blocks:
        frame.get_by_role("button", name=f"+ {block}").click()


def run_program(frame, blocks, run):
    """Add the blocks, then press the run button ("Run", "Exécuter")."""
    add_blocks(frame, blocks)
    frame.get_by_role("button", name=f"▶ {run}").click()


def answer_after_run(sim):
    """The answer the robot reports once a run has ended (each change to the program is
    reported too, with no result)."""
    sim.page.wait_for_function(
        "(a => a.length && a[a.length - 1].value.result !== '')"
        "(msgs.filter(m => m.octet === 'answer'))"
    )
    return sim.answers()[-1]


@pytest.mark.browser
def test_robot_runs_a_program_with_a_repeat(host):
    sim = host("robot", ROBOT, locale="en")
    sim.page.emulate_media(reduced_motion="reduce")
    f = sim.frame
    run_program(
        f, ["Move forward", "Move forward", "Turn right", "Move forward", "Move forward"], "Run"
    )
    assert answer_after_run(sim) == {
        "result": "crash",
        "program": "forward, forward, right, forward, forward",
        "where": "3,4",
    }
    assert "hit a wall" in f.get_by_role("status").inner_text()
    # A change is reported at once, the robot back at the start: the field holds the program
    # on screen, never the one of an earlier run.
    f.get_by_role("button", name="Remove line 5").click()
    sim.page.wait_for_function("msgs.filter(m => m.octet === 'answer').length === 7")
    assert sim.answers()[-1] == {
        "result": "",
        "program": "forward, forward, right, forward",
        "where": "2,2",
    }
    f.get_by_role("button", name="Clear all").click()
    f.get_by_label("times").fill("2")
    run_program(f, ["Repeat", "Move forward", "End of repeat", "Turn right", "Move forward"], "Run")
    assert answer_after_run(sim) == {
        "result": "success",
        "program": "repeat 2 (forward), right, forward",
        "where": "3,4",
    }


@pytest.mark.browser
@pytest.mark.parametrize(
    ("locale", "board", "rows", "pick"),
    [
        (
            "en",
            "Board of 4 rows and 5 columns",
            [
                "Row 2: columns 2 to 4, star in column 4.",
                "Row 3: columns 2 to 4, flag in column 4.",
            ],
            ["Move forward", "Move forward"],
        ),
        (
            "fr",
            "Terrain de 4 lignes et 5 colonnes",
            [
                "Ligne 2 : colonnes 2 à 4, étoile en colonne 4.",
                "Ligne 3 : colonnes 2 à 4, drapeau en colonne 4.",
            ],
            ["Avancer", "Avancer"],
        ),
    ],
)
def test_robot_board_is_told_in_words_to_a_screen_reader(host, locale, board, rows, pick):
    """The board's picture only says its size: where the way, the flag and the stars are is
    given as a list a screen reader reads, hidden from sight, and kept up to date."""
    sim = host("robot", ROBOT, locale=locale)
    sim.page.emulate_media(reduced_motion="reduce")
    f = sim.frame
    picture = f.get_by_role("img", name=board)
    assert picture.count() == 1
    words = f.locator("#board-text")
    assert words.get_by_role("listitem").all_inner_texts() == rows
    assert words.bounding_box()["width"] <= 1  # visually hidden: the look is unchanged
    run_program(f, pick, "Run" if locale == "en" else "Exécuter")
    answer_after_run(sim)
    assert words.get_by_role("listitem").all_inner_texts() == [
        rows[0].split(", star")[0].split(", étoile")[0] + ".",
        rows[1],
    ]  # the star picked up is no longer listed


@pytest.mark.browser
def test_robot_reports_its_run_in_french(host):
    report = {"result": "result", "program": "program", "facing": "direction"}
    sim = host("robot", dict(ROBOT, report=report), locale="fr")
    sim.page.emulate_media(reduced_motion="reduce")
    f = sim.frame
    run_program(f, ["Avancer", "Tourner à droite", "Avancer"], "Exécuter")
    assert answer_after_run(sim) == {
        "result": "incomplet",
        "program": "avancer, droite, avancer",
        "facing": "bas",
    }
    f.get_by_role("button", name="Tout effacer").click()
    f.get_by_label("fois").fill("2")
    run_program(
        f, ["Répéter", "Avancer", "Fin de la répétition", "Tourner à droite", "Avancer"], "Exécuter"
    )
    assert answer_after_run(sim) == {
        "result": "réussite",
        "program": "répéter 2 (avancer), droite, avancer",
        "facing": "bas",
    }
    f.get_by_role("button", name="Tout effacer").click()
    run_program(f, ["Tourner à gauche", "Tourner à gauche", "Avancer"], "Exécuter")
    assert answer_after_run(sim) == {
        "result": "collision",
        "program": "gauche, gauche, avancer",
        "facing": "gauche",
    }


# The server judges a robot challenge by running the program the simulator reports
# (octet/content/domain/robot.py): on each of these boards and starting programs, the
# simulator's own run and the server's must end the same way, at the same cell.
R4 = ["forward", "left", "right", "repeat"]
AGREEMENT = [
    ({"map": ["#######", "#>...G#", "#######"]}, [{"repeat": 4, "do": ["forward"]}]),
    ({"map": ["#######", "#>...G#", "#######"]}, [{"repeat": 5, "do": ["forward"]}]),
    ({"map": ["#######", "#>...G#", "#######"]}, [{"repeat": 3, "do": ["forward"]}]),
    ({"map": ["..G", ">.."]}, ["right", "forward"]),  # off the board
    ({"map": ["#####", "#>.", "#..G#", "#####"]}, ["forward", "forward"]),  # past a short row
    (
        {"map": ["#####", "#>.", "#..G#", "#####"]},
        ["forward", "right", "forward", "left", "forward"],
    ),
    ({"map": ["#####", "#>*.#", "#.*G#", "#####"]}, ["forward", "forward", "right", "forward"]),
    (
        {"map": ["#####", "#>*.#", "#.*G#", "#####"]},
        ["forward", "right", "forward", "left", "forward"],
    ),
    (
        {"map": ["#####", "#>*.#", "#.*G#", "#####"], "blocks": [*R4, "pick"]},
        ["forward", "right", "forward", "left", "forward"],
    ),
    (
        {"map": ["#####", "#>*.#", "#.*G#", "#####"], "blocks": [*R4, "pick"]},
        ["forward", "pick", "right", "forward", "pick", "left", "forward"],
    ),
    ({"map": ["#####", "#>**#", "#####"]}, [{"repeat": 2, "do": ["forward"]}]),  # no flag
    (
        {"map": ["#######", "#>....#", "#.###.#", "#.#G#.#", "#.#.#.#", "#.....#", "#######"]},
        [{"repeat": 4, "do": [{"repeat": 4, "do": ["forward"]}, "right"]}],
    ),
    ({"map": ["#G#", "#.#", "#^#"]}, [{"repeat": 2, "do": []}, "forward", "forward"]),
    ({"map": ["#v#", "#.#", "#G#"]}, ["left", "left", "forward"]),
    (  # too many blocks: refused by both, never run
        {"map": ["#######", "#>...G#", "#######"], "max_blocks": 3},
        ["forward", "forward", "forward", "forward"],
    ),
    (  # too long to run: refused by both
        {"map": ["#######", "#>...G#", "#######"]},
        [{"repeat": 99, "do": [{"repeat": 99, "do": ["left"]}]}],
    ),
]


@pytest.mark.browser
def test_robot_and_the_server_run_every_program_alike(host):
    robot = pytest.importorskip("octet.content.domain.robot")
    report = {"result": "result", "program": "program", "where": "position"}
    for board, program in AGREEMENT:
        scenario = {"blocks": R4, **board, "program": program, "report": report}
        sim = host("robot", scenario, locale="en")
        sim.page.emulate_media(reduced_motion="reduce")
        sim.frame.get_by_role("button", name="▶ Run").click()
        text = robot.program_text(robot.starting_program(scenario))
        server = robot.judge(scenario, text)
        if server.outcome == "refused":
            status = sim.frame.get_by_role("status")
            status.filter(has_text=re.compile("Too many blocks|takes too long")).wait_for()
            assert sim.answers() == [], (board, program)
            continue
        answer = sim.last_answer()
        assert answer["program"] == text
        row, column = server.position
        assert (answer["result"], answer["where"]) == (server.outcome, f"{row + 1},{column + 1}"), (
            board,
            program,
        )


# --- the challenges' own scenarios ---------------------------------------------------------

QUANTITIES = {
    "webmail": r"to|cc|bcc|recipients|subject|body|attachments|action|source|sent_count"
    r"|(body_has|subject_has|attachment):.+",
    "files": r"tree|files|folders|bin|path:.+|name:.+|exists:.*|list:.*|count:.*",
    "spreadsheet": r"(formula:)?[A-Z][0-9]+|(column|visible):[A-Z]",
    "search": r"query|opened|count",
    "browser": r"visited|submitted|typed|host",
    "social": r"posts|friends_list|email|city|birthday|messages|tag_approval|search_engines"
    r"|public_posts|post:.+|tag:.+",
    "settings": r"airplane|wifi|bluetooth|location|battery_saver|auto_update|backup|backed_up"
    r"|wifi_network|paired|lock|perm:.+:(camera|microphone|location|contacts)|limit:.+"
    r"|sync:.+|update:.+",
    "robot": r"result|program|blocks|steps|position|direction|collected",
    "wiki": r"(?!)",
}


@functools.cache
def content_challenges():
    """Every challenge of the content bank that embeds a simulator, as its YAML reads."""
    yaml = pytest.importorskip("yaml")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("embed"), dict) and "id" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((SIMULATORS.parent / "competences").glob("*.yaml")):
        walk(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))  # noqa: S506 - safe
    return tuple(found)


@functools.cache
def content_embeds():
    """Every (challenge id, simulator, scenarios) of the content bank."""
    return tuple(
        (node["id"], node["embed"].get("simulator"), node["embed"].get("scenario") or {})
        for node in content_challenges()
    )


def named_things(simulator, scenario):
    """The names a report may point at, so that a typo in a challenge is caught here."""
    if simulator == "files":

        def ids(items):
            for item in items or []:
                yield str(item.get("id"))
                yield from ids(item.get("children"))

        return {"path": set(ids(scenario.get("tree"))) | set(ids(scenario.get("bin")))}
    if simulator == "social":
        return {
            "post": {str(p.get("id")) for p in scenario.get("posts", [])},
            "tag": {str(r.get("id")) for r in scenario.get("tag_requests", [])},
        }
    if simulator == "settings":
        return {
            "perm": {a.get("name") for a in scenario.get("apps", [])},
            "sync": {a.get("service") for a in scenario.get("accounts", [])},
            "limit": {u.get("app") for u in (scenario.get("screen_time") or {}).get("today", [])},
        }
    return {}


@pytest.mark.parametrize("challenge,simulator,scenarios", content_embeds())
def test_content_scenarios_follow_the_contract(challenge, simulator, scenarios):
    assert simulator in present(), f"{challenge}: unknown simulator {simulator!r}"
    assert set(scenarios) == {"fr", "en"}, f"{challenge}: a scenario per locale"
    for scenario in scenarios.values():
        try:
            json.dumps(scenario)
        except TypeError as error:  # an unquoted date in YAML becomes a date object
            pytest.fail(f"{challenge}: the scenario is not plain JSON ({error}); quote dates")
    keys = []
    for locale, scenario in scenarios.items():
        report = scenario.get("report")
        wanted = {"": report} if isinstance(report, str) else dict(report or {})
        keys.append(sorted(wanted) if isinstance(report, dict) else report is None)
        names = named_things(simulator, scenario)
        for quantity in wanted.values():
            assert re.fullmatch(QUANTITIES[simulator], str(quantity)), (
                f"{challenge} ({locale}): {simulator} has no quantity {quantity!r}"
            )
            kind, _, arg = str(quantity).partition(":")
            if kind in ("path", "name"):
                kind = "path"
            if kind in names:
                target = arg.split(":")[0] if kind == "perm" else arg
                assert target in names[kind], f"{challenge} ({locale}): nothing named {arg!r}"
    assert keys[0] == keys[1], f"{challenge}: the report differs between locales"


BOOLEANS = {
    "webmail": r"(body_has|subject_has|attachment):.+",
    "files": r"exists:.*",
    "social": r"tag_approval|search_engines",
    "settings": r"airplane|wifi|bluetooth|location|battery_saver|auto_update|backup|backed_up"
    r"|sync:.+",
}
WORDS = {"fr": ("oui", "non"), "en": ("yes", "no")}


def test_content_expects_reported_booleans_in_the_learners_words():
    # The simulator fills the answer field with oui/non or yes/no, as the core's yn() writes
    # them; the corrections show the first solution next to it, so it must be that word.
    truth, checked = {}, 0
    for node in content_challenges():
        pattern = BOOLEANS.get(node["embed"].get("simulator"))
        for locale, scenario in sorted((node["embed"].get("scenario") or {}).items()):
            report = scenario.get("report")
            wanted = {"answer": report} if isinstance(report, str) else dict(report or {})
            for key, quantity in wanted.items():
                if pattern is None or not re.fullmatch(pattern, str(quantity)):
                    continue
                if isinstance(report, str):
                    solutions = node.get("solutions") or {}
                else:
                    fields = [f for f in node.get("fields") or [] if f.get("key") == key]
                    solutions = (fields[0].get("solutions") if fields else None) or {}
                variants = [str(v) for v in solutions.get(locale) or []]
                where = f"{node['id']}.{key} ({locale})"
                assert variants and variants[0] in WORDS[locale], (
                    f"{where}: the simulator reports {'/'.join(WORDS[locale])}, not {variants[:1]}"
                )
                foreign = {w for other, words in WORDS.items() if other != locale for w in words}
                assert not foreign & {v.strip().lower() for v in variants}, where
                truth.setdefault((node["id"], key), {})[locale] = WORDS[locale].index(variants[0])
                checked += 1
    assert checked, "no challenge reports a boolean any more: drop this test"
    for (challenge, key), by_locale in truth.items():
        assert len(set(by_locale.values())) == 1, f"{challenge}.{key}: fr and en disagree"


# The words each simulator reports for a code (its T.said table): what lands in the answer field.
SAID = {
    "social": {
        "fr": {
            "public": "public",
            "friends": "amis",
            "only_me": "moi uniquement",
            "everyone": "tout le monde",
            "nobody": "personne",
            "pending": "en attente",
            "accepted": "acceptée",
            "refused": "refusée",
        },
        "en": {
            "public": "public",
            "friends": "friends",
            "only_me": "only me",
            "everyone": "everyone",
            "nobody": "nobody",
            "pending": "pending",
            "accepted": "accepted",
            "refused": "refused",
        },
    },
    "settings": {
        "fr": {
            "allow": "autoriser",
            "ask": "demander à chaque fois",
            "deny": "refuser",
            "none": "aucun",
            "pattern": "schéma",
            "pin": "code PIN",
            "password": "mot de passe",
            "installed": "installée",
            "available": "disponible",
        },
        "en": {
            "allow": "allow",
            "ask": "ask every time",
            "deny": "deny",
            "none": "none",
            "pattern": "pattern",
            "pin": "PIN",
            "password": "password",
            "installed": "installed",
            "available": "available",
        },
    },
    "robot": {
        "fr": {
            "success": "réussite",
            "crash": "collision",
            "incomplete": "incomplet",
            "forward": "avancer",
            "left": "gauche",
            "right": "droite",
            "pick": "ramasser",
            "repeat": "répéter",
            "N": "haut",
            "E": "droite",
            "S": "bas",
            "W": "gauche",
        },
        "en": {
            "success": "success",
            "crash": "crash",
            "incomplete": "incomplete",
            "forward": "forward",
            "left": "left",
            "right": "right",
            "pick": "pick",
            "repeat": "repeat",
            "N": "up",
            "E": "right",
            "S": "down",
            "W": "left",
        },
    },
    "webmail": {
        "fr": {
            "new": "nouveau message",
            "reply": "répondre",
            "reply_all": "répondre à tous",
            "forward": "transférer",
        },
        "en": {
            "new": "new message",
            "reply": "reply",
            "reply_all": "reply all",
            "forward": "forward",
        },
    },
    "files": {"fr": {"bin": "corbeille"}, "en": {"bin": "bin"}},
}
# The quantities whose whole value is one of those words.
SAID_QUANTITIES = {
    "social": r"posts|friends_list|email|city|birthday|messages|post:.+|tag:.+",
    "settings": r"lock|perm:.+|update:.+",
    "robot": r"result|direction",
    "webmail": r"action",
}
SAID_RE = re.compile(r"\bsaid: \{([^{}]*)\}")
PAIR_RE = re.compile(r"'?(\w+)'?: '([^']*)'")


def said_tables(name):
    """The simulator's own T.said tables, French then English, as its script writes them."""
    text = "".join(re.findall(r"<script>(.*?)</script>", source(name), re.S))
    return [dict(PAIR_RE.findall(body)) for body in SAID_RE.findall(text)]


@pytest.mark.parametrize("name", present())
def test_said_tables_give_every_code_a_word_in_both_locales(name):
    # T.said turns a reported code into the learner's word; the bank's solutions follow SAID.
    tables = said_tables(name)
    if name not in SAID:
        assert tables == [], f"{name}: a said table the tests do not know"
        return
    assert tables == [SAID[name]["fr"], SAID[name]["en"]]
    for locale, words in SAID[name].items():
        for code, word in words.items():
            assert word and "_" not in word and word == word.strip(), (name, locale, code)
            assert word[:1] == word[:1].lower() or word.isupper(), (name, locale, code)


def fold(text):
    """Roughly what the checker's t1 does: ignore case, accents and spaces."""
    text = unicodedata.normalize("NFKD", str(text).casefold())
    return re.sub(r"\s+", "", "".join(c for c in text if not unicodedata.combining(c)))


def reported_fields():
    """Every (challenge, simulator, field key, quantity, locale, solutions) a simulator fills."""
    for node in content_challenges():
        simulator = node["embed"].get("simulator")
        for locale, scenario in sorted((node["embed"].get("scenario") or {}).items()):
            report = scenario.get("report")
            wanted = {"answer": report} if isinstance(report, str) else dict(report or {})
            for key, quantity in wanted.items():
                if isinstance(report, str):
                    solutions = node.get("solutions") or {}
                else:
                    fields = [f for f in node.get("fields") or [] if f.get("key") == key]
                    solutions = (fields[0].get("solutions") if fields else None) or {}
                variants = [str(v) for v in solutions.get(locale) or []]
                yield node["id"], simulator, key, str(quantity), locale, variants


def test_content_expects_reported_words_in_the_learners_language():
    # A tag, an audience, a permission, a lock, an update, a run result, a mail action: the
    # simulator fills the field with the locale's word, and the corrections show the first
    # solution next to it, so it must be that word (refusée, not refused; only me, not only_me).
    truth, checked = {}, 0
    for challenge, simulator, key, quantity, locale, variants in reported_fields():
        pattern = SAID_QUANTITIES.get(simulator)
        if pattern is None or not re.fullmatch(pattern, quantity):
            continue
        words, where = SAID[simulator][locale], f"{challenge}.{key} ({locale})"
        assert variants and variants[0] in words.values(), (
            f"{where}: the simulator reports one of {sorted(words.values())}, not {variants[:1]}"
        )
        mine = {fold(w) for w in words.values()}
        mine |= {fold(part) for w in words.values() for part in w.split()}
        foreign = {
            fold(w)
            for other, table in SAID[simulator].items()
            if other != locale
            for w in table.values()
        } - mine
        assert not foreign & {fold(v) for v in variants}, f"{where}: a word of another language"
        codes = {code for code, word in words.items() if word == variants[0]}
        truth.setdefault((challenge, key), {})[locale] = codes
        checked += 1
    assert checked, "no challenge reports such a word any more: drop this test"
    for (challenge, key), by_locale in truth.items():
        assert set.intersection(*by_locale.values()), f"{challenge}.{key}: fr and en disagree"


ENGLISH_CODES = {
    part
    for table in SAID.values()
    for code, word in table["en"].items()
    for part in re.split(r"[\W_]+", f"{code} {word}".casefold())
    if len(part) > 1
} | {"yes", "no"}
ENGLISH_CODES -= {
    part
    for table in SAID.values()
    for word in table["fr"].values()
    for part in re.split(r"[\W_]+", word.casefold())
} | {"oui", "non"}
SNAKE_CASE = re.compile(r"(?<![\w.-])[a-z]+(?:_[a-z]+)+(?![\w.-])")


def test_first_solutions_of_reported_fields_hold_no_code_word():
    # Fast and general: whatever the simulator, what it writes in a French answer field (the
    # first solution) has no snake_case code, and no English code word such as refused, only,
    # installed, forward, success; an English one has no snake_case code either.
    checked = 0
    for challenge, _, key, _, locale, variants in reported_fields():
        if not variants:
            continue
        where = f"{challenge}.{key} ({locale}): {variants[0]!r}"
        assert not SNAKE_CASE.search(variants[0]), f"{where} is a code"
        if locale == "fr":
            words = set(re.split(r"[\W_]+", variants[0].casefold()))
            assert not words & ENGLISH_CODES, f"{where} holds {sorted(words & ENGLISH_CODES)}"
        checked += 1
    assert checked


def source_fields():
    """Every webmail field the bank fills with `source`: (challenge, locale, scenario, variants)."""
    for node in content_challenges():
        if node["embed"].get("simulator") != "webmail":
            continue
        for locale, scenario in sorted((node["embed"].get("scenario") or {}).items()):
            report = scenario.get("report")
            wanted = {"answer": report} if isinstance(report, str) else dict(report or {})
            for key, quantity in wanted.items():
                if quantity != "source":
                    continue
                if isinstance(report, str):
                    solutions = node.get("solutions") or {}
                else:
                    fields = [f for f in node.get("fields") or [] if f.get("key") == key]
                    solutions = (fields[0].get("solutions") if fields else None) or {}
                variants = [str(v) for v in solutions.get(locale) or []]
                yield node, key, locale, scenario, variants


def shown_subject(message, locale):
    """A message's subject as the webmail's list shows it and its `source` reports it."""
    subject = re.sub(r"\s+", " ", str(message.get("subject") or "")).strip()
    return subject or {"fr": "(sans objet)", "en": "(no subject)"}[locale]


def test_content_expects_the_original_message_by_its_subject():
    # The webmail reports the replied or forwarded message by its subject: the first solution
    # is the subject of one of the scenario's messages (the same message in both locales), and
    # no accepted form is a bare id or would also accept another message's subject.
    checking = pytest.importorskip("octet.content.domain.checking")
    chosen, checked = {}, 0
    for node, key, locale, scenario, variants in source_fields():
        where = f"{node['id']}.{key} ({locale})"
        mails = [m for box in ("messages", "sent") for m in scenario.get(box) or []]
        subjects = {str(m.get("id")): shown_subject(m, locale) for m in mails}
        assert variants, f"{where}: no solution"
        ids = [i for i, subject in subjects.items() if subject == variants[0]]
        assert len(ids) == 1, f"{where}: {variants[0]!r} is not one message's subject as shown"
        chosen.setdefault((node["id"], key), {})[locale] = ids[0]
        tolerances = node.get("tolerances") or []
        for variant in variants:
            assert variant not in subjects, f"{where}: {variant!r} is an id the learner never sees"
        for other, subject in subjects.items():
            if other != ids[0]:
                assert not checking.matches_any(subject, variants, tolerances), (
                    f"{where}: the subject of {other} ({subject!r}) would be accepted"
                )
        checked += 1
    assert checked, "no challenge reports the original message any more: drop this test"
    for (challenge, key), by_locale in chosen.items():
        assert len(set(by_locale.values())) == 1, f"{challenge}.{key}: fr and en disagree"


@pytest.mark.browser
def test_content_webmail_fills_the_original_subject_as_the_first_solution(host):
    # Forward the expected message of each such challenge: the field gets the first solution.
    words = {"fr": ("Transférer", "À", "Envoyer"), "en": ("Forward", "To", "Send")}
    checked = 0
    for node, key, locale, scenario, variants in source_fields():
        forward, to, send = words[locale]
        sim = host("webmail", scenario, locale)
        f = sim.frame
        f.locator(".subj", has_text=variants[0]).first.click()
        f.get_by_role("button", name=forward, exact=True).click()
        f.get_by_label(to, exact=True).fill("someone@example.org")
        f.get_by_role("button", name=send).click()
        answer = sim.last_answer()
        got = answer if isinstance(scenario.get("report"), str) else answer[key]
        assert got == variants[0], f"{node['id']}.{key} ({locale})"
        checked += 1
    assert checked


@pytest.mark.browser
def test_content_scenarios_load_without_error(tab, tmp_path):
    embeds = [
        (f"{challenge}-{locale}", simulator, scenario, locale)
        for challenge, simulator, scenarios in content_embeds()
        for locale, scenario in sorted(scenarios.items())
    ]
    if not embeds:
        pytest.skip("no challenge embeds a simulator yet")
    for (title, *_), messages in zip(embeds, load_many(tab, tmp_path, embeds), strict=True):
        assert [m for m in messages if m.get("octet") == "answer"] == [], title


FOCUSED = (
    "(() => { const e = document.activeElement;"
    " return e === document.body ? 'BODY' : e.tagName + ' ' + (e.id || e.textContent.trim()); })()"
)


@pytest.mark.browser
@pytest.mark.parametrize("name", NAMES)
def test_a_button_pressed_from_the_keyboard_leaves_the_focus_somewhere(host, name):
    """A simulator that draws itself anew after a button must put the focus back on a control
    or on what the button opened; dropped on the page's body, a keyboard user starts again
    from the top of the frame and a screen reader announces nothing useful."""
    dropped = []
    for stop in range(1, 13):
        sim = host(name)
        inner = sim.page.frames[1]
        for _ in range(stop):
            sim.page.keyboard.press("Tab")
        if sim.page.evaluate("document.activeElement.tagName") != "IFRAME":
            break  # past the simulator's last control
        pressed = inner.evaluate(FOCUSED)
        if not pressed.startswith("BUTTON"):
            continue
        sim.page.keyboard.press("Enter")
        sim.page.wait_for_timeout(50)
        if inner.evaluate(FOCUSED) == "BODY":
            dropped.append(pressed)
    assert dropped == []
