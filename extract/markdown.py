"""Markdown renderings: plain lines for text, tables as TAB rows, pipe rows or HTML.

Conversions differ in what they mark up: some keep '#' headings, some print
headings as plain lines; tables come as TAB-separated rows whose cells hold
"<ul>• a • b" lists, as rows whose tabs became runs of spaces
(extract.spaced_rows), as '|' pipe tables, or as <table> fragments. Headings marked
with '#' or wholly in bold become bold Lines; everything else is kept as text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import accumulate

from extract.fragments import cell_from_markup, html_tables, strip_tags
from extract.model import Cell, Line, Page, Table
from extract.offsets import found_in_order
from extract.spaced_rows import is_spaced_row, spaced_cells

_PIPE_RULE = re.compile(r"^\|?\s*:?-{3,}")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*$")
# Only bullet marks: "4. Översikt av poängfördelning" is a numbered heading, not a list item.
_LIST_MARK = re.compile(r"^\s*[-*+]\s+(?=\S)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")
_BROKEN_AT_HYPHEN = re.compile(r"[^\W\d_]-$")


def read_markdown(text: str) -> list[Page]:
    """One page (markdown has no page breaks) with its lines and tables in order."""
    page = Page(number=1)
    raw_lines = text.splitlines()
    starts = [0, *accumulate(len(line) for line in text.splitlines(keepends=True))]  # where each line starts
    i = 0
    while i < len(raw_lines):
        table_end = _table(raw_lines, starts, i, page)
        if table_end is not None:
            i = table_end
            continue
        line = _line(raw_lines[i].rstrip(), starts[i])
        previous = page.lines[-1] if page.lines and i and raw_lines[i - 1].strip() else None
        if line is not None and previous is not None and _BROKEN_AT_HYPHEN.search(previous.text) \
                and line.text[:1].islower():  # a paragraph broken after a hyphen goes on: one paragraph
            page.lines[-1] = Line(text=f"{previous.text} {line.text}", page=1, bold=previous.bold,
                                  offsets=previous.offsets + line.offsets)
        elif line is not None:
            page.lines.append(line)
        i += 1
    return [page]


def _table(raw_lines: list[str], starts: list[int], i: int, page: Page) -> int | None:
    """Where the table that starts at line `i` (an HTML fragment, pipes or columns set with spaces) ends, the
    table added to the page (its cells know their spans: `starts` are where the lines start in the source); None
    where no table starts there."""
    raw = raw_lines[i].rstrip()
    end = i
    if "<table" in raw.lower():
        while end < len(raw_lines) and "</table>" not in raw_lines[end].lower():
            end += 1
        for rows in html_tables("\n".join(raw_lines[i:end + 1])):
            page.tables.append(Table(page=1, rows=rows, before_line=len(page.lines)))
        return end + 1
    if _is_table_row(raw):
        while end < len(raw_lines) and _is_table_row(raw_lines[end].rstrip()):
            end += 1
        rows = tuple(_row(raw_lines[at], starts[at]) for at in range(i, end)
                     if not _PIPE_RULE.match(raw_lines[at].strip()))
        page.tables.append(Table(page=1, rows=rows, before_line=len(page.lines)))
        return end
    if is_spaced_row(raw):
        end = i + 1
        while end < len(raw_lines) and raw_lines[end].strip() and (
                is_spaced_row(raw_lines[end]) or raw_lines[end].startswith("  ") or "<ul" in raw_lines[end]):
            end += 1
        page.tables.append(_spaced_table(raw_lines[i:end], len(page.lines)))
        return end
    return None


def _spaced_table(raw_lines: list[str], before_line: int) -> Table:
    """Rows whose cells runs of spaces set apart, each cell with its offset; their lines kept."""
    rows = tuple(tuple(replace(cell_from_markup(_EMPHASIS.sub(r"\2", text)), offset=offset)
                       for offset, text in spaced_cells(raw.rstrip())) for raw in raw_lines)
    lines = tuple(line for line in map(_line, raw_lines) if line is not None)
    return Table(page=1, rows=rows, before_line=before_line, lines=lines)


def _is_table_row(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("|"):
        return stripped.count("|") >= 2
    return bool(stripped) and "\t" in line.strip(" ")


def _row(line: str, start: int) -> tuple[Cell, ...]:
    """A table row's cells, each with its span in the source (the line starting at `start`)."""
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = stripped.strip("|").split("|")
        position = start + line.index("|") + 1
    else:
        cells = line.split("\t")
        position = start
        while cells and not cells[-1].strip():
            cells.pop()
    row = []
    for cell in cells:
        row.append(replace(cell_from_markup(_EMPHASIS.sub(r"\2", cell)), span=(position, position + len(cell))))
        position += len(cell) + 1  # and the separator
    return tuple(row)


def _line(raw: str, start: int | None = None) -> Line | None:
    """The line a raw line of markdown holds; with `start`, where the raw line starts in the source, its words
    know their offsets."""
    text = raw.strip()
    if not text:
        return None
    bold = False
    heading = _HEADING.match(text)
    if heading:
        text, bold = heading.group(2), True
    elif bold_line := _BOLD_LINE.match(text):
        text, bold = bold_line.group(1), True
    if _LIST_MARK.match(text):
        text = "• " + _LIST_MARK.sub("", text)
    text = strip_tags(_EMPHASIS.sub(r"\2", text)) if "<" in text else _EMPHASIS.sub(r"\2", text)
    if not text:
        return None
    if start is None:
        return Line(text=text, page=1, bold=bold)
    offsets, _ = found_in_order(text, raw)
    return Line(text=text, page=1, bold=bold, offsets=tuple(start + offset for offset in offsets))
