"""`kompass export`: the dataset as SQLite (keys, views), DuckDB and CSV with a datapackage that validates."""
from __future__ import annotations

import json
import sqlite3

import duckdb
import pytest
from click.testing import CliRunner
from test_datapackage_validates import errors_by_table, frictionless_validate

from kompass import export as export_module
from kompass.cli import main


def run_export(dataset, file_format, out, *extra):
    return CliRunner().invoke(main, ["export", str(dataset), "--to", file_format, "--out", str(out), *extra])


@pytest.fixture(scope="module")
def sqlite_file(extracted, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "kompass.sqlite"
    result = run_export(extracted.out, "sqlite", out)
    assert result.exit_code == 0 and result.stdout == f"kompass: wrote {out} (sqlite)\n", result.output
    return out


def test_sqlite_holds_every_table_with_its_rows(sqlite_file, extracted):
    with sqlite3.connect(sqlite_file) as connection:
        for name, rows in extracted.tables.items():
            assert connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(rows), name
        [evaluators] = connection.execute("SELECT evaluators FROM reports WHERE report_id = ?",
                                          ("vallentuna-2019",)).fetchone()
    report = next(row for row in extracted.tables["reports"] if row["report_id"] == "vallentuna-2019")
    assert json.loads(evaluators) == report["evaluators"]


def test_sqlite_has_keys_and_views(sqlite_file, extracted):
    with sqlite3.connect(sqlite_file) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        keys = {row[2]: row[3] for row in connection.execute("PRAGMA foreign_key_list(problems)")}
        assert keys == {"reports": "report_id", "problem_codes": "code"}  # a run's own problem has no document
        primary = [row[1] for row in connection.execute("PRAGMA table_info(findings)") if row[5]]
        assert primary == ["report_id", "area_no", "kind", "position"]
        area_scores = connection.execute("SELECT municipality, year, area_no, score FROM area_scores "
                                         "WHERE report_id = 'vallentuna-2019' ORDER BY area_no").fetchall()
    areas = [row for row in extracted.tables["areas"] if row["report_id"] == "vallentuna-2019"]
    assert area_scores == [("Vallentuna", 2019, row["area_no"], row["score"]) for row in areas]


def test_duckdb_file(extracted, tmp_path):
    out = tmp_path / "kompass.duckdb"
    assert run_export(extracted.out, "duckdb", out).exit_code == 0
    with duckdb.connect(str(out), read_only=True) as connection:
        assert connection.execute("SELECT sum(total_score) FROM scores").fetchone()[0] == sum(
            row["total_score"] or 0 for row in extracted.tables["scores"])
        assert connection.execute("SELECT count(*) FROM area_scores").fetchone()[0] == len(extracted.tables["areas"])


def test_csv_folder_validates_with_its_datapackage(extracted, tmp_path):
    out = tmp_path / "csv"
    assert run_export(extracted.out, "csv", out).exit_code == 0
    report = frictionless_validate(out / "datapackage.json")
    assert report["valid"], errors_by_table(report)
    assert len(report["tasks"]) == len(extracted.tables)
    assert (out / "scores.csv").read_text(encoding="utf-8").splitlines()[0].startswith("report_id,municipality,")


def test_an_existing_target_is_refused_unless_forced(extracted, tmp_path):
    out = tmp_path / "kompass.sqlite"
    out.write_text("keep me")
    refused = run_export(extracted.out, "sqlite", out)
    assert refused.exit_code == 2 and "exists; --force replaces it" in refused.output
    assert out.read_text() == "keep me"
    assert run_export(extracted.out, "sqlite", out, "--force").exit_code == 0
    with sqlite3.connect(out) as connection:
        assert connection.execute("SELECT count(*) FROM reports").fetchone()[0] == len(extracted.tables["reports"])


def test_a_directory_that_is_no_dataset_is_named(tmp_path):
    result = run_export(tmp_path, "csv", tmp_path / "out")
    assert result.exit_code == 2 and f"{tmp_path} is not a kompass dataset" in result.output
    assert not (tmp_path / "out").exists()


def test_an_interrupted_export_leaves_no_file(extracted, tmp_path, monkeypatch):
    def interrupted(dataset, target, settings):
        target.write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setitem(export_module._WRITERS, "sqlite", interrupted)
    out = tmp_path / "kompass.sqlite"
    with pytest.raises(KeyboardInterrupt):
        export_module.export(extracted.out, "sqlite", out)
    assert list(tmp_path.iterdir()) == []
