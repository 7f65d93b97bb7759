"""Pages per second of the OCR path, on one core and for a whole scanned report with two jobs.

    python bench/ocr_speed.py [SCAN.pdf] [--pages 4]

Times (default: the scan in ../shared/corpus/scan, else a scan made from a
fixture PDF):
  - the OCR path on one core: render, Tesseract, lines, for the first --pages
    pages, one after another in this process (no cache),
  - `kompass extract SCAN --no-cache` as a user runs it, on the whole
    document, with one job and with two (a job slot that no other document
    takes reads the scan's pages alongside),
and prints pages per second for each and the time of two jobs as a share of
one job's. Run on demand; not part of the tests.
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
    from helpers.pdfbuild import scanned

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
    """Seconds `kompass extract` takes on the whole scan with `jobs` jobs."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kompass", "extract", str(scan), "--out", str(work / f"out{jobs}"),
                    "--no-cache", "--jobs", str(jobs), "--quiet"], check=False, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def page_count(scan: Path) -> int:
    pdf = pypdfium2.PdfDocument(scan)
    try:
        return len(pdf)
    finally:
        pdf.close()


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
        pages = page_count(scan)
        seconds = {jobs: whole_report(scan, jobs, work) for jobs in (1, 2)}
        for jobs, spent in seconds.items():
            print(f"{scan.name}: kompass extract, whole document, {jobs} job{'s' if jobs > 1 else ''}: "
                  f"{spent:.1f} s, {pages / spent:.2f} pages/s")
        print(f"two jobs take {seconds[2] / seconds[1]:.2f} of one job's time")


if __name__ == "__main__":
    main()
