"""Running heads and footers: found by repetition, removed from the body, read for facts.

A line at the top or bottom of a page whose text repeats on many pages once its
digits are masked ("Sveriges Kommuner och Landsting 2018-06-19 # (#)", a bare
page number) is a running head. It is not narrative, but it carries the
report's date and its page count ("7 (34)").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

import regex as re

from extract.model import Document, Line, Page
from parsers.dates import find_dates

_DIGITS = re.compile(r"\d+")
# "7 (34)", "Sida 7 av 34", "7/34": a page number and the page count
_PAGE_OF = re.compile(r"(?:\b(\d{1,3})\s*)?\((\d{1,3})\)|\b(\d{1,3})\s*(?:av|/)\s*(\d{1,3})\b", re.I)
# "- 7 -", "Sida 7", a bare "7": a page number alone
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:(?:sida|s\.)\s*)?(?:[-–]\s*)?(\d{1,3})(?:\s*[-–])?$", re.I)
_MARGIN = 0.1  # share of the page height where heads and footers stand
_EVERYWHERE = 0.8  # share of the pages on which a line without geometry repeats, wherever it stands, to be a head
_MISREAD_NUMBER = re.compile(r"[\d\W]*\d[\d\W]*")  # "12:28)", "25128:": OCR's reading of "12 (28)"


@dataclass(frozen=True)
class PageMark:
    """What a page's running heads print of the page's place: its number and the page count beside it."""

    number: int | None  # "7" of "7 (34)"; None where the heads print the count alone ("(34)")
    total: int | None  # "34" of "7 (34)"; None for a page number alone ("- 7 -")


@dataclass
class Body:
    """The document without its running heads."""

    pages: dict[int, list[Line]]
    heads: list[str]
    declared_page_count: int | None
    marks: dict[int, PageMark]  # page -> what its heads print of its number, for the pages whose heads do


def _candidates(lines: list[Line], height: float | None) -> list[Line]:
    """The page's first and last rows (lines, without geometry), where heads and footers stand."""
    if len(lines) <= 1:
        return lines
    if not height or any(line.box is None for line in lines):
        return [lines[0], lines[-1]]
    boxes = [line.placed for line in lines]
    first = min(box.bottom for box in boxes)
    last = max(box.bottom for box in boxes)
    return [line for line, box in zip(lines, boxes)
            if (abs(box.bottom - first) < 2 and box.top < height * _MARGIN)
            or (abs(box.bottom - last) < 2 and box.bottom > height * (1 - _MARGIN))]


def _mask(text: str) -> str:
    return _DIGITS.sub("#", text.strip())


def _scattered(pages: list[Page]) -> set[str]:
    """Lines without geometry that nearly every page prints, wherever they stand.

    pdftotext puts the pieces of a head printed in pieces ("Sveriges Kommuner och Landsting",
    "2019-04-09", "11 (28)") where its reading order takes them, on a page with a table often
    below the body. A piece is the same text on every page, or a page number and count ("11 (28)",
    given here masked); another date (the cover's) or a bare number (a score) is none.
    """
    if len(pages) < 3:
        return set()
    texts = [{line.text.strip() for line in page.lines if line.bottom is None} for page in pages]
    counts = Counter(text for page in texts for text in page)
    counts.update(mask for page in texts for mask in {_mask(text) for text in page if _PAGE_OF.fullmatch(text)})
    return {text for text, count in counts.items() if count >= _EVERYWHERE * len(pages)}


def split_running_heads(document: Document) -> Body:
    pages_with_text = [page for page in document.pages if page.lines]
    quorum = max(2, math.ceil(0.3 * len(pages_with_text)))
    counts: Counter[str] = Counter()
    for page in pages_with_text:
        counts.update({_mask(line.text) for line in _candidates(page.lines, page.height)})
    repeated = {text for text, count in counts.items() if count >= quorum} if len(pages_with_text) >= 3 else set()
    scattered = _scattered(pages_with_text)
    body: dict[int, list[Line]] = {}
    heads: list[str] = []
    marks: dict[int, PageMark] = {}
    for page in document.pages:
        candidates = _candidates(page.lines, page.height)
        rows = [box.bottom for line in candidates if _mask(line.text) in repeated and (box := line.box) is not None]
        # a page number OCR misread does not repeat, but stands on the row of the head it belongs to
        found = {id(line) for line in candidates if _mask(line.text) in repeated or (
            line.box is not None and _MISREAD_NUMBER.fullmatch(line.text.strip())
            and any(abs(line.placed.bottom - row) < 2 for row in rows))}
        found |= {id(line) for line in page.lines if line.bottom is None and (
            line.text.strip() in scattered or _mask(line.text) in scattered)}
        kept = []
        page_heads = []
        for line in page.lines:
            if id(line) in found:
                page_heads.append(line.text)
            else:
                kept.append(line)
        body[page.number] = kept
        heads += page_heads
        mark = page_mark(page_heads)
        if mark:
            marks[page.number] = mark
    return Body(body, heads, _declared_pages(list(marks.values())), marks)


def page_mark(heads: list[str]) -> PageMark | None:
    """The page number and page count that one page's heads print ("7 (34)", "Sida 7 av 34", "- 7 -")."""
    for text in heads:
        found = list(_PAGE_OF.finditer(text))
        if found:  # the last: a date before it may read like one ("2018/06/19 7/34")
            number, total = found[-1].group(1) or found[-1].group(3), found[-1].group(2) or found[-1].group(4)
            return PageMark(int(number) if number else None, int(total))
    for text in heads:
        bare = _PAGE_NUMBER.search(text.strip())
        if bare:
            return PageMark(int(bare.group(1)), None)
    return None


def head_date(heads: list[str]) -> date | None:
    """The date that the running heads print most often."""
    found = Counter(day for text in heads for day in find_dates(text))
    return found.most_common(1)[0][0] if found else None


def _declared_pages(marks: list[PageMark]) -> int | None:
    """The page count the heads print ("7 (34)"), else the last page number they print ("- 34 -")."""
    totals = Counter(mark.total for mark in marks if mark.total)
    if totals:
        return totals.most_common(1)[0][0]
    return max((mark.number for mark in marks if mark.number), default=None)
