"""HTML renderings (saved web transcripts): block elements become lines, tables tables."""
from __future__ import annotations

import re

from extract.fragments import html_tables, strip_tags
from extract.model import Line, Page, Table

_TABLE = re.compile(r"<table\b.*?</table>", re.I | re.S)
_DROP = re.compile(r"<(script|style|head|nav|footer)\b.*?</\1>", re.I | re.S)
_HEADING = re.compile(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>", re.I | re.S)
_BLOCK_BREAK = re.compile(r"</?(?:p|div|li|tr|br|section|article|ul|ol|h[1-6])\b[^>]*>", re.I)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_HEADING_MARK = "\x01"


def read_html(text: str) -> list[Page]:
    page = Page(number=1)
    text = _DROP.sub(" ", text)
    position = 0
    for match in _TABLE.finditer(text):
        _add_lines(page, text[position:match.start()])
        for rows in html_tables(match.group(0)):
            page.tables.append(Table(page=1, rows=rows, before_line=len(page.lines)))
        position = match.end()
    _add_lines(page, text[position:])
    return [page]


def _add_lines(page: Page, fragment: str) -> None:
    fragment = _HEADING.sub(lambda m: f"\n{_HEADING_MARK}{m.group(1)}\n", fragment)
    fragment = _LIST_ITEM.sub("\n• ", fragment)
    for chunk in _BLOCK_BREAK.sub("\n", fragment).split("\n"):
        bold = chunk.startswith(_HEADING_MARK)
        text = strip_tags(chunk.replace(_HEADING_MARK, ""))
        if text:
            page.lines.append(Line(text=text, page=1, bold=bold))
