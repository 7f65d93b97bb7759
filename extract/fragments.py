"""HTML fragments as they appear in markdown and web renderings of the reports.

Table cells carry their lists as "<ul ...>• one • two" (bullets, no <li>) or as
proper <li> elements; both become a Cell with one entry per item.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from extract.model import Cell

_TAG = re.compile(r"<[^>]+>")
_BULLET_SPLIT = re.compile(r"\s*[•▪●◦]\s*")
_SPACE = re.compile(r"\s+")


def strip_tags(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


def cell_from_markup(markup: str) -> Cell:
    """A cell from its raw markup: list items when it holds a list, else its text."""
    if re.search(r"<li\b", markup, re.I):
        items = [_unbulleted(strip_tags(part)) for part in re.split(r"<li\b[^>]*>", markup, flags=re.I)[1:]]
        return Cell(tuple(item for item in items if item))
    text = strip_tags(markup)
    if "<ul" in markup.lower() or text.startswith(("•", "▪", "●")):
        return Cell(tuple(item for item in _BULLET_SPLIT.split(text) if item))
    if re.search(r"<br\b", markup, re.I):
        parts = (strip_tags(part) for part in re.split(r"<br\b[^>]*>", markup, flags=re.I))
        return Cell(tuple(_unbulleted(part) for part in parts if part.strip()))
    return Cell((text,) if text else ())


def _unbulleted(item: str) -> str:
    """A list item without the glyph some conversions keep inside its <li> or before its <br>."""
    return item.lstrip("•▪●-– ").strip()


class TableCollector(HTMLParser):
    """Collects the rows of every <table> in a fragment, cells as raw markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.tables: list[list[list[str]]] = []
        self._depth = 0
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append([])
        elif self._depth == 1 and tag == "tr":
            self.tables[-1].append([])
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell = []
            if not self.tables[-1]:
                self.tables[-1].append([])
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def html_tables(fragment: str) -> list[tuple[tuple[Cell, ...], ...]]:
    collector = TableCollector()
    collector.feed(fragment)
    collector.close()
    return [tuple(tuple(cell_from_markup(cell) for cell in row) for row in table if row)
            for table in collector.tables]
