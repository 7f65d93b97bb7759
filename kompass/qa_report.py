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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

import click

from domain.catalog import TOTAL_MAX_SCORE
from domain.problems import ERROR, INFO, SEVERITIES, WARNING
from kompass.changes import GONE, NEW, SubjectChanges, compare
from kompass.digest import DIGEST_FILE, PREVIOUS_DIGEST_FILE, read_digest

RUNS_FILE = "runs.jsonl"
SEVERITY_COLOURS = {ERROR: "#c62828", WARNING: "#ef8f00", INFO: "#1e88e5"}
FINDING_KINDS = ("strength", "improvement", "unknown")
COUNTED_TABLES = ("subquestions", "rubrics", "sections", "prior_scores")
METADATA_KEYS = ("kompass.extractor_version", "kompass.catalog_version")

Row = dict[str, object]


@dataclass
class Dataset:
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


@dataclass
class Document:
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


def load_dataset(directory: Path) -> Dataset:
    """Read what the report shows from a dataset directory (missing tables read as empty)."""
    row_counts = {name: Counter(str(row["report_id"]) for row in _read(directory, name, ["report_id"]))
                  for name in COUNTED_TABLES if (directory / f"{name}.parquet").exists()}
    runs, unreadable = _read_runs(directory)
    return Dataset(directory, _read(directory, "documents"), _read(directory, "reports"), _read(directory, "areas"),
                   _read(directory, "findings", ["report_id", "kind", "kind_guess"]), _read(directory, "problems"),
                   row_counts, _metadata(directory), runs, unreadable, read_digest(directory / DIGEST_FILE),
                   read_digest(directory / PREVIOUS_DIGEST_FILE))


def _by_report(rows: list[Row]) -> dict[object, list[Row]]:
    grouped: dict[object, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row["report_id"], []).append(row)
    return grouped


def documents(dataset: Dataset) -> list[Document]:
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
        document = Document(row, report, own)
        if report is not None:
            own_findings = findings.get(report["report_id"], [])
            document.areas = sorted(areas.get(report["report_id"], []), key=lambda a: int(a["area_no"]))
            document.findings = Counter(str(f["kind"]) for f in own_findings)
            document.findings["unknown, kind guessed"] = sum(
                1 for f in own_findings if f["kind"] == "unknown" and f["kind_guess"] is not None)
        result.append(document)
    return result


# Charts: horizontal bars as inline SVG.

def bar_chart(rows: list[tuple[str, list[tuple[float, str, str]]]], scale_max: float, label: str,
              plot_width: int = 300) -> str:
    """An SVG of one bar per row; a row is (label, [(value, colour, tooltip), ...]) with stacked segments.

    The labels are shown whole: the chart is as wide as its longest label needs.
    A row without segments gets no bar and "n/a" for its value.
    """
    # about 8 px a character at 11 px: enough for upper-case titles ("OFFENTLIGHET OCH DEMOKRATI")
    label_width = 8 * max((len(row_label) for row_label, _ in rows), default=0) + 10
    row_height, value_width = 22, 50
    width = label_width + plot_width + value_width
    height = row_height * len(rows) + 24
    scale_max = scale_max or 1
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
              f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">')]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = label_width + tick * plot_width
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 18}" stroke="#ddd"/>'
                     f'<text x="{x:.1f}" y="{height - 4}" font-size="10" text-anchor="middle" fill="#666">'
                     f'{tick * scale_max:g}</text>')
    for index, (row_label, segments) in enumerate(rows):
        y = index * row_height
        parts.append(f'<text x="{label_width - 6}" y="{y + 15}" font-size="11" text-anchor="end">'
                     f'{escape(row_label)}<title>{escape(row_label)}</title></text>')
        x = float(label_width)
        for value, colour, tooltip in segments:
            bar = max(value, 0) / scale_max * plot_width
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{bar:.1f}" height="{row_height - 6}" '
                         f'fill="{colour}"><title>{escape(tooltip)}</title></rect>')
            x += bar
        total = f"{sum(value for value, _, _ in segments):g}" if segments else "n/a"
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12">{total}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _total_scores_chart(docs: list[Document]) -> str:
    rows = [(str(d.report["report_id"]), [(float(total), "#3f6fb5", f"{d.report['report_id']}: {total}")]
             if (total := _total(d)) is not None else []) for d in docs if d.report is not None]
    return bar_chart(rows, TOTAL_MAX_SCORE, "Total score per report") if rows else "<p>No reports.</p>"


def _problems_chart(problems: list[Row]) -> str:
    by_code: dict[str, Counter[str]] = {}
    for problem in problems:
        by_code.setdefault(str(problem["code"]), Counter())[str(problem["severity"])] += 1
    if not by_code:
        return "<p>No problems.</p>"
    rows = [(code, [(float(counts[s]), SEVERITY_COLOURS.get(s, "#888"), f"{code}: {counts[s]} {s}")
                    for s in SEVERITIES if counts[s]])
            for code, counts in sorted(by_code.items(), key=lambda item: (-sum(item[1].values()), item[0]))]
    most = max(sum(counts.values()) for counts in by_code.values())
    # a multiple of 4, so the ticks are whole numbers
    return bar_chart(rows, -(-most // 4) * 4, "Problems by code")


def _areas_chart(document: Document) -> str:
    rows = [(f"{a['area_no']} {a['title']}", [(float(a["score"]), "#2e7d5b", f"Område {a['area_no']}: {a['score']}")])
            for a in document.areas]
    return bar_chart(rows, 100, f"Area scores of {document.report['report_id']}", 400) if rows else ""


# HTML.

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;
padding:0 1rem;color:#222;line-height:1.4}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right}
.status{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;font-size:.85rem;color:#fff}
.s-ok{background:#2e7d32}.s-partial{background:#ef8f00}.s-failed{background:#c62828}.s-not-published{background:#757575}
.sev-error{color:#c62828;font-weight:600}.sev-warning{color:#b26a00}.sev-info{color:#1565c0}
section.document{border:1px solid #ddd;border-radius:.4rem;padding:0 1rem 1rem;margin:1rem 0}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}
ul.run-record{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));
gap:.2rem 1rem;font-size:.9rem}ul.run-record span{overflow-wrap:anywhere}.muted{color:#666}
div.change{border-left:4px solid #3f6fb5;padding:0 0 .2rem 1rem;margin:1rem 0}
.added{color:#2e7d32}.lost{color:#c62828}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:600}dd{margin:0}
table.overview{display:block;overflow-x:auto;font-size:.9rem}
"""


def _cell(value: object, numeric: bool = False) -> str:
    text = "—" if value is None else str(value)
    return f'<td class="num">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"


def _status_badge(status: str) -> str:
    return f'<span class="status s-{escape(status.replace(" ", "-"))}">{escape(status)}</span>'


def _document_badges(doc: Document) -> str:
    """Its status; a report that is not the published one (a duplicate's other input) says so."""
    unpublished = doc.row["report_id"] is not None and not doc.row["published"]
    return _status_badge(doc.status) + (" " + _status_badge("not published") if unpublished else "")


def _total(document: Document) -> int | None:
    assert document.report is not None
    return document.report["total_score"]  # type: ignore[return-value]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _run_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _run_section(dataset: Dataset, docs: list[Document]) -> str:
    severities = Counter(str(p["severity"]) for p in dataset.problems)
    statuses = Counter(d.status for d in docs)
    facts = [("Dataset", str(dataset.directory)),
             ("Report generated", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
             ("Documents", str(len(docs))), ("Reports published", str(len(dataset.reports))),
             ("Documents by status", ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) or "none"),
             ("Problems", ", ".join(_count(severities[s], s) for s in SEVERITIES)),
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
                 f'{_total_scores_chart(docs)}</figure><figure><figcaption>Problems by code and severity'
                 f'</figcaption>{_problems_chart(dataset.problems)}</figure></div></section>')
    return "".join(parts)


def _overview_table(docs: list[Document]) -> str:
    rows = ["<table class=\"overview\"><tr><th>Document</th><th>Status</th><th>Report</th><th>Format</th>"
            "<th>Reader</th><th>Source pages</th><th>Seconds</th><th>Work</th><th>Total</th>"
            + "".join(f"<th>{s}s</th>" for s in SEVERITIES) + "<th>Error</th></tr>"]
    for index, doc in enumerate(docs):
        counts, row = doc.severity_counts, doc.row
        rows.append(f'<tr><td><a href="#doc-{index}">{escape(doc.source_path)}</a></td>'
                    f"<td>{_document_badges(doc)}</td>{_cell(row['report_id'])}{_cell(row['source_format'])}"
                    f"{_cell(row.get('reader'))}"
                    f"{_cell(row['source_pages'], True)}{_cell(row['seconds'], True)}{_cell(_work(row))}"
                    f"{_cell(_total(doc) if doc.report else None, True)}"
                    + "".join(_cell(counts[s], True) for s in SEVERITIES) + _cell(_error(row)) + "</tr>")
    rows.append("</table>")
    return '<section id="documents"><h2>Documents</h2>' + "".join(rows) + "</section>"


def _work(row: Row) -> str:
    return f"{row['work']}, {'cache used' if row['cache_hit'] else 'no cache'}"


def _error(row: Row) -> str | None:
    return None if row["error_code"] is None else f"{row['error_code']}: {row['error_message']}"


def source_file(dataset: Dataset, source_path: str) -> Path | None:
    """The input file a source path names, found under the input roots of the last run (None if it is gone)."""
    roots = [Path(root) for root in (dataset.runs[-1].get("input_roots", []) if dataset.runs else [])]
    for root in roots:
        candidate = root if root.is_file() else root / source_path
        if candidate.is_file() and (root.is_dir() or root.name == source_path):
            return candidate
    return None


def page_cell(problem: Row, source: Path | None) -> str:
    """The page, linked to that page of the source where it is a PDF this machine has."""
    if problem["page"] is None or source is None or source.suffix.lower() != ".pdf":
        return _cell(problem["page"], True)
    link = f"{source.resolve().as_uri()}#page={problem['page']}"
    return f'<td class="num"><a href="{escape(link)}">{problem["page"]}</a></td>'


def _problems_table(problems: list[Row], dataset: Dataset) -> str:
    if not problems:
        return "<p>No problems.</p>"
    rows = ['<table class="problems"><tr><th>Severity</th><th>Code</th><th>Page</th><th>Message</th></tr>']
    for problem in problems:
        severity = str(problem["severity"])
        source = source_file(dataset, str(problem["source_path"]))
        rows.append(f'<tr><td class="sev-{escape(severity)}">{escape(severity)}</td>{_cell(problem["code"])}'
                    f'{page_cell(problem, source)}{_cell(problem["message"])}</tr>')
    return "".join(rows) + "</table>"


# Changes since the previous run.

def _findings_table(findings: list[Row], css_class: str) -> str:
    return (f'<table class="findings {css_class}"><tr><th>Area</th><th>Kind</th><th>Text</th></tr>'
            + "".join(f"<tr>{_cell(f['area_no'], True)}{_cell(f['kind'])}{_cell(f['text'])}</tr>" for f in findings)
            + "</table>")


def _signed(before: object, after: object) -> str | None:
    if isinstance(before, int) and isinstance(after, int):
        return f"{after - before:+d}"
    return None


def _subject_changes(change: SubjectChanges, dataset: Dataset) -> str:
    parts = [f'<div class="change"><h3>{escape(change.subject)} <span class="muted">'
             f'({escape(change.kind)}; {escape(change.source_path)})</span></h3>']
    if change.kind in (NEW, GONE):
        parts.append("<p>New in this run.</p>" if change.kind == NEW else "<p>Not in this run.</p>")
    if change.scores:
        parts.append('<table class="score-changes"><tr><th>Score</th><th>Before</th><th>After</th><th>Change</th></tr>'
                     + "".join(f"<tr>{_cell(c.label)}{_cell(c.before, True)}{_cell(c.after, True)}"
                               f"{_cell(_signed(c.before, c.after), True)}</tr>" for c in change.scores) + "</table>")
    for title, rows, css_class in ((f"Findings added: {len(change.findings_added)}", change.findings_added, "added"),
                                   (f"Findings lost: {len(change.findings_lost)}", change.findings_lost, "lost")):
        if rows:
            parts.append(f'<h4 class="{css_class}">{escape(title)}</h4>{_findings_table(rows, css_class)}')
    for title, rows, css_class in ((f"New problems: {len(change.problems_new)}", change.problems_new, "added"),
                                   (f"Problems gone: {len(change.problems_gone)}", change.problems_gone, "lost")):
        if rows:
            parts.append(f'<h4 class="{css_class}">{escape(title)}</h4>{_problems_table(rows, dataset)}')
    return "".join(parts) + "</div>"


def changes_summary(changes: list[SubjectChanges]) -> str:
    """One line: how many reports changed, came and went, and how many scores, findings and problems."""
    kinds = Counter(change.kind for change in changes)
    return (f"{_count(kinds['changed'], 'report')} changed, {kinds[NEW]} new, {kinds[GONE]} gone; "
            f"{_count(sum(len(c.scores) for c in changes), 'score')} changed, "
            f"{_count(sum(len(c.findings_added) for c in changes), 'finding')} added, "
            f"{sum(len(c.findings_lost) for c in changes)} lost, "
            f"{_count(sum(len(c.problems_new) for c in changes), 'new problem')}, "
            f"{sum(len(c.problems_gone) for c in changes)} gone.")


def _changes_section(dataset: Dataset) -> str:
    parts = ['<section id="changes"><h2>Changes since the previous run</h2>']
    if dataset.digest is None:
        parts.append(f"<p>This dataset has no {DIGEST_FILE} (it was written by an older kompass): "
                     "the next run can be compared with this one.</p>")
    elif dataset.previous_digest is None:
        parts.append("<p>No previous run: this is the first run of this dataset.</p>" if len(dataset.runs) <= 1
                     else f"<p>No previous run to compare with: the dataset this run replaced has no {DIGEST_FILE} "
                          "(it was written by an older kompass).</p>")
    else:
        changes = compare(dataset.previous_digest, dataset.digest)
        started = dataset.previous_digest.get("run_started") or "unknown"
        parts.append(f'<p class="summary">Compared with the previous run (started {escape(str(started))}): '
                     f"{escape(changes_summary(changes))}</p>")
        parts += [_subject_changes(change, dataset) for change in changes]
    return "".join(parts) + "</section>"


def _document_section(index: int, doc: Document, dataset: Dataset) -> str:
    row = doc.row
    parts = [f'<section class="document" id="doc-{index}">'
             f'<h2>{escape(doc.source_path)} {_document_badges(doc)}</h2>']
    facts: list[tuple[str, object]] = [
        ("Format", row["source_format"]), ("Reader", row.get("reader")),
        ("Source pages", row["source_pages"]),
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
        counts = [(f"findings: {kind}", doc.findings[kind]) for kind in (*FINDING_KINDS, "unknown, kind guessed")]
        counts += [(name.replace("_", " "), dataset.row_counts[name][report_id]) for name in COUNTED_TABLES
                   if name in dataset.row_counts]
        parts.append('<div class="charts"><table class="counts"><tr><th>Rows</th><th>Count</th></tr>'
                     + "".join(f"<tr>{_cell(name)}{_cell(n, True)}</tr>" for name, n in counts) + "</table>")
        parts.append('<table class="areas"><tr><th>Area</th><th>Title</th><th>Score</th></tr>'
                     + "".join(f"<tr>{_cell(a['area_no'], True)}{_cell(a['title'])}{_cell(a['score'], True)}</tr>"
                               for a in doc.areas) + "</table>")
        parts.append(f"<figure><figcaption>Area scores (0-100)</figcaption>{_areas_chart(doc)}</figure></div>")
    parts.append("<h3>Problems</h3>" + _problems_table(doc.problems, dataset) + "</section>")
    return "".join(parts)


def render_report(dataset: Dataset, docs: list[Document] | None = None) -> str:
    """The whole HTML page for a dataset (docs: its documents, when already made)."""
    docs = documents(dataset) if docs is None else docs
    body = [_run_section(dataset, docs), _changes_section(dataset), _overview_table(docs),
            *(_document_section(index, doc, dataset) for index, doc in enumerate(docs))]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>kompass QA report: {escape(dataset.directory.name)}</title><style>{CSS}</style></head><body>"
            f"<h1>kompass QA report</h1><p class=\"muted\">{escape(str(dataset.directory))}</p>"
            + "".join(body) + "</body></html>\n")


class DatasetError(click.ClickException):
    """The dataset cannot be read or the report not written: the environment's trouble, exit status 3."""

    exit_code = 3


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"))
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write.  [default: DATASET/report.html]")
def report(dataset: Path, out_file: Path | None) -> None:
    """Write a self-contained HTML quality report of DATASET (default data/processed)."""
    import pyarrow as pa  # not at import: `kompass --help` loads this module

    if not dataset.is_dir():
        raise click.UsageError(f"no such dataset directory: {dataset}")
    if not any((dataset / f"{name}.parquet").exists() for name in ("reports", "problems")):
        raise click.UsageError(f"not a kompass dataset (no reports.parquet or problems.parquet): {dataset}")
    try:
        loaded = load_dataset(dataset)
    except (OSError, ValueError, pa.ArrowException) as error:  # a damaged table or run log
        raise DatasetError(f"cannot read the dataset {dataset} ({type(error).__name__}: {error}); "
                           "extract it again") from None
    docs = documents(loaded)
    out_file = out_file or dataset / "report.html"
    try:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(render_report(loaded, docs), encoding="utf-8")
    except OSError as error:
        raise DatasetError(f"cannot write {out_file}: {error.strerror or error}") from None
    statuses = Counter(doc.status for doc in docs)
    click.echo(f"kompass: wrote {out_file} ({_count(sum(statuses.values()), 'document')}: "
               + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) + ")")
