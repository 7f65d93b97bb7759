"""PDF layout family: where the walk over a document's body rows stands, as the table readers see it.

A table reader is a function of a cursor: it returns the block it read from
the rows at the cursor and the index after them, or None when no table of its
kind starts there.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from parsers.blocks import Block
from parsers.pdf_rows import Row
from parsers.pdf_style import PageStyle

TABLE_GAP = 2.6  # a vertical gap wider than this many font sizes ends a table


@dataclass(frozen=True)
class RowCursor:
    """The body's rows, their page style, and the index of the row at hand."""

    rows: list[Row]
    style: PageStyle
    index: int

    @property
    def row(self) -> Row:
        """The row at hand."""
        return self.rows[self.index]

    @property
    def following(self) -> Row | None:
        """The row after the one at hand, if any."""
        return self.rows[self.index + 1] if self.index + 1 < len(self.rows) else None


class BlockRead(NamedTuple):
    """A block read from the rows, and the index of the row after it."""

    block: Block
    end: int


TableReader = Callable[[RowCursor], BlockRead | None]
