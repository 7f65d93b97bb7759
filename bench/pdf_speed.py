"""Pages per second and peak memory of `kompass extract` against two baselines.

    python bench/pdf_speed.py [PDF or DIR ...] [--runs 3]

On the same PDFs (default: the PDF sample in tests/fixtures/pdf) it times
  - poppler's `pdftotext` (when installed): the floor any PDF text reader meets,
  - a bare pdfplumber pass: open, `extract_words()` on every page, close,
  - `kompass extract` as a user runs it, cold (no cache), with one job and
    with two (a new process: start-up, reading, parsing, normalizing and
    writing the dataset),
and prints pages per second for each, kompass's cost on one core relative to
the bare pdfplumber pass, and the peak resident memory of a one-document run
(its largest process). Each figure is the best of --runs runs. Run on
demand; not part of the tests.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SAMPLE = ROOT / "tests" / "fixtures" / "pdf"


def pdfs(inputs: list[Path]) -> list[Path]:
    found = []
    for path in inputs:
        found += sorted(path.rglob("*.pdf")) if path.is_dir() else [path]
    return found


def page_count(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def bare_pdfplumber(files: list[Path]) -> None:
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()


def pdftotext(files: list[Path]) -> None:
    for path in files:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, stdout=subprocess.DEVNULL)


def kompass_extract(files: list[Path], out: Path, jobs: int) -> None:
    """A cold run: nothing cached, `jobs` documents at once."""
    subprocess.run([sys.executable, "-m", "kompass", "extract", *map(str, files), "--out", str(out), "--no-cache",
                    "--jobs", str(jobs)], check=False, stdout=subprocess.DEVNULL, cwd=ROOT)


def peak_memory_mb(path: Path, out: Path) -> float:
    """Peak resident memory of one `kompass extract` run on one document: its largest process."""
    code = ("import resource, sys; from kompass.cli import main\n"
            "try: main(['extract', sys.argv[1], '--out', sys.argv[2], '--no-cache', '--jobs', '1'])\n"
            "except SystemExit: pass\n"
            "print(max(resource.getrusage(who).ru_maxrss\n"
            "          for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))")
    result = subprocess.run([sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True,
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
    print(f"{len(files)} PDFs, {pages} pages, best of {args.runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        timings = {"bare pdfplumber": best_of(args.runs, lambda: bare_pdfplumber(files))}
        if shutil.which("pdftotext"):
            timings["pdftotext"] = best_of(args.runs, lambda: pdftotext(files))
        timings["kompass, 1 job"] = best_of(args.runs, lambda: kompass_extract(files, Path(tmp) / "out", 1))
        timings["kompass, 2 jobs"] = best_of(args.runs, lambda: kompass_extract(files, Path(tmp) / "out", 2))
        for name, seconds in timings.items():
            print(f"  {name:16} {seconds:7.2f} s  {pages / seconds:8.1f} pages/s")
        ratio = timings["kompass, 1 job"] / timings["bare pdfplumber"]
        print(f"  kompass (1 job) / bare pdfplumber: {ratio:.2f}x the time")
        if "pdftotext" in timings:
            ratio = timings["kompass, 1 job"] / timings["pdftotext"]
            print(f"  kompass (1 job) / pdftotext:       {ratio:.0f}x the time")
        print("peak memory of kompass extract, one document per process:")
        for path in files:
            print(f"  {path.name:28} {page_count(path):3} pages  {peak_memory_mb(path, Path(tmp) / 'one'):6.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
