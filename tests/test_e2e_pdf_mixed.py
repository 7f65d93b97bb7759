"""`kompass extract` on a directory with one good PDF report and three PDFs that give no report."""
from __future__ import annotations

import shutil

import pytest
from pypdf import PdfWriter

from extract.ocr import tesseract_available
from helpers.paths import PDF_DIR
from helpers.pdfbuild import LEFT, PdfBuilder
from helpers.runs import run_extract_cli

GOOD = PDF_DIR / "b" / "kk-41b95ded6824.pdf"  # the smallest fixture: Sollentuna 2015, 17 pages
# a scan of a grey picture: OCR reads it and finds no report in it; without Tesseract it cannot be read at all
SCAN_ERROR = "unknown_layout" if tesseract_available() else "no_text_layer"
EXPECTED_ERRORS = {"scan.pdf": SCAN_ERROR, "locked.pdf": "encrypted_pdf", "broken.pdf": "damaged_pdf"}


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed_pdf")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(GOOD, inputs / "good.pdf")
    scan = PdfBuilder()
    scan.image(LEFT, 72, 450, 650)
    scan.save(inputs / "scan.pdf")
    plain = PdfBuilder()
    plain.text(LEFT, 100, "KommunKompassen ANALYS AV TÄBY KOMMUN 2018")
    writer = PdfWriter(clone_from=plain.save(root / "plain.pdf"))
    writer.encrypt(user_password="hemligt", algorithm="AES-128")
    writer.write(inputs / "locked.pdf")
    whole = GOOD.read_bytes()
    (inputs / "broken.pdf").write_bytes(whole[:len(whole) // 2])
    return run_extract_cli(inputs, out=root / "out")


def test_exit_status_is_1(mixed_run):
    assert mixed_run.exit_code == 1, mixed_run.output
    assert mixed_run.output.strip().splitlines()[-1].startswith(
        "kompass: 4 documents (4 read, 0 reparsed, 0 reused; 3 failed), 1 report written to ")


def test_the_good_report_is_published(mixed_run):
    assert [(r["report_id"], r["source_path"], r["source_format"]) for r in mixed_run.tables["reports"]] == [
        ("sollentuna-2015", "good.pdf", "pdf")]
    assert {r["report_id"] for r in mixed_run.tables["areas"]} == {"sollentuna-2015"}
    assert [r["area_no"] for r in mixed_run.tables["areas"]] == [1, 2, 3, 4, 5, 6]
    assert mixed_run.tables["findings"]


def test_each_bad_file_is_one_error_row_with_its_code(mixed_run):
    errors = [r for r in mixed_run.tables["problems"] if r["severity"] == "error"]
    assert sorted((r["source_path"], r["code"]) for r in errors) == sorted(EXPECTED_ERRORS.items())
    assert all(r["report_id"] is None and r["message"] for r in errors)
    assert not [r for r in mixed_run.tables["problems"] if r["source_path"] in EXPECTED_ERRORS
                and r["severity"] != "error" and r["code"] != "ocr_used"]  # the scan says it was read by OCR
