"""parsers.score_sums: a section 4 row that contradicts itself and its table's printed sums is withheld."""
from __future__ import annotations

from domain.records import RawAreaTotal, RawSubquestion
from parsers.blocks import ScoreRow
from parsers.score_sums import contradicting_rows, settled_rows

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


def test_a_row_read_as_44_of_10_takes_the_points_its_percent_gives_where_the_sum_row_confirms_them():
    """150 dpi: "6" read as "44"; 60 % of 10 is 6, and the sum row less the other rows leaves 6."""
    published, said = settled_rows(_rows(*ROWS[:4], (44, 10, 60.0)), [], TOTAL)
    assert [(sq.code, sq.achieved) for sq in published] == [("1.1", 10), ("1.2", 13), ("1.3", 16), ("1.4", 19),
                                                            ("1.5", 6)]
    assert [(found.code, found.message.split(";")[0]) for found in said] == [
        ("subquestion_points_inferred", '1.5: its "Uppnått" reads 44, which contradicts the table\'s sums')]


def test_rows_without_their_points_take_them_from_their_percent_only_where_the_sum_row_confirms_them():
    unread = [ScoreRow("1.4", "Fråga 4?", ["", "30", "63 Yo"], 6), ScoreRow("1.5", "Fråga 5?", ["", "10", "60"], 6)]
    published, said = settled_rows(_rows(*ROWS[:3]), unread, TOTAL)
    assert [(sq.code, sq.achieved, sq.percent) for sq in published][3:] == [("1.4", 19, 63.0), ("1.5", 6, 60.0)]
    assert [found.code for found in said] == ["subquestion_points_inferred"] * 2
    # a sum row that does not confirm them (its own number misread): withheld and named
    published, said = settled_rows(_rows(*ROWS[:3]), unread, RawAreaTotal(1, 70, 100, 70.0, 6))
    assert [sq.code for sq in published] == ["1.1", "1.2", "1.3"]
    assert [(found.code, found.message[:4]) for found in said] == [("subquestion_cells_unread", "1.4:"),
                                                                   ("subquestion_cells_unread", "1.5:")]


def test_a_misread_row_and_rows_without_points_are_settled_together_by_the_sum_row():
    """1.3 read as 18 of 25 (72 %, printed 64 %), 1.4 and 1.5 without their points: 64 less 23 is 41."""
    unread = [ScoreRow("1.4", "Fråga 4?", ["", "30", "63 Yo"], 6), ScoreRow("1.5", "Fråga 5?", ["", "10", "60"], 6)]
    published, said = settled_rows(_rows(*ROWS[:2], (18, 25, 64.0)), unread, TOTAL)
    assert sorted((sq.code, sq.achieved) for sq in published) == [("1.1", 10), ("1.2", 13), ("1.3", 16), ("1.4", 19),
                                                                  ("1.5", 6)]
    assert [found.message[:4] for found in said] == ["1.4:", "1.5:", "1.3:"]
