"""Publishing the tables: typed, sorted by key, and swapped in only when complete.

The new dataset is written into a staging directory beside the output and
then put in place with renames, so readers see either the old dataset or the
new one, never a mix; files in the output that are not ours (a README, a
.gitkeep) are carried over.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kompass.publication import datapackage
from kompass.schema import TABLES, TableSchema

Row = dict[str, object]


def _sort_key(schema: TableSchema, row: Row) -> tuple:
    # None sorts first; (False, ...) keeps values of mixed None/int comparable
    return tuple((row.get(column) is not None, row.get(column) if row.get(column) is not None else 0)
                 for column in schema.key)


def build_table(schema: TableSchema, rows: list[Row], metadata: dict[str, str]) -> pa.Table:
    ordered = sorted(rows, key=lambda row: _sort_key(schema, row))
    table = pa.Table.from_pylist(ordered, schema=schema.arrow())
    for column in schema.columns:
        if not column.nullable and table.column(column.name).null_count:
            raise ValueError(f"{schema.name}.{column.name} has nulls but may not")
    return table.replace_schema_metadata({**metadata, "kompass.table": schema.name})


DATAPACKAGE = "datapackage.json"


def dataset_files() -> set[str]:
    return {f"{schema.name}.parquet" for schema in TABLES} | {DATAPACKAGE}


def write_dataset(out_dir: Path, tables: dict[str, list[Row]], metadata: dict[str, str]) -> None:
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.staging-{os.getpid()}"
    retired = out_dir.parent / f".{out_dir.name}.retired-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        for schema in TABLES:
            table = build_table(schema, tables.get(schema.name, []), metadata)
            pq.write_table(table, staging / f"{schema.name}.parquet")
        (staging / DATAPACKAGE).write_text(json.dumps(datapackage(metadata), indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
        if out_dir.exists():
            for entry in out_dir.iterdir():
                if entry.name not in dataset_files() and not (staging / entry.name).exists():
                    _copy(entry, staging / entry.name)
            out_dir.rename(retired)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not out_dir.exists():
            retired.rename(out_dir)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)
