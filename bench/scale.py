"""Archive-scale timing: cold, warm and re-parse runs of `kompass extract` over hundreds of PDFs.

    python bench/scale.py [--documents 300] [--jobs 1 2] [--cold-documents N] [--workdir DIR]

Builds an archive of --documents PDFs from the PDF sample (tests/fixtures/pdf),
each copy made distinct by a comment after its end so that no two share a
cache entry, then for each number of jobs times, as a user runs it (a new
process each time):
  - cold:     empty cache, every PDF read (on --cold-documents of them, when
              given, since reading is slow; pages per second tell the rest),
  - warm:     the same inputs again, nothing changed,
  - re-parse: the parsed records dropped from the cache, as after a parser
              change: every report parsed again from its cached model,
and prints seconds, documents and pages per second, and the peak resident
memory of the largest process of the run. Run on demand; not part of the tests.
The project's modules are compiled to bytecode first (bench/project_bytecode.py).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pdfplumber
from project_bytecode import compile_project

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "pdf"
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "started = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def build_archive(directory: Path, documents: int) -> int:
    """Copies of the sample's PDFs, each with distinct bytes; returns their total pages."""
    sources = sorted(SAMPLE.rglob("*.pdf"))
    pages = {path: len(pdfplumber.open(path).pages) for path in sources}
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(documents):
        source = sources[number % len(sources)]
        (directory / f"copy-{number:04d}-{source.name}").write_bytes(
            source.read_bytes() + f"\n% kompass bench copy {number}\n".encode())
        total += pages[source]
    return total


def timed_run(inputs: Path, out: Path, cache: Path, jobs: int) -> tuple[float, float]:
    """(seconds, peak MB) of one `kompass extract` process and its workers."""
    command = [sys.executable, "-c", _MEASURE, sys.executable, "-m", "kompass", "extract", str(inputs),
               "--out", str(out), "--cache", str(cache), "--jobs", str(jobs)]
    seconds, peak_kb, _ = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                                         check=True).stdout.split()
    return float(seconds), int(peak_kb) / 1024


def report(jobs: int, name: str, inputs: Path, documents: int, pages: int, cache: Path, out: Path) -> None:
    seconds, peak = timed_run(inputs, out, cache, jobs)
    record = json.loads((out / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    work = f"read {record['extracted']}, reparsed {record['reparsed']}, reused {record['reused']}"
    print(f"{jobs:>4} {name:9} {documents:>9} {seconds:>8.1f} {documents / seconds:>8.1f} {pages / seconds:>8.1f} "
          f"{peak:>8.0f}  {work}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--cold-documents", type=int, help="documents for the cold run (default: all)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", type=Path, help="where to build the archive (default: a temporary directory)")
    args = parser.parse_args()
    compile_project()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kompass-scale-"))
    archive, cold_archive = workdir / "archive", workdir / "cold"
    pages = build_archive(archive, args.documents)
    cold_documents = args.cold_documents or args.documents
    cold_pages = build_archive(cold_archive, cold_documents) if args.cold_documents else pages
    print(f"archive: {args.documents} PDFs, {pages} pages; cold runs on {cold_documents} PDFs, {cold_pages} pages")
    print(f"{'jobs':>4} {'run':9} {'documents':>9} {'seconds':>8} {'docs/s':>8} {'pages/s':>8} {'peak MB':>8}  work")
    cache = workdir / "cache"
    for jobs in args.jobs:  # cold: nothing cached
        shutil.rmtree(workdir / "cold-cache", ignore_errors=True)
        report(jobs, "cold", cold_archive if args.cold_documents else archive, cold_documents, cold_pages,
               workdir / ("cold-cache" if args.cold_documents else f"cache-{jobs}"), workdir / "out")
    if args.cold_documents:  # the warm and re-parse runs need every document cached once
        timed_run(archive, workdir / "out", cache, max(args.jobs))
    else:
        shutil.copytree(workdir / f"cache-{max(args.jobs)}", cache, dirs_exist_ok=True)
    for jobs in args.jobs:
        report(jobs, "warm", archive, args.documents, pages, cache, workdir / "out")
        shutil.rmtree(cache / "records", ignore_errors=True)  # as after a parser change
        report(jobs, "re-parse", archive, args.documents, pages, cache, workdir / "out")
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
