"""parsers.score_sums: a section 4 row that contradicts itself and its table's printed sums is withheld."""
from __future__ import annotations

from domain.records import RawAreaTotal, RawSubquestion
from parsers.score_sums import contradicting_rows

TOTAL = RawAreaTotal(1, 64, 100, 64.0, 6)


def _rows(*points: tuple[int, int, float]) -> list[RawSubquestion]:
    return [RawSubquestion(1, f"1.{place}", f"Fråga {place}?", achieved, maximum, percent, 6)
            for place, (achieved, maximum, percent) in enumerate(points, start=1)]


ROWS = ((10, 15, 67.0), (13, 20, 65.0), (16, 25, 64.0), (19, 30, 63.0), (6, 10, 60.0))


def test_rows_that_add_up_to_their_sums_are_all_kept():
    assert contradicting_rows(_rows(*ROWS), TOTAL) == []
    # rounding: each row's Uppnått may stray half a point; a percent that does not fit is validation's to name
    assert contradicting_rows(_rows(*ROWS[:4], (8, 10, 60.0)), TOTAL) == []


def test_a_misread_row_that_breaks_the_sums_and_its_own_percent_is_withheld_and_named():
    rows = _rows(*ROWS[:4], (9, 10, 60.0))  # "6" read as "9": 67 of 100 where the sum row prints 64
    rows[1] = RawSubquestion(1, "1.2", "Fråga 2?", 18, 20, 65.0, 6)  # and "13" as "18"
    withheld = contradicting_rows(rows, TOTAL)
    assert [(row.code, found.code) for row, found in withheld] == [("1.2", "subquestion_contradicts_sums"),
                                                                   ("1.5", "subquestion_contradicts_sums")]
    assert withheld[1][1].message.startswith("1.5: the row reads 9 of 10 points, 60 %")


def test_a_row_read_in_the_sum_rows_place_is_withheld():
    """Rows shifted by one: 1.5 got the sum row's numbers."""
    rows = _rows(*ROWS[:4], (64, 100, 64.0))
    assert [row.code for row, _ in contradicting_rows(rows, TOTAL)] == ["1.5"]


def test_without_a_sum_row_nothing_is_withheld():
    assert contradicting_rows(_rows(*ROWS[:4], (9, 10, 60.0)), None) == []
