"""Section 4's rows against the sums their table prints.

A table's sum row prints the area's points and its "Max" (100). The rows' Max
add up to it exactly, their Uppnått within the rounding of each row's half
point. Where a table's rows contradict its sums, a row that also contradicts
itself (a "Procent" that does not fit its points, more points than its Max, or
the sum row's own numbers, a row read in the sum row's place) is a misreading:
it is withheld with a warning naming it, never published as read nor moved to
another code.
"""
from __future__ import annotations

from domain.problems import Problem, problem
from domain.records import RawAreaTotal, RawSubquestion


def contradicting_rows(rows: list[RawSubquestion],
                       total: RawAreaTotal | None) -> list[tuple[RawSubquestion, Problem]]:
    """The rows of one table to withhold, each with the warning that names it."""
    if total is None or not rows or _sums_agree(rows, total):
        return []
    achieved, maximum = sum(row.achieved for row in rows), sum(row.max for row in rows)
    return [(row, problem("subquestion_contradicts_sums",
                          f"{row.code}: the row reads {row.achieved} of {row.max} points, {row.percent:g} %, which "
                          f"does not fit, and the table's rows add up to {achieved} of {maximum} points where its "
                          f"sum row prints {total.achieved} of {total.max}: a misreading, not published.", row.page))
            for row in rows if _contradicts_itself(row, total, len(rows))]


def _sums_agree(rows: list[RawSubquestion], total: RawAreaTotal) -> bool:
    return sum(row.max for row in rows) == total.max and \
        abs(sum(row.achieved for row in rows) - total.achieved) <= len(rows) / 2


def _contradicts_itself(row: RawSubquestion, total: RawAreaTotal, count: int) -> bool:
    if row.achieved > row.max or row.max <= 0:
        return True
    if count > 1 and (row.achieved, row.max) == (total.achieved, total.max):
        return True
    return abs(row.percent - 100 * row.achieved / row.max) > 100 * 0.5 / row.max + 0.5
