"""A photocopy's grey page made black on white before OCR.

A copier prints on grey: the paper comes out mid-grey and grainy, a table's
shaded header cells a shade darker, its rules a blurred grey line. Tesseract
binarizes the page itself, but on such a page its threshold keeps the grain
and the rules: it reads borders as letters, joins the columns of a score
table into one block and drops whole columns ("Max", "Procent") and shaded
headers ("Poäng"). Ink is far darker than any of these, so the page is
smoothed (a 3×3 median takes out the grain) and cut at a fixed share of the
paper's grey: darker is ink, black; the rest is paper, white.

A page whose paper is white (a scan of a print) is left as it is: its rules
are ink-dark and its text may be thin, and OCR reads it well already.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

_WHITE_PAPER = 235  # a page whose median grey is this or lighter is white paper
_INK_SHARE = 2 / 3  # ink is darker than this share of the paper's grey; a copier's rules and shading are lighter


def black_on_white(image: Image.Image) -> Image.Image:
    """The page (grey levels) as black ink on white when its paper is grey, else the page itself."""
    import numpy
    from PIL import Image, ImageFilter

    paper = float(numpy.median(numpy.asarray(image)))
    if paper >= _WHITE_PAPER:
        return image
    smooth = numpy.asarray(image.filter(ImageFilter.MedianFilter(3)))
    return Image.fromarray(numpy.where(smooth < _INK_SHARE * paper, 0, 255).astype(numpy.uint8))
