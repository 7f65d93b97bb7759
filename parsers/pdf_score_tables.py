"""PDF layout family: tables of points, under numeric column headers.

Section 4's tables print "<area> | Uppnått | Max | Procent"; appendices and
re-evaluations print a column per year. Label words stand left of the first
column, numbers under the headers; a label may wrap onto the next row.
"""
from __future__ import annotations

import regex as re

from domain.origin import Origin
from domain.problems import problem
from extract.model import Word
from parsers.blocks import ScoreRow, ScoreTable
from parsers.patterns import SUBQUESTION_CODE, YEAR_CELL
from parsers.pdf_cursor import TABLE_GAP, BlockRead, RowCursor
from parsers.pdf_rows import COLUMN_SLACK, Row
from parsers.pdf_style import PageStyle
from parsers.score_sums import unread_cells

_CELL_VALUE = re.compile(r"^(?:\d{1,3}(?:[,.]\d+)?\s?%?|%|–|-)$")
# a scan's "Procent" cell whose "%" OCR read as digits or letters ("7220", "74”", "89 Rx"); parsers.tables reads it
_MISREAD_PERCENT = re.compile(r"^(?:\d{1,3}\S{0,3}|\S{1,3})$")
# a scan's subquestion code with its dot lost or a border glyph before it ("21", "125", "|3.1"): its digits
_MISREAD_CODE = re.compile(r"^\W?\d?\W?\d\W{0,2}\d{1,2}\W?$")
_CODE_LETTERS = 5  # a misread code is at most this long ("1.1", "|2.1.")
# after a hyphen these words mean a shortened compound ("kompetens- och medarbetarutveckling"), not a break
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "resp."})


def read_score_table(cursor: RowCursor) -> BlockRead | None:
    """A section 4 table under a "<area> | Uppnått | Max | Procent" header row."""
    row = cursor.row
    names = [w.text for w in row.words]
    if not {"Uppnått", "Max", "Procent"} <= set(names):
        return None
    columns = [next(w for w in row.words if w.text == name) for name in ("Uppnått", "Max", "Procent")]
    title = " ".join(w.text for w in row.words if w.x1 <= columns[0].x0)
    table = ScoreTable(title, ["Uppnått", "Max", "Procent"], [], row.page)
    end = _numeric_rows(cursor, columns, table)
    if not cursor.style.fonts:
        _codes_by_place(table)
    # a subquestion that lacks only its "Uppnått" is the report grammar's to settle against the sum row
    kept = [r for r in table.rows if all(r.values) or (r.code and all(r.values[1:]))]
    table.problems += [unread_cells(r) for r in table.rows if r.code and r not in kept]
    table.rows = kept
    return BlockRead(table, end)


def _codes_by_place(table: ScoreTable) -> None:
    """A scan's rows whose code OCR could not read ("dal" for "1.1") take the code of their place among the
    table's question rows, where every code that was read stands at its own place; else such a row is named
    and left out, never given a neighbour's code nor taken for the table's sum row (which has no question)."""
    questions = [row for row in table.rows if row.label]
    unread = [row for row in questions if row.code is None]
    if not unread:
        return
    areas = {row.code.split(".")[0] for row in questions if row.code}
    title_digit = re.match(r"\W?(\d)\b", table.title)
    area = areas.pop() if len(areas) == 1 else (title_digit.group(1) if title_digit and not areas else None)
    placed = [f"{area}.{place}" for place in range(1, len(questions) + 1)]
    if area is not None and all(row.code in (None, code) for row, code in zip(questions, placed)):
        for row, code in zip(questions, placed):
            row.code = code
        return
    for row in unread:
        table.problems.append(problem(
            "subquestion_code_unread", f"{table.title}: a row of section 4 (\"{row.label[:60]}\", "
                                       f"{' | '.join(row.values)}) has a code OCR could not read, and its place "
                                       f"in the table does not tell it; the row was not published.", row.page))
    table.rows = [row for row in table.rows if row.label == "" or row.code is not None]


def read_year_table(cursor: RowCursor) -> BlockRead | None:
    """A table of points under a header of year columns ("<area> | 2015 | 2012"), if it has rows."""
    row = cursor.row
    if not _is_year_header(row):
        return None
    years = [w for w in row.words if YEAR_CELL.match(w.text)]
    title = " ".join(w.text for w in row.words if w.x1 <= years[0].x0)
    table = ScoreTable(title, [w.text for w in years], [], row.page)
    end = _numeric_rows(cursor, years, table, gaps=True)
    table.rows = [r for r in table.rows if any(r.values)]
    if not table.rows:
        return None
    return BlockRead(table, end)


def _numeric_rows(cursor: RowCursor, columns: list[Word], table: ScoreTable, gaps: bool = False) -> int:
    """Rows under the numeric column headers at the cursor: label words on the left, numbers under the headers;
    returns the index after the table.

    With `gaps` (a column per year) a row may leave cells empty, a year that did not score its area: each
    number stays in its column and the row is complete as printed. Else a row's numbers that a wrapped label
    set on its next line complete it. Rows may lack numbers: the caller keeps those its table may.
    """
    rows, style = cursor.rows, cursor.style
    index = cursor.index + 1
    first_column = columns[0].x0 - 3 * COLUMN_SLACK
    centers = [(w.x0 + w.x1) / 2 for w in columns]
    pending: ScoreRow | None = None
    previous = rows[index - 1]
    while index < len(rows):
        row = rows[index]
        if {"Uppnått", "Max", "Procent"} <= {w.text for w in row.words} or _is_year_header(row):
            break
        if row.page == previous.page and row.top - previous.bottom > TABLE_GAP * style.body_size:
            break
        numbers = [w for w in row.words if w.x1 >= first_column]
        if not style.fonts and not gaps:
            numbers = _without_misread_points(numbers, centers, style)
        if not numbers and not table.rows and row.page == previous.page and _styled_alike(row, previous):
            table.title = f"{table.title} {row.text}".strip()  # the header's title cell wrapped
            previous = row
            index += 1
            continue
        if style.is_heading(row) or not all(_is_cell_value(w, centers, style) for w in numbers):
            break  # what follows the table: a heading, or text reaching into the number columns
        label_words = [w for w in row.words if w.x1 < first_column]
        values, origins = _column_values(numbers, centers), _column_origins(row, numbers, centers)
        code = _code(label_words[0].text, table, style) if label_words else None
        if code or _unread_code(label_words, style):
            label_words = label_words[1:]
        label = " ".join(w.text for w in label_words)
        if not any(values) and code is None and (pending is None or not label):
            break
        pending = _with_row(table, pending, ScoreRow(code, label, values, row.page, origins), gaps)
        previous = row
        index += 1
    return index


def _with_row(table: ScoreTable, pending: ScoreRow | None, read: ScoreRow, gaps: bool) -> ScoreRow:
    """`table` with a row as read: a row of its own, or the next line of the row above (`pending`), whose
    label it goes on with and whose empty cells it fills; returns the row the next line may go on with."""
    if pending is not None and not any(read.values) and read.code is None:
        pending.label = _cell_joined(pending.label, read.label)
        return pending
    if read.code is not None or pending is None or all(pending.values) or gaps \
            or any(old and new for old, new in zip(pending.values, read.values)):
        # a row that would overwrite a cell the row above has (the sum row under a row that OCR read
        # without its "Uppnått") is a row of its own
        table.rows.append(read)
        return read
    pending.label = _cell_joined(pending.label, read.label)
    pending.origins = [old_origin if old else new_origin for old, old_origin, new_origin
                       in zip(pending.values, pending.origins, read.origins)]
    pending.values = [old or new for old, new in zip(pending.values, read.values)]
    return pending


def _is_cell_value(word: Word, centers: list[float], style: PageStyle) -> bool:
    """A number cell's word; in a scan also a misread percent under the last column ("Procent")."""
    if _CELL_VALUE.match(word.text):
        return True
    nearest = min(centers, key=lambda center: abs((word.x0 + word.x1) / 2 - center))
    return not style.fonts and nearest == centers[-1] and bool(_MISREAD_PERCENT.match(word.text))


def _without_misread_points(words: list[Word], centers: list[float], style: PageStyle) -> list[Word]:
    """A scan's row without the letters OCR read for its "Uppnått" number ("FÖR" for "11"), where its other
    cells hold numbers: the cell is unread, not the end of the table."""
    misread = [w for w in words if _column(w, centers) == 0 and not _is_cell_value(w, centers, style)]
    others = {_column(w, centers) for w in words if _column(w, centers) > 0 and _is_cell_value(w, centers, style)}
    if not misread or others != set(range(1, len(centers))):
        return words
    return [w for w in words if w not in misread]


def _code(text: str, table: ScoreTable, style: PageStyle) -> str | None:
    """The subquestion code a row's first word is; in a scan also the code expected next in the table when
    the word's digits end in it ("21" or "|2.1" after none, in table "2. ..."; "125" after "2.4")."""
    if SUBQUESTION_CODE.match(text):
        return text
    if style.fonts or not _MISREAD_CODE.match(text):
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


def _unread_code(label_words: list[Word], style: PageStyle) -> bool:
    """Whether a scan's row starts with a code cell OCR misread ("dal" for "1.1"): a short word standing a
    column's gap, wider than a letter, left of the question."""
    return not style.fonts and len(label_words) > 1 and len(label_words[0].text) <= _CODE_LETTERS \
        and label_words[1].x0 - label_words[0].x1 > style.body_size


def _styled_alike(row: Row, header: Row) -> bool:
    """Whether a row is set like a table's header row: bold where it is, in its size."""
    return all(line.bold for line in row.lines) == all(line.bold for line in header.lines) and \
        abs(row.size - header.size) < 0.5


def _cell_joined(text: str, following: str) -> str:
    """A table cell's lines as one text: a line that breaks after a hyphen ("demokrati-" / "utveckling") goes on
    without a space, the hyphen kept (a cell prints its words as the question has them)."""
    if text.endswith("-") and following[:1].islower() and following.split()[0] not in _CONJUNCTIONS:
        return f"{text}{following}"
    return f"{text} {following}".strip()


def _is_year_header(row: Row) -> bool:
    """A header of year columns: two or more years, and nothing but years right of the first."""
    years = [w for w in row.words if YEAR_CELL.match(w.text)]
    return len(years) >= 2 and all(YEAR_CELL.match(w.text) for w in row.words if w.x0 >= years[0].x0)


def _column(word: Word, centers: list[float]) -> int:
    """The column whose header's centre is nearest the word's."""
    return min(range(len(centers)), key=lambda i: abs((word.x0 + word.x1) / 2 - centers[i]))


def _column_values(words: list[Word], centers: list[float]) -> list[str]:
    values = [""] * len(centers)
    for word in words:
        column = _column(word, centers)
        values[column] = f"{values[column]} {word.text}".strip() if word.text != "%" else f"{values[column]} %"
    return [value.strip() for value in values]


def _column_origins(row: Row, words: list[Word], centers: list[float]) -> list[Origin | None]:
    """Where each column's value stands in the row; None for an empty cell."""
    return [row.words_origin([word for word in words if _column(word, centers) == column])
            for column in range(len(centers))]
