"""`kompass export`: the dataset as SQLite (keys, views, datasette's metadata), DuckDB (keys, comments) and CSV
with a datapackage that validates; the format from OUT's suffix, the dataset data/processed by default."""
from __future__ import annotations

import json
import shutil
import sqlite3

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from test_datapackage_validates import errors_by_table, frictionless_validate

from kompass import export as export_module
from kompass.cli import main
from kompass.publication import primary_key
from kompass.schema import TABLES, foreign_keys

SQLITE_MAGIC = b"SQLite format 3\x00"  # a SQLite file's first 16 bytes
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 12 of a DuckDB file, after its header's checksum


def run_export(dataset, file_format, out, *extra):
    return CliRunner().invoke(main, ["export", str(dataset), "--to", file_format, "--out", str(out), *extra])


def run_command(*args):
    return CliRunner().invoke(main, ["export", *map(str, args)])


@pytest.fixture(scope="module")
def sqlite_file(extracted, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "kompass.sqlite"
    result = run_export(extracted.out, "sqlite", out)
    assert result.exit_code == 0, result.output
    metadata = out.parent / "kompass.metadata.json"
    assert result.stdout == f"kompass: wrote {out} (sqlite) and its datasette metadata {metadata}\n"
    return out


@pytest.fixture(scope="module")
def duckdb_file(extracted, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "kompass.duckdb"
    result = run_export(extracted.out, "duckdb", out)
    assert result.exit_code == 0 and result.stdout == f"kompass: wrote {out} (duckdb)\n", result.output
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


def test_sqlite_has_datasettes_metadata_beside_it(sqlite_file):
    metadata = json.loads((sqlite_file.parent / "kompass.metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] == "KommunKompassen evaluation reports"
    assert metadata["license"] == "CC-BY-4.0"
    assert list(metadata["databases"]) == ["kompass"]  # datasette names a database by its file's stem
    tables = metadata["databases"]["kompass"]["tables"]
    assert list(tables) == [table.name for table in TABLES]
    for table in TABLES:
        assert tables[table.name] == {"description": table.description,
                                      "columns": {c.name: c.description for c in table.columns}}
    assert tables["findings"]["columns"]["kind_guess_reason"] == "The cue behind kind_guess."
    with sqlite3.connect(sqlite_file) as connection:  # every table and column it describes is in the file
        for name, described in tables.items():
            assert [row[1] for row in connection.execute(f'PRAGMA table_info("{name}")')] == list(described["columns"])


def test_duckdb_file(extracted, duckdb_file):
    with duckdb.connect(str(duckdb_file), read_only=True) as connection:
        assert connection.execute("SELECT sum(total_score) FROM scores").fetchone()[0] == sum(
            row["total_score"] or 0 for row in extracted.tables["scores"])
        assert connection.execute("SELECT count(*) FROM area_scores").fetchone()[0] == len(extracted.tables["areas"])
        for name, rows in extracted.tables.items():
            assert connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] == len(rows), name
        [(evaluators, report_date)] = connection.execute(
            "SELECT evaluators, report_date FROM reports WHERE report_id = 'vallentuna-2019'").fetchall()
    report = next(row for row in extracted.tables["reports"] if row["report_id"] == "vallentuna-2019")
    assert (evaluators, report_date) == (report["evaluators"], report["report_date"])  # a list, a date


def _duckdb_constraints(connection, kind):
    rows = connection.execute("SELECT table_name, constraint_column_names, referenced_table, referenced_column_names "
                              "FROM duckdb_constraints() WHERE constraint_type = ?", [kind]).fetchall()
    return sorted(rows, key=str)


def test_duckdb_has_the_keys_of_the_schema(duckdb_file):
    with duckdb.connect(str(duckdb_file), read_only=True) as connection:
        primary = {table: columns for table, columns, _, _ in _duckdb_constraints(connection, "PRIMARY KEY")}
        references = _duckdb_constraints(connection, "FOREIGN KEY")
    assert primary == {table.name: primary_key(table) for table in TABLES if primary_key(table)}
    assert primary["findings"] == ["report_id", "area_no", "kind", "position"]
    assert "prior_scores" not in primary and "problems" not in primary  # their keys hold nulls
    assert references == sorted([(table.name, [ref.column], ref.table, [ref.target]) for table in TABLES
                                 for ref in foreign_keys(table)], key=str)
    assert ("problems", ["code"], "problem_codes", ["code"]) in references
    assert not any(table == "corrections" for table, *_ in references)  # a correction may name a missing report


def test_duckdb_columns_have_the_schemas_types_and_not_nulls(duckdb_file):
    with duckdb.connect(str(duckdb_file), read_only=True) as connection:
        columns = {(table, column): (data_type, nullable) for table, column, data_type, nullable in connection.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() WHERE NOT internal "
            "AND table_name IN (SELECT table_name FROM duckdb_tables())").fetchall()}
    assert {key: nullable for key, (_, nullable) in columns.items()} == {
        (table.name, c.name): c.nullable for table in TABLES for c in table.columns}
    assert [columns["findings", name][0] for name in ("area_no", "position", "lemmas", "bbox", "source_span")] == [
        "TINYINT", "SMALLINT", "VARCHAR[]", "FLOAT[]", "INTEGER[]"]
    assert [columns["reports", name][0] for name in ("report_date", "complete", "report_id")] == [
        "DATE", "BOOLEAN", "VARCHAR"]
    assert columns["subquestions", "percent"][0] == "DOUBLE"


def test_duckdb_refuses_rows_the_keys_forbid(duckdb_file, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(duckdb_file, copy)
    with duckdb.connect(str(copy)) as connection:
        with pytest.raises(duckdb.ConstraintException, match="foreign key"):
            connection.execute("INSERT INTO problems VALUES ('x.md', NULL, 'error', 'no_such_code', 'm', NULL)")
        with pytest.raises(duckdb.ConstraintException, match="foreign key"):
            connection.execute("INSERT INTO scores (report_id, municipality, year, criteria_version) "
                               "VALUES ('nowhere-1999', 'Nowhere', 1999, '2.0')")
        with pytest.raises(duckdb.ConstraintException, match="(?i)duplicate key"):
            connection.execute("INSERT INTO problem_codes SELECT * FROM problem_codes LIMIT 1")
        with pytest.raises(duckdb.ConstraintException, match="NOT NULL"):
            connection.execute("INSERT INTO problem_codes VALUES ('new_code', 'info', 'run', NULL)")
        # a null report_id refers to nothing, as a problem of the run itself does
        connection.execute("INSERT INTO problems VALUES ('x.md', NULL, 'error', 'no_text_layer', 'm', NULL)")


def test_duckdb_comments_are_the_schemas_descriptions(duckdb_file):
    with duckdb.connect(str(duckdb_file), read_only=True) as connection:
        tables = dict(connection.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall())
        columns = {(table, column): comment for table, column, comment in connection.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() "
            "WHERE table_name IN (SELECT table_name FROM duckdb_tables())").fetchall()}
    assert tables == {table.name: table.description for table in TABLES}
    assert columns == {(table.name, c.name): c.description for table in TABLES for c in table.columns}
    assert "'" in columns["reports", "source_sha256"] + columns["catalog_areas", "title"]  # quotes kept whole


def test_a_dataset_that_breaks_its_keys_is_not_exported_to_duckdb(extracted, tmp_path):
    dataset = tmp_path / "ds"
    shutil.copytree(extracted.out, dataset)
    areas = pq.read_table(dataset / "areas.parquet")
    report_ids = ["nowhere-1999", *areas.column("report_id").to_pylist()[1:]]
    pq.write_table(areas.set_column(0, areas.schema.field(0), pa.array(report_ids, pa.string())),
                   dataset / "areas.parquet")
    result = run_export(dataset, "duckdb", tmp_path / "k.duckdb")
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"kompass: the dataset {dataset} breaks its own keys (")
    assert "nowhere-1999" in result.output and result.output.endswith("; extract it again\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ds"]


@pytest.mark.parametrize(("name", "file_format"), [("k.sqlite3", "sqlite"), ("k.DB", "sqlite"), ("k.ddb", "duckdb"),
                                                   ("k-csv/", "csv"), ("k-csv", "csv")])
def test_the_format_is_told_by_outs_suffix(extracted, tmp_path, name, file_format):
    result = run_command(extracted.out, "--out", tmp_path / name)
    out = tmp_path / name.rstrip("/")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"kompass: wrote {out} ({file_format})")
    if file_format == "csv":
        assert sorted(path.name for path in out.iterdir()) == sorted(
            ["datapackage.json", *(f"{table.name}.csv" for table in TABLES)])
    elif file_format == "sqlite":
        assert out.read_bytes()[:16] == SQLITE_MAGIC
    else:
        assert out.read_bytes()[8:12] == DUCKDB_MAGIC


def test_to_wins_over_outs_suffix(extracted, tmp_path):
    result = run_command(extracted.out, "--to", "csv", "--out", tmp_path / "k.sqlite")
    assert result.exit_code == 0 and result.stdout == f"kompass: wrote {tmp_path / 'k.sqlite'} (csv)\n"
    assert (tmp_path / "k.sqlite" / "reports.csv").is_file()


@pytest.mark.parametrize("name", ["k.xlsx", "k.csv", "k.parquet"])
def test_a_suffix_that_names_no_format_is_a_usage_error(extracted, tmp_path, name):
    result = run_command(extracted.out, "--out", tmp_path / name)
    assert result.exit_code == 2
    assert f"the suffix .{name.split('.')[1]} of {tmp_path / name} names no format: pass --to sqlite, duckdb or " \
           "csv" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_dataset_is_data_processed_by_default(extracted, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = run_command("--out", "k.sqlite")
    assert missing.exit_code == 2
    assert "there is no dataset at data/processed; `kompass extract --out data/processed` writes one" in \
        missing.output
    shutil.copytree(extracted.out, tmp_path / "data" / "processed")
    result = run_command("--out", "k.sqlite")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "k.sqlite") as connection:
        assert connection.execute("SELECT count(*) FROM reports").fetchone()[0] == len(extracted.tables["reports"])


def test_every_parquet_field_carries_its_description(extracted):
    for table in TABLES:
        schema = pq.read_table(extracted.out / f"{table.name}.parquet").schema
        assert [schema.field(c.name).metadata for c in table.columns] == [
            {b"description": c.description.encode()} for c in table.columns], table.name
    assert pq.read_schema(extracted.out / "findings.parquet").field("kind_guess_reason").metadata == {
        b"description": b"The cue behind kind_guess."}


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
