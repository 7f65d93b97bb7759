"""The reading order of a page that pdftotext laid out (`pdftotext -layout`).

`-layout` keeps each printed line and spaces its words out to where they stand, so a
table of two text columns (strengths beside improvements, a rubric list beside its score)
interleaves their lines. In a block of lines (no blank line between them) that a gutter
divides, a character column that no word crosses with text on both sides of it on some line,
the left column is read before the right one, as a flat rendering has them. A block of rows
that end in numbers (section 4's tables, the contents) is read row by row instead, a row's
wrapped text (the more indented lines under it) joined to it before its numbers. Text without
wide gaps (plain pdftotext) keeps its order.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

_GAP = re.compile(r"\S(\s{3,})(?=\S)")  # a wide gap inside a line: where a column may start
# a row: text with a letter, then after a gap only numbers and percentages ("11     15     75 %", "... 4")
_ROW = re.compile(r"(?P<text>.*?\p{L}.*?)\s{2,}(?P<numbers>(?:\d{1,3}(?:[,.]\d+)?(?:\s*%)?(?:\s+|$))+)")
_LETTER = re.compile(r"\p{L}")
_LEAST_ROWS = 2  # rows of a block that make it a table read row by row


def reading_order(lines: list[str]) -> list[str]:
    """The page's non-blank lines in reading order."""
    ordered: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.rstrip())
        elif block:
            ordered += _block_order(block)
            block = []
    return ordered


def _block_order(block: list[str]) -> list[str]:
    rows = [_ROW.fullmatch(line) for line in block]
    if sum(1 for row in rows if row) >= _LEAST_ROWS:
        return _rows(block, rows)
    gutter = _gutter(block)
    if gutter is None:
        return block
    parts = [*(line[:gutter] for line in block), *(line[gutter:] for line in block)]
    return [part for part in parts if part.strip()]


def _gutter(block: list[str]) -> int | None:
    """The leftmost column that divides the block: no word crosses it, and some line has text on both sides."""
    if len(block) < 2:  # a line alone reads the same either way
        return None
    for column in sorted({gap.end(1) for line in block for gap in _GAP.finditer(line)}):
        if all(not line[column - 2:column].strip() for line in block) \
                and any(line[:column].strip() and line[column:].strip() for line in block):
            return column
    return None


@dataclass
class _Row:
    text: str
    numbers: str
    indent: int


def _rows(block: list[str], rows: list[re.Match | None]) -> list[str]:
    """Each row with the wrapped lines of its text, which stand indented under it, before its numbers."""
    ordered: list[_Row | str] = []
    for line, row in zip(block, rows):
        indent = len(line) - len(line.lstrip())
        last = ordered[-1] if ordered else None
        if row:
            ordered.append(_Row(row.group("text"), row.group("numbers"), indent))
        elif isinstance(last, _Row) and _LETTER.search(line) and indent > last.indent:
            last.text = f"{last.text.rstrip()} {line.strip()}"
        else:
            ordered.append(line)
    return [f"{entry.text}   {entry.numbers}" if isinstance(entry, _Row) else entry for entry in ordered]
