"""`kompass export`: a dataset as one SQLite file, one DuckDB file or a folder of CSV files with a datapackage.

SQLite is what datasette, sqlite-utils, spreadsheets and R's RSQLite open
directly; it gets primary and foreign keys from kompass.schema and views for
the common joins. Lists (evaluators, lemmas) become JSON text.

An export never harms what it is made from: a target that is, holds or lies
inside the dataset or one of the inputs its runs read is refused, --force or
not. It is written under a temporary name beside OUT and exchanged with what
was there in one step (kompass.swap), so a kill at any moment leaves the old
export or the new one at OUT, never neither and never half of one.

A CSV cell is text a spreadsheet may run: one that begins like a formula gets
a leading apostrophe, as OWASP advises against CSV injection, unless the
export is asked for raw text.
"""
from __future__ import annotations

import csv
import datetime
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from kompass.faults import fault_point
from kompass.publication import datapackage
from kompass.schema import TABLES, Column, TableSchema, foreign_keys
from kompass.swap import remove, swap_in
from kompass.targets import harm
from kompass.writer import DATAPACKAGE

FORMATS = ("sqlite", "duckdb", "csv")
VIEWS = {
    "area_scores": "SELECT a.report_id, r.municipality, r.municipality_code, r.year, r.criteria_version, a.area_no, "
                   "a.area_id, a.comparison_group, a.title, a.score FROM areas a JOIN reports r USING (report_id)",
    "document_problems": "SELECT d.source_path, d.status, p.severity, p.code, p.page, p.message, c.meaning "
                         "FROM problems p JOIN documents d USING (source_path) JOIN problem_codes c USING (code)",
}
# what makes a spreadsheet take a cell for a formula (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED_NOTE = (" Text cells that begin with =, +, -, @, a tab or a carriage return are written with a leading "
                    "apostrophe (') that is not part of the value, so that a spreadsheet shows them instead of "
                    "running them as formulas (OWASP's advice against CSV injection); `kompass export --raw-csv` "
                    "writes them unchanged.")
RAW_NOTE = (" Text cells are written unchanged (`kompass export --raw-csv`): a spreadsheet may run a cell that "
            "begins with =, +, -, @, a tab or a carriage return as a formula.")


class ExportError(Exception):
    """The export cannot be made as asked (not a dataset, a target that exists or would harm the dataset or
    its inputs): a usage error."""


class ExportFailed(Exception):
    """The environment kept the export from being made: the dataset cannot be read (damaged) or OUT cannot be
    written (a full disk, no permission)."""


@dataclass(frozen=True)
class Settings:
    raw_csv: bool = False  # CSV text cells exactly as they are, formula-like ones included


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


def _table(dataset: Path, table: TableSchema) -> pa.Table:
    """One table of the dataset with the columns of its schema; ExportFailed when it cannot be read."""
    import pyarrow.parquet as pq

    try:
        return pq.read_table(dataset / f"{table.name}.parquet", columns=[c.name for c in table.columns])
    except (OSError, ValueError, pa.ArrowException) as error:  # a damaged or foreign file
        raise _unreadable(dataset, error) from None


def _unreadable(dataset: Path, error: Exception) -> ExportFailed:
    return ExportFailed(f"cannot read the dataset {dataset} ({type(error).__name__}: {error}); extract it again")


def _rows(dataset: Path, table: TableSchema) -> Iterator[list[object]]:
    for row in _table(dataset, table).to_pylist():
        yield [_cell(value) for value in row.values()]


def _create_table(table: TableSchema) -> str:
    parts = [f'"{c.name}" {_sql_type(c)}{"" if c.nullable else " NOT NULL"}' for c in table.columns]
    if not {c.name for c in table.columns if c.nullable} & set(table.key):
        parts.append("PRIMARY KEY (" + ", ".join(f'"{name}"' for name in table.key) + ")")
    parts += [f'FOREIGN KEY ("{ref.column}") REFERENCES "{ref.table}" ("{ref.target}")' for ref in foreign_keys(table)]
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def _write_sqlite(dataset: Path, target: Path, settings: Settings) -> None:
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


def _write_duckdb(dataset: Path, target: Path, settings: Settings) -> None:
    try:
        import duckdb
    except ImportError:
        raise ExportError("--to duckdb needs the duckdb package: pip install duckdb") from None

    try:
        connection = duckdb.connect(str(target))
        try:
            for table in TABLES:  # read by pyarrow, as for the other formats, so a damaged table is told alike
                connection.register("source", _table(dataset, table))
                connection.execute(f'CREATE TABLE "{table.name}" AS SELECT * FROM source')
                connection.unregister("source")
            for name, query in VIEWS.items():
                connection.execute(f'CREATE VIEW "{name}" AS {query}')
        finally:
            connection.close()
    except duckdb.IOException as error:  # a full disk, a folder that cannot be written
        raise OSError(str(error)) from None


def _write_csv(dataset: Path, target: Path, settings: Settings) -> None:
    try:
        package = json.loads((dataset / DATAPACKAGE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _unreadable(dataset, error) from None
    target.mkdir()
    for table in TABLES:
        with (target / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([c.name for c in table.columns])
            writer.writerows([_csv_cell(value, settings) for value in row] for row in _rows(dataset, table))
    descriptor = datapackage(package.get("kompass", {}), package.get("created", ""), "csv")
    descriptor["description"] += RAW_NOTE if settings.raw_csv else NEUTRALISED_NOTE
    (target / DATAPACKAGE).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _csv_cell(value: object, settings: Settings) -> object:
    if isinstance(value, bool | None):
        return {True: "true", False: "false", None: ""}[value]
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not settings.raw_csv:
        return "'" + value
    return value


_WRITERS: dict[str, Callable[[Path, Path, Settings], None]] = {
    "sqlite": _write_sqlite, "duckdb": _write_duckdb, "csv": _write_csv}


def export(dataset: Path, file_format: str, out: Path, force: bool = False, settings: Settings = Settings()) -> None:
    """Writes the dataset at `dataset` as `file_format` to `out`.

    Raises ExportError for a usage error, ExportFailed when the dataset cannot be read or `out` not written.
    """
    _check_dataset(dataset)
    refusal = harm(dataset, out)
    if refusal:
        raise ExportError(f"refusing to export to {out}: {refusal}; choose a target outside the dataset and its "
                          "inputs")
    if os.path.lexists(out) and not force:
        raise ExportError(f"{out} exists; --force replaces it")
    # not resolved: a link at OUT is replaced, never what it points to (Path has no lexical abspath)
    out = Path(os.path.abspath(out))  # noqa: PTH100
    partial = out.parent / f".{out.name}.partial"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove(partial)  # left by an export that was killed
        _WRITERS[file_format](dataset, partial, settings)
        fault_point("before_export")
        old = swap_in(partial, out, out.parent / f".{out.name}.retired")
        if old is not None:
            remove(old)
    except (OSError, sqlite3.Error) as error:
        raise ExportFailed(f"cannot write {out}: {getattr(error, 'strerror', None) or error}") from None
    finally:
        remove(partial)


def _check_dataset(dataset: Path) -> None:
    missing = [f"{table.name}.parquet" for table in TABLES if not (dataset / f"{table.name}.parquet").exists()]
    if not (dataset / DATAPACKAGE).exists() or missing:
        lacks = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ExportError(f"{dataset} is not a kompass dataset (it lacks {lacks or DATAPACKAGE}); "
                          "`kompass extract --out DIR` writes one")
