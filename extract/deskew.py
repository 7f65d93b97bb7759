"""A scanned page's skew, measured in the rendered image, and the page turned straight before OCR.

Tesseract reads a line that climbs a degree, but its layout analysis cuts
a table's columns into blocks by the skewed line positions: a findings
table's right column a degree askew loses items. So the page is turned
straight first and OCR'd as if it had been scanned straight; the word
boxes Tesseract reports are then page coordinates of the straight page.

The skew is the angle at which the page's ink, summed along lines of that
slope, gives the most sharply varying profile: along the text lines the
sums alternate between full lines and empty leading. Only the ink pixels'
coordinates are sheared (no image is turned per candidate angle), on a
page halved in size, so measuring costs milliseconds.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

MAX_DEGREES = 2.0  # more than this is a page fed in crooked, not a slight skew; it is left as it is
STEP_DEGREES = 0.1
_INK = 128  # grey level below which a pixel is ink
_REDUCTION = 2  # the profile is measured on a page this many times smaller


def skew_degrees(image: Image.Image) -> float:
    """The angle (counter-clockwise, degrees, a multiple of 0.1) by which the page's lines are turned."""
    import numpy  # only a scan needs it

    small = image.convert("L").reduce(_REDUCTION)
    rows, columns = (numpy.asarray(small) < _INK).nonzero()
    if len(rows) == 0:
        return 0.0
    steps = round(MAX_DEGREES / STEP_DEGREES)
    best, best_score = 0.0, -1.0
    for step in range(-steps, steps + 1):
        degrees = step * STEP_DEGREES
        # a line turned counter-clockwise climbs to the right: y + x·tan(angle) is constant along it
        levels = numpy.rint(rows + columns * math.tan(math.radians(degrees))).astype(numpy.int64)
        profile = numpy.bincount(levels - levels.min())
        score = float((profile.astype(numpy.float64) ** 2).sum())  # sum of squares: variance, as the ink is fixed
        if score > best_score or (score == best_score and abs(degrees) < abs(best)):
            best, best_score = degrees, score
    return round(best, 1)


def straightened(image: Image.Image, degrees: float) -> Image.Image:
    """The page turned back by `degrees`, the same size, the corners it uncovers white."""
    from PIL import Image

    return image.rotate(-degrees, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
