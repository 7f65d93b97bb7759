"""A page's skew measured in its rendered image (no Tesseract needed): a fixture page turned by known angles."""
from __future__ import annotations

import pypdfium2
import pytest
from PIL import Image

from extract.deskew import skew_degrees, straightened
from helpers.paths import PDF_DIR

FINDINGS_PAGE = (PDF_DIR / "a" / "kk-ff27100eabfc.pdf", 7)  # body text above a two-column findings table


@pytest.fixture(scope="module")
def page() -> Image.Image:
    path, number = FINDINGS_PAGE
    pdf = pypdfium2.PdfDocument(path)
    image = pdf[number - 1].render(scale=200 / 72, grayscale=True).to_pil()
    pdf.close()
    return image


@pytest.mark.parametrize("degrees", [0.0, 0.3, -0.5, 1.0, -1.0, 1.8])
def test_the_skew_of_a_turned_page_is_measured_to_a_tenth_of_a_degree(page, degrees):
    turned = page.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255) if degrees else page
    assert skew_degrees(turned) == pytest.approx(degrees, abs=0.1)


def test_a_page_turned_back_is_straight_and_keeps_its_size(page):
    turned = page.rotate(-1.0, resample=Image.Resampling.BICUBIC, fillcolor=255)
    back = straightened(turned, skew_degrees(turned))
    assert (back.size, skew_degrees(back)) == (page.size, 0.0)


def test_a_blank_page_is_straight():
    assert skew_degrees(Image.new("L", (1654, 2339), 255)) == 0.0
