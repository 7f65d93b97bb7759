"""One document's crash, hang or memory blow-up is that document's error, never the run's."""
from __future__ import annotations

import ctypes
import faulthandler
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import OcrSettings
from helpers.paths import TEXT_SAMPLE
from helpers.runs import read_tables
from kompass import pipeline
from kompass.cli import main
from kompass.pipeline import Options, run_extract
from kompass.workers import Limits

pytestmark = pytest.mark.slow  # a run whose worker hangs until its time limit


def _address_space_mb() -> int:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(status.split("VmSize:")[1].split()[0]) // 1024


def _misbehaving(original):
    def read(path, source_path, data=None, *settings):
        if path.name == "hang.txt":
            time.sleep(120)
        if path.name == "crash.txt":  # a reader's bug
            faulthandler.disable()  # pytest's, inherited by the worker: no traceback in the output
            ctypes.string_at(0)
        if path.name == "killed.txt":  # by the kernel's OOM killer, say
            os.kill(os.getpid(), signal.SIGKILL)
        if path.name == "memory.txt":
            hog = bytearray(4 * 1024 ** 3)
            hog[0] = 1
        return original(path, source_path, data, *settings)
    return read


def test_bad_documents_fail_alone(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in TEXT_SAMPLE:
        shutil.copy(path, raw)
    for name in ("hang.txt", "crash.txt", "killed.txt", "memory.txt"):
        (raw / name).write_text("Område 1 Offentlighet och demokrati", encoding="utf-8")
    monkeypatch.setattr(pipeline, "read_document", _misbehaving(pipeline.read_document))
    # only the hanging document gets a short limit: the others never race a clock on a busy machine
    monkeypatch.setattr(pipeline, "_timeout", lambda task, options: 2 if task.path.name == "hang.txt" else 600)
    limits = Limits(timeout=600, memory_mb=_address_space_mb() + 600)
    summary = run_extract([raw], tmp_path / "out", Options(jobs=2, limits=limits))
    tables = read_tables(tmp_path / "out")
    errors = {(p["source_path"], p["code"]) for p in tables["problems"] if p["severity"] == "error"}
    assert errors == {("hang.txt", "extraction_timeout"), ("crash.txt", "extraction_crashed"),
                      ("killed.txt", "worker_unavailable"), ("memory.txt", "extraction_memory")}
    assert summary.reports == 3
    assert len(tables["reports"]) == 3
    messages = {p["source_path"]: p["message"] for p in tables["problems"] if p["severity"] == "error"}
    assert "2 seconds" in messages["hang.txt"] and "signal 11" in messages["crash.txt"]
    assert "killed from outside (signal 9)" in messages["killed.txt"]


def test_a_scans_time_limit_grows_by_its_pages_up_to_ten_times_the_limit(tmp_path):
    for pages, mode, expected in [(2, "auto", 60 + 2 * 30), (200, "auto", 10 * 60), (200, "never", 60)]:
        path = tmp_path / f"{pages}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + b"<< /Type /Page >>\n" * pages)  # pages as the parent counts them
        options = Options(limits=Limits(timeout=60, memory_mb=None), ocr=OcrSettings(mode=mode))
        assert pipeline._timeout(pipeline._task(path, path.name, options), options) == expected


def test_the_help_of_timeout_says_the_rule_the_pipeline_follows():
    help_text = " ".join(CliRunner().invoke(main, ["extract", "--help"]).output.split())
    assert (f"A PDF that OCR may read gets {pipeline.OCR_PAGE_SECONDS:g} seconds more for each of its pages, up to "
            f"{pipeline.OCR_TIMEOUT_FACTOR} times this limit in all.") in help_text
