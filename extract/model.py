"""The uniform document model that every reader produces and every parser reads.

Plain dataclasses only: no reader's own types (pdfplumber objects, file handles)
leak through, so a faster reader can replace one without touching the parsers.
Coordinates are PDF points with the origin at the top left of the page; sources
without geometry leave them as None.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from domain.origin import Origin
from domain.problems import Problem


@dataclass(frozen=True)
class Word:
    """A word with its horizontal extent, so parsers can cut a line at a column edge."""

    text: str
    x0: float
    x1: float
    confidence: float | None = None  # 0-100, from OCR; None where the source has a text layer


class LineBox(NamedTuple):
    """Where a line stands on its page, in PDF points from the page's top left."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Line:
    """A run of text on one visual line, or one logical line of a text source.

    A PDF line is split where the words on it are far apart (table columns), so a
    table row of two cells gives two Lines with the same `top`.
    """

    text: str
    page: int
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool | None = None
    words: tuple[Word, ...] = ()
    confidence: float | None = None  # mean of the words' OCR confidences; None without OCR
    # a text copy's line: where each of its words (text split at spaces) starts in the decoded source text; where
    # a line stands is no part of what it says, so two lines alike are equal wherever they stand
    offsets: tuple[int, ...] = field(default=(), compare=False)

    @property
    def origin(self) -> Origin:
        """Where the line stands: its page and, where the source has geometry, its box; in a text copy that
        knows its words' offsets, its characters."""
        return Origin(self.page, self.box, self.source_span(0, len(self.text)))

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where the characters [start, end) of `text` stand in the decoded source text, if known: around the
        parts of the words they fall in (a line read column by column may take its words out of order)."""
        starts = self._word_starts
        if not self.offsets or end <= start or len(starts) != len(self.offsets):
            return None
        parts = []
        for index in range(max(0, bisect_right(starts, start) - 1), len(starts)):
            position = starts[index]
            if position >= end:
                break
            length = (starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)) - position
            first, last = max(start, position), min(end, position + length)
            if first < last:
                parts.append((self.offsets[index] + first - position, self.offsets[index] + last - position))
        return (min(part[0] for part in parts), max(part[1] for part in parts)) if parts else None

    @cached_property
    def _word_starts(self) -> tuple[int, ...]:
        """Where each word of `text` starts in it (worked out once: a flat copy's line is a whole page)."""
        return tuple(accumulate((len(word) + 1 for word in self.text.split(" ")[:-1]), initial=0))

    @property
    def box(self) -> LineBox | None:
        """Where the line stands, where its source has geometry (a PDF, a scan); None in a text copy."""
        if self.x0 is None or self.x1 is None or self.top is None or self.bottom is None:
            return None
        return LineBox(self.x0, self.top, self.x1, self.bottom)

    @property
    def placed(self) -> LineBox:
        """The box of a line of a PDF or a scan, which the parts of kompass that read positions take alone."""
        box = self.box
        if box is None:
            raise ValueError(f"a line of page {self.page} has no position: {self.text[:40]!r}")
        return box


@dataclass(frozen=True)
class Cell:
    """A table cell: its list items when it holds a list, else one entry of text."""

    items: tuple[str, ...]
    offset: int | None = None  # the character column it starts at, in a table told by its spacing alone
    # [start, end) of the cell in the decoded source text, where known (not compared, as a line's offsets)
    span: tuple[int, int] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Table:
    """A table that the source states explicitly (HTML/markdown fragments)."""

    page: int
    rows: tuple[tuple[Cell, ...], ...]
    # index into Page.lines before which the table stands, to keep reading order
    before_line: int = 0
    # a table told by its spacing alone: its lines, to be read as text where it is none of the report's tables
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class ScanLayer:
    """The text of a PDF page that an image covers (a scan), as its reader found it drawn: an OCR engine's layer
    ("searchable PDFs") is invisible, hidden under the image or laid over it, and is not the printed text
    (extract.text_layer decides)."""

    characters: int  # in the page's text objects
    invisible: int = 0  # of them drawn neither filled nor stroked (render mode 3 or 7)
    covered: int = 0  # of them drawn before the image, which hides them


@dataclass
class Page:
    number: int  # 1-based position in the source
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    has_images: bool = False
    scan_layer: ScanLayer | None = None  # the text of a PDF page an image covers; None elsewhere
    # degrees (clockwise) a page scanned sideways or upside down was turned to be read by OCR: its lines, width
    # and height are the page's turned, and a value's box is turned back for provenance (domain.origin.unturned)
    turned: int = 0


@dataclass
class Document:
    source_path: str  # relative to the input root
    sha256: str
    format: str  # a format's name in extract.formats.FORMATS: pdf, text, markdown, html
    rendering: str  # one of that format's renderings (flat, transcript, paged, markdown, html, pdf): the layout
    pages: list[Page] = field(default_factory=list)
    reader: str = "unknown"  # what read it: "pdfplumber", "ocr:tesseract-5.3.0", "text", ... (set by every reader)
    problems: list[Problem] = field(default_factory=list)  # what reading it found wrong, short of an error

    def text(self) -> str:
        return "\n".join(line.text for page in self.pages for line in page.lines)
