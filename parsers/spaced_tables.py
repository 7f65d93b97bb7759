"""Tables whose cells only spacing sets apart (extract.spaced_rows), placed under their header's columns.

A tab that became a single space leaves two header words in one cell
("Uppnått Max", "Styrkor Förbättringsmöjligheter") or a row's number in the
text before it ("... information? 11"): the header's cells are cut at the
report's header words, and a row shorter than the header has its trailing
numbers cut off. A row with as many cells as the header is read in order; a
shorter one is placed by alignment where the table is aligned (its full rows'
cells start where the header's do: a converter that padded the columns),
else its words fill the first columns and its numbers the last. A header set
on a line of its own above the rows heads them.
"""
from __future__ import annotations

import regex as re

from extract.model import Cell, Line, Table
from parsers.patterns import (
    IMPROVEMENT_HEADER,
    POINTS_WORD,
    RUBRICS_WORD,
    SCORE_COLUMN_WORDS,
    STRENGTH_HEADER,
    YEAR_CELL,
)
from parsers.tables import Row, cell_text

_HEADER_WORD = re.compile("|".join(
    [f"(?:{pattern.pattern})" for pattern in (STRENGTH_HEADER, IMPROVEMENT_HEADER, RUBRICS_WORD, POINTS_WORD)]
    + [rf"(?<![\w-]){re.escape(word)}(?![\w-])" for word in SCORE_COLUMN_WORDS]
    + [r"(?<![\w-])(?:19|20)\d\d(?![\w-])"]))
_NUMBER = re.compile(r"\d{1,3}(?:[,.]\d+)?\s?%?")
_TRAILING_NUMBER = re.compile(r"\s(\d{1,3}(?:[,.]\d+)?\s?%?)$")
_ALIGNMENT_SLACK = 2  # characters a padded column's cells may start off its header's


def with_header_line(line: Line, table: Table) -> Table | None:
    """The table headed by `line` when the line is a header of the report's words only ("Styrkor
    Förbättringsmöjligheter", "Rubriker Poäng") and the table has none of its own; else None."""
    header = _header_cells([Cell((line.text,), 0)])
    if len(header) < 2 or not all(_HEADER_WORD.fullmatch(text) for _, text in header) or \
            any(_HEADER_WORD.fullmatch(text) for _, text in _header_cells(list(table.rows[0]))):
        return None
    row = tuple(Cell((text,), offset) for offset, text in header)
    return Table(table.page, (row, *table.rows), table.before_line, (line, *table.lines))


def placed_rows(rows: list[Row]) -> list[Row]:
    """The rows with their cells under the header's: the first row's cells cut at its header words."""
    header = _header_cells(list(rows[0]))
    cut = [[(cell.offset or 0, cell) for cell in row] for row in rows[1:]]
    full = [row for row in cut if len(row) == len(header)]
    aligned = bool(full) and all(abs(offset - column) <= _ALIGNMENT_SLACK
                                 for row in full for (offset, _), (column, _) in zip(row, header))
    head = tuple(Cell((text,), offset) for offset, text in header)
    return [head, *(_placed(_numbers_cut(row, len(header)), header, aligned) for row in cut)]


def _header_cells(row: list[Cell]) -> list[tuple[int, str]]:
    """The header's cells, each cut where a header word starts inside it ("Uppnått Max" -> "Uppnått", "Max")."""
    cells = []
    for cell in row:
        text, offset = cell_text(cell), cell.offset or 0
        starts = sorted({0, *(match.start() for match in _HEADER_WORD.finditer(text))})
        for start, end in zip(starts, [*starts[1:], len(text)]):
            if text[start:end].strip():
                cells.append((offset + start, text[start:end].strip()))
    return cells


def _numbers_cut(row: list[tuple[int, Cell]], columns: int) -> list[tuple[int, Cell]]:
    """A short row with the number that ends its last cell of words cut off as a cell of its own ("... ? 11")."""
    row = list(row)
    while len(row) < columns:
        words = next((i for i in range(len(row) - 1, -1, -1) if not _is_number(row[i][1])), None)
        if words is None:
            break
        offset, cell = row[words]
        found = _TRAILING_NUMBER.search(cell.items[-1]) if cell.items else None
        if found is None:
            break
        rest = (*cell.items[:-1], cell.items[-1][:found.start()].strip())
        position = offset + len(cell_text(cell)) - len(found.group(1))
        row[words:words + 1] = [(offset, Cell(rest, offset)), (position, Cell((found.group(1),), position))]
    return row


def _placed(row: list[tuple[int, Cell]], header: list[tuple[int, str]], aligned: bool) -> Row:
    cells = [cell for _, cell in row]
    if len(cells) >= len(header):
        while len(cells) > len(header):  # a run of spaces inside a text
            index = _joinable(cells)
            cells[index:index + 2] = [Cell((*cells[index].items, *cells[index + 1].items), cells[index].offset)]
        return tuple(cells)
    placed = [Cell(())] * len(header)
    if not aligned:
        numbers = len(cells) - next((i for i in range(len(cells), 0, -1) if not _is_number(cells[i - 1])), 0)
        words = len(cells) - numbers
        placed[:words] = cells[:words]
        placed[len(header) - numbers:] = cells[words:]
        return tuple(placed)
    column = 0
    for position, (offset, cell) in enumerate(row):
        last = len(header) - (len(row) - position)  # leave a column for each cell after this one
        column = min(range(column, last + 1), key=lambda index: abs(header[index][0] - offset))
        placed[column] = cell
        column += 1
    return tuple(placed)


def _joinable(cells: list[Cell]) -> int:
    """The first cell that goes on in the next one: two texts, neither a number."""
    for index in range(len(cells) - 1):
        if not (_is_number(cells[index]) or _is_number(cells[index + 1])):
            return index
    return 0


def _is_number(cell: Cell) -> bool:
    return bool(_NUMBER.fullmatch(cell_text(cell))) or bool(YEAR_CELL.match(cell_text(cell)))
