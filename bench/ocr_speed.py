"""Pages per second of the OCR path, on one core and for a whole scanned report with two jobs.

    python bench/ocr_speed.py [SCAN.pdf] [--pages 4]

Times (default: the scan in ../shared/corpus/scan, else a scan made from a
fixture PDF):
  - the OCR path on one core: render, Tesseract, lines, for the first --pages
    pages, one after another in this process (no cache),
  - `kompass extract SCAN --jobs 2 --no-cache` as a user runs it, on the whole
    document (one document runs in one worker, so two jobs help only with
    two or more scans),
and prints pages per second for each. Run on demand; not part of the tests.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCAN = ROOT.parent / "shared" / "corpus" / "scan"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from extract.ocr import OcrSettings, ocr_pages  # noqa: E402
from extract.ocr_lines import to_page  # noqa: E402


def default_scan(work: Path) -> Path:
    found = sorted(SHARED_SCAN.glob("*.pdf"))
    if found:
        return found[0]
    from pdfbuild import scanned

    source = ROOT / "tests" / "fixtures" / "pdf" / "b" / "kk-41b95ded6824.pdf"
    return scanned(source, work / "scan.pdf", list(range(1, 18)))


def one_core(scan: Path, pages: int) -> float:
    data = scan.read_bytes()
    settings = OcrSettings()
    started = time.perf_counter()
    for page in ocr_pages(data, list(range(1, pages + 1)), settings):
        to_page(page, settings.dpi)
    return pages / (time.perf_counter() - started)


def whole_report(scan: Path, jobs: int, work: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kompass", "extract", str(scan), "--out", str(work / "out"),
                    "--no-cache", "--jobs", str(jobs)], check=False, capture_output=True, cwd=ROOT)
    pdf = pypdfium2.PdfDocument(scan)
    count = len(pdf)
    pdf.close()
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scan", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=4)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        scan = arguments.scan or default_scan(work)
        print(f"{scan.name}: OCR path, one core, {arguments.pages} pages: "
              f"{one_core(scan, arguments.pages):.2f} pages/s")
        print(f"{scan.name}: kompass extract, whole document, 2 jobs: {whole_report(scan, 2, work):.2f} pages/s")


if __name__ == "__main__":
    main()
