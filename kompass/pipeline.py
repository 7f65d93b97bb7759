"""The extract job: find the inputs, run every document through the stages, publish.

One document's failure is that document's `error` problem; the others are
still extracted and published.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extract import SOURCE_SUFFIXES, ExtractionError, read_document
from kompass import __version__
from kompass.writer import Row, write_dataset
from normalize.catalog import catalog_version
from normalize.panel import build_panel
from normalize.report import NormalizedReport, normalize_report
from parsers import parse
from parsers.record import Problem

FORMAT_PREFERENCE = {"pdf": 0, "markdown": 1, "html": 1, "text": 2}


@dataclass
class DocumentResult:
    source_path: str
    source_format: str | None
    report: NormalizedReport | None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class RunSummary:
    documents: int
    reports: int
    problems: Counter[str]
    seconds: float

    def line(self) -> str:
        counts = ", ".join(f"{self.problems[s]} {s}{'s' if self.problems[s] != 1 else ''}"
                           for s in ("error", "warning", "info"))
        return (f"kompass: {self.documents} document{'s' if self.documents != 1 else ''} read, "
                f"{self.reports} report{'s' if self.reports != 1 else ''} written, problems: {counts}; "
                f"{self.seconds:.1f} s")


def discover(inputs: list[Path]) -> list[tuple[Path, str]]:
    """Source files under the inputs, each with its path relative to its input root."""
    found: dict[Path, str] = {}
    for root in inputs:
        if root.is_file():
            found.setdefault(root.resolve(), root.name)
        elif root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES:
                    found.setdefault(path.resolve(), path.relative_to(root).as_posix())
    return sorted(((path, source) for path, source in found.items()), key=lambda item: item[1])


def process(path: Path, source_path: str) -> DocumentResult:
    try:
        document = read_document(path, source_path)
    except ExtractionError as error:
        return DocumentResult(source_path, None, None, [Problem("error", error.code, error.message, error.page)])
    except Exception as error:  # a reader crash is this document's problem, not the run's
        return DocumentResult(source_path, None, None, [Problem(
            "error", "extraction_failed", f"Reading the file failed: {type(error).__name__}: {error}")])
    try:
        report = normalize_report(parse(document), __version__)
    except Exception as error:
        return DocumentResult(source_path, document.format, None, [Problem(
            "error", "parse_failed", f"Parsing the report failed: {type(error).__name__}: {error}")])
    return DocumentResult(source_path, document.format, report, report.problems)


def _rank(result: DocumentResult) -> tuple:
    report = result.report
    assert report is not None
    size = sum(len(report.rows.get(name, [])) for name in ("areas", "findings", "subquestions", "rubrics"))
    complete = bool(report.rows["reports"][0]["complete"])
    return FORMAT_PREFERENCE.get(result.source_format or "", 3), not complete, -size, result.source_path


def merge(results: list[DocumentResult]) -> tuple[dict[str, list[Row]], list[Row]]:
    """The rows to publish: one report per report_id, every problem of every document."""
    tables: dict[str, list[Row]] = {}
    problems: list[Row] = []
    by_report: dict[str, list[DocumentResult]] = {}
    for result in results:
        report_id = result.report.report_id if result.report else None
        problems += [_problem_row(result.source_path, report_id, p) for p in result.problems]
        if result.report and result.report.report_id:
            by_report.setdefault(result.report.report_id, []).append(result)
    for report_id, candidates in by_report.items():
        kept, *others = sorted(candidates, key=_rank)
        for name, rows in kept.report.rows.items():
            tables.setdefault(name, []).extend(rows)
        for other in others:
            problems.append(_problem_row(other.source_path, report_id, Problem(
                "warning", "duplicate_report",
                f"Another input ({kept.source_path}) is the same report; that one was published instead.")))
    panel = build_panel(tables.get("reports", []), tables.get("areas", []), tables.get("prior_scores", []))
    tables["panel"] = panel.rows
    problems += [_problem_row(source_path, report_id, problem) for source_path, report_id, problem in panel.problems]
    return tables, problems


def _problem_row(source_path: str, report_id: str | None, problem: Problem) -> Row:
    return {"source_path": source_path, "report_id": report_id, "severity": problem.severity,
            "code": problem.code, "message": problem.message, "page": problem.page}


def run_extract(inputs: list[Path], out_dir: Path) -> RunSummary:
    started = time.monotonic()
    sources = discover(inputs)
    results = [process(path, source_path) for path, source_path in sources]
    tables, problems = merge(results)
    tables["problems"] = problems
    write_dataset(out_dir, tables, {"kompass.extractor_version": __version__,
                                    "kompass.catalog_version": catalog_version()})
    severities = Counter(str(p["severity"]) for p in problems)
    return RunSummary(len(sources), len(tables.get("reports", [])), severities, time.monotonic() - started)
