"""Scans that are not reports, and an OCR engine that fails: each is its document's problem, never the run's.

The engine's faults are played by a fake `tesseract` on PATH (no Tesseract
needed): one that refuses a page, one that crashes, one that hangs.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from extract import ExtractionError, OcrSettings, ocr, read_document
from helpers.pdfbuild import LEFT, PdfBuilder, scanned
from helpers.runs import run_extract_cli
from helpers.textlayers import text_over_scan

LETTER = ["Hej Anna!", "", "Tack för ditt brev om vägen till skolan. Vi har tittat på saken och kommer att",
          "laga gropen vid busshållplatsen innan sommaren. Hör gärna av dig igen om det inte blir bättre.",
          "", "Med vänliga hälsningar", "Gatukontoret"]
# what the fake engine reads on a page it accepts: Tesseract's TSV, a header and one word
TSV = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
       "5\t1\t1\t1\t1\t1\t200\t300\t160\t28\t95.0\tKommunen\n")
REFUSAL = 'cat >/dev/null; echo "Error during processing." >&2; exit 1'


def _image_only(path: Path, pages: int = 2) -> Path:
    """A PDF of grey images without text, as a scanner makes it (what is on them is up to the fake engine)."""
    pdf = PdfBuilder()
    for number in range(pages):
        if number:
            pdf.new_page()
        pdf.image(LEFT, 72, 400, 600)
    return pdf.save(path)


@pytest.fixture
def fake_engine(tmp_path, monkeypatch):
    """fake_engine(script): `tesseract` on PATH runs the shell `script` on every page; $CALLS counts the pages."""
    folder = tmp_path / "engine"
    folder.mkdir()
    (folder / "swe.traineddata").write_bytes(b"a model")
    (folder / "calls").write_text("0")

    def install(script: str) -> None:
        engine = folder / "tesseract"
        engine.write_text(f"""#!/bin/sh
case "$1" in
  --version) echo "tesseract 5.3.0"; exit 0;;
  --list-langs) echo 'List of available languages in "{folder}/" (1):'; echo swe; exit 0;;
esac
CALLS=$(($(cat {folder}/calls) + 1)); echo $CALLS > {folder}/calls
{script}
""")
        engine.chmod(engine.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    for cached in (ocr.engine_version, ocr.model_digest):  # asked once per process: the fake must be asked
        cached.cache_clear()
    yield install
    for cached in (ocr.engine_version, ocr.model_digest):
        cached.cache_clear()


def _error(path: Path, settings: OcrSettings | None = None) -> ExtractionError:
    with pytest.raises(ExtractionError) as raised:
        read_document(path, path.name, ocr=settings or OcrSettings())
    return raised.value


def test_a_page_the_engine_refuses_is_a_warning_and_the_other_pages_are_read(tmp_path, fake_engine):
    fake_engine(f'cat >/dev/null; if [ $CALLS = 2 ]; then {REFUSAL}; fi; printf "{TSV}"')
    document = read_document(_image_only(tmp_path / "scan.pdf"), "scan.pdf")
    assert [line.text for page in document.pages for line in page.lines] == ["Kommunen"]
    refused = [p for p in document.problems if p.code == "ocr_page_failed"]
    assert [(p.severity, p.page) for p in refused] == [("warning", 2)]
    assert "Error during processing" in refused[0].message


def test_a_scans_text_layer_on_a_page_the_engine_refuses_is_read_as_the_scans_text_and_the_reader_says_so(
        tmp_path, fake_engine):
    pdf = PdfBuilder()
    for number in (1, 2):
        if number > 1:
            pdf.new_page()
        pdf.line(f"Sidan {number} i rapporten om kommunen")
    searchable = text_over_scan(pdf.save(tmp_path / "text.pdf"), tmp_path / "scan.pdf")
    fake_engine(f'cat >/dev/null; if [ $CALLS = 2 ]; then {REFUSAL}; fi; printf "{TSV}"')
    document = read_document(searchable, "scan.pdf")
    assert [[(line.text, line.bold) for line in page.lines] for page in document.pages] == [
        [("Kommunen", None)], [("Sidan 2 i rapporten om kommunen", None)]]
    assert document.reader == "pdfium:ocr-layer+ocr:tesseract-5.3.0"
    assert [(p.code, p.page) for p in document.problems] == [
        ("scan_text_layer_read", 2), ("ocr_page_failed", 2), ("scan_text_layer_replaced", 1), ("ocr_used", None)]
    assert "OCR could not read it again: Tesseract failed (ocr_page_failed);" in document.problems[0].message


def test_an_engine_that_refuses_every_page_is_the_documents_ocr_failed_error(tmp_path, fake_engine):
    fake_engine(REFUSAL)
    error = _error(_image_only(tmp_path / "scan.pdf"))
    assert (error.code, error.page) == ("ocr_failed", 1)
    assert "could not read any of the 2 scanned pages (Error during processing.)" in error.message


def test_an_engine_that_crashes_is_the_documents_ocr_failed_error(tmp_path, fake_engine):
    fake_engine("cat >/dev/null; kill -SEGV $$")
    error = _error(_image_only(tmp_path / "scan.pdf"))
    assert (error.code, error.page, error.message) == ("ocr_failed", 1, "Tesseract crashed on page 1 (signal 11).")


def test_an_engine_that_hangs_is_the_documents_ocr_failed_error(tmp_path, fake_engine):
    fake_engine("exec sleep 600")  # exec: the process that is killed at the time limit is the one that hangs
    error = _error(_image_only(tmp_path / "scan.pdf"), OcrSettings(page_timeout=0.5))
    assert (error.code, error.page) == ("ocr_failed", 1)
    assert "did not finish page 1 within 0.5 seconds" in error.message


def test_a_crash_fails_its_document_and_the_run_publishes_the_others(tmp_path, fake_engine):
    fake_engine("cat >/dev/null; kill -SEGV $$")
    (tmp_path / "in").mkdir()
    _image_only(tmp_path / "in" / "scan.pdf")
    (tmp_path / "in" / "notes.txt").write_text("Anteckningar utan någon rapport i.\n")
    run = run_extract_cli(tmp_path / "in", out=tmp_path / "out")
    errors = {row["source_path"]: row["code"] for row in run.tables["problems"] if row["severity"] == "error"}
    assert (run.exit_code, errors) == (1, {"scan.pdf": "ocr_failed", "notes.txt": "unknown_layout"})
    assert {row["source_path"]: row["status"] for row in run.tables["documents"]} == {
        "scan.pdf": "failed", "notes.txt": "failed"}


def test_a_scanned_letter_and_a_blank_scan_are_not_reports(tmp_path, tesseract):
    letter, blank = PdfBuilder(), PdfBuilder()
    letter.lines(LETTER)
    (tmp_path / "in").mkdir()
    scanned(letter.save(tmp_path / "letter-text.pdf"), tmp_path / "in" / "letter.pdf", [1])
    scanned(blank.save(tmp_path / "blank-text.pdf"), tmp_path / "in" / "blank.pdf", [1])
    run = run_extract_cli(tmp_path / "in", out=tmp_path / "out")
    problems = {(row["source_path"], row["severity"], row["code"]) for row in run.tables["problems"]}
    assert problems == {(name, severity, code) for name in ("letter.pdf", "blank.pdf")
                        for severity, code in (("error", "unknown_layout"), ("info", "ocr_used"))}
    used = {row["source_path"]: row["message"] for row in run.tables["problems"] if row["code"] == "ocr_used"}
    assert "no text found" in used["blank.pdf"] and "mean word confidence 9" in used["letter.pdf"]
    assert run.exit_code == 1 and run.tables["reports"] == []
