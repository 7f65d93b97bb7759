"""Layout family: text with its lines kept and tables as explicit cells (markdown, HTML).

Each paragraph is a line; headings are short lines without closing punctuation
(some conversions mark them with '#' or bold, many do not); tables arrive as
rows of cells and say by their header row what they are.
"""
from __future__ import annotations

import regex as re

from domain.origin import Origin
from extract.model import Document, Line, Table
from parsers.blocks import Block, FindingsBlock, Heading, Layout, Paragraph
from parsers.findings import column_findings
from parsers.patterns import (
    APPENDIX_HEADING,
    AREA_HEADING,
    CONTENTS_WORD,
    IMPROVEMENT_HEADER,
    SECTION_HEADING,
    STRENGTH_HEADER,
)
from parsers.running_heads import split_running_heads
from parsers.spaced_tables import placed_rows, with_header_line
from parsers.tables import blocks_from_table, cell_text

_PAGE_REFERENCE = re.compile(r"\s*(?:\.{2,}|…)?\s*\d{1,3}\s*$")
_CLOSING = re.compile(r"[.!?:;,]$")
_MAX_HEADING_WORDS = 14


def read_lined(document: Document) -> Layout:
    body = split_running_heads(document)
    elements: list[Line | Table] = []
    for page in document.pages:
        kept = {id(line) for line in body.pages.get(page.number, [])}
        tables = sorted(page.tables, key=lambda t: t.before_line)
        position = 0
        for table in tables:
            elements.extend(line for line in page.lines[position:table.before_line] if id(line) in kept)
            elements.append(table)
            position = table.before_line
        elements.extend(line for line in page.lines[position:] if id(line) in kept)
    elements = _headers_joined(elements)
    start = _body_start(elements)
    cover, contents = _front(elements[:start])
    blocks: list[Block] = []
    index = start
    while index < len(elements):
        element = elements[index]
        if isinstance(element, Table):
            rows = placed_rows(list(element.rows)) if element.lines else list(element.rows)
            found = blocks_from_table(rows, element.page)
            if found is None and element.lines:  # rows told by spacing alone that are no table of the report
                elements[index:index + 1] = list(element.lines)
                continue
            blocks.extend(found or [])
            index += 1
            continue
        if _is_header(element, STRENGTH_HEADER):
            findings, index = _headed_lists(elements, index)
            blocks.append(findings)
            continue
        following = elements[index + 1] if index + 1 < len(elements) else None
        blocks.append(_line_block(element, following))
        index += 1
    pages = [page.number for page in document.pages if page.lines]
    return Layout(cover=cover, contents=contents, blocks=blocks, running_heads=body.heads,
                  page_count=body.declared_page_count or (len(document.pages) if len(document.pages) > 1 else None),
                  last_page=max(pages) if len(pages) > 1 else None)


def _headers_joined(elements: list[Line | Table]) -> list[Line | Table]:
    """The elements with a header line set above a table told by spacing alone joined to it as its header."""
    joined: list[Line | Table] = []
    for element in elements:
        previous = joined[-1] if joined else None
        headed = with_header_line(previous, element) if isinstance(previous, Line) and isinstance(
            element, Table) and element.lines else None
        if headed is not None:
            joined[-1] = headed
        else:
            joined.append(element)
    return joined


def _is_header(element: Line | Table, header: re.Pattern) -> bool:
    return isinstance(element, Line) and bool(header.fullmatch(element.text.strip().rstrip(":")))


def _headed_lists(elements: list[Line | Table], index: int) -> tuple[FindingsBlock, int]:
    """ "STYRKOR" and its bullet lines, then "FÖRBÄTTRINGSOMRÅDEN" and its bullet lines."""
    page = elements[index].page
    strengths, index = _bullets(elements, index + 1)
    improvements: list[tuple[str, Origin]] = []
    if index < len(elements) and _is_header(elements[index], IMPROVEMENT_HEADER):
        improvements, index = _bullets(elements, index + 1)
    return column_findings(strengths, improvements, page), index


def _bullets(elements: list[Line | Table], index: int) -> tuple[list[tuple[str, Origin]], int]:
    items: list[tuple[str, Origin]] = []
    while index < len(elements) and isinstance(line := elements[index], Line) and line.text.startswith("• "):
        items.append((line.text[2:].strip(), line.origin))
        index += 1
    return items, index


def _is_section_heading(line: Line) -> bool:
    match = SECTION_HEADING.match(line.text)
    return bool(match) and not _PAGE_REFERENCE.match(line.text, match.end())


def _body_start(elements: list[Line | Table]) -> int:
    """Index of the first section heading that is not a contents entry."""
    for index, element in enumerate(elements):
        if isinstance(element, Line) and _is_section_heading(element):
            return index
    return 0


def _front(elements: list[Line | Table]) -> tuple[list[str], list[str]]:
    """Cover lines and contents entries: the contents start at "Innehåll"."""
    cover: list[str] = []
    contents: list[str] = []
    in_contents = False
    for element in elements:
        texts = ([cell_text(row[0]) for row in element.rows if row] if isinstance(element, Table)
                 else [element.text])
        for text in texts:
            if CONTENTS_WORD.fullmatch(text.strip()):
                in_contents = True
            elif in_contents:
                contents.append(_PAGE_REFERENCE.sub("", text).strip())
            else:
                cover.append(text)
    return cover, [entry for entry in contents if entry]


def _line_block(line: Line, following: Line | Table | None) -> Block:
    text = line.text.strip()
    if AREA_HEADING.match(text) or _is_section_heading(line) or APPENDIX_HEADING.fullmatch(text):
        return Heading(text, line.page, line.origin)
    if line.bold or _looks_like_heading(text, following):
        return Heading(text, line.page, line.origin)
    return Paragraph(text.removeprefix("• ").strip() if text.startswith("• ") else text, line.page, line.origin)


def _looks_like_heading(text: str, following: Line | Table | None) -> bool:
    words = text.split()
    return (0 < len(words) <= _MAX_HEADING_WORDS and text[0].isupper() and not _CLOSING.search(text)
            and not text.startswith("•") and isinstance(following, Line)
            and not following.text.startswith("•") and len(following.text) > len(text))
