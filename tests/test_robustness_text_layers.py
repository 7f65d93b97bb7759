"""Issue 17, class 1: text layers that lie give the plain rendering's tables, or problems that name what could
not be trusted, and `reader` says what read them.

- A text copy with bytes that are not UTF-8 (Windows-1252 letters pasted in)
  gives the plain copy's tables, with a warning (in the suite's extraction).
- A PDF whose text lies over an image of its page (invisible, or hidden under
  it), read with `--ocr never`: the layer is read as a scan's text, giving the
  plain PDF's tables, with a warning; a PDF whose fonts map to no Unicode is
  an error that says the text layer is broken, not "not a report".
- With OCR (`--ocr auto`, Tesseract): a searchable PDF made by Tesseract and the
  PDF of fonts without Unicode are read by OCR, giving the plain PDF's tables
  but where a warning names an area or subquestion. A short report (two areas,
  nine pages), as OCR costs seconds a page.
"""
from __future__ import annotations

from functools import partial

import pytest

from helpers.reportdesc import describe, first_areas
from helpers.robustness import cases, extract_cases
from helpers.runs import run_extract_cli
from helpers.textlayers import garbled_fonts, mis_encoded, searchable, text_over_scan

NACKA = describe("Nacka", 2012, quoted_prior_year=2009)
TEXT_FORMATS = ("flat", "transcript", "markdown")
TEXT_PLAIN = cases("nacka-2012-utf8", NACKA, fmts=TEXT_FORMATS)
MIS_ENCODED = cases("nacka-2012-mis-encoded", NACKA, fmts=TEXT_FORMATS, damage=mis_encoded)

WITHOUT_OCR: dict = {}
PLAIN_PDF = cases("nacka-2012-printed", NACKA, fmts=("pdf",), registry=WITHOUT_OCR)["pdf"]
LAYERS = {"invisible": text_over_scan, "under_the_image": partial(text_over_scan, hidden_under=True)}
LAYER_CASES = {key: cases(f"nacka-2012-{key}", NACKA, fmts=("pdf",), damage=damage, registry=WITHOUT_OCR)["pdf"]
               for key, damage in LAYERS.items()}
GARBLED = cases("nacka-2012-garbled", NACKA, fmts=("pdf",), damage=garbled_fonts, registry=WITHOUT_OCR)["pdf"]


SHORT = first_areas(describe("Nacka", 2012), 2)
WITH_OCR: dict = {}
SHORT_PLAIN = cases("nacka-2012-short", SHORT, fmts=("pdf",), registry=WITH_OCR)["pdf"]
SEARCHABLE = cases("nacka-2012-short-searchable", SHORT, fmts=("pdf",), damage=searchable, registry=WITH_OCR)["pdf"]
SHORT_GARBLED = cases("nacka-2012-short-garbled", SHORT, fmts=("pdf",), damage=garbled_fonts,
                      registry=WITH_OCR)["pdf"]


def _codes(results, name: str) -> list[str]:
    return sorted(row["code"] for row in results.problems(name))


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_issue_17_a_copy_with_bytes_that_are_not_utf8_gives_the_plain_copys_tables_and_a_warning(robust, fmt):
    robust.assert_expected(MIS_ENCODED[fmt])
    robust.assert_same_as(MIS_ENCODED[fmt], TEXT_PLAIN[fmt], ignore_tables=("problems",))
    assert _codes(robust, MIS_ENCODED[fmt]) == sorted([*_codes(robust, TEXT_PLAIN[fmt]), "text_encoding_mended"])


@pytest.fixture(scope="module")
def without_ocr(tmp_path_factory):
    return extract_cases(tmp_path_factory.mktemp("layers"), partial(run_extract_cli, options=("--ocr", "never")),
                         WITHOUT_OCR)


@pytest.mark.parametrize("layer", list(LAYERS))
def test_issue_17_a_layer_over_a_page_image_is_read_as_a_scans_text_with_a_warning(without_ocr, layer):
    name = LAYER_CASES[layer]
    without_ocr.assert_expected(name)
    without_ocr.assert_same_as(name, PLAIN_PDF, ignore_columns=("reader",), ignore_tables=("problems",))
    assert without_ocr.report_row(name)["reader"] == "pdfium:ocr-layer"
    assert _codes(without_ocr, name) == sorted([*_codes(without_ocr, PLAIN_PDF), "scan_text_layer_read"])


def test_issue_17_fonts_without_unicode_are_a_broken_text_layer_not_no_report(without_ocr):
    assert without_ocr.report_row(GARBLED) is None
    assert [(row["code"], row["severity"]) for row in without_ocr.problems(GARBLED)] == [
        ("text_layer_broken", "error")]


@pytest.fixture(scope="module")
def with_ocr(tmp_path_factory, tesseract):
    return extract_cases(tmp_path_factory.mktemp("layers_ocr"), run_extract_cli, WITH_OCR)


@pytest.mark.parametrize("name, code", [(SEARCHABLE, "scan_text_layer_replaced"),
                                        (SHORT_GARBLED, "text_layer_unusable")], ids=["searchable", "garbled"])
def test_issue_17_with_ocr_a_lying_layer_is_read_by_ocr_into_the_plain_tables_or_named_problems(with_ocr, name,
                                                                                                 code):
    with_ocr.assert_same_or_named(name, SHORT_PLAIN, ignore_columns=("reader",))
    assert with_ocr.report_row(name)["reader"].startswith("ocr:tesseract")
    assert {code, "ocr_used"} <= set(_codes(with_ocr, name))
