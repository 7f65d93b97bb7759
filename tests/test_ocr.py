"""Scanned reports: image-only PDFs made from the fixture PDFs are read by OCR into the same values.

A few pages only (OCR costs seconds a page): the cover, and area 1 with its
score box, rubrics and findings table, of a report kompass was not tuned on,
straight and a degree askew; and a contents page set with dot leaders.
"""
from __future__ import annotations

import pytest

from extract import ExtractionError, OcrSettings, read_document
from extract.ocr import ocr_pages
from helpers.paths import FIXTURES, PDF_DIR
from helpers.pdfbuild import scanned
from helpers.runs import load_gold, run_extract_cli
from normalize.rows import normalize_report
from normalize.text import clean_text
from parsers import parse

SOURCE = PDF_DIR / "a" / "kk-ff27100eabfc.pdf"  # Sollentuna 2018: "•" bullets, a bold score set large
GOLD = next(gold for gold in map(load_gold, (FIXTURES / "gold" / "pdf" / "a").glob("*.json"))
            if gold["source"]["file"] == SOURCE.name)
AREA_1_PAGES = [1, 6, 7]  # cover; area 1's heading, score box and findings table
# Sollentuna 2015: a contents page with tight dot leaders, which OCR read as letters until they were erased
CONTENTS_SOURCE = PDF_DIR / "a" / "kk-0aecb26ddfde.pdf"
CONTENTS_GOLD = next(gold for gold in map(load_gold, (FIXTURES / "gold" / "pdf" / "a").glob("*.json"))
                     if gold["source"]["file"] == CONTENTS_SOURCE.name)
CONTENTS_PAGES = [1, 2, 3, 7]  # cover, contents, area 1's heading and score box


def _read(path):
    return parse(read_document(path, path.name))


@pytest.fixture(scope="module")
def scan(tmp_path_factory, tesseract):
    return scanned(SOURCE, tmp_path_factory.mktemp("scan") / "scan.pdf", AREA_1_PAGES)


@pytest.fixture(scope="module")
def straight(scan):
    return _read(scan)


def _values(report) -> tuple:
    """What a report says: cover, and per area its title, score, rubrics and findings with their kinds."""
    return ((report.municipality, report.year, report.evaluators),
            [(area.area_no, area.title, area.score, area.rubrics,
              [(finding.kind, clean_text(finding.text)) for finding in area.findings]) for area in report.areas])


def test_scan_of_an_unseen_report_gives_its_cover_score_rubrics_and_findings(straight):
    area = straight.areas[0]
    gold = GOLD["areas"][0]
    assert (straight.municipality, straight.year, straight.evaluators) == (
        "SOLLENTUNA", GOLD["report"]["year"], GOLD["report"]["evaluators"])
    assert (area.area_no, area.title, area.score, area.rubrics) == (1, gold["title"], gold["score"], gold["rubrics"])
    assert [clean_text(f.text) for f in area.findings if f.kind == "strength"] == gold["strengths"]
    assert [clean_text(f.text) for f in area.findings if f.kind == "improvement"] == gold["improvements"]


@pytest.mark.parametrize("degrees", [1.0, -1.0])
def test_a_scan_a_degree_askew_gives_the_same_values_as_a_straight_one(tmp_path, straight, degrees):
    """Before pages were turned straight, 2-4 of the findings table's right-column items were lost."""
    skewed = _read(scanned(SOURCE, tmp_path / "skewed.pdf", AREA_1_PAGES, degrees=degrees))
    assert _values(skewed) == _values(straight)


def test_a_scanned_contents_page_is_read_as_contents_and_the_areas_after_it_as_areas(tmp_path, tesseract):
    """Before the leaders were erased, the contents ended at their first entry and named areas 4-8 on page 2."""
    report = _read(scanned(CONTENTS_SOURCE, tmp_path / "contents.pdf", CONTENTS_PAGES))
    gold = CONTENTS_GOLD["areas"][0]
    assert [(area.area_no, area.title, area.score, area.rubrics, area.page) for area in report.areas] == [
        (1, gold["title"], gold["score"], gold["rubrics"], 4)]  # the scan's page 4 is the report's page 7


def test_the_report_names_its_reader_and_says_ocr_was_used(scan, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "scan.pdf").write_bytes(scan.read_bytes())
    run = run_extract_cli(tmp_path / "in", out=tmp_path / "out")
    assert [(row["report_id"], row["reader"]) for row in run.tables["reports"]] == [
        ("sollentuna-2018", "ocr:tesseract-5.3.0")]
    used = [row for row in run.tables["problems"] if row["code"] == "ocr_used"]
    assert [row["severity"] for row in used] == ["info"]
    assert "3 of 3 pages were read by OCR" in used[0]["message"] and "mean word confidence 9" in used[0]["message"]


def test_ocr_never_leaves_a_scan_without_text(scan):
    with pytest.raises(ExtractionError) as raised:
        read_document(scan, scan.name, ocr=OcrSettings(mode="never"))
    assert raised.value.code == "no_text_layer"


def test_a_score_tesseract_reads_nothing_of_in_its_cell_is_read_there_alone(tmp_path, tesseract):
    """At 300 dpi Tesseract's page reading left area 1's "76" unread: the area had no score."""
    source = PDF_DIR / "b" / "kk-436cfa6354e9.pdf"
    gold = next(gold for gold in map(load_gold, (FIXTURES / "gold" / "pdf" / "b").glob("*.json"))
                if gold["source"]["file"] == source.name)["areas"][0]
    report = _read(scanned(source, tmp_path / "scan.pdf", [1, 7], dpi=300))
    assert [(area.area_no, area.score, area.rubrics) for area in report.areas] == [
        (1, gold["score"], gold["rubrics"])]


def test_pages_read_at_once_are_the_pages_read_one_by_one(scan):
    data = scan.read_bytes()
    numbers = list(range(1, len(AREA_1_PAGES) + 1))
    one_by_one = ocr_pages(data, numbers, OcrSettings(page_workers=1))
    at_once = ocr_pages(data, numbers, OcrSettings(page_workers=3))
    assert [page.number for page in at_once] == numbers
    assert at_once == one_by_one and all(page.words for page in at_once)



def _turned(scan, target, turns: dict[int, int]):
    """The scan with pages turned as a scanner may save them (PDF /Rotate, clockwise)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for number, page in enumerate(PdfReader(scan).pages, start=1):
        writer.add_page(page)
        if number in turns:
            writer.pages[-1].rotate(turns[number])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _score_box(report) -> list[float]:
    row = next(row for row in normalize_report(report, "test").rows["areas"] if row["area_no"] == 1)
    return row["bbox"]


@pytest.mark.parametrize("turn", [180, 90, 270])
def test_a_page_scanned_upside_down_or_sideways_is_read_turned_and_its_boxes_stand_where_it_shows_them(
        scan, straight, tmp_path, turn):
    """Before pages were turned to be read, area 1's page scanned upside down lost its findings and sections to
    OCR's misreading, and sideways its lines ran across the columns."""
    turned = _read(_turned(scan, tmp_path / "turned.pdf", {2: turn}))
    assert _values(turned) == _values(straight)
    assert [(page, turn_read) for page, (turn_read, _, _) in turned.turned_pages.items()] == [(2, (360 - turn) % 360)]
    x0, top, x1, bottom = _score_box(straight)
    width, height = 595.44, 842.04  # A4 upright: the turned page shows the upright page turned `turn` clockwise
    shown = {180: (width - x1, height - bottom, width - x0, height - top),
             90: (height - bottom, x0, height - top, x1),
             270: (top, width - x1, bottom, width - x0)}[turn]
    assert _score_box(turned) == pytest.approx(shown, abs=3.0)
