"""extract.markdown: lines, bold headings, and the three table forms (TAB rows, pipe tables, <table>)."""
from __future__ import annotations

from extract.markdown import read_markdown
from extract.model import Cell, Document
from parsers.blocks import Paragraph
from parsers.lined import read_lined


def _page(text: str):
    pages = read_markdown(text)
    assert len(pages) == 1
    return pages[0]


def test_tab_row_with_ul_bullets_becomes_table_of_cells():
    page = _page('Rubriker\tPoäng\n<ul style="list-style-type: none">• Strategi a• Information b – c\t72\n')
    assert len(page.tables) == 1
    assert page.tables[0].rows == (
        (Cell(("Rubriker",)), Cell(("Poäng",))),
        (Cell(("Strategi a", "Information b – c")), Cell(("72",))),
    )


def test_tab_row_with_leading_empty_cells_keeps_them():
    page = _page("1.\tOffentlighet och demokrati\tUppnått\tMax\tProcent\n\t\t72\t100\t72 %\n")
    assert page.tables[0].rows[1] == (Cell(()), Cell(()), Cell(("72",)), Cell(("100",)), Cell(("72 %",)))


def test_pipe_table_drops_rule_row_and_splits_bullets():
    page = _page("| Styrkor | Förbättringsmöjligheter |\n|---|---|\n| <ul>• A • B</ul> | C |\n")
    assert page.tables[0].rows == (
        (Cell(("Styrkor",)), Cell(("Förbättringsmöjligheter",))),
        (Cell(("A", "B")), Cell(("C",))),
    )


def test_html_table_fragment_with_li_items_and_entities():
    page = _page("Före\n<table><tr><th>Rubriker</th><th>Poäng</th></tr>\n"
                 "<tr><td><ul><li>X ett</li><li>Y &amp; två</li></ul></td><td>55</td></tr></table>\nEfter\n")
    assert page.tables[0].rows == (
        (Cell(("Rubriker",)), Cell(("Poäng",))),
        (Cell(("X ett", "Y & två")), Cell(("55",))),
    )
    assert [line.text for line in page.lines] == ["Före", "Efter"]


def test_table_position_among_lines_is_kept():
    page = _page("Första\nAndra\nStyrkor\tFörbättringsmöjligheter\n• A\t• B\nTredje\n")
    assert page.tables[0].before_line == 2
    assert [line.text for line in page.lines] == ["Första", "Andra", "Tredje"]


def test_hash_and_wholly_bold_lines_are_bold_headings():
    page = _page("## Område 2 ##\n\n**Allmänt**\n\nText med **fet** och *kursiv* stil.\n")
    assert [(line.text, line.bold) for line in page.lines] == [
        ("Område 2", True), ("Allmänt", True), ("Text med fet och kursiv stil.", False)]


def test_bullet_marks_become_bullet_glyph_but_numbered_headings_stay():
    page = _page("- ett\n* två\n4. Översikt av poängfördelning\n")
    assert [line.text for line in page.lines] == ["• ett", "• två", "4. Översikt av poängfördelning"]


def test_every_line_is_on_page_one():
    page = _page("a\n\nb\n")
    assert page.number == 1
    assert {line.page for line in page.lines} == {1}


def test_line_with_two_bold_runs_is_not_a_heading():
    page = _page("**Styrkor** och **förbättringsområden** redovisas nedan\n**Styrkor** och **svagheter**\n")
    assert [(line.text, line.bold) for line in page.lines] == [
        ("Styrkor och förbättringsområden redovisas nedan", False),
        ("Styrkor och svagheter", False),
    ]


def test_a_paragraph_broken_after_a_hyphen_is_one_paragraph_never_a_heading():
    """Issue 17, class 7."""
    pages = read_markdown("1. Vad är Kommunkompassen?\n\nKommunen har under året arbetat med effektivitets-\n"
                          "utveckling i alla förvaltningar och nämnder.\n\nNästa stycke.\n")
    layout = read_lined(Document("r.md", "0" * 64, "markdown", "markdown", pages))
    assert layout.blocks[1:] == [
        Paragraph("Kommunen har under året arbetat med effektivitets- utveckling i alla förvaltningar och nämnder.",
                  1), Paragraph("Nästa stycke.", 1)]
