"""HTML renderings (saved web transcripts): block elements become lines, tables tables."""
from __future__ import annotations

import re

from extract.fragments import html_tables, strip_tags
from extract.model import Line, Page, Table
from extract.offsets import found_in_order

_TABLE = re.compile(r"<table\b.*?</table>", re.I | re.S)
_DROP = re.compile(r"<(script|style|head|nav|footer)\b.*?</\1>", re.I | re.S)
_HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", re.I | re.S)
_BLOCK_BREAK = re.compile(r"</?(?:p|div|li|tr|br|section|article|ul|ol|h[1-6])\b[^>]*>", re.I)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_HEADING_MARK = "\x01"


def read_html(text: str) -> list[Page]:
    page = Page(number=1)
    source = _Source(text)
    text = _DROP.sub(" ", text)
    position = 0
    for match in _TABLE.finditer(text):
        _add_lines(page, text[position:match.start()], source)
        for rows in html_tables(match.group(0)):
            page.tables.append(Table(page=1, rows=rows, before_line=len(page.lines)))
        position = match.end()
    _add_lines(page, text[position:], source)
    return [page]


class _Source:
    """The page as read, and how far its lines' words have been found in it (they come in order)."""

    def __init__(self, text: str):
        self.text, self.position = text, 0

    def offsets(self, line_text: str) -> tuple[int, ...]:
        offsets, self.position = found_in_order(line_text, self.text, self.position)
        return offsets


def _add_lines(page: Page, fragment: str, source: _Source) -> None:
    fragment = _HEADING.sub(lambda m: f"\n{_HEADING_MARK}{m.group(1)}\n", fragment)
    fragment = _LIST_ITEM.sub("\n• ", fragment)
    for chunk in _BLOCK_BREAK.sub("\n", fragment).split("\n"):
        bold = chunk.startswith(_HEADING_MARK)
        text = strip_tags(chunk.replace(_HEADING_MARK, ""))
        if text:
            page.lines.append(Line(text=text, page=1, bold=bold, offsets=source.offsets(text)))
