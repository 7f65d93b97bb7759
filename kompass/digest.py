"""A run's digest: what the QA report needs of a dataset to compare it with the next run's.

Each dataset carries the digest of its own rows (digest.json) and the digest of
the dataset it replaced (previous_digest.json): per report its source, its
metadata (the columns of reports a re-extraction may change), its scores, its
findings and its problems; problems of a document without a report are kept
under its source path. A digest of an older kompass has no metadata: it is
compared without. A JSON file of our own rather than a copy of the old
Parquet files: it is small, and a later change to the tables' schema cannot
make the previous run unreadable.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from domain.records import Row

DIGEST_FILE = "digest.json"
PREVIOUS_DIGEST_FILE = "previous_digest.json"
DIGEST_FORMAT = 1

FINDING_FIELDS = ("area_no", "kind", "text")
# reports' columns that are not metadata: its key, its source and score (entries of their own) and the
# extractor's version, which is the run's
NOT_METADATA = ("report_id", "source_path", "total_score", "extractor_version")
PROBLEM_FIELDS = ("source_path", "severity", "code", "page", "message")


def _plain(value: object) -> object:
    """A value as JSON holds it: a date as its ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def _sorted(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: json.dumps(row, ensure_ascii=False, sort_keys=True))


def metadata_fields() -> list[str]:
    """The columns of reports that a digest keeps as the report's metadata."""
    from kompass.schema import BY_NAME  # pyarrow: not for the QA report's command line, which only reads digests

    return [column.name for column in BY_NAME["reports"].columns if column.name not in NOT_METADATA]


def run_digest(tables: dict[str, list[Row]], run_started: str | None) -> dict:
    """The digest of a dataset's rows: {"subjects": {report_id or source path: entry}} and when its run started."""
    subjects: dict[str, dict] = {}
    fields = metadata_fields()
    for report in tables.get("reports", []):
        metadata = {name: _plain(report[name]) for name in fields}
        subjects[str(report["report_id"])] = {"source_path": report["source_path"], "metadata": metadata,
                                              "total_score": report["total_score"], "areas": {}, "findings": [],
                                              "problems": []}
    for area in tables.get("areas", []):
        subjects[str(area["report_id"])]["areas"][str(area["area_no"])] = area["score"]
    for finding in tables.get("findings", []):
        subjects[str(finding["report_id"])]["findings"].append({name: finding[name] for name in FINDING_FIELDS})
    for problem in tables.get("problems", []):
        subject = str(problem["report_id"] or problem["source_path"])
        entry = subjects.setdefault(subject, {"source_path": problem["source_path"], "metadata": {},
                                              "total_score": None, "areas": {}, "findings": [], "problems": []})
        entry["problems"].append({name: problem[name] for name in PROBLEM_FIELDS})
    for entry in subjects.values():
        entry["findings"], entry["problems"] = _sorted(entry["findings"]), _sorted(entry["problems"])
    return {"format": DIGEST_FORMAT, "run_started": run_started, "subjects": dict(sorted(subjects.items()))}


def write_digest(path: Path, digest: dict) -> None:
    path.write_text(json.dumps(digest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_digest(path: Path) -> dict | None:
    """The digest in path; None where there is none or it is unreadable or of another format."""
    try:
        digest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return digest if isinstance(digest, dict) and digest.get("format") == DIGEST_FORMAT else None
