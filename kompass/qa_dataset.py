"""The dataset as the QA report reads it: its tables, run log and digests, and one entry per input.

Every input of the run is a Document (its row of documents.parquet, its
published report, its problems, areas and counts of findings), published,
failed or superseded by a duplicate alike.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from domain.problems import SEVERITIES
from domain.records import UNKNOWN, Row
from kompass.digest import DIGEST_FILE, PREVIOUS_DIGEST_FILE, read_digest

RUNS_FILE = "runs.jsonl"
COUNTED_TABLES = ("subquestions", "rubrics", "sections", "prior_scores")
GUESSED_FINDINGS = f"{UNKNOWN}, kind guessed"  # the findings of unknown kind with a kind_guess
METADATA_KEYS = ("kompass.extractor_version", "kompass.catalog_version")


@dataclass
class QaDataset:
    """The tables of a dataset directory that the report needs, read from Parquet."""
    directory: Path
    documents: list[Row]  # rows of documents.parquet
    reports: list[Row]
    areas: list[Row]
    findings: list[Row]
    problems: list[Row]
    row_counts: dict[str, Counter[str]]  # table -> report_id -> rows
    metadata: dict[str, str]
    runs: list[dict]
    unreadable_run_lines: int = 0
    digest: dict | None = None  # of this dataset
    previous_digest: dict | None = None  # of the dataset this one replaced
    # where values are printed (page, bbox), for the report's pictures
    subquestions: list[Row] = field(default_factory=list)
    provenance: list[Row] = field(default_factory=list)


@dataclass
class QaDocument:
    """One input of the run and what became of it."""
    row: Row  # its row of documents.parquet
    report: Row | None  # its published report
    problems: list[Row] = field(default_factory=list)
    areas: list[Row] = field(default_factory=list)
    findings: Counter[str] = field(default_factory=Counter)

    @property
    def source_path(self) -> str:
        return str(self.row["source_path"])

    @property
    def status(self) -> str:
        return str(self.row["status"])

    @property
    def severity_counts(self) -> Counter[str]:
        return Counter(str(problem["severity"]) for problem in self.problems)


def _read(directory: Path, table: str, columns: list[str] | None = None) -> list[Row]:
    import pyarrow.parquet as pq  # not at import: `kompass --help` loads this module
    path = directory / f"{table}.parquet"
    return pq.read_table(path, columns=columns).to_pylist() if path.exists() else []


def _metadata(directory: Path) -> dict[str, str]:
    import pyarrow.parquet as pq
    for path in sorted(directory.glob("*.parquet")):
        raw = pq.read_schema(path).metadata or {}
        found = {key: raw[key.encode()].decode() for key in METADATA_KEYS if key.encode() in raw}
        if found:
            return found
    return {}


def _read_runs(directory: Path) -> tuple[list[dict], int]:
    path = directory / RUNS_FILE
    if not path.exists():
        return [], 0
    runs, unreadable = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            unreadable += 1
            continue
        if isinstance(record, dict):
            runs.append(record)
        else:
            unreadable += 1
    return runs, unreadable


def is_dataset(directory: Path) -> bool:
    """Whether kompass wrote a dataset into the directory (a run whose documents all failed has no reports)."""
    return any((directory / f"{name}.parquet").is_file() for name in ("reports", "problems"))


def load_dataset(directory: Path) -> QaDataset:
    """Read what the report shows from a dataset directory (missing tables read as empty)."""
    row_counts = {name: Counter(str(row["report_id"]) for row in _read(directory, name, ["report_id"]))
                  for name in COUNTED_TABLES if (directory / f"{name}.parquet").exists()}
    runs, unreadable = _read_runs(directory)
    return QaDataset(directory, _read(directory, "documents"), _read(directory, "reports"), _read(directory, "areas"),
                   _read(directory, "findings", ["report_id", "kind", "kind_guess"]), _read(directory, "problems"),
                   row_counts, _metadata(directory), runs, unreadable, read_digest(directory / DIGEST_FILE),
                   read_digest(directory / PREVIOUS_DIGEST_FILE), _read(directory, "subquestions"),
                   _read(directory, "provenance"))


def _by_report(rows: list[Row]) -> dict[object, list[Row]]:
    grouped: dict[object, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["report_id"], []).append(row)
    return grouped


def documents(dataset: QaDataset) -> list[QaDocument]:
    """Every input of the run (documents.parquet), published or not, sorted by source path."""
    reports = {str(row["source_path"]): row for row in dataset.reports}
    problems: dict[str, list[Row]] = {}
    for problem in dataset.problems:
        problems.setdefault(str(problem["source_path"]), []).append(problem)
    areas, findings = _by_report(dataset.areas), _by_report(dataset.findings)
    result = []
    for row in sorted(dataset.documents, key=lambda row: str(row["source_path"])):
        source_path = str(row["source_path"])
        report = reports.get(source_path)
        own = sorted(problems.get(source_path, []), key=lambda p: (SEVERITIES.index(str(p["severity"]))
                     if p["severity"] in SEVERITIES else 9, p["page"] is None, p["page"] or 0, str(p["code"])))
        document = QaDocument(row, report, own)
        if report is not None:
            own_findings = findings.get(report["report_id"], [])
            document.areas = sorted(areas.get(report["report_id"], []), key=lambda a: int(a["area_no"]))
            document.findings = Counter(str(f["kind"]) for f in own_findings)
            document.findings[GUESSED_FINDINGS] = sum(
                1 for f in own_findings if f["kind"] == UNKNOWN and f["kind_guess"] is not None)
        result.append(document)
    return result


def source_file(dataset: QaDataset, source_path: str) -> Path | None:
    """The input file a source path names, found under the input roots of the last run (None if it is gone)."""
    roots = [Path(root) for root in (dataset.runs[-1].get("input_roots", []) if dataset.runs else [])]
    for root in roots:
        candidate = root if root.is_file() else root / source_path
        if candidate.is_file() and (root.is_dir() or root.name == source_path):
            return candidate
    return None

