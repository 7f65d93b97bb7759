"""The findings table of an area in flattened text: "Styrkor <items> Förbättringsmöjligheter <items>".

Flat text and pdftotext's pages run the table's cells one after the other; the
header words mark where each column's items start (parsers.findings then tells
what the order can and cannot settle). A table that goes on over a page break
may print its header row again: in a -layout copy, whose columns are read one
after the other per page, each part is a table of its own.
"""
from __future__ import annotations

from typing import Protocol

import regex as re

from domain.origin import Origin, joined
from parsers.blocks import FindingsBlock
from parsers.findings import Item, flattened_findings
from parsers.patterns import IMPROVEMENT_HEADER, STRENGTH_HEADER, UPPER
from parsers.segment import split_list

_REPEATED_HEADER = re.compile(rf"{STRENGTH_HEADER.pattern}\s+{IMPROVEMENT_HEADER.pattern}")


class PagedText(Protocol):
    """The body as one string, the page each offset stands on and where a list's items stand (parsers.flat_stream)."""

    text: str

    def page_at(self, offset: int) -> int: ...

    def item_origins(self, items: list[str], start: int) -> list[Origin]: ...


def findings_table_start(text: str, start: int, end: int) -> int:
    """Where the findings headers of an area start, `end` when it has none."""
    for match in STRENGTH_HEADER.finditer(text, start, end):
        after = text[match.end():end].lstrip()
        if not after or IMPROVEMENT_HEADER.match(after) or re.match(rf"[(\"”“•▪●◦–-]*\s*[{UPPER}]", after):
            if IMPROVEMENT_HEADER.search(text, match.end(), end) or not after:
                return match.start()
    return end


def findings_table(stream: PagedText, start: int, end: int) -> FindingsBlock:
    """The findings table from its headers at `start`, each part of it that goes on over a page break under
    its header row printed again read as a table of its own (its columns read apart, as -layout copies do)."""
    text = stream.text
    parts: list[tuple[list[Item], list[Item], bool, int]] = []
    position: int | None = start
    while position is not None:
        strength = STRENGTH_HEADER.match(text, position)
        improvement = IMPROVEMENT_HEADER.search(text, strength.end(), end)
        again = _header_again(stream, improvement.end(), end) if improvement else None
        part_end = again if again is not None else end
        left = _items_with_pages(stream, strength.end(), improvement.start() if improvement else part_end)
        right = _items_with_pages(stream, improvement.end(), part_end) if improvement else []
        if parts:  # a cell that goes on under the repeated header ends the item above it
            _continue_cell(parts[-1][0], left)
            _continue_cell(parts[-1][1], right)
        parts.append((left, right, improvement is not None, stream.page_at(position)))
        position = again
    # Headed lists and a two-column table flatten alike ("Styrkor a b c Förbättringsområden d e"): the
    # header words do not tell them apart, so both are read as a table whose columns may have been lost.
    blocks = [flattened_findings(left, right, has_right_header=headed, page=page)
              for left, right, headed, page in parts]
    return FindingsBlock([item for block in blocks for item in block.items], blocks[0].page,
                         [found for block in blocks for found in block.problems])


def _continue_cell(above: list[Item], below: list[Item]) -> None:
    if above and below and below[0][0][:1].islower():
        above[-1] = (f"{above[-1][0]} {below[0][0]}", joined([above[-1][1], below[0][1]]) or above[-1][1])
        del below[0]


def _header_again(stream: PagedText, start: int, end: int) -> int | None:
    """Where the findings header row is printed again on a later page, both headers apart ("Styrkor a b
    Förbättringsmöjligheter c"), else None."""
    for match in STRENGTH_HEADER.finditer(stream.text, start, end):
        if stream.page_at(match.start()) > stream.page_at(start) and \
                IMPROVEMENT_HEADER.search(stream.text, match.end(), end):
            return match.start()
    return None


def _items_with_pages(stream: PagedText, start: int, end: int) -> list[Item]:
    # a header row repeated where the table continues on a new page is not an item
    items = split_list(_REPEATED_HEADER.sub(" ", stream.text[start:end]))
    return list(zip(items, stream.item_origins(items, start)))
