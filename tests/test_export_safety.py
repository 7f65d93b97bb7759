"""`kompass export` under attack: it never harms the dataset or its inputs, writes no formula into a CSV cell,
keeps the old export until the new one is in place, and says why it cannot read a damaged dataset."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers.paths import RAW_DIR, REPO_ROOT
from kompass import export as export_module
from kompass.cli import main

VALLENTUNA = RAW_DIR / "004_829abb5bcc1b2b04.md"
# a report whose texts and file name begin as spreadsheet formulas do
FORMULAS = {"• Uppdatera eller ta bort appar": '• =HYPERLINK("http://evil.example") Uppdatera eller ta bort appar',
            "• Samla länkarna": "• +Samla länkarna", "• Jämföra resultat med andra": "• -Jämföra resultat med andra",
            "• Strategi för demokratiutveckling": "• @Strategi för demokratiutveckling"}
SOURCE_NAME = "=cmd.md"


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """work/raw holds the report, work/ds its dataset (whose run log names work/raw as its input)."""
    work = tmp_path_factory.mktemp("export_safety")
    (work / "raw").mkdir()
    text = VALLENTUNA.read_text(encoding="utf-8")
    for plain, formula in FORMULAS.items():
        assert plain in text
        text = text.replace(plain, formula, 1)
    (work / "raw" / SOURCE_NAME).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(work / "raw"), "--out", str(work / "ds"), "--no-cache"])
    assert result.exit_code == 0, result.output
    return work


def _export(dataset: Path, file_format: str, out: Path | str, *extra: str):
    return CliRunner().invoke(main, ["export", str(dataset), "--to", file_format, "--out", str(out), *extra])


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize(("file_format", "target", "harm"), [
    ("csv", ".", "it holds the dataset"),
    ("sqlite", "ds", "it is the dataset"),
    ("csv", "ds/csv", "it lies inside the dataset"),
    ("sqlite", "ds/reports.parquet", "it lies inside the dataset"),
    ("csv", "raw", "it is the input"),
    ("sqlite", f"raw/{SOURCE_NAME}", "it lies inside the input"),
])
def test_a_target_that_is_holds_or_lies_in_the_dataset_or_an_input_is_refused(work, monkeypatch, file_format,
                                                                               target, harm):
    before = _tree(work)
    monkeypatch.chdir(work)
    result = _export(Path("ds"), file_format, target, "--force")
    assert result.exit_code == 2, result.output
    assert f"refusing to export to {target}: {harm}" in result.output
    assert _tree(work) == before


def test_a_link_to_the_dataset_is_refused_too(work, tmp_path):
    (tmp_path / "shortcut").symlink_to(work / "ds")
    result = _export(work / "ds", "sqlite", tmp_path / "shortcut", "--force")
    assert result.exit_code == 2 and "it is the dataset" in result.output
    assert (work / "ds" / "reports.parquet").is_file()


def _csv_rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_cells_that_begin_like_formulas_get_an_apostrophe(work, tmp_path):
    assert _export(work / "ds", "csv", tmp_path / "csv").exit_code == 0
    findings = [row["text"] for row in _csv_rows(tmp_path / "csv", "findings")]
    assert findings[:3] == ["'=HYPERLINK(\"http://evil.example\") Uppdatera eller ta bort appar/länkar till sociala "
                            "medier som inte används", "'+Samla länkarna till kommunens alla sociala medier på en sida",
                            "'-Jämföra resultat med andra kommuner och göra de lätt tillgängliga för invånarna"]
    assert _csv_rows(tmp_path / "csv", "rubrics")[0]["text"] == "'@Strategi för demokratiutveckling och information"
    assert {row["source_path"] for row in _csv_rows(tmp_path / "csv", "documents")} == {"'" + SOURCE_NAME}
    tables = ("findings", "rubrics", "documents", "sections", "areas")
    assert not any(cell.startswith(("=", "+", "-", "@")) for table in tables
                   for row in _csv_rows(tmp_path / "csv", table) for cell in row.values())
    description = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))["description"]
    assert "leading apostrophe (') that is not part of the value" in description


def test_raw_csv_writes_the_text_unchanged_and_says_so(work, tmp_path):
    assert _export(work / "ds", "csv", tmp_path / "csv", "--raw-csv").exit_code == 0
    assert _csv_rows(tmp_path / "csv", "findings")[1]["text"] == "+Samla länkarna till kommunens alla sociala " \
                                                                 "medier på en sida"
    assert _csv_rows(tmp_path / "csv", "documents")[0]["source_path"] == SOURCE_NAME
    description = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))["description"]
    assert "Text cells are written unchanged" in description
    refused = _export(work / "ds", "sqlite", tmp_path / "x.sqlite", "--raw-csv")
    assert refused.exit_code == 2 and "--raw-csv applies to --to csv only" in refused.output


def test_sqlite_keeps_the_text_as_it_is(work, tmp_path):
    assert _export(work / "ds", "sqlite", tmp_path / "k.sqlite").exit_code == 0
    with sqlite3.connect(tmp_path / "k.sqlite") as connection:
        assert connection.execute("SELECT source_path FROM documents").fetchall() == [(SOURCE_NAME,)]


@pytest.mark.parametrize("file_format", ["sqlite", "csv"])
def test_an_export_killed_before_the_exchange_leaves_the_old_one_in_place(work, tmp_path, file_format):
    out = tmp_path / "export"
    assert _export(work / "ds", "csv" if file_format == "sqlite" else "sqlite", out).exit_code == 0  # the other kind
    before = _tree(out) if out.is_dir() else out.read_bytes()
    killed = subprocess.run([sys.executable, "-m", "kompass", "export", str(work / "ds"), "--to", file_format,
                             "--out", str(out), "--force"], cwd=REPO_ROOT, capture_output=True,
                            env={**os.environ, "KOMPASS_FAULT": "before_export:kill"})
    assert killed.returncode == -signal.SIGKILL
    assert (_tree(out) if out.is_dir() else out.read_bytes()) == before
    # a SQLite export's datasette metadata is put in place after the export: here only the first (SQLite) export's
    assert (tmp_path / "export.metadata.json").exists() == (file_format == "csv")
    assert _export(work / "ds", file_format, out, "--force").exit_code == 0  # and the next export cleans up
    assert out.is_dir() == (file_format == "csv")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["export", "export.metadata.json"]


def test_the_datasette_metadata_never_replaces_the_dataset(work, tmp_path):
    dataset = tmp_path / "k.metadata.json"  # where the metadata of k.sqlite would go
    shutil.copytree(work / "ds", dataset)
    before = _tree(dataset)
    result = _export(dataset, "sqlite", tmp_path / "k.sqlite", "--force")
    assert result.exit_code == 2, result.output
    assert f"refusing to export to {dataset}: it is the dataset {dataset}" in result.output
    assert _tree(dataset) == before and sorted(path.name for path in tmp_path.iterdir()) == ["k.metadata.json"]


def test_existing_datasette_metadata_is_replaced_only_when_forced(work, tmp_path):
    metadata = tmp_path / "k.metadata.json"
    metadata.write_text("keep me", encoding="utf-8")
    refused = _export(work / "ds", "sqlite", tmp_path / "k.sqlite")
    assert refused.exit_code == 2 and f"{metadata} exists; --force replaces it" in refused.output
    assert metadata.read_text(encoding="utf-8") == "keep me" and not (tmp_path / "k.sqlite").exists()
    assert _export(work / "ds", "sqlite", tmp_path / "k.sqlite", "--force").exit_code == 0
    assert list(json.loads(metadata.read_text(encoding="utf-8"))["databases"]) == ["k"]


@pytest.mark.parametrize("file_format", ["sqlite", "duckdb", "csv"])
@pytest.mark.parametrize("damage", [b"PAR1 not really", b""])
def test_a_damaged_dataset_is_a_sentence_and_exit_3(work, tmp_path, file_format, damage):
    dataset = tmp_path / "ds"
    shutil.copytree(work / "ds", dataset)
    (dataset / "findings.parquet").write_bytes(damage)
    result = _export(dataset, file_format, tmp_path / "out")
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith(f"kompass: cannot read the dataset {dataset} (")
    assert result.output.endswith("; extract it again\n") and len(result.output.splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ds"]


def test_a_full_disk_is_a_sentence_and_exit_3(work, tmp_path, monkeypatch):
    monkeypatch.setenv("KOMPASS_FAULT", "before_export:enospc")
    result = _export(work / "ds", "sqlite", tmp_path / "k.sqlite")
    assert result.exit_code == 3
    assert result.output == f"kompass: cannot write {tmp_path / 'k.sqlite'}: No space left on device\n"
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_export_says_the_old_one_is_in_place(work, tmp_path, monkeypatch):
    out = tmp_path / "k.sqlite"
    out.write_text("the old export", encoding="utf-8")

    def interrupted(dataset, target, settings):
        target.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setitem(export_module._WRITERS, "sqlite", interrupted)
    result = _export(work / "ds", "sqlite", out, "--force")
    assert result.exit_code == 130
    assert result.output == f"kompass: interrupted; {out} holds the previous export, unchanged\n"
    assert out.read_text(encoding="utf-8") == "the old export"
    assert list(tmp_path.iterdir()) == [out]
