"""PDF layout family: the table of contents, between the cover and the body."""
from __future__ import annotations

import regex as re

from parsers.patterns import AREA_HEADING, CONTENTS_WORD, SECTION_HEADING
from parsers.pdf_rows import Row

_LEADER_ENTRY = re.compile(r"(?:\.{2,}|…)\s*\d{0,3}\s*$|\s\d{1,3}$")
_PAGE_NUMBER = re.compile(r"(?:\.{2,}|…|\s)\s*(\d{1,3})\s*$")
_LEADER_AND_NUMBER = re.compile(r"(?:\.{2,}|…)\s*\d{1,3}\s*$")
_UNNUMBERED_ENTRIES = 5  # contents entries in a row whose page numbers OCR may have lost
_WRAPPED_WORDS = 6  # a contents entry of fewer words is not wrapped onto the next line
_BODY_WORDS = 12  # a line of this many words without a page number is running text, not a contents entry


def read_contents(rows: list[Row], cover_page: int, fonts: bool) -> tuple[int, list[str], list[int | None]]:
    """Index of the first body row, the contents entries before it and the page number each ends in (None
    for an entry without one).

    OCR loses some dot leaders and page numbers; in a scan, a line on the
    contents page that names an area or a report section is an entry too.
    """
    first = next((i for i, row in enumerate(rows) if row.page != cover_page), len(rows))
    heading = next((i for i in range(first, min(len(rows), first + 400))
                    if CONTENTS_WORD.fullmatch(rows[i].text.strip())), None)
    if heading is None:
        return first, [], []
    entries: list[str] = []
    numbers: list[int | None] = []
    wrapped = False  # the last entry goes on on the next line
    index = heading + 1
    while index < len(rows):
        text = rows[index].text.strip()
        if not fonts and rows[index].page == rows[heading].page and \
                (AREA_HEADING.match(text) or SECTION_HEADING.match(text)):
            entries.append(_LEADER_ENTRY.sub("", text).strip().rstrip(".… "))
            numbers.append(_page_number(text))
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
                numbers.append(None)
                wrapped = True
                index += 1
                continue
            if fonts or not _entries_go_on(rows, index):
                break
            entries.append(text)  # an entry whose page number OCR lost
            numbers.append(None)
            wrapped = False
            index += 1
            continue
        entry = _LEADER_ENTRY.sub("", text).strip().rstrip(".… ")
        if wrapped and entries[-1]:
            entries[-1] = f"{entries[-1]} {entry}"
            numbers[-1] = _page_number(text)
        else:
            entries.append(entry)
            numbers.append(_page_number(text))
        wrapped = False
        index += 1
    kept = [(entry, number) for entry, number in zip(entries, numbers) if entry]
    return index, [entry for entry, _ in kept], [number for _, number in kept]


def _page_number(text: str) -> int | None:
    """The page number a contents entry ends in, after its leader or a space."""
    found = _PAGE_NUMBER.search(text)
    return int(found.group(1)) if found else None


def _entries_go_on(rows: list[Row], index: int) -> bool:
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
