"""Pages per second, CPU seconds and peak memory of PDF reading and of `kompass extract`.

    python bench/pdf_speed.py [PDF or DIR ...] [--runs 3]

On the same PDFs (default: the PDF sample in tests/fixtures/pdf), in one run:
  - poppler's `pdftotext` (when installed): the floor any PDF text reader meets,
  - a bare pdfplumber pass: open, `extract_words()` on every page, close,
  - a bare pypdfium2 pass: every character's code and box, as a per-character loop reads them,
  - kompass's readers in this process: a PDF's bytes into the document model (pages of lines),
  - `kompass extract` as a user runs it, cold (no cache, a new process: start-up, reading,
    parsing, normalizing, writing), with each PDF reader and with one and two jobs,
then pages per second, CPU seconds (the process and its children), each one's CPU time
relative to pdftotext's, and the peak resident memory of a one-document run (its
largest process). Each figure is the best of --runs runs. Run on demand; not part of
the tests.

The project's modules are compiled to bytecode first (bench/project_bytecode.py).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pdfplumber
import pypdfium2.raw as pdfium
from project_bytecode import compile_project

from extract.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "tests" / "fixtures" / "pdf"
READERS = ("pdfium", "pdfplumber")


def pdfs(inputs: list[Path]) -> list[Path]:
    found = []
    for path in inputs:
        found += sorted(path.rglob("*.pdf")) if path.is_dir() else [path]
    return found


def page_count(path: Path) -> int:
    data = path.read_bytes()
    document = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
    try:
        return pdfium.FPDF_GetPageCount(document)
    finally:
        pdfium.FPDF_CloseDocument(document)


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, action: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process and its children) of the fastest run."""
    best = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        action()
        measured = (time.perf_counter() - wall, _cpu() - cpu)
        best = measured if best is None or measured[1] < best[1] else best
    assert best is not None
    return best


def bare_pdfplumber(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()


def bare_pypdfium2(files: list[Path]) -> None:
    box = pdfium.FS_RECTF()
    for path in files:
        data = path.read_bytes()
        document = pdfium.FPDF_LoadMemDocument64(data, len(data), None)
        for index in range(pdfium.FPDF_GetPageCount(document)):
            page = pdfium.FPDF_LoadPage(document, index)
            text_page = pdfium.FPDFText_LoadPage(page)
            for char in range(pdfium.FPDFText_CountChars(text_page)):
                pdfium.FPDFText_GetUnicode(text_page, char)
                pdfium.FPDFText_GetLooseCharBox(text_page, char, box)
                pdfium.FPDFText_GetFontSize(text_page, char)
            pdfium.FPDFText_ClosePage(text_page)
            pdfium.FPDF_ClosePage(page)
        pdfium.FPDF_CloseDocument(document)


def kompass_reader(files: list[Path], reader: str) -> None:
    for path in files:
        read_pdf(path.read_bytes(), path.name, reader, [])


def pdftotext(files: list[Path]) -> None:
    for path in files:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, stdout=subprocess.DEVNULL)


def kompass_extract(files: list[Path], out: Path, jobs: int, reader: str) -> None:
    """A cold run: nothing cached, `jobs` documents at once."""
    subprocess.run([sys.executable, "-m", "kompass", "extract", *map(str, files), "--out", str(out), "--no-cache",
                    "--jobs", str(jobs), "--pdf-reader", reader], check=False, stdout=subprocess.DEVNULL, cwd=ROOT)


def peak_memory_mb(path: Path, out: Path, reader: str) -> float:
    """Peak resident memory of one `kompass extract` run on one document: its largest process."""
    code = ("import resource, sys; from kompass.cli import main\n"
            "try: main(['extract', sys.argv[1], '--out', sys.argv[2], '--no-cache', '--jobs', '1',"
            " '--pdf-reader', sys.argv[3]])\n"
            "except SystemExit: pass\n"
            "print(max(resource.getrusage(who).ru_maxrss\n"
            "          for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))")
    result = subprocess.run([sys.executable, "-c", code, str(path), str(out), reader], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT_SAMPLE])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = pdfs(args.inputs)
    if not files:
        print("no PDFs found", file=sys.stderr)
        return 2
    pages = sum(page_count(path) for path in files)
    compile_project()
    print(f"{len(files)} PDFs, {pages} pages, best of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        timings: dict[str, tuple[float, float]] = {}
        if shutil.which("pdftotext"):
            timings["pdftotext"] = best_of(args.runs, lambda: pdftotext(files))
        timings["bare pdfplumber"] = best_of(args.runs, lambda: bare_pdfplumber(files))
        timings["bare pypdfium2"] = best_of(args.runs, lambda: bare_pypdfium2(files))
        for reader in READERS:
            timings[f"kompass {reader} reader"] = best_of(args.runs, partial(kompass_reader, files, reader))
        for reader in READERS:
            for jobs in (1, 2):
                timings[f"kompass {reader}, {jobs} job{'s' if jobs > 1 else ''}"] = best_of(
                    args.runs, partial(kompass_extract, files, Path(tmp) / "out", jobs, reader))
        floor = timings.get("pdftotext", (0.0, 0.0))[1]
        print(f"  {'':26} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'pages/CPU s':>11} {'CPU / pdftotext':>15}")
        for name, (wall, cpu) in timings.items():
            ratio = f"{cpu / floor:14.1f}x" if floor else ""
            print(f"  {name:26} {wall:7.2f} {cpu:7.2f} {pages / wall:8.1f} {pages / cpu:11.1f} {ratio}")
        print("peak memory of kompass extract, one document per process (MB):")
        print(f"  {'':28} {'pages':>5} " + " ".join(f"{reader:>10}" for reader in READERS))
        for path in files:
            peaks = [peak_memory_mb(path, Path(tmp) / "one", reader) for reader in READERS]
            print(f"  {path.name:28} {page_count(path):5} " + " ".join(f"{peak:10.0f}" for peak in peaks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
