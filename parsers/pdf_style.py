"""PDF layout family: the page style of a document's body, read from its rows, and the heading tests it gives.

Headings are told by size and weight against the body text; a scan read by
OCR has no weights and only estimated sizes, so its tests lean on the edges of
the text block.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from parsers.patterns import BULLET_START, cell_score
from parsers.pdf_rows import COLUMN_SLACK, Row, fits_after

RUNNING_WORDS = 7  # a line of this many words is running text, whose spacing is the body's
_FULL_LINE_SIZE_ERROR = 2.0  # OCR's glyph boxes make a full line of running text up to this much larger


@dataclass
class PageStyle:
    """How the body text is set: its size, where its lines end, whether fonts are known, its line spacing."""

    body_size: float
    right_edge: float  # where full-width text lines end
    block_right: float  # where the text block ends: ragged lines end short of it, justified ones on it
    fonts: bool = True  # False for a scan read by OCR: no bold, sizes estimated from glyph boxes
    line_gap: float = 0.0  # the usual space between two lines of running text

    def wraps_onto(self, row: Row, following: Row) -> bool:
        """Whether `following` holds words that did not fit on `row`'s line: its first word would overrun the block."""
        return not fits_after(row.x1, row.size, following.words[0], self.block_right)

    def is_heading(self, row: Row, wraps: bool = False) -> bool:
        """Whether a row is set as a heading; `wraps`: it goes on on the next line, so it may end in a comma."""
        if len(row.lines) != 1 or BULLET_START.match(row.text):
            return False
        line = row.lines[0]
        text = line.text.strip()
        if len(text.split()) > 20 or text.endswith((".", ";") if wraps else (".", ",", ";")) \
                or cell_score(text) is not None:
            return False
        larger = (line.size or 0) - self.body_size
        if not self.fonts and len(text.split()) >= RUNNING_WORDS and (line.x1 or 0) >= self.right_edge - COLUMN_SLACK:
            return larger > _FULL_LINE_SIZE_ERROR  # a full line of a scan: running text unless clearly larger
        return bool(line.bold) or larger > 0.9


def page_style(rows: list[Row]) -> PageStyle:
    """The style of the body rows: the size most text is set in, the edge most lines end on, the usual gap."""
    sizes: Counter[float] = Counter()
    edges: Counter[int] = Counter()
    for row in rows:
        for line in row.lines:
            sizes[round(line.size or 0, 1)] += len(line.text)
            if not line.bold:
                edges[round(line.placed.x1)] += 1
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    fonts = any(line.bold is not None for row in rows for line in row.lines)
    right_edge = float(max(edges, key=lambda edge: edges[edge])) if edges else 500.0
    ends = sorted(edges.elements())
    gaps = sorted(following.top - row.bottom for row, following in zip(rows, rows[1:])
                  if following.page == row.page and len(row.text.split()) >= RUNNING_WORDS)
    return PageStyle(body, right_edge, ends[int(0.95 * (len(ends) - 1))] if ends else right_edge, fonts,
                     gaps[len(gaps) // 2] if gaps else 0.3 * body)
