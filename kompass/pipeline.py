"""The extract job: find the inputs, run every document through the stages, publish.

Each document is read, parsed and normalized in a child process of its own
(kompass.workers), reusing the caches where its bytes and the code are
unchanged (kompass.cache). One document's failure is that document's `error`
problem; the others are still extracted and published. A corrections file's
values are set in the merged rows, never in the cached ones
(kompass.corrections). The dataset is written beside the old one and swapped
in whole, under a lock that keeps a second run off the same output, and the
run is appended to its runs.jsonl.
"""
from __future__ import annotations

import dataclasses
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from domain.catalog import catalog_rows, catalog_version
from domain.municipalities import prepare as prepare_names
from domain.problems import DROPPED, ERROR, NEVER, SEVERITIES, Problem, code_of, problem
from domain.records import UNKNOWN, Row
from extract import CACHEABLE_TYPES, READERS, ExtractionError, read_document, sha256_of
from extract.formats import BY_NAME, PDF, declares_pdf, is_pdf
from extract.model import Document
from extract.ocr import OCR_NEVER
from kompass import __version__
from kompass.cache import Cache, InvalidEntry, key_of
from kompass.codec import Codec
from kompass.corrections import CorrectionOutcome, Corrections, apply_corrections
from kompass.documents import document_rows, problem_code_rows, score_rows
from kompass.faults import fault_point
from kompass.inputs import Inputs, find_inputs, os_error_problem
from kompass.lock import RunLock
from kompass.options import DEFAULTS, OCR_PAGE_SECONDS, OCR_TIMEOUT_FACTOR, Options
from kompass.results import FAILED, READ, REPARSED, REUSED, SKIPPED, CachedFailure, DocumentResult
from kompass.retention import caused_by_environment, lost_to_environment, refusal
from kompass.runlog import RunSummary, outcomes
from kompass.versions import parser_version, reader_version
from kompass.workers import Failure, ScratchUnavailable, check_scratch, remove_abandoned_outcomes, run_isolated
from kompass.writer import recover, write_dataset
from normalize.language import prepare as prepare_language
from normalize.panel import build_panel
from normalize.rows import NormalizedReport, normalize_report
from parsers import parse

_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_MOST_PAGES = 200  # no report is longer; more page objects are junk that must not buy a hang hours
# what the cache may hold: document models (and failures in their place) and the results worked out from them
CACHE_CODEC = Codec((*CACHEABLE_TYPES, Problem, NormalizedReport, DocumentResult, CachedFailure))


class PublishRefused(Exception):
    """The run would replace the dataset with one that lost reports to the run's own environment, or the
    environment (no room in TMPDIR) keeps it from working at all."""


@dataclass(frozen=True)
class _Task:
    path: Path
    source_path: str
    data: bytes
    pdf_reader: str
    model_key: str
    record_key: str


def _task(path: Path, source_path: str, options: Options) -> _Task | DocumentResult:
    """The work on one source, or its failure when the file cannot be read."""
    try:
        fault_point("read_input")
        data = path.read_bytes()
    except OSError as error:
        return DocumentResult(source_path, None, None, [os_error_problem(error, source_path)], FAILED)
    ocr = options.ocr
    model_key = key_of(sha256_of(data), reader_version(options.pdf_reader), ocr.mode, ocr.language, str(ocr.dpi))
    return _Task(path, source_path, data, options.pdf_reader, model_key,
                 key_of(model_key, source_path, parser_version()))


def _timeout(task: _Task, options: Options) -> float:
    """The time limit, plus a page's OCR budget for every page of a PDF that OCR may read, up to
    OCR_TIMEOUT_FACTOR times the limit.

    The pages are counted in the bytes ("/Type /Page" objects), not by a PDF library: the parent
    process parses no document, so a file that crashes a parser can only end its own worker.
    """
    limit = options.limits.timeout
    if options.ocr.mode == OCR_NEVER or not is_pdf(task.path, task.data):
        return limit
    pages = min(len(_PAGE_OBJECT.findall(task.data)), _MOST_PAGES)
    return min(limit + OCR_PAGE_SECONDS * pages, OCR_TIMEOUT_FACTOR * limit)


def _process(task: _Task, cache: Cache, options: Options) -> DocumentResult:
    """Read (or take the cached model of), parse and normalize one document; runs in a worker."""
    clock = time.monotonic()
    result = _read_and_parse(task, cache, options)
    result.seconds = round(time.monotonic() - clock, 3)
    return result


def _read_and_parse(task: _Task, cache: Cache, options: Options) -> DocumentResult:
    notes = []
    try:
        model = None if options.force else cache.load("models", task.model_key)
    except InvalidEntry as invalid:
        model, notes = None, [_invalid_entry(task, "document model", invalid)]
    how = REPARSED if model is not None else READ
    if model is None:
        try:
            model = read_document(task.path, task.source_path, task.data, task.pdf_reader, options.ocr,
                                  None if options.force else _OcrCache(cache))
        except ExtractionError as error:
            failure = problem(error.code, error.message, error.page)
            if not _keepable(failure):
                return DocumentResult(task.source_path, PDF, None, [failure])
            model = CachedFailure(error.code, error.message, error.page)
        except MemoryError:
            raise  # the worker reports it as this document's memory failure
        except Exception as error:  # a reader crash is this document's problem, not the run's
            return DocumentResult(task.source_path, None, None, [problem(
                "extraction_failed",
                f"Reading the file failed: {type(error).__name__}: {error}")])
        cache.store("models", task.model_key, model)
    if isinstance(model, CachedFailure):
        result = DocumentResult(task.source_path, None, None, [model.problem()], how)
    else:
        result = _parsed(dataclasses.replace(model, source_path=task.source_path), how)
    result.problems[:0] = notes
    return result


class _OcrCache:
    """The cache as the OCR reader's store: a damaged entry is simply recognized again."""

    def __init__(self, cache: Cache):
        self.cache = cache

    def load(self, kind: str, key: str) -> object | None:
        try:
            return self.cache.load(kind, key)
        except InvalidEntry:
            return None

    def store(self, kind: str, key: str, value: object) -> None:
        self.cache.store(kind, key, value)


def _keepable(failure: Problem) -> bool:
    """Whether a failure may be cached (the registry's in_cache): not a hang or crash of the OCR engine, which may
    not repeat, nor one of the run's environment (Tesseract missing), which is gone once the environment is
    mended."""
    return code_of(failure).in_cache != NEVER and not caused_by_environment(failure)


def _invalid_entry(task: _Task, kind: str, invalid: InvalidEntry) -> Problem:
    return problem("cache_entry_invalid", f"The cached {kind} of {task.source_path} was not used: {invalid}.")


def _parsed(document: Document, how: str) -> DocumentResult:
    """The document's report; the problems its reader found (unreadable pages) come first."""
    try:
        report = normalize_report(parse(document), __version__)
    except MemoryError:
        raise
    except Exception as error:
        return DocumentResult(document.source_path, document.format, None, [*document.problems, problem(
            "parse_failed",
            f"Parsing the report failed: {type(error).__name__}: {error}")], how)
    return DocumentResult(document.source_path, document.format, report, report.problems, how,
                          pages=len(document.pages))


def _failed(task: _Task, failure: Failure) -> DocumentResult:
    code = {"timeout": "extraction_timeout", "memory": "extraction_memory",
            "environment": "worker_unavailable"}.get(failure.reason, "extraction_crashed")
    return DocumentResult(task.source_path, None, None, [problem(
        code, f"Extracting the document failed: {failure.detail}.")], FAILED)


def _rank(result: DocumentResult) -> tuple:
    """Better copies first: complete, fewer errors, more scored areas, fewer warnings, fewer findings of unknown
    kind, preferred format.

    Not the number of rows: junk appended to a copy adds rows, not quality. Scored areas come before
    warnings because a cut copy has fewer warnings only for having less to check.
    """
    report = result.report
    assert report is not None
    severities = Counter(p.severity for p in result.problems)
    scored = sum(1 for area in report.rows.get("areas", []) if area.get("score") is not None)
    unplaced = sum(1 for finding in report.rows.get("findings", []) if finding["kind"] == UNKNOWN)
    complete = bool(report.rows["reports"][0]["complete"])
    return (not complete, severities["error"], -scored, severities["warning"], unplaced,
            _preference(result.source_format), result.source_path)


def _preference(source_format: str | None) -> int:
    """A format's rank among copies of one report; after every format's for a copy whose format is unknown."""
    known = BY_NAME.get(source_format or "")
    return known.preference if known else max(f.preference for f in BY_NAME.values()) + 1


def _why_kept(kept: DocumentResult, other: DocumentResult) -> str:
    labels = ("it is complete and this one is not", "it has fewer errors", "it has more areas with scores",
              "it has fewer warnings", "it has fewer findings of unknown kind", "its format is preferred",
              "its path sorts first")
    return next(label for label, better, worse in zip(labels, _rank(kept), _rank(other)) if better != worse)


def merge(results: list[DocumentResult], corrections: Corrections | None = None
          ) -> tuple[dict[str, list[Row]], list[Row]]:
    """The rows to publish: one report per report_id, every problem of every document, the corrections applied
    before the panel and the scores are built from the reports' rows."""
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
        assert kept.report is not None  # by_report holds the results that have a report
        for name, rows in kept.report.rows.items():
            tables.setdefault(name, []).extend(rows)
        for other in others:
            problems.append(_problem_row(other.source_path, report_id, problem(
                "duplicate_report",
                f"Another input ({kept.source_path}) is the same report; that one was published instead "
                f"because {_why_kept(kept, other)}.")))
    corrected = apply_corrections(corrections, tables) if corrections else CorrectionOutcome([], [])
    tables["corrections"] = corrected.rows
    panel = build_panel(tables.get("reports", []), tables.get("areas", []), tables.get("prior_scores", []))
    tables["panel"] = panel.rows
    tables.update(catalog_rows())
    problems += [_problem_row(source_path, report_id, problem) for source_path, report_id, problem in panel.problems]
    tables["documents"] = document_rows(results, tables.get("reports", []), problems)
    tables["scores"] = score_rows(tables.get("reports", []), tables.get("areas", []))
    tables["problem_codes"] = problem_code_rows()
    # after documents: a document's status says what its extraction gave, whatever a correction made of it
    problems += [_problem_row(source_path, report_id, found) for source_path, report_id, found in corrected.problems]
    return tables, problems


def _problem_row(source_path: str, report_id: str | None, problem: Problem) -> Row:
    return {"source_path": source_path, "report_id": report_id, "severity": problem.severity,
            "code": problem.code, "message": problem.message, "page": problem.page}


def extract_documents(sources: list[tuple[Path, str]], options: Options, cache: Cache,
                      progress: Callable[[DocumentResult], None] = lambda result: None) -> list[DocumentResult]:
    """Every source's result, in source order: reused from the cache where possible, else worked out."""
    results: dict[str, DocumentResult] = {}
    notes: dict[str, Problem] = {}  # invalid cache entries, said on the document they belonged to
    to_do: list[_Task] = []
    for path, source_path in sources:
        task = _task(path, source_path, options)
        if isinstance(task, DocumentResult):
            results[source_path] = task
            progress(task)
            continue
        try:
            cached = None if options.force else cache.load("records", task.record_key)
        except InvalidEntry as invalid:
            cached, notes[source_path] = None, _invalid_entry(task, "record", invalid)
        if cached is not None:
            results[source_path] = dataclasses.replace(cached, how=REUSED, seconds=None)
            progress(results[source_path])
        else:
            to_do.append(task)

    def done(task: _Task, outcome: DocumentResult | Failure) -> None:
        result = _failed(task, outcome) if isinstance(outcome, Failure) else outcome
        if not isinstance(outcome, Failure) and all(map(_keepable, result.problems)):
            # a note about this run's cache is not part of the record
            cache.store("records", task.record_key, dataclasses.replace(
                result, problems=[p for p in result.problems if code_of(p).in_cache != DROPPED]))
        if task.source_path in notes:
            result.problems.insert(0, notes[task.source_path])
        results[task.source_path] = result
        progress(result)

    if to_do:
        check_scratch()
        _load_libraries(to_do, options.pdf_reader)
    working = dataclasses.replace(options, ocr=dataclasses.replace(
        options.ocr, page_workers=page_workers(options.jobs, len(to_do))))
    run_isolated(to_do, lambda task: _process(task, cache, working), options.jobs, options.limits, done,
                 lambda task: _timeout(task, options))
    return [results[source_path] for _, source_path in sources]


def page_workers(jobs: int, documents: int) -> int:
    """Pages of a scan OCR'd at once (extract.ocr): the job slots that no document takes are shared out, so one
    scan with two jobs reads two pages at once, and a run of many documents one page per document."""
    return max(1, jobs // max(1, documents))


def _load_libraries(tasks: list[_Task], pdf_reader: str) -> None:
    """Loads the costly libraries once, before the workers fork, so they share them instead of each loading them.

    The lemma table (0.06 CPU s, 23 MB) and the pattern of municipality names
    (0.012 CPU s, a tenth of a re-parse) are made here only for more than one
    document: a single document's worker makes them itself, the lemma table
    only if its report has findings.
    """
    if any(declares_pdf(task.path) for task in tasks):
        import_module(READERS[pdf_reader])
    if len(tasks) > 1:
        prepare_language()
        prepare_names()


def _corrections_record(corrections: Corrections | None, rows: list[Row]) -> dict | None:
    """Which corrections file the run applied (its SHA-256 says which version of it) and its rows by status."""
    if corrections is None:
        return None
    return {"path": corrections.path, "sha256": corrections.sha256, **CorrectionOutcome(rows, []).counts()}


def run_extract(inputs: list[Path] | Inputs, out_dir: Path, options: Options = DEFAULTS,
                progress: Callable[[DocumentResult], None] = lambda result: None) -> RunSummary:
    """The whole job under the output's lock, on the files and folders `inputs`, or on the walk of them that a
    caller made to count them first (find_inputs(roots, out_dir)).

    Raises kompass.lock.Busy if another run holds the lock, PublishRefused if the
    run's environment lost reports the dataset had or leaves no room to work, OSError if the output cannot be
    written.
    """
    started, clock = time.strftime("%Y-%m-%dT%H:%M:%S%z"), time.monotonic()
    with RunLock(out_dir) as lock:
        recover(out_dir)
        remove_abandoned_outcomes()
        found = inputs if isinstance(inputs, Inputs) else find_inputs(inputs, out_dir)
        sources = found.sources
        cache = Cache(options.cache_dir, CACHE_CODEC)
        cache.check()
        try:
            results = extract_documents(sources, options, cache, progress)
        except ScratchUnavailable as scratch:
            raise PublishRefused(f"nothing published: {scratch}; {out_dir} was left as it was") from None
        lost = lost_to_environment(out_dir, results, found.skipped)
        if lost:
            raise PublishRefused(refusal(out_dir, lost))
        # an input that is not read still has its outcome: a row of documents with the problem that says why
        results += [DocumentResult(source_path, None, None, [skipped], SKIPPED)
                    for source_path, skipped in found.skipped]
        tables, problems = merge(results, options.corrections)
        if cache.unavailable:
            problems.append(_problem_row("", None, problem(
                "cache_unavailable", f"The cache was not used: {cache.unavailable}.")))
        tables["problems"] = problems
        summary = RunSummary(out_dir, tables["documents"], problems, len(tables.get("reports", [])))
        severities, work = summary.severities, Counter(result.how for result in results)
        versions = {"kompass.extractor_version": __version__, "kompass.catalog_version": catalog_version()}
        record = {
            "started": started, "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "inputs": len(sources), "extracted": work[READ], "reparsed": work[REPARSED], "reused": work[REUSED],
            "failed": len(summary.failed), "reports": summary.reports, "out": str(out_dir),
            "input_roots": [str(root.resolve()) for root in found.roots],  # where the QA report finds the sources
            "problems_by_severity": {s: severities[s] for s in SEVERITIES},
            "versions": {**versions, "reader": reader_version(options.pdf_reader), "parser": parser_version()},
            "jobs": options.jobs, "forced": options.force, "stale_lock_taken_over": lock.previous is not None,
            "exit_status": 1 if severities[ERROR] else 0, "documents": outcomes(summary.documents),
            "corrections": _corrections_record(options.corrections, tables["corrections"]),
        }
        summary.seconds = time.monotonic() - clock
        record["seconds"] = round(summary.seconds, 3)
        write_dataset(out_dir, tables, versions, record)
        summary.record = record
    summary.seconds = time.monotonic() - clock
    return summary
