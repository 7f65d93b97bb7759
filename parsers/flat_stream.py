"""The flat layout family's body: its pages' lines run into one string, which still knows where it came from.

Landmarks, items and numbers are found by their offsets in the string; the
stream gives each offset's page and, through the lines it was joined from,
the characters of the decoded source they stand for.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from domain.origin import Origin
from extract.model import Line
from parsers.blocks import Paragraph


@dataclass
class Stream:
    """The body as one string, with the page on which each character stands and the lines it was joined from."""

    text: str
    starts: list[int]
    pages: list[int]
    line_starts: list[int] = field(default_factory=list)  # where each line starts in `text`
    lines: list[Line] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        return self.pages[max(0, bisect.bisect_right(self.starts, offset) - 1)]

    def origin(self, start: int, end: int) -> Origin:
        """Where the characters [start, end) of `text` stand: their page and, as far as the lines know it, their
        characters in the source."""
        first = max(0, bisect.bisect_right(self.line_starts, start) - 1)
        spans = []
        for line_start, line in zip(self.line_starts[first:], self.lines[first:]):
            if line_start >= end:
                break
            spans.append(line.source_span(max(0, start - line_start), min(len(line.text), end - line_start)))
        known = [span for span in spans if span is not None]
        # a page read column by column (pdftotext -layout) may take its lines from the source out of order
        return Origin(self.page_at(start), None, (min(span[0] for span in known), max(span[1] for span in known))
                      if known else None)

    def item_origins(self, items: list[str], start: int) -> list[Origin]:
        """Where each of a list's items stands, the list's text starting at `start`: from the item's first word
        to its last, in order."""
        found, position = [], start
        for item in items:
            first = end = max(self.text.find(item.split()[0], position), position)
            for word in item.split():
                at = self.text.find(word, end)
                end = at + len(word) if at >= 0 else end
            found.append(self.origin(first, end))
            position = first + 1
        return found

    def paragraph(self, start: int, end: int) -> Paragraph:
        """The text [start, end) as a paragraph, which can tell where its characters stand."""
        text = self.text[start:end]
        at = start + len(text) - len(text.lstrip())  # where the paragraph's own text starts

        def locate(first: int, last: int) -> Origin:
            return self.origin(at + first, at + last)

        return Paragraph(text.strip(), self.page_at(start), self.origin(start, end), locate)


def stream_of(page_lines: dict[int, list[Line]]) -> Stream:
    """The pages' lines, in page order, as one stream: a space between lines and after each page."""
    text = ""
    starts: list[int] = []
    pages: list[int] = []
    stream = Stream("", starts, pages)
    for number, lines in page_lines.items():
        starts.append(len(text))
        pages.append(number)
        for index, line in enumerate(lines):
            stream.line_starts.append(len(text))
            stream.lines.append(line)
            text += line.text + (" " if index < len(lines) - 1 else "")
        text += " "
    stream.text = text
    stream.starts, stream.pages = starts or [0], pages or [1]
    return stream
