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
_DIGIT = re.compile(r"\d")
_LEAST_ROWS = 2  # rows of a block that make it a table read row by row
_LONE_BULLET = re.compile(r"\s*[•▪●◦■►–-]\s*")
_LEAD_BULLET = re.compile(r"[•▪●◦■►–-]\s")
_BULLET_INDENT = 8  # a list's text stands this near the margin after its glyph
_CELL_INDENT = 40  # a lone cell this far right stands in a right column
_CELL_WORDS = 2  # a score ("66"), or a score and its unit
_GUTTER_SHIFT = 4  # characters a table's gutter may move from one page to the next (a wrapped line's indent)
_GUTTER_SPACES = 3  # the spaces that set two columns apart
_FURNITURE_WORDS = 8  # a running head or a page number has no more words than this


def reading_order(lines: list[str]) -> list[str]:
    """The page's non-blank lines in reading order."""
    blocks: list[list[str]] = [[]]
    for line in _bullets_to_their_text(lines):
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    ordered: list[str] = []
    for block in _cells_rejoined([block for block in blocks if block]):
        ordered += _block_order(block)
    return ordered


def tables_across_pages(pages: list[list[str]]) -> list[list[str]]:
    """Pages' lines with a two-column table that a page break cuts read as one.

    Where a page ends in a two-column block (or a header row alone) and the next page (after its running
    head) opens with a block that goes on with its columns (`_going_on`; the table's body), the table runs
    over the break without its header row again: per page, its columns would read left, right, left,
    right. The next page's block then joins the end of the first page's block, so that each column reads
    whole.
    """
    pages = [list(lines) for lines in pages]
    for before, after in zip(pages, pages[1:]):
        last = _spans(before, reverse=True)
        first = _spans(after)
        if last is None or first is None:
            continue
        header = _header_row_start(before[last[0]]) if last[1] - last[0] == 1 else None
        if header is not None:  # the header row alone ends the page: the table's body opens the next one
            gutter, going_on = header, _gutter(after[slice(*first)])
            if going_on is None or abs(going_on - gutter) > _GUTTER_SHIFT:
                continue
        else:
            found = _gutter(before[slice(*last)])
            going_on = _going_on(after[slice(*first)], found) if found is not None else None
            if found is None or going_on is None:
                continue
            gutter = found
        before[last[0]:last[1]] = _aligned([(line, gutter) for line in before[slice(*last)]] +
                                           [(line, going_on) for line in after[slice(*first)]])
        del after[first[0]:first[1]]
    return pages


def _aligned(lines: list[tuple[str, int]]) -> list[str]:
    """Lines cut at their own gutters (each page lays its columns out anew), set out again at one."""
    width = max(len(line[:gutter].rstrip()) for line, gutter in lines) + _GUTTER_SPACES
    return [f"{line[:gutter].rstrip():<{width}}{line[gutter:]}".rstrip() for line, gutter in lines]


def _header_row_start(line: str) -> int | None:
    """Where the second cell of a line of two cells of words starts ("Styrkor       Förbättringsmöjligheter"),
    else None; a page's foot has numbers ("Sveriges Kommuner och Landsting     2018-06-19    16 (21)")."""
    gaps = list(_GAP.finditer(line))
    return gaps[0].end(1) if len(gaps) == 1 and not _DIGIT.search(line) else None


def _going_on(block: list[str], gutter: int) -> int | None:
    """Where the block that opens a page divides into the columns of a table above the break at `gutter`
    (its own gutter, or its end where it holds the left column only, or 0 the right one only), when it goes
    on with that table: a cell in lower case or a new item of a column alone; else None."""
    own = _gutter(block)
    if own is not None:
        opening = block[0]
        going_on = any(part.strip()[:1].islower() for part in (opening[:own], opening[own:]))
        return own if going_on and abs(own - gutter) <= _GUTTER_SHIFT else None
    if not (block[0].strip()[:1].islower() or _LEAD_BULLET.match(block[0].strip())):
        return None
    if all(len(line.rstrip()) < gutter for line in block):  # the left column alone
        return max(len(line) for line in block)
    if all(len(line) - len(line.lstrip()) >= gutter - _GUTTER_SHIFT for line in block):  # the right one alone
        return 0
    return None


def _spans(lines: list[str], reverse: bool = False) -> tuple[int, int] | None:
    """The first (or last) block of two lines or more, or last a table's header row alone: a page's
    furniture (its running head, its number) stands in blocks of one line."""
    spans, start = [], None
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            spans.append((start, index))
            start = None
    for span in (reversed(spans) if reverse else spans):
        if span[1] - span[0] >= 2 or (reverse and _header_row_start(lines[span[0]]) is not None):
            return span
        if not reverse and span[1] - span[0] == 1 and len(lines[span[0]].split()) > _FURNITURE_WORDS:
            return None  # text, not a running head: the page does not open with a table
    return None


def _cells_rejoined(blocks: list[list[str]]) -> list[list[str]]:
    """Blocks with a right column's lone cell rejoined to the column beside it.

    A cell vertically centred beside a list ("Rubriker ... Poäng", the score halfway down the items) can get
    a blank line above it, which cuts the list into blocks: the score then reads in the middle of the list.
    Where a block opens with such a lone cell, standing in the right column of the two-column block before
    it, that block, the cell's block and the blocks after it that keep left of the cell are read as one.
    """
    joined: list[list[str]] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        cell = _lone_cell_start(blocks[index + 1]) if index + 1 < len(blocks) else None
        gutter = _gutter(block)
        if cell is None or gutter is None or cell < gutter:
            joined.append(block)
            index += 1
            continue
        merged = [*block, *blocks[index + 1]]
        index += 2
        while index < len(blocks) and all(len(line) < cell for line in blocks[index]):
            merged += blocks[index]
            index += 1
        joined.append(merged)
    return joined


def _lone_cell_start(block: list[str]) -> int | None:
    """Where a short cell standing far right on the block's first line starts, when the block's other lines
    keep left of it; else None."""
    first = block[0]
    start = len(first) - len(first.lstrip())
    if len(first.split()) > _CELL_WORDS or start < _CELL_INDENT or any(len(line) >= start for line in block[1:]):
        return None
    return start


def _bullets_to_their_text(lines: list[str]) -> list[str]:
    """Bullets put back before their text: `-layout` can print a list's glyphs as lines of their own,
    followed by their items' texts indented to where the text stands ("•", "•", "    Information ...")."""
    result: list[str] = []
    index = 0
    while index < len(lines):
        glyphs = 0
        while index + glyphs < len(lines) and _LONE_BULLET.fullmatch(lines[index + glyphs]):
            glyphs += 1
        texts = lines[index + glyphs:index + 2 * glyphs]
        indent = [len(text) - len(text.lstrip()) for text in texts]
        if glyphs and len(texts) == glyphs and all(text.strip() and 0 < i <= _BULLET_INDENT for text, i in
                                                    zip(texts, indent)):
            result += [f"{glyph.rstrip()} {text.strip()}" for glyph, text in zip(lines[index:index + glyphs], texts)]
            index += 2 * glyphs
        else:
            result.append(lines[index])
            index += 1
    return result


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
