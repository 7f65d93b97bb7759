"""Layout family: positioned lines of a PDF.

Geometry settles what text alone cannot: a table header row fixes its column
edges ("Styrkor | Förbättringsmöjligheter", "Rubriker | Poäng", "Uppnått | Max
| Procent", year columns), and every row below it is cut at those edges until a
row crosses them or a heading starts; tables continue across page breaks, with
or without a repeated header. Bullets start items, indented lines continue
them. Headings are told by size and weight against the body text.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import regex as re

from extract.model import Document, Line, Word
from parsers.blocks import Block, Heading, Layout, Paragraph, RubricBox, ScoreRow, ScoreTable
from parsers.findings import column_findings
from parsers.rubric_names import names_rubric
from parsers.running_heads import split_running_heads
from parsers.segment import starts_item
from parsers.vocabulary import (APPENDIX_HEADING, AREA_HEADING, BULLET_START, CONTENTS_WORD, GENERIC_HEADINGS,
                                IMPROVEMENT_HEADER, ITEM_START, POINTS_WORD, RUBRICS_WORD, SCORE_CELL, SECTION_HEADING,
                                STRENGTH_HEADER, SUBQUESTION_CODE, YEAR_CELL)

_LEADER_ENTRY = re.compile(r"(?:\.{2,}|…)\s*\d{0,3}\s*$|\s\d{1,3}$")
_LEADER_AND_NUMBER = re.compile(r"(?:\.{2,}|…)\s*\d{1,3}\s*$")
_CONTINUED = re.compile(r"(?:[–,/-]|\b(?:och|samt|i|av|för|OCH|SAMT|I|AV|FÖR))$")  # a heading line cut short
_GENERIC_TITLES = frozenset(title.casefold() for title in GENERIC_HEADINGS)
_CELL_VALUE = re.compile(r"^(?:\d{1,3}(?:[,.]\d+)?\s?%?|%|–|-)$")
# a scan's "Procent" cell whose "%" OCR read as digits or letters ("7220", "74”", "89 Rx"); parsers.tables reads it
_MISREAD_PERCENT = re.compile(r"^(?:\d{1,3}\S{0,3}|\S{1,3})$")
# a scan's subquestion code with its dot lost or a border glyph before it ("21", "125", "|3.1"): its digits
_MISREAD_CODE = re.compile(r"^\W?\d?\W?\d\W{0,2}\d{1,2}\W?$")
# a template's outline number before a sub-heading ("3.1.2 Allmänt"); chapters print one level ("3.") and keep it
_OUTLINE_NUMBER = re.compile(r"^\d+(?:\.\d+)+\.?\s+(?=\p{L})")
_POINTS_LINE = re.compile(r"^(?:Poäng|POÄNG)\s*:?\s*(\d{1,3})$")
_ROW_TOLERANCE = 0.35
_UNNUMBERED_ENTRIES = 5  # contents entries in a row whose page numbers OCR may have lost
_WRAPPED_WORDS = 6  # a contents entry of fewer words is not wrapped onto the next line
_BODY_WORDS = 12  # a line of this many words without a page number is running text, not a contents entry
_TABLE_GAP = 2.6  # a vertical gap wider than this many font sizes ends a table
_BOX_GAP = 1.5  # the rubric box is set tight; a wider gap ends it
_WORD_SPACE = 0.8  # at most this many font sizes between two words of running text
_COLUMN_SLACK = 4.0
_RUNNING_WORDS = 7  # a line of this many words is running text, whose spacing is the body's
_SET_APART = 2.5  # a scan's sub-heading has this many line gaps of space above it, a paragraph less
_PARAGRAPH_GAP = 1.3  # more than this many line gaps between two lines parts paragraphs
_HEADING_WORDS = 14
_FULL_LINE_SIZE_ERROR = 2.0  # OCR's glyph boxes make a full line of running text up to this much larger


@dataclass
class _Row:
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


def _rows(lines: list[Line]) -> list[_Row]:
    rows: list[_Row] = []
    for line in lines:
        row = rows[-1] if rows else None
        if row and row.page == line.page and abs(row.bottom - line.bottom) <= _ROW_TOLERANCE * (line.size or 10):
            row.lines.append(line)
            row.top, row.bottom = min(row.top, line.top), max(row.bottom, line.bottom)
        else:
            rows.append(_Row(line.page, line.top, line.bottom, [line]))
    for row in rows:
        row.lines.sort(key=lambda line: line.x0)
    return rows


@dataclass
class _Style:
    body_size: float
    right_edge: float  # where full-width text lines end
    block_right: float  # where the text block ends: ragged lines end short of it, justified ones on it
    fonts: bool = True  # False for a scan read by OCR: no bold, sizes estimated from glyph boxes
    line_gap: float = 0.0  # the usual space between two lines of running text

    def wraps_onto(self, row: _Row, following: _Row) -> bool:
        """Whether `following` holds words that did not fit on `row`'s line: its first word would overrun the block."""
        return not _fits_after(row.x1, row.size, following.words[0], self.block_right)

    def is_heading(self, row: _Row, wraps: bool = False) -> bool:
        """Whether a row is set as a heading; `wraps`: it goes on on the next line, so it may end in a comma."""
        if len(row.lines) != 1 or BULLET_START.match(row.text):
            return False
        line = row.lines[0]
        text = line.text.strip()
        if len(text.split()) > 20 or text.endswith((".", ";") if wraps else (".", ",", ";")) or SCORE_CELL.match(text):
            return False
        larger = (line.size or 0) - self.body_size
        if not self.fonts and len(text.split()) >= _RUNNING_WORDS and (line.x1 or 0) >= self.right_edge - _COLUMN_SLACK:
            return larger > _FULL_LINE_SIZE_ERROR  # a full line of a scan: running text unless clearly larger
        return bool(line.bold) or larger > 0.9


def _style(rows: list[_Row]) -> _Style:
    sizes: Counter[float] = Counter()
    edges: Counter[int] = Counter()
    for row in rows:
        for line in row.lines:
            sizes[round(line.size or 0, 1)] += len(line.text)
            if not line.bold:
                edges[round(line.x1)] += 1
    body = sizes.most_common(1)[0][0] if sizes else 11.0
    fonts = any(line.bold is not None for row in rows for line in row.lines)
    right_edge = float(max(edges, key=edges.get)) if edges else 500.0
    ends = sorted(edges.elements())
    gaps = sorted(following.top - row.bottom for row, following in zip(rows, rows[1:])
                  if following.page == row.page and len(row.text.split()) >= _RUNNING_WORDS)
    return _Style(body, right_edge, ends[int(0.95 * (len(ends) - 1))] if ends else right_edge, fonts,
                  gaps[len(gaps) // 2] if gaps else 0.3 * body)


@dataclass
class _Column:
    x0: float  # where the column starts; it runs to the next column's x0
    lines: list[Line] = field(default_factory=list)


def read_pdf_layout(document: Document) -> Layout:
    body = split_running_heads(document)
    numbers = sorted(body.pages)
    rows = _rows([line for number in numbers for line in body.pages[number]])
    style = _style([row for row in rows if row.page != numbers[0]])
    cover = [line.text for line in body.pages.get(numbers[0], [])]
    start, contents = _contents(rows, numbers[0], style.fonts)
    blocks = _Reader(rows, style).read(start)
    pages_with_text = [page.number for page in document.pages if page.lines]
    return Layout(cover=cover, contents=contents, blocks=blocks, running_heads=body.heads,
                  page_count=len(document.pages), last_page=max(pages_with_text) if pages_with_text else None)


def _contents(rows: list[_Row], cover_page: int, fonts: bool) -> tuple[int, list[str]]:
    """Index of the first body row, and the contents entries before it.

    OCR loses some dot leaders and page numbers; in a scan, a line on the
    contents page that names an area or a report section is an entry too.
    """
    first = next((i for i, row in enumerate(rows) if row.page != cover_page), len(rows))
    heading = next((i for i in range(first, min(len(rows), first + 400))
                    if CONTENTS_WORD.fullmatch(rows[i].text.strip())), None)
    if heading is None:
        return first, []
    entries: list[str] = []
    wrapped = False  # the last entry goes on on the next line
    index = heading + 1
    while index < len(rows):
        text = rows[index].text.strip()
        if not fonts and rows[index].page == rows[heading].page and \
                (AREA_HEADING.match(text) or SECTION_HEADING.match(text)):
            entries.append(_LEADER_ENTRY.sub("", text).strip().rstrip(".… "))
            wrapped = False
            index += 1
            continue
        if not _LEADER_ENTRY.search(text):
            following = rows[index + 1].text.strip() if index + 1 < len(rows) else ""
            # an entry wrapped onto the next line; in a scan, whose short entries may have lost their page
            # numbers, only a line long enough to have been wrapped
            if _LEADER_ENTRY.search(following) and rows[index + 1].page == rows[index].page and \
                    (fonts or len(text.split()) >= _WRAPPED_WORDS):
                entries.append(text)
                wrapped = True
                index += 1
                continue
            if fonts or not _entries_go_on(rows, index):
                break
            entries.append(text)  # an entry whose page number OCR lost
            wrapped = False
            index += 1
            continue
        entry = _LEADER_ENTRY.sub("", text).strip().rstrip(".… ")
        if wrapped and entries[-1]:
            entries[-1] = f"{entries[-1]} {entry}"
        else:
            entries.append(entry)
        wrapped = False
        index += 1
    return index, [entry for entry in entries if entry]


def _entries_go_on(rows: list[_Row], index: int) -> bool:
    """Whether a contents entry with a leader and a page number follows the row at `index` before body text does.

    OCR of a noisy copy loses page numbers; the contents go on past entries
    without one, and end where the body's running text starts. Only an entry
    with its leader counts: a rubric line beside its box's score ("Information
    till medborgare 65") on the page after the contents ends in a number too.
    """
    for row in rows[index + 1:index + 1 + _UNNUMBERED_ENTRIES]:
        text = row.text.strip()
        if _LEADER_AND_NUMBER.search(text):
            return True
        if len(text.split()) >= _BODY_WORDS:
            return False
    return False


class _Reader:
    """Walks the rows, turning table regions into table blocks and the rest into text blocks."""

    def __init__(self, rows: list[_Row], style: _Style):
        self.rows = rows
        self.style = style
        self.blocks: list[Block] = []
        self.rubrics: list[str] = []  # the titles in the current area's rubric box, which its sub-headings use

    def read(self, start: int) -> list[Block]:
        index = start
        while index < len(self.rows):
            index = self._step(index)
        return self.blocks

    def _step(self, index: int) -> int:
        row = self.rows[index]
        for reader in (self._findings_table, self._findings_lists, self._rubric_box, self._score_table,
                       self._year_table):
            after = reader(index)
            if after is not None:
                return after
        if self.style.is_heading(row) or self._heading_wraps_after_comma(index) or AREA_HEADING.match(row.text) \
                or SECTION_HEADING.match(row.text) or (row.lines[0].bold and APPENDIX_HEADING.match(row.text)) \
                or self._scan_heading(index):
            return self._heading(index)
        self.blocks.append(Paragraph(row.text, row.page))
        return index + 1

    def _heading_wraps_after_comma(self, index: int) -> bool:
        """A heading line that ends in a comma because the heading goes on, set alike, on the next line."""
        row = self.rows[index]
        following = self.rows[index + 1] if index + 1 < len(self.rows) else None
        return (row.text.rstrip().endswith(",") and following is not None and following.page == row.page
                and self.style.is_heading(row, wraps=True) and self.style.is_heading(following)
                and not _styled_unlike(row.lines[0], following.lines[0])
                and following.top - row.bottom < 1.2 * row.size)

    def _scan_heading(self, index: int) -> bool:
        """A sub-heading of a scan, whose weight OCR cannot read: a short line standing on its own above running
        text, set apart by the space above it or, where that space does not tell (the top of a page), naming one
        of the area's rubrics or being one of the sub-headings any area may have ("Sammanfattning")."""
        row = self.rows[index]
        following = self.rows[index + 1] if index + 1 < len(self.rows) else None
        text = row.text.strip()
        if self.style.fonts or following is None or following.page != row.page or len(row.lines) != 1 \
                or not text[:1].isupper() or text.endswith((".", ",", ";", ":")) \
                or len(text.split()) > _HEADING_WORDS or BULLET_START.match(text) or SCORE_CELL.match(text) \
                or len(following.text.split()) < _RUNNING_WORDS or not _aligned(row, following, self.style) \
                or self.style.wraps_onto(row, following):
            return False
        previous = self.rows[index - 1] if index and self.rows[index - 1].page == row.page else None
        if previous is None:
            return names_rubric(text, self.rubrics) or text.casefold() in _GENERIC_TITLES
        above, below = row.top - previous.bottom, following.top - row.bottom
        gap = self.style.line_gap
        # a paragraph's first line has a paragraph's space above it and below it only a line's
        return (above >= _SET_APART * gap and above >= below + gap) or \
            (above > _PARAGRAPH_GAP * gap and names_rubric(text, self.rubrics))

    def _heading(self, index: int) -> int:
        row = self.rows[index]
        text = row.text
        if AREA_HEADING.match(text) or SECTION_HEADING.match(text):
            self.rubrics = []
        index += 1
        while index < len(self.rows):
            following = self.rows[index]
            wrapped = (self.style.wraps_onto(row, following) or re.fullmatch(r"(?:Område|OMRÅDE)\s+\d", text)
                       or _CONTINUED.search(text) or following.text[:1].islower()) \
                and not AREA_HEADING.match(following.text) and not SECTION_HEADING.match(following.text)
            if (following.page == row.page and self.style.is_heading(following) and wrapped
                    and abs(following.size - row.size) < 0.5 and following.top - row.bottom < 1.2 * row.size):
                text = f"{text} {following.text}"
                row = following
                index += 1
            else:
                break
        self.blocks.append(Heading(_OUTLINE_NUMBER.sub("", text), self.rows[index - 1].page))
        return index

    # -- findings -------------------------------------------------------------------------------

    def _findings_table(self, index: int) -> int | None:
        row = self.rows[index]
        edges = _header_edges(row, STRENGTH_HEADER, IMPROVEMENT_HEADER)
        if edges is None:
            return None
        left_x0, split = edges
        left, right = _Column(left_x0), _Column(split)
        index = self._column_rows(index + 1, [left, right], header=row)
        scan = not self.style.fonts
        strengths, improvements = _items(left.lines, scan), _items(right.lines, scan)
        self.blocks.append(column_findings(strengths, improvements, row.page))
        return index

    def _column_rows(self, index: int, columns: list[_Column], header: _Row) -> int:
        """Assigns the rows below a header to its columns; returns the index after the table."""
        previous = header
        items_started = False
        while index < len(self.rows):
            row = self.rows[index]
            wrapped_header = (not items_started and all(line.bold for line in row.lines)
                              and not ITEM_START.match(row.text)
                              and not any(_runs_across(line, c.x0) for line in row.lines for c in columns[1:]))
            repeated_header = _header_edges(row, STRENGTH_HEADER, IMPROVEMENT_HEADER) is not None
            if repeated_header or wrapped_header:
                index += 1  # the header repeated on a continuation page, or the rest of a header cell
                previous = row
                items_started = not repeated_header and items_started
                continue
            items_started = True
            if self._ends_table(row, previous, columns):
                break
            for part, column in _cut(row, columns):
                column.lines.append(part)
            previous = row
            index += 1
        return index

    def _ends_table(self, row: _Row, previous: _Row, columns: list[_Column]) -> bool:
        if row.page == previous.page and row.top - previous.bottom > _TABLE_GAP * self.style.body_size:
            return True
        if AREA_HEADING.match(row.text) or SECTION_HEADING.match(row.text):
            return True
        # an estimated size errs on a short line; a heading of a scan starts where the table starts
        if self.style.is_heading(row) and not BULLET_START.match(row.text) and \
                (self.style.fonts or row.x0 <= columns[0].x0 + _COLUMN_SLACK):
            return True
        return any(_runs_across(line, column.x0) for line in row.lines for column in columns[1:])

    def _findings_lists(self, index: int) -> int | None:
        """Strengths and improvements as two headed lists ("STYRKOR" ..., "FÖRBÄTTRINGSOMRÅDEN" ...)."""
        row = self.rows[index]
        if len(row.lines) != 1 or not STRENGTH_HEADER.fullmatch(row.text.strip().rstrip(":")):
            return None
        strengths, index = self._list_items(index + 1)
        improvements: list[tuple[str, int | None]] = []
        if index < len(self.rows) and IMPROVEMENT_HEADER.fullmatch(self.rows[index].text.strip().rstrip(":")):
            improvements, index = self._list_items(index + 1)
        self.blocks.append(column_findings(strengths, improvements, row.page))
        return index

    def _list_items(self, index: int) -> tuple[list[tuple[str, int | None]], int]:
        lines: list[Line] = []
        bullet_x: float | None = None
        while index < len(self.rows):
            row = self.rows[index]
            bulleted = bool(ITEM_START.match(row.text))
            if bulleted and lines and _styled_unlike(row.lines[0], lines[0]):
                break  # a numbered heading after the list ("4. Översikt ..."), set unlike its items
            if bulleted:
                bullet_x = row.x0 if bullet_x is None else bullet_x
            elif bullet_x is None or row.x0 <= bullet_x + 1 or self.style.is_heading(row):
                break
            if lines and row.page == self.rows[index - 1].page and \
                    row.top - self.rows[index - 1].bottom > _TABLE_GAP * self.style.body_size:
                break
            lines.extend(row.lines)
            index += 1
        return _items(lines, not self.style.fonts), index

    # -- rubrics --------------------------------------------------------------------------------

    def _rubric_box(self, index: int) -> int | None:
        """The "Rubriker | Poäng" box: rubric lines on the left, the score under "Poäng"."""
        row = self.rows[index]
        if not row.words or not RUBRICS_WORD.fullmatch(row.words[0].text):
            return None
        points = next((w for w in row.words if POINTS_WORD.fullmatch(w.text)), None)
        # a re-evaluation's box has a column per year ("Rubriker | 2015 | 2012") where others print "Poäng"
        years = [w for w in row.words if YEAR_CELL.match(w.text)] if points is None else []
        edge = (points or years[0]).x0 - 2 * _COLUMN_SLACK if points or years else self.style.right_edge + 50
        year_columns = [_Column(row.words[0].x0), *(_Column(w.x0 - 2 * _COLUMN_SLACK) for w in years)]
        items: list[Line] = []
        score: int | None = None
        year_scores: list[tuple[int, int]] = []
        previous = row
        index += 1
        while index < len(self.rows):
            row = self.rows[index]
            if row.page != previous.page or row.top - previous.bottom > _BOX_GAP * self.style.body_size:
                break
            found = _POINTS_LINE.match(row.text.strip())
            if found:
                score = int(found.group(1))
                index += 1
                break
            if years:  # scores may stand close to the rubric: cut the row at the year columns
                cut = _cut(row, year_columns)
                row = _Row(row.page, row.top, row.bottom, [line for line, _ in cut])
                if not year_scores and all(SCORE_CELL.match(line.text) for line, column in cut
                                           if column is not year_columns[0]):
                    year_scores = [(int(years[year_columns.index(column) - 1].text), int(line.text))
                                   for line, column in cut if column is not year_columns[0]]
            left = [line for line in row.lines if line.x1 <= edge + _COLUMN_SLACK]
            right = [line for line in row.lines if line.x0 >= edge - _COLUMN_SLACK and SCORE_CELL.match(line.text)]
            if len(left) + len(right) != len(row.lines):
                break
            if items and not right and self.style.is_heading(row) and _styled_unlike(row.lines[0], items[-1]):
                break  # a sub-heading set close under the box
            if right and score is None and not years:
                score = int(right[0].text)
            items.extend(left)
            previous = row
            index += 1
        if not self.style.fonts:
            items = _capitalized_unwrapped(items, edge)
        texts = [text for text, _ in _items(items)]
        self.rubrics = texts
        self.blocks.append(RubricBox(texts, score, self.rows[index - 1].page, year_scores))
        return index

    # -- score tables ---------------------------------------------------------------------------

    def _score_table(self, index: int) -> int | None:
        row = self.rows[index]
        names = [w.text for w in row.words]
        if not {"Uppnått", "Max", "Procent"} <= set(names):
            return None
        columns = [next(w for w in row.words if w.text == name) for name in ("Uppnått", "Max", "Procent")]
        title = " ".join(w.text for w in row.words if w.x1 <= columns[0].x0)
        table = ScoreTable(title, ["Uppnått", "Max", "Procent"], [], row.page)
        index = self._numeric_rows(index + 1, columns, table)
        self.blocks.append(table)
        return index

    def _year_table(self, index: int) -> int | None:
        row = self.rows[index]
        if not _is_year_header(row):
            return None
        years = [w for w in row.words if YEAR_CELL.match(w.text)]
        title = " ".join(w.text for w in row.words if w.x1 <= years[0].x0)
        table = ScoreTable(title, [w.text for w in years], [], row.page)
        index = self._numeric_rows(index + 1, years, table)
        if not table.rows:
            return None
        self.blocks.append(table)
        return index

    def _numeric_rows(self, index: int, columns: list[Word], table: ScoreTable) -> int:
        """Rows under numeric column headers: label words on the left, numbers under the headers."""
        first_column = columns[0].x0 - 3 * _COLUMN_SLACK
        centers = [(w.x0 + w.x1) / 2 for w in columns]
        pending: ScoreRow | None = None
        previous = self.rows[index - 1]
        while index < len(self.rows):
            row = self.rows[index]
            if {"Uppnått", "Max", "Procent"} <= {w.text for w in row.words} or _is_year_header(row):
                break
            if row.page == previous.page and row.top - previous.bottom > _TABLE_GAP * self.style.body_size:
                break
            numbers = [w for w in row.words if w.x1 >= first_column]
            if not numbers and not table.rows and row.page == previous.page and _styled_alike(row, previous):
                table.title = f"{table.title} {row.text}".strip()  # the header's title cell wrapped
                previous = row
                index += 1
                continue
            if self.style.is_heading(row) or not all(self._is_cell_value(w, centers) for w in numbers):
                break  # what follows the table: a heading, or text reaching into the number columns
            label_words = [w.text for w in row.words if w.x1 < first_column]
            values = _column_values(numbers, centers)
            code = self._code(label_words[0], table) if label_words else None
            label = " ".join(label_words[1:] if code else label_words)
            if not any(values) and code is None:
                if pending is None or not label:
                    break
                pending.label = _cell_joined(pending.label, label)
            elif code is not None or pending is None or all(pending.values):
                pending = ScoreRow(code, label, values, row.page)
                table.rows.append(pending)
            else:
                pending.label = _cell_joined(pending.label, label)
                pending.values = values
            previous = row
            index += 1
        table.rows = [r for r in table.rows if all(r.values)]
        return index

    def _is_cell_value(self, word: Word, centers: list[float]) -> bool:
        """A number cell's word; in a scan also a misread percent under the last column ("Procent")."""
        if _CELL_VALUE.match(word.text):
            return True
        nearest = min(centers, key=lambda center: abs((word.x0 + word.x1) / 2 - center))
        return not self.style.fonts and nearest == centers[-1] and bool(_MISREAD_PERCENT.match(word.text))

    def _code(self, text: str, table: ScoreTable) -> str | None:
        """The subquestion code a row's first word is; in a scan also the code expected next in the table when
        the word's digits end in it ("21" or "|2.1" after none, in table "2. ..."; "125" after "2.4")."""
        if SUBQUESTION_CODE.match(text):
            return text
        if self.style.fonts or not _MISREAD_CODE.match(text):
            return None
        codes = [row.code for row in table.rows if row.code]
        if codes:
            area, number = codes[-1].split(".")
            expected = f"{area}.{int(number) + 1}"
        else:
            area_digit = re.match(r"\W?(\d)\b", table.title)
            expected = f"{area_digit.group(1)}.1" if area_digit else ""
        digits = "".join(c for c in text if c.isdigit())
        return expected if expected and digits.endswith(expected.replace(".", "")) and \
            len(digits) <= len(expected) else None


def _aligned(row: _Row, following: _Row, style: _Style) -> bool:
    """Whether two rows start at one margin; OCR may lose a first letter, so within a letter or two."""
    return abs(following.x0 - row.x0) <= max(_COLUMN_SLACK, style.body_size)


def _styled_alike(row: _Row, header: _Row) -> bool:
    """Whether a row is set like a table's header row: bold where it is, in its size."""
    return all(line.bold for line in row.lines) == all(line.bold for line in header.lines) and \
        abs(row.size - header.size) < 0.5


# after a hyphen these words mean a shortened compound ("kompetens- och medarbetarutveckling"), not a break
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp."})


def _cell_joined(text: str, following: str) -> str:
    """A table cell's lines as one text: a line that breaks after a hyphen ("demokrati-" / "utveckling") goes on
    without a space, the hyphen kept (a cell prints its words as the question has them)."""
    if text.endswith("-") and following[:1].islower() and following.split()[0] not in _CONJUNCTIONS:
        return f"{text}{following}"
    return f"{text} {following}".strip()


def _styled_unlike(line: Line, other: Line) -> bool:
    return line.bold != other.bold or abs((line.size or 0) - (other.size or 0)) > 0.5


def _runs_across(line: Line, edge: float) -> bool:
    """Whether a line is running text across a column edge rather than two cells side by side.

    Cells are parted by the column gap; running text has a word on the edge, or
    only a word space between the words either side of it.
    """
    words = line.words
    for word in words:
        if word.x0 < edge - _COLUMN_SLACK < word.x1 - _COLUMN_SLACK:
            return True
    for left, right in zip(words, words[1:]):
        if left.x1 <= edge <= right.x0 + _COLUMN_SLACK and right.x0 - left.x1 < _WORD_SPACE * (line.size or 10):
            return True
    return False


def _is_year_header(row: _Row) -> bool:
    """A header of year columns: two or more years, and nothing but years right of the first."""
    years = [w for w in row.words if YEAR_CELL.match(w.text)]
    return len(years) >= 2 and all(YEAR_CELL.match(w.text) for w in row.words if w.x0 >= years[0].x0)


def _column_values(words: list[Word], centers: list[float]) -> list[str]:
    values = [""] * len(centers)
    for word in words:
        column = min(range(len(centers)), key=lambda i: abs((word.x0 + word.x1) / 2 - centers[i]))
        values[column] = f"{values[column]} {word.text}".strip() if word.text != "%" else f"{values[column]} %"
    return [value.strip() for value in values]


def _header_edges(row: _Row, left_header: re.Pattern, right_header: re.Pattern) -> tuple[float, float] | None:
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
    return words[0].x0, words[count].x0 - _COLUMN_SLACK


def _cut(row: _Row, columns: list[_Column]) -> list[tuple[Line, _Column]]:
    """The row's words, cut at the column edges, as one line per column."""
    parts: dict[int, list[tuple[Word, Line]]] = {}
    for line in row.lines:
        for word in line.words:
            column = max(i for i, c in enumerate(columns) if word.x0 >= c.x0 - _COLUMN_SLACK or i == 0)
            parts.setdefault(column, []).append((word, line))
    cut = []
    for column, entries in sorted(parts.items()):
        words = [word for word, _ in entries]
        source = entries[0][1]
        cut.append((Line(" ".join(w.text for w in words), source.page, words[0].x0, words[-1].x1, source.top,
                         source.bottom, source.size, source.bold, tuple(words)), columns[column]))
    return cut


def _item_text(text: str, scan: bool) -> str:
    """An item's text without its bullet; in a scan also without a second one OCR read beside it ("• - Samlad")."""
    text = ITEM_START.sub("", text, count=1)
    return BULLET_START.sub("", text, count=1) if scan else text


def _had_room(above: Line, line: Line, edge: float) -> bool:
    """Whether the line above ended short of `edge` by more than `line`'s first word: `line` did not wrap onto it."""
    return bool(line.words) and above.page == line.page and _fits_after(above.x1, line.size or 10, line.words[0], edge)


def _fits_after(x1: float, size: float, word: Word, edge: float) -> bool:
    """Whether `word` fits before `edge` on a line that ends at `x1`, after a word space of this size."""
    return x1 + _WORD_SPACE * size + (word.x1 - word.x0) <= edge


def _capitalized_unwrapped(lines: list[Line], edge: float) -> list[Line]:
    """A scan's rubric lines, where a line in lower case under a line that had room for its first word starts a
    rubric of its own: OCR read a capital as its small letter ("stöd till näringslivet"), as it does for
    letters that differ only in size, and a rubric that went on would have filled the line above."""
    result = lines[:1]
    for above, line in zip(lines, lines[1:]):
        first = line.words[0] if line.words else None
        if first is not None and first.text[:1].islower() and _had_room(above, line, edge):
            word = replace(first, text=first.text[:1].upper() + first.text[1:])
            line = replace(line, text=line.text.replace(first.text, word.text, 1), words=(word, *line.words[1:]))
        result.append(line)
    return result


def _items(lines: list[Line], scan: bool = False) -> list[tuple[str, int | None]]:
    """List items of a column: a bullet starts an item and indented lines continue it.

    Without bullets, a line continues the item above when it starts in lower
    case or the line above ends with a word that binds what follows. In a
    scan, where OCR may lose a bullet, a line under a line that had room for
    its first word before the column's edge (where its longest line ends)
    starts an item too: an item that went on would have filled the line above.
    """
    bullet_x = min((line.x0 for line in lines if ITEM_START.match(line.text)), default=None)
    edge = max((line.x1 for line in lines if line.x1 is not None), default=None) if scan else None
    items: list[list] = []
    for above, line in zip([None, *lines], lines):
        text = line.text.strip()
        if bullet_x is not None:
            # a dash that opens a continuation line ("– har det effekt?") stands at the text indent
            if ITEM_START.match(text) and line.x0 <= bullet_x + _COLUMN_SLACK:
                items.append([_item_text(text, scan), line.page])
            elif items and not (edge is not None and above is not None and _had_room(above, line, edge)):
                items[-1][0] += " " + text
            elif text:  # an item of its own, though not at the bullets' place: a bullet it shows is one
                items.append([_item_text(text, scan), line.page])
            continue
        previous = items[-1][0].split()[-1] if items and items[-1][0].split() else ""
        if items and not starts_item(previous, text.split()[0]):
            items[-1][0] += " " + text
        else:
            items.append([text, line.page])
    return [(text.strip(), page) for text, page in items if text.strip()]
