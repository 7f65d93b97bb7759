"""Layout family: positioned lines of a PDF.

Geometry settles what text alone cannot: a table header row fixes its column
edges ("Styrkor | Förbättringsmöjligheter", "Rubriker | Poäng", "Uppnått | Max
| Procent", year columns), and every row below it is cut at those edges until a
row crosses them or a heading starts; tables continue across page breaks, with
or without a repeated header. Bullets start items, indented lines continue
them. Headings are told by size and weight against the body text.

The family's modules: `pdf_rows` (rows and column geometry), `pdf_style` (the
body's page style and heading tests), `pdf_contents` (the table of contents),
`pdf_cursor` (what a table reader is given), one module per kind of table
(`pdf_findings`, `pdf_rubric_box`, `pdf_score_tables`) and `pdf_items` (a
column's list items). This module walks the body's rows: it tries each table
reader in turn, then reads a heading or a paragraph.
"""
from __future__ import annotations

from dataclasses import replace

import regex as re

from domain.origin import joined
from extract.model import Document
from parsers.blocks import Block, Heading, Layout, Paragraph, RubricBox
from parsers.patterns import APPENDIX_HEADING, AREA_HEADING, BULLET_START, GENERIC_HEADINGS, SCORE_CELL, SECTION_HEADING
from parsers.pdf_contents import read_contents
from parsers.pdf_cursor import BlockRead, RowCursor, TableReader
from parsers.pdf_findings import read_findings_lists, read_findings_table
from parsers.pdf_rows import COLUMN_SLACK, Row, lines_to_rows, styled_unlike
from parsers.pdf_rubric_box import read_rubric_box
from parsers.pdf_score_tables import read_score_table, read_year_table
from parsers.pdf_style import RUNNING_WORDS, PageStyle, page_style
from parsers.rubric_names import names_rubric
from parsers.running_heads import split_running_heads

_CONTINUED = re.compile(r"(?:[–,/-]|\b(?:och|samt|i|av|för|OCH|SAMT|I|AV|FÖR))$")  # a heading line cut short
_GENERIC_TITLES = frozenset(title.casefold() for title in GENERIC_HEADINGS)
# a template's outline number before a sub-heading ("3.1.2 Allmänt"); chapters print one level ("3.") and keep it
_OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+(?=\p{L})")
_SET_APART = 2.5  # a scan's sub-heading has this many line gaps of space above it, a paragraph less
_PARAGRAPH_GAP = 1.3  # more than this many line gaps between two lines parts paragraphs
_HEADING_WORDS = 14

# tried in this order at every row; the first that reads a table there wins
TABLE_READERS: tuple[TableReader, ...] = (read_findings_table, read_findings_lists, read_rubric_box,
                                          read_score_table, read_year_table)


def read_pdf_layout(document: Document) -> Layout:
    """The layout of a PDF read into positioned lines: cover lines, contents entries and the body's blocks."""
    body = split_running_heads(document)
    numbers = list(body.pages)  # in the document's order: pages out of order are put back (page_sequence)
    rows = lines_to_rows([line for number in numbers for line in body.pages[number]])
    style = page_style([row for row in rows if row.page != numbers[0]])
    cover_lines = body.pages.get(numbers[0], [])
    start, contents, contents_pages = read_contents(rows, numbers[0], style.fonts)
    blocks = _RowWalker(RowCursor(rows, style, start)).read()
    pages_with_text = [page.number for page in document.pages if page.lines]
    return Layout(cover=[line.text for line in cover_lines], contents=contents, blocks=blocks,
                  running_heads=body.heads, page_count=len(document.pages),
                  last_page=max(pages_with_text) if pages_with_text else None, contents_pages=contents_pages,
                  cover_origins=[line.origin for line in cover_lines])


class _RowWalker:
    """Walks the body's rows, turning table regions into table blocks and the rest into headings and paragraphs."""

    def __init__(self, cursor: RowCursor):
        self.cursor = cursor
        self.blocks: list[Block] = []
        self.rubrics: list[str] = []  # the titles in the current area's rubric box, which its sub-headings use

    def read(self) -> list[Block]:
        while self.cursor.index < len(self.cursor.rows):
            self._take(self._step())
        return self.blocks

    def _step(self) -> BlockRead:
        for read_table in TABLE_READERS:
            read = read_table(self.cursor)
            if read is not None:
                return read
        row = self.cursor.row
        if self.cursor.style.is_heading(row) or self._heading_wraps_after_comma() or AREA_HEADING.match(row.text) \
                or SECTION_HEADING.match(row.text) or (row.lines[0].bold and APPENDIX_HEADING.match(row.text)) \
                or self._scan_heading():
            return self._heading()
        return BlockRead(Paragraph(row.text, row.page, row.origin, row.locate), self.cursor.index + 1)

    def _take(self, read: BlockRead) -> None:
        if isinstance(read.block, RubricBox):
            self.rubrics = read.block.items
        self.blocks.append(read.block)
        self.cursor = replace(self.cursor, index=read.end)

    def _heading_wraps_after_comma(self) -> bool:
        """A heading line that ends in a comma because the heading goes on, set alike, on the next line."""
        row, following, style = self.cursor.row, self.cursor.following, self.cursor.style
        return (row.text.rstrip().endswith(",") and following is not None and following.page == row.page
                and style.is_heading(row, wraps=True) and style.is_heading(following)
                and not styled_unlike(row.lines[0], following.lines[0])
                and following.top - row.bottom < 1.2 * row.size)

    def _scan_heading(self) -> bool:
        """A sub-heading of a scan, whose weight OCR cannot read: a short line standing on its own above running
        text, set apart by the space above it or, where that space does not tell (the top of a page), naming one
        of the area's rubrics or being one of the sub-headings any area may have ("Sammanfattning")."""
        rows, index, style = self.cursor.rows, self.cursor.index, self.cursor.style
        row, following = self.cursor.row, self.cursor.following
        text = row.text.strip()
        if style.fonts or following is None or following.page != row.page or len(row.lines) != 1 \
                or not text[:1].isupper() or text.endswith((".", ",", ";", ":")) \
                or len(text.split()) > _HEADING_WORDS or BULLET_START.match(text) or SCORE_CELL.match(text) \
                or len(following.text.split()) < RUNNING_WORDS or not _aligned(row, following, style) \
                or style.wraps_onto(row, following):
            return False
        previous = rows[index - 1] if index and rows[index - 1].page == row.page else None
        if previous is None:
            return names_rubric(text, self.rubrics) or text.casefold() in _GENERIC_TITLES
        above, below = row.top - previous.bottom, following.top - row.bottom
        gap = style.line_gap
        # a paragraph's first line has a paragraph's space above it and below it only a line's
        return (above >= _SET_APART * gap and above >= below + gap) or \
            (above > _PARAGRAPH_GAP * gap and names_rubric(text, self.rubrics))

    def _heading(self) -> BlockRead:
        """The heading at the cursor, with the lines it wraps onto; an area or section heading ends the rubrics."""
        rows, index, style = self.cursor.rows, self.cursor.index, self.cursor.style
        start = index
        row = rows[index]
        text = row.text
        if AREA_HEADING.match(text) or SECTION_HEADING.match(text):
            self.rubrics = []
        index += 1
        while index < len(rows):
            following = rows[index]
            wrapped = (style.wraps_onto(row, following) or re.fullmatch(r"(?:Område|OMRÅDE)\s+\d", text)
                       or _CONTINUED.search(text) or following.text[:1].islower()) \
                and not AREA_HEADING.match(following.text) and not SECTION_HEADING.match(following.text)
            if (following.page == row.page and style.is_heading(following) and wrapped
                    and abs(following.size - row.size) < 0.5 and following.top - row.bottom < 1.2 * row.size):
                text = f"{text} {following.text}"
                row = following
                index += 1
            else:
                break
        return BlockRead(Heading(_OUTLINE_NUMBER.sub("", text), rows[index - 1].page,
                                 joined(r.origin for r in rows[start:index])), index)


def _aligned(row: Row, following: Row, style: PageStyle) -> bool:
    """Whether two rows start at one margin; OCR may lose a first letter, so within a letter or two."""
    return abs(following.x0 - row.x0) <= max(COLUMN_SLACK, style.body_size)
