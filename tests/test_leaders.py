"""Dot leaders erased from rendered pages before OCR (no Tesseract needed): only the leaders, never a word.

The pages are rendered from a fixture PDF whose text layer says where every
word stands, so each erased pixel is checked against the words' boxes.
"""
from __future__ import annotations

import numpy
import pypdfium2
import pytest

from extract.leaders import without_leaders
from extract.pdf import read_pdf
from helpers.paths import PDF_DIR

SOURCE = PDF_DIR / "a" / "kk-0aecb26ddfde.pdf"  # Sollentuna 2015: a contents page set with tight, small dots
CONTENTS_PAGE, AREA_PAGE = 2, 7  # the area page has a rubric box, bullets and a running head in grey
DPI = 200


@pytest.fixture(scope="module")
def pages():
    return {page.number: page for page in read_pdf(SOURCE.read_bytes(), SOURCE.name)}


def _render(number: int) -> numpy.ndarray:
    pdf = pypdfium2.PdfDocument(SOURCE)
    image = numpy.asarray(pdf[number - 1].render(scale=DPI / 72, grayscale=True).to_pil())
    pdf.close()
    return image


def _erased_words(page, image: numpy.ndarray, cleaned: numpy.ndarray) -> list[str]:
    """The words of the text layer with ink erased inside their box (leaders stand apart or in a word of their own)."""
    erased = (image < 128) & (cleaned >= 128)
    scale = DPI / 72
    return [word.text for line in page.lines for word in line.words if ".." not in word.text
            and erased[round(line.top * scale):round(line.bottom * scale),
                       round(word.x0 * scale):round(word.x1 * scale)].any()]


def test_the_leaders_of_a_contents_page_are_erased_and_its_words_kept(pages):
    image = _render(CONTENTS_PAGE)
    cleaned, leaders = without_leaders(image)
    entries = [line for line in pages[CONTENTS_PAGE].lines if "..." in line.text]
    assert leaders >= len(entries) > 20
    assert _erased_words(pages[CONTENTS_PAGE], image, cleaned) == []
    assert without_leaders(cleaned)[1] == 0


def test_a_page_without_leaders_is_left_as_it_is():
    image = _render(AREA_PAGE)
    cleaned, leaders = without_leaders(image)
    assert leaders == 0 and cleaned is image
