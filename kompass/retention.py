"""The publish rule: a run's own trouble never costs the published dataset a report.

A document that this run could not read because of the run's environment
says nothing about the document: publishing without it would silently drop a
report the previous dataset had. The environment is whatever is the run's
and not the file's: access to the file (permissions, I/O errors, an
unreadable folder), the workers (no room in TMPDIR for their results, no
process to be had), memory (the limit or the machine: the dataset read the
document before) and the programs a reader needs (Tesseract). Such a run
publishes nothing and says why. A document that is gone from the inputs, or
that now fails on its own content, is the user's change and is published as
it is.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import pyarrow.parquet as pq

from domain.problems import ALWAYS, IF_INSTALL_HINT, Problem, code_of
from extract.ocr import INSTALL_HINT


class _Result(Protocol):  # read-only, so that a DocumentResult with its own kind of report fits
    @property
    def source_path(self) -> str: ...

    @property
    def report(self) -> object | None: ...

    @property
    def problems(self) -> list[Problem]: ...


def caused_by_environment(problem: Problem) -> bool:
    """Whether the problem says the run's environment, not the document, kept the document from being read: its
    code's `environment` in the registry (the run's access to the file, its workers, memory; a scan without
    Tesseract, whose message says how to install it)."""
    environment = code_of(problem).environment
    return environment == ALWAYS or (environment == IF_INSTALL_HINT and INSTALL_HINT in problem.message)


def lost_to_environment(out_dir: Path, results: Sequence[_Result],
                        skipped: Sequence[tuple[str, Problem]]) -> list[str]:
    """Why each input behind a report of the dataset in `out_dir` was kept from being read by the environment;
    empty when none was."""
    failures = {result.source_path: p.message for result in results if result.report is None
                for p in result.problems if caused_by_environment(p)}
    failures.update({path: p.message for path, p in skipped if caused_by_environment(p)})
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


def refusal(out_dir: Path, reasons: list[str]) -> str:
    """The one line that says why nothing was published: how many inputs, and the causes (each once)."""
    causes = list(dict.fromkeys(reason.rstrip(".") for reason in reasons))
    shown = "; ".join(causes[:3]) + (f"; and {len(causes) - 3} more" if len(causes) > 3 else "")
    return (f"nothing published: {len(reasons)} input(s) behind reports of the dataset failed for a reason that is "
            f"this run's, not theirs ({shown}); the dataset in {out_dir} was kept")


def _published_sources(out_dir: Path) -> set[str]:
    try:
        return set(pq.read_table(out_dir / "reports.parquet", columns=["source_path"]).column(0).to_pylist())
    except (OSError, ValueError):  # no dataset yet, or one too damaged to say: nothing to keep
        return set()
