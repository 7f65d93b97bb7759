"""Runs of kompass from the tests, in-process or as the installed command, and reading what they wrote."""
from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from helpers.paths import TABLE_NAMES
from kompass.cli import main


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_tables(out_dir: Path) -> dict[str, list[dict]]:
    """Every published table of a dataset directory, as lists of row dicts."""
    return {name: pq.read_table(out_dir / f"{name}.parquet").to_pylist() for name in TABLE_NAMES}


@dataclass
class Run:
    out: Path
    exit_code: int
    output: str
    tables: dict[str, list[dict]]


def run_extract_cli(*inputs: Path, out: Path, options: tuple[str, ...] = ()) -> Run:
    """`kompass extract INPUTS --out OUT [OPTIONS]` in-process, reading every input afresh (no cache)."""
    result = CliRunner().invoke(main, ["extract", *map(str, inputs), "--out", str(out), "--no-cache", *options])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(out, result.exit_code, result.output, read_tables(out))


def kompass_command() -> list[str]:
    """The installed `kompass` console script of the interpreter running the tests."""
    script = Path(sys.executable).parent / ("kompass.exe" if os.name == "nt" else "kompass")
    if script.exists():
        return [str(script)]
    found = shutil.which("kompass")
    if found is None:
        pytest.fail("the kompass console script is not installed (pip install -e .)")
    return [found]


@dataclass
class CommandRun:
    out: Path
    returncode: int
    stdout: str
    stderr: str


def rows_of(tables: dict[str, list[dict]], name: str, report_id: str, area_no: int | None = None) -> list[dict]:
    return [row for row in tables[name] if row["report_id"] == report_id
            and (area_no is None or row["area_no"] == area_no)]


def report_for_gold(tables: dict[str, list[dict]], gold: dict) -> dict:
    """The reports row made from the gold document's source file."""
    source = gold["source"]["file"]
    matches = [row for row in tables["reports"] if Path(row["source_path"]).name == source]
    assert len(matches) == 1, f"expected one report from {source}, got {len(matches)}"
    return matches[0]
