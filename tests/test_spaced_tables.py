"""Tables whose tabs became runs of spaces: cut by extract.spaced_rows, placed by parsers.spaced_tables (issue 17,
class 6)."""
from __future__ import annotations

from extract.markdown import read_markdown
from extract.model import Cell, Document
from extract.spaced_rows import spaced_cells
from parsers.blocks import Paragraph
from parsers.lined import read_lined
from parsers.spaced_tables import placed_rows
from parsers.tables import cell_text


def _rows(*lines: str) -> list[tuple[Cell, ...]]:
    return [tuple(Cell((text,), offset) for offset, text in spaced_cells(line)) for line in lines]


def _texts(rows) -> list[list[str]]:
    return [[cell_text(cell) for cell in row] for row in rows]


def test_cells_are_cut_at_runs_of_spaces_and_list_markup_but_not_after_a_sentence():
    assert spaced_cells("1.  Offentlighet och demokrati   Uppnått") == [
        (0, "1."), (4, "Offentlighet och demokrati"), (33, "Uppnått")]
    assert spaced_cells("<ul> • a • b <ul> • c") == [(0, "<ul> • a • b"), (13, "<ul> • c")]
    assert spaced_cells("Kommunen har en plan.  Den följs upp varje år.") == [
        (0, "Kommunen har en plan.  Den följs upp varje år.")]


def test_a_padded_table_places_a_row_with_an_empty_cell_by_alignment():
    rows = placed_rows(_rows("Område                         2015    2012",
                             "1. Offentlighet och demokrati  65      60",
                             "3. Politisk styrning                   75"))
    assert _texts(rows) == [["Område", "2015", "2012"], ["1. Offentlighet och demokrati", "65", "60"],
                            ["3. Politisk styrning", "", "75"]]


def test_tab_stops_that_left_one_space_are_cut_at_the_header_words_and_before_a_rows_numbers():
    rows = placed_rows(_rows("1.  Offentlighet och demokrati  Uppnått Max Procent",
                             "1.4 Främjas invånardialog och deltagande? 21  30  69 %",
                             "        72  100 72 %"))
    assert _texts(rows) == [["1.", "Offentlighet och demokrati", "Uppnått", "Max", "Procent"],
                            ["1.4 Främjas invånardialog och deltagande?", "", "21", "30", "69 %"],
                            ["", "", "72", "100", "72 %"]]


def test_lines_set_with_spaces_that_are_no_table_of_the_report_stay_text():
    pages = read_markdown("KommunKompassen\n\n1. Vad är Kommunkompassen?\n\n"
                          "Kommunen   har arbetat vidare med   sin plan sedan förra gången.\n")
    layout = read_lined(Document("r.md", "0" * 64, "markdown", "markdown", pages))
    last = layout.blocks[-1]
    assert isinstance(last, Paragraph)
    assert (last.text, last.page) == ("Kommunen   har arbetat vidare med   sin plan sedan förra gången.", 1)
