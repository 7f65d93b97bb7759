"""An interrupted run leaves the previous dataset intact; runs on one output take turns."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from helpers.paths import PDF_DIR, REPO_ROOT, TABLE_NAMES, TEXT_SAMPLE
from kompass import writer
from kompass.cli import main
from kompass.lock import RunLock
from kompass.pipeline import Options, run_extract

pytestmark = pytest.mark.slow  # whole runs killed at each step of publishing


def _snapshot(out):
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture
def previous(tmp_path):
    out = tmp_path / "dataset"
    run_extract(TEXT_SAMPLE, out, Options(jobs=2))
    return out


def test_full_disk_while_writing_keeps_the_previous_dataset(previous, monkeypatch):
    before = _snapshot(previous)
    write_table = pq.write_table
    written = []

    def fail_after_one(table, path, **kwargs):
        if written:
            raise OSError(28, "No space left on device")
        written.append(path)
        write_table(table, path, **kwargs)

    monkeypatch.setattr(writer.pq, "write_table", fail_after_one)
    with pytest.raises(OSError, match="No space left"):
        run_extract(TEXT_SAMPLE, previous, Options(jobs=1))
    assert _snapshot(previous) == before
    assert [p.name for p in previous.parent.iterdir() if p.name.startswith(".")] == []  # no staging, no lock


def test_killed_run_keeps_the_previous_dataset_and_its_lock_is_taken_over(previous):
    before = _snapshot(previous)
    # the run kills itself where its new dataset is ready to replace the old one
    process = subprocess.Popen([sys.executable, "-m", "kompass", "extract", str(PDF_DIR / "a"), "--out", str(previous),
                                "--no-cache", "--jobs", "1"], cwd=REPO_ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env={**os.environ, "KOMPASS_FAULT": "before_publish:kill"})
    assert process.wait() == -signal.SIGKILL
    lock = previous.parent / ".dataset.lock"
    assert _snapshot(previous) == before
    assert {name: pq.read_table(previous / f"{name}.parquet").num_rows for name in TABLE_NAMES}
    assert json.loads(lock.read_text())["pid"] == process.pid  # left behind by the killed run

    run_extract(TEXT_SAMPLE, previous, Options(jobs=1))
    last = json.loads((previous / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert last["stale_lock_taken_over"] is True


def test_a_second_run_on_the_same_output_is_refused(previous):
    with RunLock(previous):
        result = CliRunner().invoke(main, ["extract", *map(str, TEXT_SAMPLE), "--out", str(previous)])
    assert result.exit_code == 2
    assert "another kompass run" in result.output and str(os.getpid()) in result.output


def test_runs_on_different_outputs_do_not_block_each_other(tmp_path):
    with RunLock(tmp_path / "one"):
        run_extract(TEXT_SAMPLE, tmp_path / "two", Options(jobs=1))
    assert (tmp_path / "two" / "reports.parquet").exists()


def test_a_dataset_left_aside_by_a_dead_run_is_put_back(previous):
    retired = previous.parent / ".dataset.retired"
    previous.rename(retired)
    assert writer.recover(previous)
    assert (previous / "reports.parquet").exists() and not retired.exists()
    assert not writer.recover(previous)


def test_the_run_log_is_carried_from_dataset_to_dataset(previous):
    run_extract(TEXT_SAMPLE, previous, Options(jobs=1))
    assert len((previous / "runs.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    result = CliRunner().invoke(main, ["extract", *map(str, TEXT_SAMPLE), "--out", str(tmp_path / "out")])
    assert "Extracting" not in result.output
    # progress lines (kompass.progress), the first warnings, then the summary
    assert result.stderr.startswith(f"kompass: 1/{len(TEXT_SAMPLE)} done, ")
    assert "kompass: warning: " in result.stderr


def test_foreign_entries_of_the_dataset_folder_stay_as_they_are(previous, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "big.bin").write_bytes(b"not to be copied")
    (previous / "loop").symlink_to("loop")  # a link to itself: following it never ends
    (previous / "archive").symlink_to(elsewhere)
    notes = previous / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("my notes", encoding="utf-8")
    (notes / "up").symlink_to("..")  # a folder that holds its own parent
    inode = (notes / "mine.txt").stat().st_ino
    for _ in range(2):
        run_extract(TEXT_SAMPLE, previous, Options(jobs=1))
    assert str((previous / "loop").readlink()) == "loop"
    assert (previous / "archive").readlink() == elsewhere
    assert str((notes / "up").readlink()) == ".."
    assert (notes / "mine.txt").stat().st_ino == inode  # the same file, not a copy
    assert (notes / "mine.txt").read_text(encoding="utf-8") == "my notes"
    assert len((previous / "runs.jsonl").read_text(encoding="utf-8").splitlines()) == 3
