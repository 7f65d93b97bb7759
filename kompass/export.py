"""`kompass export`: a dataset as one SQLite file, one DuckDB file or a folder of CSV files with a datapackage.

SQLite is what datasette, sqlite-utils, spreadsheets and R's RSQLite open
directly; it gets primary and foreign keys from kompass.schema and views for
the common joins. Lists (evaluators, lemmas) become JSON text. The export is
written under a temporary name beside OUT and renamed into place when
complete, so an interrupted export leaves no half-written file.
"""
from __future__ import annotations

import csv
import datetime
import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow as pa

from kompass.publication import datapackage
from kompass.schema import TABLES, Column, TableSchema, foreign_keys

FORMATS = ("sqlite", "duckdb", "csv")
DATAPACKAGE = "datapackage.json"
VIEWS = {
    "area_scores": "SELECT a.report_id, r.municipality, r.municipality_code, r.year, r.criteria_version, a.area_no, "
                   "a.area_id, a.comparison_group, a.title, a.score FROM areas a JOIN reports r USING (report_id)",
    "document_problems": "SELECT d.source_path, d.status, p.severity, p.code, p.page, p.message, c.meaning "
                         "FROM problems p JOIN documents d USING (source_path) JOIN problem_codes c USING (code)",
}


class ExportError(Exception):
    """The export cannot be made (not a dataset, the target exists): a usage error."""


def _sql_type(column: Column) -> str:
    kind = column.type
    if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
        return "INTEGER"
    return "REAL" if pa.types.is_floating(kind) else "TEXT"


def _cell(value: object) -> object:
    """A value as SQLite and CSV hold it: lists as JSON text, dates as ISO text."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _rows(dataset: Path, table: TableSchema) -> list[list[object]]:
    import pyarrow.parquet as pq

    data = pq.read_table(dataset / f"{table.name}.parquet", columns=[c.name for c in table.columns])
    return [[_cell(value) for value in row.values()] for row in data.to_pylist()]


def _create_table(table: TableSchema) -> str:
    parts = [f'"{c.name}" {_sql_type(c)}{"" if c.nullable else " NOT NULL"}' for c in table.columns]
    if not {c.name for c in table.columns if c.nullable} & set(table.key):
        parts.append("PRIMARY KEY (" + ", ".join(f'"{name}"' for name in table.key) + ")")
    parts += [f'FOREIGN KEY ("{ref.column}") REFERENCES "{ref.table}" ("{ref.target}")' for ref in foreign_keys(table)]
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _write_sqlite(dataset: Path, target: Path) -> None:
    connection = sqlite3.connect(target)
    try:
        for table in TABLES:
            connection.execute(_create_table(table))
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', _rows(dataset, table))
        for name, query in VIEWS.items():
            connection.execute(f'CREATE VIEW "{name}" AS {query}')
        connection.commit()
    finally:
        connection.close()


def _write_duckdb(dataset: Path, target: Path) -> None:
    try:
        import duckdb
    except ImportError:
        raise ExportError("--to duckdb needs the duckdb package: pip install duckdb") from None

    connection = duckdb.connect(str(target))
    try:
        for table in TABLES:
            path = str(dataset / f"{table.name}.parquet").replace("'", "''")
            connection.execute(f'CREATE TABLE "{table.name}" AS SELECT * FROM read_parquet(\'{path}\')')
        for name, query in VIEWS.items():
            connection.execute(f'CREATE VIEW "{name}" AS {query}')
    finally:
        connection.close()


def _write_csv(dataset: Path, target: Path) -> None:
    target.mkdir()
    for table in TABLES:
        with (target / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.name for c in table.columns])
            writer.writerows([_csv_cell(value) for value in row] for row in _rows(dataset, table))
    package = json.loads((dataset / DATAPACKAGE).read_text(encoding="utf-8"))
    descriptor = datapackage(package.get("kompass", {}), package.get("created", ""), "csv")
    (target / DATAPACKAGE).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _csv_cell(value: object) -> object:
    return {True: "true", False: "false", None: ""}.get(value, value) if isinstance(value, bool | None) else value


_WRITERS = {"sqlite": _write_sqlite, "duckdb": _write_duckdb, "csv": _write_csv}


def export(dataset: Path, file_format: str, out: Path, force: bool = False) -> None:
    """Writes the dataset at `dataset` as `file_format` to `out`; raises ExportError for a usage error."""
    missing = [f"{table.name}.parquet" for table in TABLES if not (dataset / f"{table.name}.parquet").exists()]
    if not (dataset / DATAPACKAGE).exists() or missing:
        lacks = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ExportError(f"{dataset} is not a kompass dataset (it lacks {lacks or DATAPACKAGE}); "
                          "`kompass extract --out DIR` writes one")
    if out.exists() and not force:
        raise ExportError(f"{out} exists; --force replaces it")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.parent / f".{out.name}.partial"
    _remove(partial)
    try:
        _WRITERS[file_format](dataset, partial)
        _remove(out)
        partial.rename(out)
    finally:
        _remove(partial)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
