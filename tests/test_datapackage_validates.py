"""The written dataset validates as a user validates it: `frictionless validate <dir>/datapackage.json`."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers.paths import TABLE_NAMES

pytestmark = pytest.mark.slow  # Frictionless validates every table


def frictionless_validate(descriptor: Path) -> dict:
    """The JSON report of the venv's `frictionless validate` command line on a datapackage.json."""
    command = Path(sys.executable).parent / "frictionless"
    completed = subprocess.run([str(command), "validate", "--json", str(descriptor)], capture_output=True,
                               text=True, timeout=300, check=False)
    return json.loads(completed.stdout[completed.stdout.index("{"):])


def errors_by_table(report: dict) -> dict[str, set[tuple[str, str | None]]]:
    return {task["name"]: {(error["type"], error.get("fieldName")) for error in task["errors"]}
            for task in report["tasks"] if task["errors"]}


@pytest.fixture(scope="module")
def copied(extracted, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("package") / "processed"
    shutil.copytree(extracted.out, target)
    return target


def rewrite(directory: Path, table: str, column: str, row: int, value: object) -> None:
    path = directory / f"{table}.parquet"
    data = pq.read_table(path)
    values = data.column(column).to_pylist()
    values[row] = value
    index = data.column_names.index(column)
    pq.write_table(data.set_column(index, data.schema.field(index), pa.array(values, data.schema.field(index).type)),
                   path)


def test_the_sample_dataset_validates(extracted):
    report = frictionless_validate(extracted.out / "datapackage.json")
    assert report["valid"], errors_by_table(report)
    assert {task["name"] for task in report["tasks"]} == set(TABLE_NAMES)


def test_the_package_carries_licences_sources_created_and_constraints(extracted):
    package = json.loads((extracted.out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["sources"][0]["title"]
    assert package["created"].startswith("20")
    fields = {(r["name"], f["name"]): f for r in package["resources"] for f in r["schema"]["fields"]}
    assert fields["findings", "kind"]["constraints"]["enum"] == ["strength", "improvement", "unknown"]
    assert fields["problems", "severity"]["constraints"]["enum"] == ["error", "warning", "info"]
    assert "truncated_report" in fields["problems", "code"]["constraints"]["enum"]
    assert fields["documents", "status"]["constraints"]["enum"] == ["ok", "partial", "failed", "skipped"]
    assert (fields["areas", "score"]["constraints"]["minimum"], fields["areas", "score"]["constraints"]["maximum"]) \
        == (0, 100)
    assert fields["reports", "total_score"]["constraints"]["maximum"] == 800
    panel = next(r for r in package["resources"] if r["name"] == "panel")
    assert panel["schema"]["foreignKeys"] == [{"fields": "report_id",
                                               "reference": {"resource": "reports", "fields": "report_id"}}]


def test_validation_catches_broken_values(copied):
    rewrite(copied, "findings", "report_id", 0, "nowhere-1999")
    rewrite(copied, "areas", "score", 0, 101)
    rewrite(copied, "problems", "severity", 0, "fatal")
    rewrite(copied, "panel", "report_id", 0, "nowhere-1999")
    report = frictionless_validate(copied / "datapackage.json")
    assert not report["valid"]
    assert errors_by_table(report) == {
        "findings": {("foreign-key", None)}, "areas": {("constraint-error", "score")},
        "problems": {("constraint-error", "severity")}, "panel": {("foreign-key", None)}}
