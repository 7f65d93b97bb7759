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

from extract.model import Document, Line
from parsers.dates import find_dates

_DIGITS = re.compile(r"\d+")
# "7 (34)", "Sida 7 av 34", "7/34": a page number and the page count
_PAGE_OF = re.compile(r"(?:\b(\d{1,3})\s*)?\((\d{1,3})\)|\b(\d{1,3})\s*(?:av|/)\s*(\d{1,3})\b", re.I)
# "- 7 -", "Sida 7", a bare "7": a page number alone
_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:(?:sida|s\.)\s*)?(?:[-–]\s*)?(\d{1,3})(?:\s*[-–])?$", re.I)
_MARGIN = 0.1  # share of the page height where heads and footers stand
_MISREAD_NUMBER = re.compile(r"[\d\W]*\d[\d\W]*")  # "12:28)", "25128:": OCR's reading of "12 (28)"


@dataclass
class Body:
    """The document without its running heads."""

    pages: dict[int, list[Line]]
    heads: list[str]
    declared_page_count: int | None


def _candidates(lines: list[Line], height: float | None) -> list[Line]:
    """The page's first and last rows (lines, without geometry), where heads and footers stand."""
    if len(lines) <= 1:
        return lines
    if not height or any(line.bottom is None for line in lines):
        return [lines[0], lines[-1]]
    first = min(line.bottom for line in lines)
    last = max(line.bottom for line in lines)
    return [line for line in lines
            if (abs(line.bottom - first) < 2 and line.top < height * _MARGIN)
            or (abs(line.bottom - last) < 2 and line.bottom > height * (1 - _MARGIN))]


def _mask(text: str) -> str:
    return _DIGITS.sub("#", text.strip())


def split_running_heads(document: Document) -> Body:
    pages_with_text = [page for page in document.pages if page.lines]
    quorum = max(2, math.ceil(0.3 * len(pages_with_text)))
    counts: Counter[str] = Counter()
    for page in pages_with_text:
        counts.update({_mask(line.text) for line in _candidates(page.lines, page.height)})
    repeated = {text for text, count in counts.items() if count >= quorum} if len(pages_with_text) >= 3 else set()
    body: dict[int, list[Line]] = {}
    heads: list[str] = []
    for page in document.pages:
        candidates = _candidates(page.lines, page.height)
        rows = [line.bottom for line in candidates if _mask(line.text) in repeated]
        # a page number OCR misread does not repeat, but stands on the row of the head it belongs to
        found = {id(line) for line in candidates if _mask(line.text) in repeated or (
            line.bottom is not None and _MISREAD_NUMBER.fullmatch(line.text.strip())
            and any(abs(line.bottom - row) < 2 for row in rows))}
        kept = []
        for line in page.lines:
            if id(line) in found:
                heads.append(line.text)
            else:
                kept.append(line)
        body[page.number] = kept
    return Body(body, heads, _declared_pages(heads))


def head_date(heads: list[str]) -> date | None:
    """The date that the running heads print most often."""
    found = Counter(day for text in heads for day in find_dates(text))
    return found.most_common(1)[0][0] if found else None


def _declared_pages(heads: list[str]) -> int | None:
    """The page count the heads print ("7 (34)"), else the last page number they print ("- 34 -")."""
    totals = Counter(int(m.group(2) or m.group(4)) for text in heads for m in _PAGE_OF.finditer(text))
    if totals:
        return totals.most_common(1)[0][0]
    numbers = [int(m.group(1)) for text in heads for m in [_PAGE_NUMBER.search(text.strip())] if m]
    return max(numbers) if numbers else None
