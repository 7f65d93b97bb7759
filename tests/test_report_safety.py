"""`kompass report --out` never writes over a dataset's own files or into its inputs (issue 19: the attack list's
last data loss, `kompass report DS --out DS/reports.parquet`); its own .html file may stand in the dataset's folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers.paths import RAW_DIR
from kompass.cli import main

VALLENTUNA = RAW_DIR / "004_829abb5bcc1b2b04.md"


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """work/raw holds a report, work/ds its dataset (whose run log names work/raw as its input)."""
    work = tmp_path_factory.mktemp("report_safety")
    (work / "raw").mkdir()
    (work / "raw" / VALLENTUNA.name).write_bytes(VALLENTUNA.read_bytes())
    result = CliRunner().invoke(main, ["extract", str(work / "raw"), "--out", str(work / "ds"), "--no-cache"])
    assert result.exit_code == 0, result.output
    return work


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("target", "harm"), [
    ("ds/reports.parquet", "it lies inside the dataset"),
    ("ds/datapackage.json", "it lies inside the dataset"),
    ("ds/sub/report.html", "it lies inside the dataset"),
    ("raw/report.html", "it lies inside the input"),
    (f"raw/{VALLENTUNA.name}", "it lies inside the input"),
])
def test_a_report_over_the_datasets_files_or_into_its_inputs_is_refused(work, monkeypatch, target, harm):
    before = _tree(work)
    monkeypatch.chdir(work)
    result = CliRunner().invoke(main, ["report", "ds", "--out", target])
    assert result.exit_code == 2, result.output
    assert f"refusing to write the report to {target}: {harm}" in result.output
    assert _tree(work) == before


def test_the_report_may_stand_beside_the_tables_and_replaces_its_earlier_self(work):
    for out in (work / "ds" / "report.html", work / "ds" / "qa.html", work / "ds" / "qa.html"):
        result = CliRunner().invoke(main, ["report", str(work / "ds"), "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list((work / "ds").glob(".*.partial"))
