"""The logical blocks that a layout family reads out of a document.

Each layout family (flattened text, line text with table fragments, positioned
PDF lines) turns its Document into this one vocabulary; the report grammar in
parsers.grammar then reads the blocks the same way for every source.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from domain.origin import Origin
from domain.records import Problem, RawFinding

Locator = Callable[[int, int], Origin | None]
# A block's origins say where it stands, not what it says: blocks that read alike are equal wherever they stand.


@dataclass
class Heading:
    text: str
    page: int | None
    origin: Origin | None = field(default=None, compare=False)


@dataclass
class Paragraph:
    text: str
    page: int | None
    origin: Origin | None = field(default=None, compare=False)
    # where the characters [start, end) of `text` stand, where the family can tell: a statement read from the
    # paragraph is shown by its own words
    locate: Locator | None = field(default=None, compare=False, repr=False)


@dataclass
class RubricBox:
    """The "Rubriker | Poäng" box under an area heading.

    Boxes of a re-evaluation may print a column per evaluation year ("Rubriker | 2015 | 2013"):
    then `year_scores` holds (year, score) of every column and `score` is None until the
    grammar has told which column is the report's own.
    """

    items: list[str]
    score: int | None
    page: int | None
    year_scores: list[tuple[int, int]] = field(default_factory=list)
    item_origins: list[Origin | None] = field(default_factory=list, compare=False)  # one per item
    score_origin: Origin | None = field(default=None, compare=False)
    year_origins: list[Origin | None] = field(default_factory=list, compare=False)  # one per year score


@dataclass
class FindingsBlock:
    items: list[RawFinding]
    page: int | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ScoreRow:
    """A row of a score table: code ("1.1") when it has one, label, numbers as printed."""

    code: str | None
    label: str
    values: list[str]
    page: int | None
    origins: list[Origin | None] = field(default_factory=list, compare=False)  # one per value
    # numbers of a row of year columns whose columns no one can tell (flattened text that lost the empty cells
    # of a year that did not score every area): never placed under a year
    unplaced: list[str] = field(default_factory=list)


@dataclass
class ScoreTable:
    """A table of points: section 4 (Uppnått | Max | Procent) or an appendix with year columns."""

    title: str
    columns: list[str]
    rows: list[ScoreRow]
    page: int | None
    problems: list[Problem] = field(default_factory=list)


Block = Heading | Paragraph | RubricBox | FindingsBlock | ScoreTable


@dataclass
class Layout:
    """What a layout family read: cover lines, table of contents and the body's blocks."""

    cover: list[str]
    contents: list[str]
    blocks: list[Block]
    running_heads: list[str]
    page_count: int | None
    last_page: int | None
    problems: list[Problem] = field(default_factory=list)
    # the page number each contents entry ends in (None where it has none), for the families that read them
    contents_pages: list[int | None] = field(default_factory=list)
    # where each cover line stands, for the families whose cover lines are lines of the document
    cover_origins: list[Origin] = field(default_factory=list)
