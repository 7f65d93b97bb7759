"""What a run tells its operator: the summary line, the failures and warnings on stderr, the run record.

The run record is the line appended to the dataset's runs.jsonl and what
`kompass extract --json` prints for schedulers; it lists every document's
outcome as documents.parquet has it.

A file name is the user's text, and so is a message that quotes one: printed
raw, a name holding a newline or a terminal's escape sequence could forge a
line of the summary or rewrite the screen. Such text is printed quoted, with
its unprintable characters escaped (`shown`); the tables keep it as it is.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from domain.problems import ERROR, SEVERITIES, WARNING, Problem
from domain.records import Row
from kompass.results import FAILED, READ, REPARSED, REUSED, SKIPPED

WARNINGS_SHOWN = 3
OUTCOME_COLUMNS = ("source_path", "status", "work", "report_id", "error_code", "error_message")


def shown(text: str) -> str:
    """The text as printed: as it is when every character is printable, else quoted with escapes ('a\\nb')."""
    return text if text.isprintable() else repr(text)


def problem_line(source_path: str, problem: Problem) -> str:
    """One problem as stderr says it: `kompass: warning: SOURCE (page 3): code: message`."""
    page = f" (page {problem.page})" if problem.page is not None else ""
    return f"kompass: {problem.severity}: {shown(source_path)}{page}: {problem.code}: {shown(problem.message)}"


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass
class RunSummary:
    out_dir: Path
    documents: list[Row]  # rows of documents.parquet
    problems: list[Row]  # rows of problems.parquet
    reports: int
    seconds: float = 0.0
    record: dict = field(default_factory=dict)

    @property
    def severities(self) -> Counter[str]:
        return Counter(str(problem["severity"]) for problem in self.problems)

    @property
    def failed(self) -> list[Row]:
        return [row for row in self.documents if row["status"] == FAILED]

    @property
    def duplicates(self) -> list[Row]:
        """Inputs whose report another input gave as well, and better: read, but not published."""
        return [row for row in self.documents if row["report_id"] is not None and not row["published"]]

    def line(self) -> str:
        """The documents by the work done on them and by what became of them, the reports, problems and time.

        Duplicates and skipped inputs (no report's file) are named where there are any, so that the
        documents are the failed, the duplicates, the skipped and the reports written.
        """
        work = Counter(str(row["work"]) for row in self.documents)
        severities = self.severities
        done = ", ".join(f"{work[how]} {how}" for how in (READ, REPARSED, REUSED))
        outcomes = [f"{len(self.failed)} failed"]
        if self.duplicates:
            outcomes.append(_plural(len(self.duplicates), "duplicate"))
        if work[SKIPPED]:
            outcomes.append(f"{work[SKIPPED]} {SKIPPED}")
        return (f"kompass: {_plural(len(self.documents), 'document')} ({done}; {', '.join(outcomes)}), "
                f"{_plural(self.reports, 'report')} written to {self.out_dir}; problems: "
                + ", ".join(_plural(severities[s], s) for s in SEVERITIES) + f"; {self.seconds:.1f} s")

    def stderr_lines(self) -> list[str]:
        """Every failed document with its error, then the first few warnings and how many more there are."""
        lines = [f"kompass: failed: {shown(str(row['source_path']))}: {row['error_code']}: "
                 f"{shown(str(row['error_message']))}" for row in self.failed]
        other_errors = [p for p in self.problems if p["severity"] == ERROR
                        and p["source_path"] not in {row["source_path"] for row in self.failed}]
        warnings = [p for p in self.problems if p["severity"] == WARNING]
        lines += [problem_line(str(p["source_path"]), Problem(p["severity"], p["code"], p["message"], p["page"]))
                  for p in other_errors + warnings[:WARNINGS_SHOWN]]
        if len(warnings) > WARNINGS_SHOWN:
            lines.append(f"kompass: ... and {_plural(len(warnings) - WARNINGS_SHOWN, 'more warning')} "
                         f"(problems.parquet, or `kompass report {self.out_dir}`)")
        return lines


def outcomes(documents: list[Row]) -> list[Row]:
    """Each document's outcome as the run record gives it."""
    return [{column: row[column] for column in OUTCOME_COLUMNS} for row in documents]
