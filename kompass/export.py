"""`kompass export`: a dataset as one SQLite file, one DuckDB file or a folder of CSV files with a datapackage.

SQLite is what datasette, sqlite-utils, spreadsheets and R's RSQLite open
directly; it gets primary and foreign keys from kompass.schema and views for
the common joins. Lists (evaluators, lemmas) become JSON text. Beside it goes
the metadata that datasette shows with it (`kompass.sqlite`:
`kompass.metadata.json`, for `datasette kompass.sqlite --metadata
kompass.metadata.json`), as SQLite has no place for descriptions. DuckDB gets
the same keys and NOT NULLs (kompass.export_sql), the Arrow types, and every
table's and column's description as its COMMENT.

An export never harms what it is made from: a target that is, holds or lies
inside the dataset or one of the inputs its runs read is refused, --force or
not. It is written under a temporary name beside OUT and exchanged with what
was there in one step (kompass.swap), so a kill at any moment leaves the old
export or the new one at OUT, never neither and never half of one. The
datasette metadata is written under a temporary name too and renamed into
place right after the export: a kill between the two leaves the new export
with the old metadata, whose descriptions only a new kompass changes. The
safety rules above hold for its path as for OUT's.

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
from typing import TYPE_CHECKING

import pyarrow as pa

from kompass.export_sql import comments, create_table, duckdb_type, in_reference_order, insert_from, sqlite_type
from kompass.faults import fault_point
from kompass.publication import datapackage, datasette_metadata
from kompass.schema import TABLES, TableSchema
from kompass.swap import remove, swap_in
from kompass.targets import harm
from kompass.writer import DATAPACKAGE

if TYPE_CHECKING:
    import duckdb

FORMATS = ("sqlite", "duckdb", "csv")
# what OUT's suffix says the format is, where --to does not say it; no suffix: a folder of CSV files
SUFFIX_FORMATS = {".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite", ".duckdb": "duckdb", ".ddb": "duckdb",
                  "": "csv"}
METADATA_SUFFIX = ".metadata.json"  # kompass.sqlite: kompass.metadata.json
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


def format_for(out: str) -> str | None:
    """The format OUT's name says (kompass.sqlite: sqlite; kompass.duckdb: duckdb; kompass-csv or kompass-csv/:
    csv), or None where its suffix says none."""
    if out.endswith(("/", os.sep)):
        return "csv"
    return SUFFIX_FORMATS.get(Path(out).suffix.lower())


def companion_paths(file_format: str, out: Path) -> tuple[Path, ...]:
    """The files an export to `out` writes beside it: a SQLite file's datasette metadata."""
    return (out.parent / f"{out.stem}{METADATA_SUFFIX}",) if file_format == "sqlite" else ()


def _companions(file_format: str, out: Path) -> dict[Path, str]:
    """Each file written beside `out`, with its text; datasette names a database by its file's stem."""
    text = json.dumps(datasette_metadata(out.stem), indent=2, ensure_ascii=False) + "\n"
    return {path: text for path in companion_paths(file_format, out)}


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


def _write_sqlite(dataset: Path, target: Path, settings: Settings) -> None:
    connection = sqlite3.connect(target)
    try:
        for table in TABLES:
            connection.execute(create_table(table, sqlite_type))
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
        raise ExportError("a DuckDB export (--to duckdb) needs the duckdb package: pip install duckdb") from None

    try:
        connection = duckdb.connect(str(target))
        try:
            connection.begin()
            for table in in_reference_order(TABLES):
                _load_duckdb_table(connection, dataset, table)
            for name, query in VIEWS.items():
                connection.execute(f'CREATE VIEW "{name}" AS {query}')
            connection.commit()
        finally:
            connection.close()
    except duckdb.ConstraintException as error:  # a row the keys refuse: the dataset is not what kompass writes
        raise ExportFailed(f"the dataset {dataset} breaks its own keys ({error}); extract it again") from None
    except duckdb.IOException as error:  # a full disk, a folder that cannot be written
        raise OSError(str(error)) from None


def _load_duckdb_table(connection: duckdb.DuckDBPyConnection, dataset: Path, table: TableSchema) -> None:
    """The table with its constraints and comments, its rows read by pyarrow as for the other formats, so that a
    damaged table is told alike."""
    connection.execute(create_table(table, duckdb_type))
    connection.register("source", _table(dataset, table))
    connection.execute(insert_from(table, "source"))
    connection.unregister("source")
    for statement in comments(table):
        connection.execute(statement)


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
    for target in (out, *companion_paths(file_format, out)):
        _check_target(dataset, target, force)
    # not resolved: a link at OUT is replaced, never what it points to (Path has no lexical abspath)
    out = Path(os.path.abspath(out))  # noqa: PTH100
    companions = _companions(file_format, out)
    partials = {target: _partial(target) for target in (out, *companions)}
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for partial in partials.values():
            remove(partial)  # left by an export that was killed
        _WRITERS[file_format](dataset, partials[out], settings)
        for path, text in companions.items():
            partials[path].write_text(text, encoding="utf-8")
        fault_point("before_export")
        old = swap_in(partials[out], out, out.parent / f".{out.name}.retired")
        if old is not None:
            remove(old)
        for path in companions:
            partials[path].replace(path)  # a link at the path is replaced, as at OUT
    except (OSError, sqlite3.Error) as error:
        raise ExportFailed(f"cannot write {out}: {getattr(error, 'strerror', None) or error}") from None
    finally:
        for partial in partials.values():
            remove(partial)


def _partial(target: Path) -> Path:
    return target.parent / f".{target.name}.partial"


def _check_target(dataset: Path, target: Path, force: bool) -> None:
    """ExportError where writing `target` would harm the dataset or its inputs, or replace a file unasked."""
    refusal = harm(dataset, target)
    if refusal:
        raise ExportError(f"refusing to export to {target}: {refusal}; choose a target outside the dataset and its "
                          "inputs")
    if os.path.lexists(target) and not force:
        raise ExportError(f"{target} exists; --force replaces it")


def _check_dataset(dataset: Path) -> None:
    if not dataset.is_dir():
        raise ExportError(f"there is no dataset at {dataset}; `kompass extract --out {dataset}` writes one")
    missing = [f"{table.name}.parquet" for table in TABLES if not (dataset / f"{table.name}.parquet").exists()]
    if not (dataset / DATAPACKAGE).exists() or missing:
        lacks = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ExportError(f"{dataset} is not a kompass dataset (it lacks {lacks or DATAPACKAGE}); "
                          "`kompass extract --out DIR` writes one")
