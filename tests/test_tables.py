"""parsers.tables: what an explicit table stands for, by its header row."""
from __future__ import annotations

import pytest

from domain.origin import Origin
from extract.model import Cell
from parsers.blocks import FindingsBlock, RubricBox, ScoreTable
from parsers.tables import area_number_of_label, blocks_from_table, parse_percent


def _row(*cells) -> tuple[Cell, ...]:
    return tuple(Cell(tuple(cell)) if isinstance(cell, (list, tuple)) else Cell((cell,) if cell else ())
                 for cell in cells)


@pytest.mark.parametrize("text, value", [("75 %", 75.0), ("75%", 75.0), ("7,5 %", 7.5), (" 100 ", 100.0),
                                         ("abc", None), ("", None)])
def test_parse_percent(text, value):
    assert parse_percent(text) == value


@pytest.mark.parametrize("label, number", [
    ("1. Offentlighet och demokrati", 1),
    ("Område 3 Politisk styrning", 3),
    ("Ständiga förbättringar", 7),
    ("Verksamhetsutveckling", 7),
    ("Kommunen som arbetsgivare personalpolitik", 6),
    ("1.1 Finns en plan", None),
    ("Totalt", None),
])
def test_area_number_of_label(label, number):
    assert area_number_of_label(label) == number


def test_rubric_table():
    blocks = blocks_from_table([_row("Rubriker", "Poäng"), _row(["Strategi", "Information"], "72")], 4)
    assert blocks == [RubricBox(["Strategi", "Information"], 72, 4)]
    assert (blocks[0].item_origins, blocks[0].score_origin) == ([Origin(4)] * 2, Origin(4))


def test_findings_table_keeps_columns_across_rows():
    blocks = blocks_from_table([_row("Styrkor", "Förbättringsmöjligheter Svagheter"),
                                _row(["A", "B"], ["C"]), _row(["D"], "")], 9)
    assert len(blocks) == 1 and isinstance(blocks[0], FindingsBlock)
    assert [(item.kind, item.text) for item in blocks[0].items] == [
        ("strength", "A"), ("strength", "B"), ("strength", "D"), ("improvement", "C")]


def test_section_four_table_rows_and_sum_row():
    blocks = blocks_from_table([
        _row("1.", "Offentlighet och demokrati", "Uppnått", "Max", "Procent"),
        _row("1.1", "Finns en plan?", "11", "15", "75 %"),
        _row("", "", "72", "100", "72 %"),
    ], None)
    assert len(blocks) == 1 and isinstance(blocks[0], ScoreTable)
    table = blocks[0]
    assert table.title == "1. Offentlighet och demokrati"
    assert [(row.code, row.label, row.values) for row in table.rows] == [
        ("1.1", "Finns en plan?", ["11", "15", "75 %"]), (None, "", ["72", "100", "72 %"])]


def test_year_columns_table():
    blocks = blocks_from_table([_row("Område", "2015", "2013"), _row("Offentlighet och demokrati", "65", "60")], 30)
    table = blocks[0]
    assert table.columns == ["2015", "2013"]
    assert [(row.label, row.values) for row in table.rows] == [("Offentlighet och demokrati", ["65", "60"])]


def test_other_tables_are_not_report_tables():
    assert blocks_from_table([_row("Invånare", "33 432")], 1) is None
    assert blocks_from_table([], 1) is None


@pytest.mark.parametrize("cell", ["72 p", "72 p.", "72 poäng", "72/100"])
def test_rubric_table_score_printed_with_its_unit(cell):
    blocks = blocks_from_table([_row("Rubriker", "Poäng"), _row(["Strategi", "Information"], cell)], 4)
    assert blocks == [RubricBox(["Strategi", "Information"], 72, 4)]


def test_rubric_table_cell_that_is_no_score_stays_a_rubric():
    blocks = blocks_from_table([_row("Rubriker", "Poäng"), _row(["Strategi", "72 procent"], "72")], 4)
    assert blocks == [RubricBox(["Strategi", "72 procent"], 72, 4)]
