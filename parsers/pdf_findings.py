"""PDF layout family: findings, as a two-column table or as two headed lists.

A header row "Styrkor | Förbättringsmöjligheter" fixes the column edges, and
every row below it is cut at those edges until a row crosses them or a heading
starts; the table continues across page breaks, with or without a repeated
header.
"""
from __future__ import annotations

from domain.origin import Origin
from extract.model import Line
from parsers.findings import column_findings
from parsers.patterns import (
    AREA_HEADING,
    BULLET_START,
    IMPROVEMENT_HEADER,
    ITEM_START,
    SECTION_HEADING,
    STRENGTH_HEADER,
)
from parsers.pdf_cursor import TABLE_GAP, BlockRead, RowCursor
from parsers.pdf_items import column_items
from parsers.pdf_rows import COLUMN_SLACK, Row, TableColumn, cut, header_edges, runs_across, styled_unlike
from parsers.pdf_style import PageStyle


def read_findings_table(cursor: RowCursor) -> BlockRead | None:
    """The findings table under a "Styrkor | Förbättringsmöjligheter" header row: strengths left, improvements
    right."""
    row = cursor.row
    edges = header_edges(row, STRENGTH_HEADER, IMPROVEMENT_HEADER)
    if edges is None:
        return None
    left_x0, split = edges
    left, right = TableColumn(left_x0), TableColumn(split)
    end = _column_rows(cursor, [left, right])
    scan = not cursor.style.fonts
    strengths, improvements = column_items(left.lines, scan), column_items(right.lines, scan)
    return BlockRead(column_findings(strengths, improvements, row.page), end)


def _column_rows(cursor: RowCursor, columns: list[TableColumn]) -> int:
    """Assigns the rows below the header at the cursor to its columns; returns the index after the table."""
    rows, index = cursor.rows, cursor.index + 1
    previous = cursor.row
    items_started = False
    while index < len(rows):
        row = rows[index]
        wrapped_header = (not items_started and all(line.bold for line in row.lines)
                          and not ITEM_START.match(row.text)
                          and not any(runs_across(line, c.x0) for line in row.lines for c in columns[1:]))
        repeated_header = header_edges(row, STRENGTH_HEADER, IMPROVEMENT_HEADER) is not None
        if repeated_header or wrapped_header:
            index += 1  # the header repeated on a continuation page, or the rest of a header cell
            previous = row
            items_started = not repeated_header and items_started
            continue
        items_started = True
        if _ends_table(row, previous, columns, cursor.style):
            break
        for part, column in cut(row, columns):
            column.lines.append(part)
        previous = row
        index += 1
    return index


def _ends_table(row: Row, previous: Row, columns: list[TableColumn], style: PageStyle) -> bool:
    if row.page == previous.page and row.top - previous.bottom > TABLE_GAP * style.body_size:
        return True
    if AREA_HEADING.match(row.text) or SECTION_HEADING.match(row.text):
        return True
    # an estimated size errs on a short line; a heading of a scan starts where the table starts
    if style.is_heading(row) and not BULLET_START.match(row.text) and \
            (style.fonts or row.x0 <= columns[0].x0 + COLUMN_SLACK):
        return True
    return any(runs_across(line, column.x0) for line in row.lines for column in columns[1:])


def read_findings_lists(cursor: RowCursor) -> BlockRead | None:
    """Strengths and improvements as two headed lists ("STYRKOR" ..., "FÖRBÄTTRINGSOMRÅDEN" ...)."""
    row = cursor.row
    if len(row.lines) != 1 or not STRENGTH_HEADER.fullmatch(row.text.strip().rstrip(":")):
        return None
    rows = cursor.rows
    strengths, index = _list_under_header(cursor, cursor.index + 1)
    improvements: list[tuple[str, Origin]] = []
    if index < len(rows) and IMPROVEMENT_HEADER.fullmatch(rows[index].text.strip().rstrip(":")):
        improvements, index = _list_under_header(cursor, index + 1)
    return BlockRead(column_findings(strengths, improvements, row.page), index)


def _list_under_header(cursor: RowCursor, index: int) -> tuple[list[tuple[str, Origin]], int]:
    """The bulleted items from the row at `index` on, and the index after them."""
    rows, style = cursor.rows, cursor.style
    lines: list[Line] = []
    bullet_x: float | None = None
    while index < len(rows):
        row = rows[index]
        bulleted = bool(ITEM_START.match(row.text))
        if bulleted and lines and styled_unlike(row.lines[0], lines[0]):
            break  # a numbered heading after the list ("4. Översikt ..."), set unlike its items
        if bulleted:
            bullet_x = row.x0 if bullet_x is None else bullet_x
        elif bullet_x is None or row.x0 <= bullet_x + 1 or style.is_heading(row):
            break
        if lines and row.page == rows[index - 1].page and \
                row.top - rows[index - 1].bottom > TABLE_GAP * style.body_size:
            break
        lines.extend(row.lines)
        index += 1
    return column_items(lines, not style.fonts), index
