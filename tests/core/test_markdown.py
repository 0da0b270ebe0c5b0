"""Content Markdown becomes safe HTML, the same whichever text was rendered before it."""

import re

from octet.content.domain.release import current_release
from octet.core.domain.markdown import render, render_inline
from octet.learning.selectors import challenge_display


def test_raw_html_and_scripts_never_reach_the_page():
    html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)">')
    assert "<script" not in html
    assert "onerror" not in html
    assert "<img" not in html


def test_links_tables_and_lists_are_kept_and_links_are_safe():
    html = render(
        "[Octet](https://example.org) and [bad](javascript:alert(1))\n\n"
        "| Name | Size |\n|---|---|\n| a.txt | 2 KB |\n\n1. one\n2. two\n"
    )
    assert '<a href="https://example.org" rel="noopener noreferrer">Octet</a>' in html
    assert "javascript:" not in html
    assert "<table>" in html and "<td>a.txt</td>" in html
    # in a box of its own that scrolls on a narrow screen, and that the keyboard can reach
    assert '<div class="table-scroll" tabindex="0"><table>' in html
    assert html.count("<div") == html.count("</div>") == 1
    assert "<ol>" in html and "<li>two</li>" in html


def test_a_converter_reused_across_texts_keeps_no_state_between_them():
    first = render("[home][ref]\n\n[ref]: https://example.org/first")
    assert 'href="https://example.org/first"' in first
    second = render("[home][ref] again")  # the reference defined in the first text is gone
    assert "example.org/first" not in second


def test_inline_text_has_no_surrounding_paragraph():
    assert render_inline("**bold** choice") == "<strong>bold</strong> choice"
    assert render_inline("") == ""


def test_a_french_mark_never_starts_a_line_but_code_keeps_its_spaces():
    html = render('Le bouton « Envoyer » ? Tapez `a : b`, puis [ici](https://x.fr "Aide ?") !')
    assert "«\u00a0Envoyer\u00a0»\u00a0?" in html
    assert "</a>\u00a0!" in html
    assert "<code>a : b</code>" in html  # code as typed
    assert 'title="Aide ?"' in html  # attributes untouched
    assert render("What? Yes: no.") == "<p>What? Yes: no.</p>"  # nothing to do in English


def test_a_plain_content_text_is_escaped_and_keeps_its_marks():
    from octet.core.templatetags.octet_text import marks_kept

    assert marks_kept("Où regarder <b>d'abord</b> ?") == (
        "Où regarder &lt;b&gt;d&#x27;abord&lt;/b&gt;\u00a0?"
    )


def test_a_fenced_code_block_is_shown_as_code_whole_even_with_html_or_blank_lines():
    # Questions on code (3.4) show programs and pages in fenced blocks: the code must be read
    # as written, not turned into a link, cut into paragraphs or stripped of its tags.
    html = render(
        "In which colour is the text shown?\n\n"
        '```html\n<p class="price sale">€12</p>\n```\n\n'
        "```python\ndef price(n):\n    total = n * 2\n\n    return total\n```\n"
    )
    assert '<pre><code>&lt;p class="price sale"&gt;€12&lt;/p&gt;\n</code></pre>' in html
    assert "<pre><code>def price(n):\n    total = n * 2\n\n    return total\n</code></pre>" in html
    assert "```" not in html and "<a " not in html and "html\n" not in html


def test_a_number_is_never_cut_between_its_groups_or_from_its_unit():
    # At 360 px, "÷ 8 = 5 760 000 octets" broke after the 5: the learner read "= 5", then
    # "760 000 octets", two other numbers; "ouvre à 9 h." left the "h." alone on a line.
    html = render("÷ 8 = 5 760 000 octets, soit 5,76 Mo ; la piscine ouvre à **9 h**, 5 % ou 12 €.")
    assert "5\u00a0760\u00a0000\u00a0octets" in html
    assert "5,76\u00a0Mo\u00a0;" in html
    assert "<strong>9\u00a0h</strong>" in html
    assert "5\u00a0%" in html and "12\u00a0€" in html
    assert "÷ 8 = 5" in html  # a number before a sign or another short number keeps its space
    assert render("At 10 am, 3 of 12 345 people.") == (
        "<p>At 10\u00a0am, 3\u00a0of 12\u00a0345\u00a0people.</p>"
    )
    assert "<code>48 000 Hz</code>" in render("Tapez `48 000 Hz`.")  # code as typed
    assert render("Scores 4 12, 1 2024.") == "<p>Scores 4 12, 1 2024.</p>"  # not groups of 3


def test_a_grid_with_an_empty_corner_names_its_rows_for_a_screen_reader():
    """A spreadsheet's row numbers (or a timetable's names) are headers of their rows: moving
    down column B, a screen reader says "4, 12,900", and the cell B4 can be found."""
    grid = render(
        "|   | A | B |\n|---|---|---|\n| 1 | Town | Inhabitants |\n| 4 | **Saint-Aubin** | 12,900 |"
    )

    assert re.findall(r"<th[^>]*>(.*?)</th>", grid) == ["A", "B", "1", "4"]
    assert '<th scope="row">4</th>\n<td><strong>Saint-Aubin</strong></td>' in grid
    assert "<th></th>" not in grid


def test_a_table_with_a_header_in_its_corner_keeps_its_first_column_as_data():
    table = render("| Name | Age |\n|---|---|\n| Bo | 3 |")

    assert re.findall(r"<th[^>]*>(.*?)</th>", table) == ["Name", "Age"]
    assert "<td>Bo</td>" in table


def test_a_question_on_a_spreadsheet_shows_its_row_numbers_as_row_headers():
    challenge = current_release().challenges["spreadsheetBasics2-read-value"]

    shown = challenge_display(challenge, "en", seed=0).instruction

    assert '<th scope="row">4</th>\n<td>Saint-Aubin</td>' in shown
