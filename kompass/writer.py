"""Publishing the tables: typed, sorted by key, and swapped in only when complete.

The new dataset is written into a staging directory beside the output and
then exchanged with the old one in one atomic step (kompass.swap: renameat2 on
Linux; two renames elsewhere, which `recover` repairs if a run dies between
them), so readers see either the old dataset or the new one, never a mix or a
half. The run log is copied over and appended to; entries in the output that
are not ours (a README, a .gitkeep, the user's links and folders) are carried
over as they are: a link stays the same link, never followed, and a file
becomes a second hard link to itself rather than a copy, so nothing foreign is
copied run after run. The old dataset's digest is kept as the new one's
previous digest (kompass.digest), so that the QA report can say what the run
changed.
"""
from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from domain.records import Row
from kompass.arrow_columns import arrow_array
from kompass.digest import DIGEST_FILE, PREVIOUS_DIGEST_FILE, run_digest, write_digest
from kompass.faults import fault_point
from kompass.publication import datapackage
from kompass.schema import TABLES, TableSchema
from kompass.swap import remove, swap_in


def _sort_key(schema: TableSchema, row: Row) -> tuple:
    # None sorts first; (False, ...) keeps values of mixed None/int comparable
    return tuple((row.get(column) is not None, row.get(column) if row.get(column) is not None else 0)
                 for column in schema.key)


def build_table(schema: TableSchema, rows: list[Row], metadata: dict[str, str]) -> pa.Table:
    ordered = sorted(rows, key=lambda row: _sort_key(schema, row))
    arrow = schema.arrow()
    table = pa.Table.from_arrays([arrow_array([row.get(field.name) for row in ordered], field.type) for field in arrow],
                                 schema=arrow)
    for column in schema.columns:
        if not column.nullable and table.column(column.name).null_count:
            raise ValueError(f"{schema.name}.{column.name} has nulls but may not")
    return table.replace_schema_metadata({**metadata, "kompass.table": schema.name})


DATAPACKAGE = "datapackage.json"
RUN_LOG = "runs.jsonl"


def dataset_files() -> set[str]:
    return {f"{schema.name}.parquet" for schema in TABLES} | {DATAPACKAGE, DIGEST_FILE, PREVIOUS_DIGEST_FILE}


def write_dataset(out_dir: Path, tables: dict[str, list[Row]], metadata: dict[str, str],
                  run_record: dict | None = None) -> None:
    """Writes the dataset beside `out_dir` and puts it in place of the old one in one step.

    `run_record`, when given, is appended to the run log (runs.jsonl) that the
    dataset carries from run to run.
    """
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        fault_point("write_dataset")
        for schema in TABLES:
            table = build_table(schema, tables.get(schema.name, []), metadata)
            pq.write_table(table, staging / f"{schema.name}.parquet")
        created = datetime.now(UTC).isoformat(timespec="seconds")
        (staging / DATAPACKAGE).write_text(json.dumps(datapackage(metadata, created), indent=2, ensure_ascii=False)
                                           + "\n", encoding="utf-8")
        write_digest(staging / DIGEST_FILE, run_digest(tables, run_record.get("started") if run_record else None))
        if out_dir.exists():
            if (out_dir / DIGEST_FILE).exists():
                shutil.copy2(out_dir / DIGEST_FILE, staging / PREVIOUS_DIGEST_FILE)
            for entry in out_dir.iterdir():
                if entry.name == RUN_LOG:  # appended to below: a copy, or the old dataset's log would grow too
                    shutil.copy2(entry, staging / entry.name)
                elif entry.name not in dataset_files():
                    _carry(entry, staging / entry.name)
        if run_record is not None:
            with (staging / RUN_LOG).open("a", encoding="utf-8") as log:
                log.write(json.dumps(run_record, ensure_ascii=False, sort_keys=True) + "\n")
        fault_point("before_publish")
        _put_in_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _put_in_place(staging: Path, out_dir: Path) -> None:
    """Swaps the staged dataset in; readers see the old dataset or the new one, never neither."""
    old = swap_in(staging, out_dir, _retired(out_dir))
    if old is not None:
        remove(old)


def _retired(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.retired"


def recover(out_dir: Path) -> bool:
    """Cleans up after killed runs: puts back a dataset left aside between the two renames (True if it
    did) and removes half-written staging directories. Only to be called under the output's lock."""
    out_dir = out_dir.resolve()
    if out_dir.parent.is_dir():
        for entry in out_dir.parent.iterdir():
            if entry.name.startswith(f".{out_dir.name}.staging-"):
                shutil.rmtree(entry, ignore_errors=True)
    retired = _retired(out_dir)
    if retired.exists() and not out_dir.exists():
        retired.rename(out_dir)
        return True
    return False


def _carry(entry: Path, target: Path) -> None:
    """A foreign entry of the old dataset into the new one as it is (see the module's docstring)."""
    try:
        if entry.is_symlink():
            target.symlink_to(entry.readlink())
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link)
        else:
            _link(entry, target)
    except OSError as error:  # shutil.Error too: a folder's entries that could not be carried
        reason = error.strerror or "some of its entries can be neither linked nor copied"
        raise OSError(error.errno, f"{entry.name} in the dataset folder cannot be carried over ({reason})",
                      str(entry)) from error


def _link(source: str | Path, target: str | Path) -> None:
    """A second name for the file; a copy only where the file system refuses (another device, no permission)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)
