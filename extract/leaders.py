"""Dot leaders of a table of contents, erased from a scanned page before OCR.

Tesseract reads a row of small, tightly set dots as letters ("ssnsssrnens")
and, with them on the line, misjudges the case of the entry's own words
("Offentlighet OCh demMOKIA"): the contents then end at the first such line
and its entries are read as the report's body. Erased, an entry reads as
its title and its page number, which the layout family knows as an entry,
when Tesseract reads the page as one block of text (`--psm 6`): by its
usual layout analysis the column of page numbers, far from their titles,
is a block of its own, read as junk; as one column (`--psm 4`) it is
dropped on some pages.

A dot is ink in a band a few pixels high with no ink just above or below
it; a leader is five or more such dots in a row, close together. Letters
have ink above their lowest band and umlauts ink just below their dots, so
text is never taken for a leader; a rule is one long run, not dots.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy

_INK = 128  # grey level below which a pixel is ink
_FAINT = 170  # below this a pixel may be a grey letter's stroke: no dot has it just above or below
_DOT_HEIGHT = 8  # pixels at 200 dpi: a period of 9-12 point text is 3-4 high, a bold one 6-7
_CLEAR_ABOVE = 12  # empty rows above a dot: more than a line's x-height part that stands on the baseline
_CLEAR_BELOW = 4
_DOT_WIDTH = 8  # a dot is at most this wide
_DOT_GAP = 12  # and at most this far from the next dot of its leader
_LEADER_DOTS = 5  # fewer dots in a row are an ellipsis or punctuation


def without_leaders(image: numpy.ndarray) -> tuple[numpy.ndarray, int]:
    """The page (grey levels) with its dot leaders painted white, and how many bands of leader dots it had."""
    import numpy

    height = image.shape[0]
    ink, faint = _row_counts(image < _INK), _row_counts(image < _FAINT)

    def count(counts: numpy.ndarray, first: numpy.ndarray, last: numpy.ndarray) -> numpy.ndarray:
        return counts[numpy.clip(last, 0, height)] - counts[numpy.clip(first, 0, height)]

    rows = numpy.arange(height)
    # per band of rows starting at each row, and column
    dark, marked = count(ink, rows, rows + _DOT_HEIGHT) > 0, count(faint, rows, rows + _DOT_HEIGHT) > 0
    clear = (count(faint, rows - _CLEAR_ABOVE, rows) == 0) \
        & (count(faint, rows + _DOT_HEIGHT, rows + _DOT_HEIGHT + _CLEAR_BELOW) == 0)
    spans = [(row, span) for row in numpy.flatnonzero((dark & clear).sum(axis=1) >= _LEADER_DOTS)
             for span in _leader_spans(marked[row], dark[row], clear[row])]
    if not spans:
        return image, 0
    cleaned = image.copy()
    for row, (left, right) in spans:
        cleaned[row:row + _DOT_HEIGHT, left:right] = 255
    return cleaned, len(spans)


def _row_counts(marked: numpy.ndarray) -> numpy.ndarray:
    """Marked pixels per column above each row: the count in a band of rows is the difference of two rows."""
    import numpy

    counts = numpy.zeros((marked.shape[0] + 1, marked.shape[1]), dtype=numpy.int32)
    numpy.cumsum(marked, axis=0, out=counts[1:])
    return counts


def _leader_spans(marked: numpy.ndarray, dark: numpy.ndarray, clear: numpy.ndarray) -> list[tuple[int, int]]:
    """(left, right) of every run of five or more narrow, closely set dots in one band of rows.

    Columns with, in the band: `marked` any grey, `dark` ink; `clear`: no grey just above and below it.
    A dot is a run of marked, clear columns, some dark, between columns without any grey: a run that ends
    at a grey column is part of a letter (the end of a "t"'s bar, the top of an "o", a grey running head).
    """
    import numpy

    dotted = numpy.flatnonzero(marked & clear)
    breaks = numpy.flatnonzero(numpy.diff(dotted) > 1)
    starts = dotted[numpy.concatenate(([0], breaks + 1))]
    ends = dotted[numpy.concatenate((breaks, [len(dotted) - 1]))] + 1
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for start, end in zip(starts.tolist(), ends.tolist()):
        alone = (start == 0 or not marked[start - 1]) and (end == len(marked) or not marked[end]) \
            and bool(dark[start:end].any())
        if not alone or end - start > _DOT_WIDTH or (run and start - run[-1][1] > _DOT_GAP):
            if len(run) >= _LEADER_DOTS:
                spans.append((run[0][0], run[-1][1]))
            run = []
        if alone and end - start <= _DOT_WIDTH:
            run.append((start, end))
    if len(run) >= _LEADER_DOTS:
        spans.append((run[0][0], run[-1][1]))
    return spans
