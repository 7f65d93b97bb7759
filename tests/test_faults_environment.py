"""Run-wide failures that are not the documents' (TMPDIR full, workers that cannot start, memory, a missing
program): the dataset that held the documents is kept, the run exits 3 and says the cause in one line.

Faults come from fault points (kompass.faults) and an injectable free-space function, never from filling a
disk or timing a kill.
"""
from __future__ import annotations

import faulthandler
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import read_document
from helpers.paths import REPO_ROOT, TEXT_SAMPLE
from helpers.pdfbuild import LEFT, PdfBuilder
from helpers.runs import read_tables
from kompass import pipeline, workers
from kompass.cli import main
from kompass.lock import held_folder
from kompass.pipeline import Options, run_extract
from kompass.workers import Limits

pytestmark = pytest.mark.slow  # whole runs in a starved environment

SOLLENTUNA_2018 = TEXT_SAMPLE[0]


def _snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture
def inputs(tmp_path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in TEXT_SAMPLE:
        shutil.copy(path, raw)
    return raw


@pytest.fixture
def previous(tmp_path, inputs) -> Path:
    out = tmp_path / "dataset"
    run_extract([inputs], out, Options(jobs=2))
    assert len(read_tables(out)["reports"]) == 3
    return out


def _extract(inputs: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["extract", str(inputs), "--out", str(out), "--no-cache", "-q", *extra])


def _refused(out: Path, causes: str) -> str:
    return (f"kompass: nothing published: 3 input(s) behind reports of the dataset failed for a reason that is this "
            f"run's, not theirs ({causes}); the dataset in {out} was kept\n")


def test_workers_that_cannot_hand_over_their_results_keep_the_dataset(previous, inputs, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setenv("KOMPASS_FAULT", "write_outcome:enospc")  # as when TMPDIR fills up during the run
    result = _extract(inputs, previous)
    assert result.exit_code == 3, result.output
    folder = re.escape(tempfile.gettempdir()) + r"/kompass-outcomes-\w+"
    assert re.fullmatch(re.escape(_refused(previous, "@")).replace("@", "Extracting the document failed: its worker "
                                                                   "could not hand over its result: no space left "
                                                                   r"in TMPDIR \(" + folder + r"\)"), result.output)
    assert _snapshot(previous) == before


@pytest.mark.parametrize(("fault", "options", "cause"), [
    ("start_worker:eagain", [], "its worker could not be started: Resource temporarily unavailable"),
    ("in_worker:memory", ["--memory-limit", "2048"], "the document needed more than 2048 MB (--memory-limit)"),
    # as the kernel's OOM killer does under a cgroup's limit
    ("in_worker:kill", [], "its worker was killed from outside (signal 9), as the kernel's out-of-memory killer or "
                           "an operator does"),
])
def test_workers_that_fail_for_the_runs_reason_keep_the_dataset(previous, inputs, monkeypatch, fault, options,
                                                                cause):
    before = _snapshot(previous)
    monkeypatch.setenv("KOMPASS_FAULT", fault)
    result = _extract(inputs, previous, *options)
    assert result.exit_code == 3, result.output
    assert result.output == _refused(previous, f"Extracting the document failed: {cause}")
    assert _snapshot(previous) == before


def test_without_a_dataset_to_keep_such_failures_are_the_documents_error_rows(tmp_path, inputs, monkeypatch):
    monkeypatch.setenv("KOMPASS_FAULT", "write_outcome:enospc")
    result = _extract(inputs, tmp_path / "out")
    assert result.exit_code == 1, result.output
    documents = read_tables(tmp_path / "out")["documents"]
    assert {(row["status"], row["error_code"]) for row in documents} == {("failed", "worker_unavailable")}


def test_a_full_tmpdir_is_said_up_front_and_matters_only_when_there_is_work(tmp_path, previous, inputs, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setattr(workers, "free_space", lambda folder: 3 * 2 ** 20)
    result = _extract(inputs, previous)
    assert result.exit_code == 3, result.output
    assert result.output == (f"kompass: nothing published: no space left in TMPDIR ({tempfile.gettempdir()}: "
                             f"3.0 MB free, a run needs 32 MB); {previous} was left as it was\n")
    assert _snapshot(previous) == before
    cache = tmp_path / "cache"
    monkeypatch.undo()
    assert CliRunner().invoke(main, ["extract", str(inputs), "--out", str(previous), "--cache", str(cache)]
                              ).exit_code == 0
    monkeypatch.setattr(workers, "free_space", lambda folder: 0)
    reused = CliRunner().invoke(main, ["extract", str(inputs), "--out", str(previous), "--cache", str(cache)])
    assert reused.exit_code == 0 and "(0 read, 0 reparsed, 3 reused; 0 failed)" in reused.output


def _image_only(path: Path) -> Path:
    """A PDF of a grey image without text, as a scanner makes it."""
    pdf = PdfBuilder()
    pdf.image(LEFT, 72, 400, 600)
    return pdf.save(path)


def test_a_missing_tesseract_keeps_the_report_of_a_scan_and_is_not_cached(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    _image_only(raw / "scan.pdf")
    read = pipeline.read_document

    def tesseract_reads_it(path, source_path, data=None, *settings):  # as OCR would: the report on the pages
        return read_document(SOLLENTUNA_2018, source_path) if path.name == "scan.pdf" else read(path, source_path,
                                                                                                data, *settings)

    out, cache = tmp_path / "dataset", tmp_path / "cache"
    monkeypatch.setattr(pipeline, "read_document", tesseract_reads_it)
    run_extract([raw], out, Options(jobs=1))
    before = _snapshot(out)
    monkeypatch.setattr(pipeline, "read_document", read)
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # Tesseract gone
    result = CliRunner().invoke(main, ["extract", str(raw), "--out", str(out), "--cache", str(cache), "-q"])
    assert result.exit_code == 3, result.output
    assert result.output.startswith("kompass: nothing published: 1 input(s) behind reports of the dataset failed "
                                    "for a reason that is this run's, not theirs (scan.pdf: the pages are images "
                                    "without a text layer (a scan); it needs OCR: install Tesseract")
    assert _snapshot(out) == before
    off = CliRunner().invoke(main, ["extract", str(raw), "--out", str(out), "--no-cache", "--ocr", "never"])
    assert off.exit_code == 1, off.output  # OCR turned off is the user's choice: published as it is
    assert read_tables(out)["reports"] == []
    monkeypatch.setattr(pipeline, "read_document", tesseract_reads_it)  # Tesseract installed again
    again = CliRunner().invoke(main, ["extract", str(raw), "--out", str(out), "--cache", str(cache)])
    assert again.exit_code == 0 and "(1 read, 0 reparsed, 0 reused; 0 failed)" in again.output, again.output
    assert [row["source_path"] for row in read_tables(out)["reports"]] == ["scan.pdf"]


def test_a_library_that_aborts_under_the_memory_limit_is_extraction_memory(tmp_path, inputs, monkeypatch):
    read = pipeline.read_document

    def aborts(path, source_path, data=None, *settings):  # as PDFium does when it cannot allocate
        if path.name == SOLLENTUNA_2018.name:
            faulthandler.disable()  # pytest's, inherited by the worker: no traceback of the abort in the output
            os.abort()
        return read(path, source_path, data, *settings)

    monkeypatch.setattr(pipeline, "read_document", aborts)
    for limit, code, message in [(4096, "extraction_memory", "Extracting the document failed: most likely the "
                                  "document needed more than 4096 MB (--memory-limit): its worker was aborted "
                                  "(signal 6), as a library does when it cannot get more memory."),
                                 (None, "extraction_crashed", "Extracting the document failed: the worker was "
                                                              "killed by signal 6.")]:
        out = tmp_path / f"out-{limit}"
        run_extract([inputs], out, Options(jobs=2, limits=Limits(timeout=600, memory_mb=limit)))
        [error] = [p for p in read_tables(out)["problems"] if p["severity"] == "error"]
        assert (error["source_path"], error["code"], error["message"]) == (SOLLENTUNA_2018.name, code, message)


def test_the_outcome_folder_of_a_killed_run_is_removed_by_the_next_run(tmp_path, inputs, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    run = subprocess.Popen([sys.executable, "-m", "kompass", "extract", str(inputs), "--out", str(tmp_path / "out"),
                            "--no-cache", "--jobs", "1"], cwd=REPO_ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "TMPDIR": str(scratch), "KOMPASS_FAULT": "in_worker:hang"})
    assert run.stderr.readline() == "kompass: fault point in_worker reached\n"  # its worker is at work
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    [left] = [path.name for path in scratch.iterdir()]
    assert left.startswith("kompass-outcomes-")
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with held_folder("kompass-outcomes-") as live:  # another run, still going: its folder stays
        run_extract([inputs], tmp_path / "out", Options(jobs=1))
        assert [path.name for path in scratch.iterdir()] == [live.name]
    assert list(scratch.iterdir()) == []
