"""Score cells Tesseract left unread: where a rubric box's score stands, under its "Poäng" header, and a section
4 row's "Uppnått" beside the "Max" it read.

Tesseract's page layout analysis at times takes the large bold number standing
alone in the cell for a picture and reads nothing there (two of eight boxes
of a 300 dpi scan); read again on its own, as sparse text, it is read. The
cell is the column under the header, from the header down to the first
word read in that column, and at most `_CELL_DEPTH` header heights. At 150 dpi
it also loses a row's small "Uppnått" number now and then: the cell is that
row's height under the "Uppnått" header, where a number was read under "Max".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.ocr import OcrWord

_HEADER = re.compile(r"Poäng|POÄNG")
_NUMBER = re.compile(r"\d{1,3}")
_CELL_DEPTH = 10  # a box of seven rubric lines, its score in the middle, is about nine header heights high
_ROW_GAP = 6  # header heights between two rows' "Max" numbers: a question wraps onto three or four lines


def unread_score_cells(words: tuple[OcrWord, ...]) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) in pixels of each cell under a "Poäng" header where no number was read."""
    cells = []
    for header in words:
        if not _HEADER.fullmatch(header.text):
            continue
        left, right = header.left - header.width, header.left + 2 * header.width
        top = header.top + header.height + header.height // 4
        bottom = top + _CELL_DEPTH * header.height
        below = sorted((w for w in words if w.top >= top and w.left < right and w.left + w.width > left),
                       key=lambda w: w.top)
        first = next((w for w in below if w.top < bottom), None)
        if first is not None and _NUMBER.fullmatch(first.text):
            continue
        cells.append((left, top, right, first.top if first is not None else bottom))
    return cells


@dataclass(frozen=True)
class PointsCell:
    """A section 4 row's "Uppnått" cell to read again: where it stands, the row's "Max" number beside it, and
    the letters read in it, if any, which a number read there replaces."""

    box: tuple[int, int, int, int]  # left, top, right, bottom in pixels
    row: OcrWord
    misread: tuple[OcrWord, ...]


def unread_points_cells(words: tuple[OcrWord, ...]) -> list[PointsCell]:
    """Each "Uppnått" cell of a section 4 row where a number was read under "Max" but no number under
    "Uppnått"."""
    cells = []
    headers = [w for w in words if w.text == "Uppnått"]
    for header in headers:
        maximum = next((w for w in words if w.text == "Max" and abs(w.top - header.top) < header.height
                        and w.left > header.left), None)
        if maximum is None:
            continue
        left, right = header.left - header.width // 2, maximum.left - maximum.height // 2
        below = sorted((w for w in words if w.top > header.top + header.height
                        and maximum.left - maximum.width < w.left + w.width / 2 < maximum.left + 2 * maximum.width),
                       key=lambda w: w.top)
        last = header.top
        for word in below:
            # the column ends at what is no number, a gap of rows or the next table's header
            if not _NUMBER.fullmatch(word.text) or word.top - last > _ROW_GAP * header.height or any(
                    header.top < other.top <= word.top for other in headers):
                break
            last = word.top
            beside = tuple(w for w in words if left < w.left + w.width / 2 < right
                           and w.top < word.top + word.height and word.top < w.top + w.height)
            if not any(_NUMBER.fullmatch(w.text) for w in beside):  # nothing, or letters ("TT" for "17")
                # a row's height of room above and below: a tight cut leaves Tesseract nothing it takes for a line
                cells.append(PointsCell((left, word.top - word.height, right, word.top + 2 * word.height), word,
                                        beside))
    return cells
