"""PDF layout family: the "Rubriker | Poäng" box under an area heading, whose titles the area's sub-headings use."""
from __future__ import annotations

import regex as re

from domain.origin import Origin
from extract.model import Line, Word
from parsers.blocks import RubricBox
from parsers.patterns import POINTS_WORD, RUBRICS_WORD, SCORE_UNIT, YEAR_CELL, cell_score
from parsers.pdf_cursor import BlockRead, RowCursor
from parsers.pdf_items import capitalized_unwrapped, column_items
from parsers.pdf_rows import COLUMN_SLACK, Row, TableColumn, cut, styled_unlike

_POINTS_LINE = re.compile(rf"^(?:Poäng|POÄNG)\s*:?\s*(\d{{1,3}})(?:{SCORE_UNIT.pattern})?$")  # "Poäng: 84 p"
_BOX_GAP = 1.5  # the rubric box is set tight; a wider gap ends it


def read_rubric_box(cursor: RowCursor) -> BlockRead | None:
    """The "Rubriker | Poäng" box: rubric lines on the left, the score under "Poäng"."""
    rows, style = cursor.rows, cursor.style
    row = cursor.row
    if not row.words or not RUBRICS_WORD.fullmatch(row.words[0].text):
        return None
    points = next((w for w in row.words if POINTS_WORD.fullmatch(w.text)), None)
    # a re-evaluation's box has a column per year ("Rubriker | 2015 | 2012") where others print "Poäng"
    years = [w for w in row.words if YEAR_CELL.match(w.text)] if points is None else []
    edge = (points or years[0]).x0 - 2 * COLUMN_SLACK if points or years else style.right_edge + 50
    year_columns = [TableColumn(row.words[0].x0), *(TableColumn(w.x0 - 2 * COLUMN_SLACK) for w in years)]
    items: list[Line] = []
    score: int | None = None
    score_origin: Origin | None = None
    year_scores: list[tuple[int, int]] = []
    year_origins: list[Origin | None] = []
    previous = row
    index = cursor.index + 1
    while index < len(rows):
        row = rows[index]
        if row.page != previous.page or row.top - previous.bottom > _BOX_GAP * style.body_size:
            break
        found = _POINTS_LINE.match(row.text.strip())
        if found:
            score = int(found.group(1))
            score_origin = row.words_origin([word for word in row.words if word.text.endswith(found.group(1))][-1:])
            index += 1
            break
        if years:
            row, scores, origins = _cut_at_years(row, years, year_columns)
            if not year_scores:
                year_scores, year_origins = scores, origins
        cells = _box_cells(row, edge)
        if cells is None:
            break
        left, right = cells
        if items and not right and style.is_heading(row) and styled_unlike(row.lines[0], items[-1]):
            break  # a sub-heading set close under the box
        if right and score is None and not years:
            score, score_origin = cell_score(right[0].text), right[0].origin
        items.extend(left)
        previous = row
        index += 1
    # a scan's lines have no fonts to tell a wrapped rubric's next line: its capital does
    listed = column_items(items if style.fonts else capitalized_unwrapped(items, edge))
    return BlockRead(RubricBox([text for text, _ in listed], score, rows[index - 1].page, year_scores,
                               [origin for _, origin in listed], score_origin, year_origins), index)


def _cut_at_years(row: Row, years: list[Word], year_columns: list[TableColumn]) -> tuple[
        Row, list[tuple[int, int]], list[Origin | None]]:
    """A row of a box with year columns cut at them (the scores may stand close to the rubric), and the scores
    under the years with where they stand, where every cell right of the rubric is one (else none)."""
    pieces = cut(row, year_columns)
    cut_row = Row(row.page, row.top, row.bottom, [line for line, _ in pieces])
    cells = [(line, column, cell_score(line.text)) for line, column in pieces if column is not year_columns[0]]
    scores = [(int(years[year_columns.index(column) - 1].text), score) for _, column, score in cells
              if score is not None]
    if len(scores) < len(cells):
        return cut_row, [], []
    return cut_row, scores, [line.origin for line, _, _ in cells]


def _box_cells(row: Row, edge: float) -> tuple[list[Line], list[Line]] | None:
    """A box row's rubric lines (left of the score column's `edge`) and scores (right of it); None where a line
    is neither, which ends the box."""
    left = [line for line in row.lines if line.placed.x1 <= edge + COLUMN_SLACK]
    right = [line for line in row.lines if line.placed.x0 >= edge - COLUMN_SLACK and cell_score(line.text) is not None]
    return (left, right) if len(left) + len(right) == len(row.lines) else None
