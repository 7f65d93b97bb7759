"""`kompass report`: a self-contained HTML quality report of one dataset.

Per document (every input: published, failed or superseded by a duplicate) it
shows its status as documents.parquet has it, how it was read, the scores, the
counts of findings and every problem with its page; above them a summary of
the run, from `runs.jsonl` when the dataset has one, else from the tables and
their Parquet metadata, and what the run changed since the previous one (from
the digests the writer keeps, kompass.digest). One HTML file with inline CSS
and inline SVG charts: nothing is fetched, no script is needed.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from domain.catalog import AREA_MAX_SCORE, TOTAL_MAX_SCORE
from domain.problems import SEVERITIES
from domain.records import FINDING_KINDS, Row
from kompass.qa_changes import changes_section
from kompass.qa_charts import area_scores_chart, problems_chart, total_scores_chart
from kompass.qa_crops import Pictures
from kompass.qa_dataset import (
    COUNTED_TABLES,
    GUESSED_FINDINGS,
    RUNS_FILE,
    QaDataset,
    QaDocument,
    documents,
    is_dataset,
    load_dataset,
)
from kompass.qa_html import CSS, cell, count, problems_table, status_badge


def _document_badges(doc: QaDocument) -> str:
    """Its status; a report that is not the published one (a duplicate's other input) says so."""
    unpublished = doc.row["report_id"] is not None and not doc.row["published"]
    return status_badge(doc.status) + (" " + status_badge("not published") if unpublished else "")


def _total(document: QaDocument) -> int | None:
    assert document.report is not None
    return document.report["total_score"]  # type: ignore[return-value]


def _totals(docs: list[QaDocument]) -> list[tuple[str, int | None]]:
    return [(str(doc.report["report_id"]), _total(doc)) for doc in docs if doc.report is not None]


def _run_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _run_section(dataset: QaDataset, docs: list[QaDocument]) -> str:
    severities = Counter(str(p["severity"]) for p in dataset.problems)
    statuses = Counter(d.status for d in docs)
    facts = [("Dataset", str(dataset.directory)),
             ("Report generated", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
             ("Documents", str(len(docs))), ("Reports published", str(len(dataset.reports))),
             ("Documents by status", ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) or "none"),
             ("Problems", ", ".join(count(severities[s], s) for s in SEVERITIES)),
             *[(key.removeprefix("kompass.").replace("_", " ").capitalize(), value)
               for key, value in dataset.metadata.items()]]
    parts = ['<section id="run"><h2>Run</h2><dl>',
             *(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts), "</dl>"]
    if dataset.runs:
        last = dataset.runs[-1]
        parts.append(f"<h3>Last run record ({len(dataset.runs)} in {RUNS_FILE})</h3><ul class=\"run-record\">")
        # each document's outcome is the Documents table below, not a value to print here
        parts += [f"<li><b>{escape(str(key))}</b> <span>{escape(_run_value(value))}</span></li>"
                  for key, value in last.items() if key != "documents"]
        parts.append("</ul>")
    else:
        parts.append(f'<p class="muted">No {RUNS_FILE} in the dataset: the summary comes from the tables.</p>')
    if dataset.unreadable_run_lines:
        parts.append(f"<p>{dataset.unreadable_run_lines} line(s) of {RUNS_FILE} could not be read.</p>")
    parts.append(f'<div class="charts"><figure><figcaption>Total score per report (0-{TOTAL_MAX_SCORE})</figcaption>'
                 f'{total_scores_chart(_totals(docs))}</figure><figure><figcaption>Problems by code and severity'
                 f'</figcaption>{problems_chart(dataset.problems)}</figure></div></section>')
    return "".join(parts)


def _overview_table(docs: list[QaDocument]) -> str:
    rows = ["<div class=\"wide\"><table class=\"overview\"><tr><th>Document</th><th>Status</th><th>Report</th>"
            "<th>Format</th><th>Reader</th><th>Source pages</th><th>Seconds</th><th>Work</th><th>Total</th>"
            "<th>" + " / ".join(f"{s}s" for s in SEVERITIES) + "</th><th>Error</th></tr>"]
    for index, doc in enumerate(docs):
        counts, row = doc.severity_counts, doc.row
        rows.append(f'<tr><td><a href="#doc-{index}">{escape(doc.source_path)}</a></td>'
                    f"<td>{_document_badges(doc)}</td>{cell(row['report_id'])}{cell(row['source_format'])}"
                    # .get: a dataset of an older kompass lacks these columns
                    f"{cell(row.get('reader'))}"
                    f"{cell(row.get('source_pages'), True)}{cell(row['seconds'], True)}{cell(_work(row))}"
                    f"{cell(_total(doc) if doc.report else None, True)}"
                    + cell(" / ".join(str(counts[s]) for s in SEVERITIES), True) + cell(_error(row)) + "</tr>")
    rows.append("</table></div>")
    return '<section id="documents"><h2>Documents</h2>' + "".join(rows) + "</section>"


def _work(row: Row) -> str:
    return f"{row['work']}, {'cache used' if row['cache_hit'] else 'no cache'}"


def _error(row: Row) -> str | None:
    return None if row["error_code"] is None else f"{row['error_code']}: {row['error_message']}"



def _document_section(index: int, doc: QaDocument, dataset: QaDataset, pictures: Pictures) -> str:
    row = doc.row
    parts = [f'<section class="document" id="doc-{index}">'
             f'<h2>{escape(doc.source_path)} {_document_badges(doc)}</h2>']
    facts: list[tuple[str, object]] = [
        ("Format", row["source_format"]), ("Reader", row.get("reader")),
        ("Source pages", row.get("source_pages")),
        ("Seconds", row["seconds"]), ("Work", _work(row))]
    if doc.report is not None:
        report, report_id = doc.report, str(doc.report["report_id"])
        area_sum = sum(int(a["score"]) for a in doc.areas)  # type: ignore[arg-type]
        facts += [("Report", report_id), ("Municipality", f"{report['municipality']} ({report['municipality_code']})"),
                  ("Year", report["year"]), ("Criteria version", report["criteria_version"]),
                  ("Evaluation number", report["evaluation_number"]), ("Report date", report["report_date"]),
                  ("Rendering", report["rendering"]), ("Report pages", report["page_count"]),
                  ("Complete", "yes" if report["complete"] else "no"),
                  ("Total score", report["total_score"]),
                  ("Sum of area scores", f"{area_sum} ({len(doc.areas)} areas)")]
    parts.append("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape('—' if v is None else str(v))}</dd>"
                                  for k, v in facts) + "</dl>")
    if doc.report is not None:
        counts = [(f"findings: {kind}", doc.findings[kind]) for kind in (*FINDING_KINDS, GUESSED_FINDINGS)]
        counts += [(name.replace("_", " "), dataset.row_counts[name][report_id]) for name in COUNTED_TABLES
                   if name in dataset.row_counts]
        parts.append('<div class="charts"><table class="counts"><tr><th>Rows</th><th>Count</th></tr>'
                     + "".join(f"<tr>{cell(name)}{cell(n, True)}</tr>" for name, n in counts) + "</table>")
        parts.append('<table class="areas"><tr><th>Area</th><th>Title</th><th>Score</th></tr>'
                     + "".join(f"<tr>{cell(a['area_no'], True)}{cell(a['title'])}"
                               f"{cell(a['score'], True, pictures.of_area(report_id, a['area_no']))}</tr>"
                               for a in doc.areas) + "</table>")
        parts.append(f"<figure><figcaption>Area scores (0-{AREA_MAX_SCORE})</figcaption>"
                     f"{area_scores_chart(report_id, doc.areas)}</figure></div>")
    parts.append("<h3>Problems</h3>" + problems_table(doc.problems, dataset, pictures=pictures) + "</section>")
    return "".join(parts)


def render_report(dataset: QaDataset, docs: list[QaDocument] | None = None) -> str:
    """The whole HTML page for a dataset (docs: its documents, when already made)."""
    docs = documents(dataset) if docs is None else docs
    pictures = Pictures(dataset)
    body = [_run_section(dataset, docs), changes_section(dataset, pictures), _overview_table(docs),
            *(_document_section(index, doc, dataset, pictures) for index, doc in enumerate(docs))]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>kompass QA report: {escape(dataset.directory.name)}</title><style>{CSS}</style></head><body>"
            f"<h1>kompass QA report</h1><p class=\"muted\">{escape(str(dataset.directory))}</p>"
            + "".join(body) + "</body></html>\n")


class ReportRefused(Exception):
    """The report cannot be written as asked (no dataset there, a target that would harm it): a usage error."""


class ReportFailed(Exception):
    """The dataset cannot be read or the report not written: the environment's trouble."""


def write_report(dataset: Path, out_file: Path | None = None) -> tuple[Path, Counter[str]]:
    """Writes the report of `dataset` to `out_file` (default DATASET/report.html); its path and the documents by
    status. Raises ReportRefused for a usage error, ReportFailed when the dataset cannot be read or the file not
    written."""
    import pyarrow as pa  # not at import: `kompass --help` loads this module

    from kompass.targets import harm

    if not dataset.is_dir():
        raise ReportRefused(f"no such dataset directory: {dataset}")
    if not is_dataset(dataset):
        raise ReportRefused(f"not a kompass dataset (no reports.parquet or problems.parquet): {dataset}")
    try:
        loaded = load_dataset(dataset)
    except (OSError, ValueError, pa.ArrowException) as error:  # a damaged table or run log
        raise ReportFailed(f"cannot read the dataset {dataset} ({type(error).__name__}: {error}); "
                           "extract it again") from None
    docs = documents(loaded)
    out_file = out_file or dataset / "report.html"
    refusal = harm(dataset, out_file, report=True)
    if refusal:
        raise ReportRefused(f"refusing to write the report to {out_file}: {refusal}; choose an .html file in "
                            "the dataset's folder or outside the dataset and its inputs")
    partial = out_file.parent / f".{out_file.name}.partial"
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(render_report(loaded, docs), encoding="utf-8")
        partial.replace(out_file)  # an interrupted report leaves the earlier one, never half of one
    except OSError as error:
        raise ReportFailed(f"cannot write {out_file}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)
    return out_file, Counter(doc.status for doc in docs)
