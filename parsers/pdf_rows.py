"""PDF layout family: rows of positioned lines and the column geometry the table readers cut them by.

A row is the lines of a page that share a baseline; it knows its page and its
box, and every reader of the family works on rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from domain.origin import Origin, joined
from extract.model import Line, Word

COLUMN_SLACK = 4.0  # points a word may stand left of its column's edge and still be in the column
_ROW_TOLERANCE = 0.35
_WORD_SPACE = 0.8  # at most this many font sizes between two words of running text


@dataclass
class Row:
    """The lines of a page that share a baseline, left to right; its box is (x0, top, x1, bottom) in PDF points."""

    page: int
    top: float
    bottom: float
    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def words(self) -> list[Word]:
        return [word for line in self.lines for word in line.words]

    @property
    def size(self) -> float:
        return max(line.size or 0 for line in self.lines)

    @property
    def x0(self) -> float:
        return min(line.x0 or 0 for line in self.lines)

    @property
    def x1(self) -> float:
        return max(line.x1 or 0 for line in self.lines)

    @property
    def origin(self) -> Origin:
        return joined(line.origin for line in self.lines) or Origin(self.page)  # a row has lines

    def locate(self, start: int, end: int) -> Origin | None:
        """Where the characters [start, end) of `text` stand: around the words they fall in, at their lines'
        height (a line's text is its words, one space apart)."""
        found, position = [], 0
        for line in self.lines:
            for word in line.words:
                if position < end and start < position + len(word.text):
                    found.append(Origin(line.page, (word.x0, line.top, word.x1, line.bottom)
                                        if line.top is not None and line.bottom is not None else None))
                position += len(word.text) + 1
        return joined(found)

    def words_origin(self, words: list[Word]) -> Origin | None:
        """Where some of the row's words stand: around them, at the row's height."""
        return joined(Origin(self.page, (word.x0, self.top, word.x1, self.bottom)) for word in words)


def lines_to_rows(lines: list[Line]) -> list[Row]:
    """The document's lines in reading order as rows: lines of a page whose baselines are within a fraction of
    their size of each other share a row, sorted left to right."""
    rows: list[Row] = []
    for line in lines:
        row, box = rows[-1] if rows else None, line.placed
        if row and row.page == line.page and abs(row.bottom - box.bottom) <= _ROW_TOLERANCE * (line.size or 10):
            row.lines.append(line)
            row.top, row.bottom = min(row.top, box.top), max(row.bottom, box.bottom)
        else:
            rows.append(Row(line.page, box.top, box.bottom, [line]))
    for row in rows:
        row.lines.sort(key=lambda line: line.placed.x0)
    return rows


@dataclass
class TableColumn:
    """A table column from its left edge, gathering the pieces of the rows cut into it."""

    x0: float  # where the column starts; it runs to the next column's x0
    lines: list[Line] = field(default_factory=list)


def cut(row: Row, columns: list[TableColumn]) -> list[tuple[Line, TableColumn]]:
    """The row's words, cut at the column edges, as one line per column."""
    parts: dict[int, list[tuple[Word, Line]]] = {}
    for line in row.lines:
        for word in line.words:
            column = max(i for i, c in enumerate(columns) if word.x0 >= c.x0 - COLUMN_SLACK or i == 0)
            parts.setdefault(column, []).append((word, line))
    pieces = []
    for column, entries in sorted(parts.items()):
        words = [word for word, _ in entries]
        source = entries[0][1]
        pieces.append((Line(" ".join(w.text for w in words), source.page, words[0].x0, words[-1].x1, source.top,
                            source.bottom, source.size, source.bold, tuple(words)), columns[column]))
    return pieces


def header_edges(row: Row, left_header: re.Pattern, right_header: re.Pattern) -> tuple[float, float] | None:
    """(left column x0, right column x0) when a row is a two-column header."""
    words = row.words
    texts = [w.text for w in words]
    joined = " ".join(texts)
    left = left_header.match(joined)
    if not left:
        return None
    right = right_header.fullmatch(joined[left.end():].strip())
    if not right:
        return None
    count = len(left.group(0).split())
    return words[0].x0, words[count].x0 - COLUMN_SLACK


def runs_across(line: Line, edge: float) -> bool:
    """Whether a line is running text across a column edge rather than two cells side by side.

    Cells are parted by the column gap; running text has a word on the edge, or
    only a word space between the words either side of it.
    """
    words = line.words
    for word in words:
        if word.x0 < edge - COLUMN_SLACK < word.x1 - COLUMN_SLACK:
            return True
    for left, right in zip(words, words[1:]):
        if left.x1 <= edge <= right.x0 + COLUMN_SLACK and right.x0 - left.x1 < _WORD_SPACE * (line.size or 10):
            return True
    return False


def fits_after(x1: float, size: float, word: Word, edge: float) -> bool:
    """Whether `word` fits before `edge` on a line that ends at `x1`, after a word space of this size."""
    return x1 + _WORD_SPACE * size + (word.x1 - word.x0) <= edge


def styled_unlike(line: Line, other: Line) -> bool:
    """Whether two lines differ in weight or size: set as different kinds of text."""
    return line.bold != other.bold or abs((line.size or 0) - (other.size or 0)) > 0.5
