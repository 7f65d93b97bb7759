"""Killed runs, unwritable outputs, full disks: the dataset survives, nothing is left running or behind.

Faults come from the explicit test hook KOMPASS_FAULT (kompass.faults), so no
test depends on timing, on slow reading or on not running as root.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers.paths import RAW_DIR, REPO_ROOT, TABLE_NAMES
from helpers.runs import read_tables
from kompass.cli import main
from kompass.lock import RunLock
from kompass.pipeline import Options, run_extract

DEADLINE = 60  # seconds: only a bound on waiting for a state the test needs, never what it measures


def _snapshot(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def _beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture
def previous(tmp_path) -> Path:
    out = tmp_path / "dataset"
    run_extract([RAW_DIR], out, Options(jobs=2))
    return out


def _extract_process(out: Path, fault: str) -> subprocess.Popen:
    environment = {**os.environ, "KOMPASS_FAULT": fault}
    return subprocess.Popen([sys.executable, "-m", "kompass", "extract", str(RAW_DIR), "--out", str(out),
                             "--no-cache", "--jobs", "2"], cwd=REPO_ROOT, env=environment,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; here nothing may reap it


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def test_workers_die_with_a_killed_run_and_the_output_is_not_left_locked(previous):
    before = _snapshot(previous)
    run = _extract_process(previous, "in_worker:hang")
    _wait_for(lambda: len(_children(run.pid)) == 2, "the run's two workers")
    workers = _children(run.pid)
    os.kill(run.pid, signal.SIGKILL)  # the run only, as a kill of its PID would (SIGTERM: tests/test_signals.py)
    run.wait()
    _wait_for(lambda: not any(map(_alive, workers)), "the workers to end with their run")
    assert _snapshot(previous) == before
    with RunLock(previous) as lock:  # not refused: no one holds the lock any more
        assert lock.previous is not None and lock.previous["pid"] == run.pid


def test_a_process_forked_by_the_lock_holder_does_not_keep_the_lock(tmp_path):
    out = tmp_path / "dataset"
    # the holder forks a child that outlives it, then dies without releasing the lock, as a killed run would
    script = ("import os, sys, time\nfrom pathlib import Path\nfrom kompass.lock import RunLock\n"
              f"lock = RunLock(Path({str(out)!r})).__enter__()\n"
              "child = os.fork()\n"
              "if child == 0:\n"
              "    null = os.open(os.devnull, os.O_WRONLY)\n"
              "    os.dup2(null, 1)\n    os.dup2(null, 2)\n"  # so that the holder's output can end
              "    time.sleep(600)\n    os._exit(0)\n"
              "print(child, flush=True)\nos._exit(0)\n")
    holder = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True,
                            check=True)
    child = int(holder.stdout)
    try:
        assert _alive(child)
        with RunLock(out) as lock:
            assert lock.previous is not None and lock.previous["pid"] != child
    finally:
        os.kill(child, signal.SIGKILL)


def test_a_run_killed_before_publishing_leaves_the_dataset_and_the_next_run_cleans_up(previous):
    before = _snapshot(previous)
    run = _extract_process(previous, "before_publish:kill")
    assert run.wait() == -signal.SIGKILL
    assert _snapshot(previous) == before
    assert _beside(previous) == [".dataset.lock", f".dataset.staging-{run.pid}"]
    run_extract([RAW_DIR], previous, Options(jobs=2))
    assert _beside(previous) == []
    assert len(read_tables(previous)["reports"]) == 3


@pytest.mark.parametrize(("fault", "reason"), [("write_dataset:enospc", "No space left on device"),
                                               ("write_dataset:eacces", "Permission denied")])
def test_a_full_or_read_only_output_is_a_message_and_exit_3(previous, monkeypatch, fault, reason):
    before = _snapshot(previous)
    monkeypatch.setenv("KOMPASS_FAULT", fault)
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(previous), "--no-cache", "-q"])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 3
    assert result.output == (f"kompass: cannot write the dataset {previous}: {reason}; "
                             "the previous dataset, if any, was kept\n")
    assert _snapshot(previous) == before
    assert _beside(previous) == []


def test_an_output_under_a_regular_file_is_a_message_and_exit_3(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(blocker / "dataset"), "--no-cache", "-q"])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 3
    assert result.output.startswith(f"kompass: cannot write the dataset {blocker / 'dataset'}: ")
    assert len(result.output.splitlines()) == 1
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("damage", ["garbage", "empty"])
def test_report_on_a_damaged_dataset_is_a_message_and_exit_3(previous, damage):
    (previous / "reports.parquet").write_bytes(b"PAR1 not really" if damage == "garbage" else b"")
    result = CliRunner().invoke(main, ["report", str(previous)])
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit)
    assert f"cannot read the dataset {previous}" in result.output and "extract it again" in result.output
    assert not (previous / "report.html").exists()


def test_an_unreadable_input_behind_a_published_report_keeps_the_dataset(previous, monkeypatch):
    before = _snapshot(previous)
    monkeypatch.setenv("KOMPASS_FAULT", "read_input:eacces")
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(previous), "--no-cache", "-q"])
    assert result.exit_code == 3, result.output
    assert result.output == ("kompass: nothing published: 3 input(s) behind reports of the dataset failed for a "
                             "reason that is this run's, not theirs (000_c7b2db4eead6c9d1.txt cannot be read: "
                             "permission denied; 004_829abb5bcc1b2b04.md cannot be read: permission denied; "
                             f"kk-0aecb26ddfde.pdf cannot be read: permission denied); the dataset in {previous} "
                             "was kept\n")
    assert _snapshot(previous) == before


def test_unreadable_inputs_without_a_previous_dataset_are_error_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPASS_FAULT", "read_input:eacces")
    result = CliRunner().invoke(main, ["extract", str(RAW_DIR), "--out", str(tmp_path / "out"), "--no-cache", "-q"])
    assert result.exit_code == 1, result.output
    problems = read_tables(tmp_path / "out")["problems"]
    assert {(p["source_path"], p["code"], p["severity"]) for p in problems} == {
        (path.name, "unreadable_file", "error") for path in RAW_DIR.iterdir()}


def test_a_memory_blow_up_in_a_decoder_is_extraction_memory(tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPASS_FAULT", "in_worker:memory")
    run_extract([RAW_DIR], tmp_path / "out", Options(jobs=2))
    codes = {p["code"] for p in read_tables(tmp_path / "out")["problems"] if p["severity"] == "error"}
    assert codes == {"extraction_memory"}


def test_every_table_is_still_published_after_a_stale_lock_and_staging_folder(previous):
    (previous.parent / ".dataset.staging-999999").mkdir()
    (previous.parent / ".dataset.staging-999999" / "reports.parquet").write_bytes(b"half")
    (previous.parent / ".dataset.lock").write_text('{"pid": 999999}', encoding="utf-8")
    run_extract([RAW_DIR], previous, Options(jobs=1))
    assert _beside(previous) == []
    assert all(len(read_tables(previous)[name]) >= 0 for name in TABLE_NAMES)
    assert len(read_tables(previous)["reports"]) == 3
