"""The publish rule: a run's own trouble never costs the published dataset a report.

A document that this run could not read because of the run's environment
(permissions, I/O errors, an unreadable folder) says nothing about the
document; publishing without it would silently drop a report the previous
dataset had. Such a run publishes nothing and says why. A document that is
gone from the inputs, or that now fails to parse, is the user's change and
is published as it is.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import pyarrow.parquet as pq

from domain.problems import Problem

# codes that describe the run's access to a file, not the file's content
ENVIRONMENT_CODES = frozenset({"unreadable_file"})


class _Result(Protocol):
    source_path: str
    report: object | None
    problems: list[Problem]


def lost_to_environment(out_dir: Path, results: Sequence[_Result],
                        skipped: Sequence[tuple[str, Problem]]) -> list[str]:
    """Why each report of the dataset in `out_dir` would be lost to the environment; empty when none would."""
    failures = {result.source_path: p.message for result in results if result.report is None
                for p in result.problems if p.code in ENVIRONMENT_CODES}
    failures.update({path: p.message for path, p in skipped if p.code in ENVIRONMENT_CODES})
    if not failures:  # the dataset is read only when needed: reading Parquet imports pandas (0.25 CPU s)
        return []
    published = _published_sources(out_dir)
    reasons = []
    for source_path in sorted(published):
        for failed, message in failures.items():
            if source_path == failed or source_path.startswith(failed + "/"):
                reasons.append(message)
                break
    return reasons


def _published_sources(out_dir: Path) -> set[str]:
    try:
        return set(pq.read_table(out_dir / "reports.parquet", columns=["source_path"]).column(0).to_pylist())
    except (OSError, ValueError):  # no dataset yet, or one too damaged to say: nothing to keep
        return set()
