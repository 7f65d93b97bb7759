"""extract.photocopy on images drawn here: a photocopy's grey paper, grain, shading and rules made white, its
ink black; a scan on white paper left as it is."""
from __future__ import annotations

import numpy
from PIL import Image, ImageDraw

from extract.photocopy import black_on_white


def _copy(paper: int) -> Image.Image:
    """A page of `paper` grey with a grain of ±12, a shaded header cell (180), a rule (150) and a bar of ink (70)."""
    grain = numpy.random.default_rng(7).integers(-12, 13, size=(200, 300))
    image = Image.fromarray(numpy.clip(paper + grain, 0, 255).astype(numpy.uint8))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 280, 50), fill=180)
    draw.line((20, 100, 280, 100), fill=150, width=2)
    draw.rectangle((40, 140, 120, 150), fill=70)
    return image


def test_a_grey_photocopy_keeps_its_ink_black_and_loses_grain_shading_and_rules():
    pixels = numpy.asarray(black_on_white(_copy(213)))
    assert set(numpy.unique(pixels)) == {0, 255}
    assert (pixels[142:149, 42:118] == 0).all()  # the ink
    assert (pixels[22:49, 22:278] == 255).all()  # the shaded cell
    assert (pixels[99:102, 22:278] == 255).all()  # the rule
    assert (pixels[60:90] == 255).all()  # the paper's grain


def test_a_scan_on_white_paper_is_left_as_it_is():
    image = _copy(250)
    assert black_on_white(image) is image
