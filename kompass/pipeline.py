"""The extract job: find the inputs, run every document through the stages, publish.

Each document is read, parsed and normalized in a child process of its own
(kompass.workers), reusing the caches where its bytes and the code are
unchanged (kompass.cache). One document's failure is that document's `error`
problem; the others are still extracted and published. The dataset is
written beside the old one and swapped in whole, under a lock that keeps a
second run off the same output, and the run is appended to its runs.jsonl.
"""
from __future__ import annotations

import dataclasses
import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from extract import DEFAULT_READER, READERS, SOURCE_SUFFIXES, ExtractionError, read_document, sha256_of
from extract.model import Document
from kompass import __version__
from kompass.cache import Cache, key_of
from kompass.documents import document_rows, problem_code_rows, score_rows
from kompass.faults import fault_point
from kompass.lock import RunLock
from kompass.runlog import RunSummary, outcomes
from kompass.versions import parser_version, reader_version
from kompass.workers import Failure, Limits, run_isolated
from kompass.writer import Row, recover, write_dataset
from domain.catalog import catalog_rows, catalog_version
from normalize.language import prepare as prepare_language
from normalize.panel import build_panel
from normalize.report import NormalizedReport, normalize_report
from parsers import parse
from domain.problems import ERROR, SEVERITIES, Problem, problem

FORMAT_PREFERENCE = {"pdf": 0, "markdown": 1, "html": 1, "text": 2}
READ, REPARSED, REUSED, FAILED = "read", "reparsed", "reused", "failed"


@dataclass(frozen=True)
class Options:
    jobs: int = os.cpu_count() or 1
    force: bool = False
    cache_dir: Path | None = None
    limits: Limits = Limits(timeout=600, memory_mb=4096)
    pdf_reader: str = DEFAULT_READER  # a name in extract.READERS


@dataclass
class DocumentResult:
    source_path: str
    source_format: str | None
    report: NormalizedReport | None
    problems: list[Problem] = field(default_factory=list)
    how: str = READ  # read from the source, reparsed from a cached model, or reused whole
    pages: int | None = None
    seconds: float | None = None  # spent on it in this run


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


@dataclass(frozen=True)
class _Task:
    path: Path
    source_path: str
    data: bytes
    pdf_reader: str
    model_key: str
    record_key: str


def _task(path: Path, source_path: str, pdf_reader: str) -> _Task:
    data = path.read_bytes()
    model_key = key_of(sha256_of(data), reader_version(pdf_reader))
    return _Task(path, source_path, data, pdf_reader, model_key, key_of(model_key, source_path, parser_version()))


def _process(task: _Task, cache: Cache, force: bool) -> DocumentResult:
    """Read (or take the cached model of), parse and normalize one document; runs in a worker."""
    clock = time.monotonic()
    result = _read_and_parse(task, cache, force)
    result.seconds = round(time.monotonic() - clock, 3)
    return result


def _read_and_parse(task: _Task, cache: Cache, force: bool) -> DocumentResult:
    model = None if force else cache.load("models", task.model_key)
    how = REPARSED if model is not None else READ
    if model is None:
        try:
            model = read_document(task.path, task.source_path, task.data, task.pdf_reader)
        except ExtractionError as error:
            model = ("error", error.code, error.message, error.page)
        except MemoryError:
            raise  # the worker reports it as this document's memory failure
        except Exception as error:  # a reader crash is this document's problem, not the run's
            return DocumentResult(task.source_path, None, None, [problem(
                "extraction_failed",
                f"Reading the file failed: {type(error).__name__}: {error}")])
        cache.store("models", task.model_key, model)
    if isinstance(model, tuple):
        _, code, message, page = model
        result = DocumentResult(task.source_path, None, None, [problem(code, message, page)], how)
    else:
        result = _parsed(dataclasses.replace(model, source_path=task.source_path), how)
    cache.store("records", task.record_key, result)
    return result


def _parsed(document: Document, how: str) -> DocumentResult:
    try:
        report = normalize_report(parse(document), __version__)
    except MemoryError:
        raise
    except Exception as error:
        return DocumentResult(document.source_path, document.format, None, [problem(
            "parse_failed",
            f"Parsing the report failed: {type(error).__name__}: {error}")], how)
    return DocumentResult(document.source_path, document.format, report, report.problems, how,
                          pages=len(document.pages))


def _failed(task: _Task, failure: Failure) -> DocumentResult:
    code = {"timeout": "extraction_timeout", "memory": "extraction_memory"}.get(failure.reason, "extraction_crashed")
    return DocumentResult(task.source_path, None, None, [problem(
        code, f"Extracting the document failed: {failure.detail}.")], FAILED)


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
            problems.append(_problem_row(other.source_path, report_id, problem(
                "duplicate_report",
                f"Another input ({kept.source_path}) is the same report; that one was published instead.")))
    panel = build_panel(tables.get("reports", []), tables.get("areas", []), tables.get("prior_scores", []))
    tables["panel"] = panel.rows
    tables.update(catalog_rows())
    problems += [_problem_row(source_path, report_id, problem) for source_path, report_id, problem in panel.problems]
    tables["documents"] = document_rows(results, tables.get("reports", []), problems)
    tables["scores"] = score_rows(tables.get("reports", []), tables.get("areas", []))
    tables["problem_codes"] = problem_code_rows()
    return tables, problems


def _problem_row(source_path: str, report_id: str | None, problem: Problem) -> Row:
    return {"source_path": source_path, "report_id": report_id, "severity": problem.severity,
            "code": problem.code, "message": problem.message, "page": problem.page}


def extract_documents(sources: list[tuple[Path, str]], options: Options,
                      progress: Callable[[str], None] = lambda name: None) -> list[DocumentResult]:
    """Every source's result, in source order: reused from the cache where possible, else worked out."""
    cache = Cache(options.cache_dir)
    results: dict[str, DocumentResult] = {}
    to_do: list[_Task] = []
    for path, source_path in sources:
        task = _task(path, source_path, options.pdf_reader)
        cached = None if options.force else cache.load("records", task.record_key)
        if cached is not None:
            results[source_path] = dataclasses.replace(cached, how=REUSED, seconds=None)
            progress(source_path)
        else:
            to_do.append(task)

    def done(task: _Task, outcome: DocumentResult | Failure) -> None:
        results[task.source_path] = _failed(task, outcome) if isinstance(outcome, Failure) else outcome
        progress(task.source_path)

    if to_do:
        _load_libraries(to_do, options.pdf_reader)
    run_isolated(to_do, lambda task: _process(task, cache, options.force), options.jobs, options.limits, done)
    return [results[source_path] for _, source_path in sources]


def _load_libraries(tasks: list[_Task], pdf_reader: str) -> None:
    """Loads the costly libraries once, before the workers fork, so they share them instead of each loading them.

    The lemma table (0.06 CPU s, 23 MB) is read here only for more than one
    document: a single document's worker reads it itself, and only if its
    report has findings.
    """
    if any(task.path.suffix.lower() == ".pdf" for task in tasks):
        import_module(READERS[pdf_reader])
    if len(tasks) > 1:
        prepare_language()


def run_extract(inputs: list[Path], out_dir: Path, options: Options = Options(),
                progress: Callable[[str], None] = lambda name: None) -> RunSummary:
    """The whole job under the output's lock; raises kompass.lock.Busy if another run holds it."""
    started, clock = time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.monotonic()
    with RunLock(out_dir) as lock:
        recover(out_dir)
        sources = discover(inputs)
        results = extract_documents(sources, options, progress)
        tables, problems = merge(results)
        tables["problems"] = problems
        summary = RunSummary(out_dir, tables["documents"], problems, len(tables.get("reports", [])))
        severities, work = summary.severities, Counter(result.how for result in results)
        versions = {"kompass.extractor_version": __version__, "kompass.catalog_version": catalog_version()}
        record = {
            "started": started, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "inputs": len(sources), "extracted": work[READ], "reparsed": work[REPARSED], "reused": work[REUSED],
            "failed": len(summary.failed), "reports": summary.reports, "out": str(out_dir),
            "input_roots": [str(root.resolve()) for root in inputs],  # where the QA report finds the sources
            "problems_by_severity": {s: severities[s] for s in SEVERITIES},
            "versions": {**versions, "reader": reader_version(options.pdf_reader), "parser": parser_version()},
            "jobs": options.jobs, "forced": options.force, "stale_lock_taken_over": lock.previous is not None,
            "exit_status": 1 if severities[ERROR] else 0, "documents": outcomes(summary.documents),
        }
        summary.seconds = time.monotonic() - clock
        record["seconds"] = round(summary.seconds, 3)
        fault_point("before_publish")
        write_dataset(out_dir, tables, versions, record)
        summary.record = record
    summary.seconds = time.monotonic() - clock
    return summary
