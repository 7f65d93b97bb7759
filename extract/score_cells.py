"""Score cells Tesseract left unread: where a rubric box's score stands, under its "Poäng" header.

Tesseract's page layout analysis at times takes the large bold number standing
alone in the cell for a picture and reads nothing there (two of eight boxes
of a 300 dpi scan); read again on its own, as sparse text, it is read. The
cell is the column under the header, from the header down to the first
word read in that column, and at most `_CELL_DEPTH` header heights.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.ocr import OcrWord

_HEADER = re.compile(r"Poäng|POÄNG")
_NUMBER = re.compile(r"\d{1,3}")
_CELL_DEPTH = 10  # a box of seven rubric lines, its score in the middle, is about nine header heights high


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
