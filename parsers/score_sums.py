"""Section 4's rows against the sums their table prints.

A table's sum row prints the area's points and its "Max" (100). The rows' Max
add up to it exactly, their Uppnått within the rounding of each row's half
point. Where a table's rows contradict its sums, a row that also contradicts
itself (a "Procent" that does not fit its points, more points than its Max, or
the sum row's own numbers, a row read in the sum row's place) is a misreading:
it is withheld with a warning naming it, never published as read nor moved to
another code. A row whose "Uppnått" could not be read at all takes the points
its "Procent" of its "Max" gives only when the sum row confirms them, with a
warning; else it is withheld and named.
"""
from __future__ import annotations

import regex as re

from domain.origin import joined
from domain.problems import Problem, problem
from domain.records import RawAreaTotal, RawSubquestion
from parsers.blocks import ScoreRow

_LEADING_PERCENT = re.compile(r"^(\d{1,3})(?!\d)")  # "47 %", and "47 Yo", "73/0" as OCR reads the sign


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


def unread_cells(row: ScoreRow) -> Problem:
    """The warning for a subquestion row that is not published because cells of it could not be read."""
    return problem("subquestion_cells_unread", f"{row.code}: its row of section 4 reads only "
                                               f"{' | '.join(value or '–' for value in row.values)} (cells that "
                                               f"could not be read); the row was not published.", row.page)


def settled_rows(rows: list[RawSubquestion], unread: list[ScoreRow],
                 total: RawAreaTotal | None) -> tuple[list[RawSubquestion], list[Problem]]:
    """One table's subquestions to publish, and the warnings about the others: `rows` as read, `unread` the rows
    whose "Uppnått" could not be read. A row that contradicts the sums, or lacks its points, takes the points its
    "Procent" of its "Max" gives where the sum row less the other rows confirms them all; else it is withheld."""
    withheld = contradicting_rows(rows, total)
    misread = [row for row, _ in withheld]
    kept = [row for row in rows if all(row is not bad for bad in misread)]
    doubtful = [*unread, *(ScoreRow(sq.code, sq.text, [str(sq.achieved), str(sq.max), f"{sq.percent:g}"], sq.page)
                           for sq in misread)]
    found = _confirmed_by_sums(doubtful, kept, total)
    if found is None or total is None:
        return kept, [*(said for _, said in withheld), *(unread_cells(row) for row in unread)]
    others = sum(sq.achieved for sq in kept)
    said = [problem("subquestion_points_inferred",
                    f"{sq.code}: its \"Uppnått\" {_as_read(row)} the table's sums; taken as {sq.achieved}, the "
                    f"points its {sq.percent:g} % of {sq.max} gives, as the sum row confirms ({total.achieved} less "
                    f"the other rows' {others}).", sq.page)
            for sq, row in zip(found, doubtful)]
    return [*kept, *found], said


def _as_read(row: ScoreRow) -> str:
    return f"reads {row.values[0]}, which contradicts" if row.values[0] else "could not be read, which leaves"


def _confirmed_by_sums(doubtful: list[ScoreRow], rows: list[RawSubquestion],
                       total: RawAreaTotal | None) -> list[RawSubquestion] | None:
    """The doubtful rows' subquestions from their "Procent" and "Max", where the sum row less the other rows
    (`rows`) confirms their points and Max; None where it does not (or nothing is doubtful)."""
    found = [_from_percent(row) for row in doubtful]
    known = [sq for sq in found if sq is not None]
    if total is None or not doubtful or len(known) < len(doubtful):
        return None
    rest = total.achieved - sum(other.achieved for other in rows)
    if sum(sq.max for sq in [*rows, *known]) != total.max or \
            abs(rest - sum(sq.achieved for sq in known)) > (len(rows) + len(known)) / 2:
        return None
    return known


def _from_percent(row: ScoreRow) -> RawSubquestion | None:
    maximum, percent = row.values[1], _LEADING_PERCENT.match(row.values[2])
    if row.code is None or not maximum.isdigit() or not int(maximum) or percent is None or \
            int(percent.group(1)) > 100:
        return None
    share = int(percent.group(1))
    return RawSubquestion(int(row.code.split(".")[0]), row.code, row.label, round(share * int(maximum) / 100),
                          int(maximum), float(share), row.page, joined(row.origins))  # the row its points came from
