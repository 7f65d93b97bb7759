"""Ctrl-C and SIGTERM at any moment of a run: exit status 130 or 143, one line that says what became of the
dataset, the dataset unchanged, no worker left running and nothing left beside the dataset.

The moments are fault points (kompass.faults) where the run waits, so no test depends on timing: while
Python loads the command line (`starting`), while the inputs are found, while a worker reads, and when the
new dataset is ready to be exchanged.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_faults_run import _alive, _children, _wait_for

from helpers.paths import REPO_ROOT, TEXT_SAMPLE
from kompass.cli import main
from kompass.pipeline import Options, run_extract

pytestmark = pytest.mark.slow  # whole runs in subprocesses, stopped at each moment


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("signals")
    (work / "raw").mkdir()
    for path in TEXT_SAMPLE:
        shutil.copy(path, work / "raw")
    run_extract([work / "raw"], work / "dataset", Options(jobs=2))
    return work / "dataset"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def _stopped_at(point: str, number: int, out: Path) -> tuple[subprocess.CompletedProcess, list[int]]:
    """`python -m kompass extract` stopped by the signal where it waits at the fault point; its workers then."""
    run = subprocess.Popen([sys.executable, "-m", "kompass", "extract", str(out.parent / "raw"), "--out", str(out),
                            "--no-cache", "--jobs", "2", "--quiet"], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env={**os.environ, "KOMPASS_FAULT": f"{point}:hang"})
    try:
        assert run.stderr.readline() == f"kompass: fault point {point} reached\n"
        if point == "in_worker":
            _wait_for(lambda: len(_children(run.pid)) == 2, "the run's two workers")
    except BaseException:  # a run left waiting at its fault point would hold the dataset's lock for later tests
        run.kill()
        run.communicate()
        raise
    workers = _children(run.pid)
    os.kill(run.pid, number)
    stdout, stderr = run.communicate()
    return subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr), workers


@pytest.mark.parametrize("point", ["starting", "read_folder", "in_worker", "before_publish"])
@pytest.mark.parametrize(("number", "status", "said"), [(signal.SIGINT, 130, "interrupted"),
                                                         (signal.SIGTERM, 143, "terminated (SIGTERM)")])
def test_a_stopped_run_says_one_line_and_keeps_the_dataset(previous, point, number, status, said):
    before = _snapshot(previous)
    stopped, workers = _stopped_at(point, number, previous)
    note = "" if point == "starting" else f"; {previous} holds the previous dataset, unchanged"
    *waiting, last = stopped.stderr.splitlines()  # the second worker says it reached the point too
    assert (stopped.returncode, last, stopped.stdout) == (status, f"kompass: {said}{note}", "")
    assert set(waiting) <= {f"kompass: fault point {point} reached"}
    _wait_for(lambda: not any(map(_alive, workers)), "the workers to end with their run")
    assert _snapshot(previous) == before
    assert sorted(p.name for p in previous.parent.iterdir()) == ["dataset", "raw"]  # no staging folder, no lock


def test_a_first_run_stopped_says_that_nothing_was_written(tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(TEXT_SAMPLE[0], tmp_path / "raw")
    stopped, _ = _stopped_at("before_publish", signal.SIGINT, tmp_path / "dataset")
    assert (stopped.returncode, stopped.stderr) == (130, f"kompass: interrupted; nothing was written to "
                                                         f"{tmp_path / 'dataset'}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"]


def test_an_interrupt_after_publishing_says_so(previous, tmp_path, monkeypatch):
    out = tmp_path / "dataset"
    shutil.copytree(previous, out)
    def published_then_interrupted(roots, out_dir, options, progress):
        run_extract(roots, out_dir, options, progress)
        raise KeyboardInterrupt

    # the command imports the pipeline when it runs: patched where it looks it up
    monkeypatch.setattr("kompass.pipeline.run_extract", published_then_interrupted)
    result = CliRunner().invoke(main, ["extract", str(previous.parent / "raw"), "--out", str(out), "--no-cache",
                                         "-q"])
    assert result.exit_code == 130
    assert result.output == f"kompass: interrupted; the new dataset had been put in place at {out}\n"


@pytest.mark.parametrize("command", [["fetch", "MANIFEST"], ["export", "DATASET", "--to", "csv", "--out", "OUT"],
                                     ["report", "DATASET", "--out", "OUT"]])
def test_every_command_ends_with_one_line_and_130(previous, tmp_path, monkeypatch, command):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("url,sha256,municipality,year\nhttp://127.0.0.1:9/r.pdf,,Täby,2016\n", encoding="utf-8")
    where = {"MANIFEST": str(manifest), "DATASET": str(previous), "OUT": str(tmp_path / "out")}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    for name in ("kompass.fetch.fetch_all", "kompass.export.export", "kompass.qa_report.render_report"):
        monkeypatch.setattr(name, interrupted)
    result = CliRunner().invoke(main, [where.get(arg, arg) for arg in command] + (
        ["--dest", str(tmp_path / "raw")] if command[0] == "fetch" else []))
    assert result.exit_code == 130 and isinstance(result.exception, SystemExit)
    assert result.output.splitlines()[-1].startswith("kompass: interrupted")
    assert "Aborted!" not in result.output and "Traceback" not in result.output
