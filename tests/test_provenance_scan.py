"""A scan's values are placed where they are printed: OCR's boxes, converted to points, lie in the boxes the
text layer of the same pages gives (OCR boxes the glyphs; a text layer its font's height, so a little more)."""
from __future__ import annotations

import pytest

from extract import read_document
from helpers.paths import PDF_DIR
from helpers.pdfbuild import scanned
from parsers import parse

SOURCE = PDF_DIR / "a" / "kk-ff27100eabfc.pdf"  # Sollentuna 2018
PAGES = [1, 6, 7]  # cover; area 1's heading, score box and findings table
SLACK = 4.0  # points OCR's glyph boxes may stray out of the text layer's boxes


def _read(path):
    return parse(read_document(path, path.name))


@pytest.fixture(scope="module")
def both(tmp_path_factory, tesseract):
    """Area 1 as the text layer places it and as OCR of a 200 dpi scan of the same pages places it."""
    text = next(area for area in _read(SOURCE).areas if area.area_no == 1)
    scan = next(area for area in _read(scanned(SOURCE, tmp_path_factory.mktemp("scan") / "scan.pdf",
                                               PAGES)).areas if area.area_no == 1)
    return text, scan


def _near(scan_box, text_box) -> bool:
    """Whether the scan's box lies in the text layer's, give or take SLACK, and is not much smaller."""
    x0, top, x1, bottom = scan_box
    left, upper, right, lower = text_box
    inside = x0 >= left - SLACK and top >= upper - SLACK and x1 <= right + SLACK and bottom <= lower + SLACK
    return inside and (x1 - x0) >= 0.7 * (right - left) and (bottom - top) >= 0.3 * (lower - upper)


def test_the_score_of_a_scan_is_boxed_where_the_text_layer_boxes_it(both):
    text, scan = both
    assert scan.score == text.score
    assert scan.score_origin.page == PAGES.index(text.score_origin.page) + 1
    assert _near(scan.score_origin.bbox, text.score_origin.bbox), (scan.score_origin, text.score_origin)


def test_the_findings_and_rubrics_of_a_scan_are_boxed_where_the_text_layer_boxes_them(both):
    text, scan = both
    pairs = [*zip([f.origin for f in scan.findings], [f.origin for f in text.findings]),
             *zip(scan.rubric_origins, text.rubric_origins)]
    assert len(pairs) >= 10
    near = [_near(ours.bbox, theirs.bbox) for ours, theirs in pairs]
    assert sum(near) >= 0.9 * len(near), pairs
