"""The `kompass` command line.

Each command imports what it works with when it runs, so `kompass --help` and
a usage error cost no more than click (pyarrow, the parsers and the PDF
readers load only for a command that needs them). Every command ends on Ctrl-C
with exit status 130 and on SIGTERM with 143, saying one line (kompass.stopping);
a command adds to that line what the user needs to know (`on_stop`).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import click

from domain.problems import ERROR
from extract.ocr import OCR_MODES
from extract.pdf import READERS
from kompass import __version__
from kompass.options import DEFAULTS, OCR_PAGE_SECONDS, OCR_TIMEOUT_FACTOR
from kompass.runlog import shown
from kompass.stopping import Terminated, ignore_signals, raising_signals, stop_line

# 3: the run's environment (output not writable, disk full, inputs of the dataset unreadable) kept it from publishing;
# 130 and 143 (kompass.stopping): interrupted (Ctrl-C) and terminated (SIGTERM)
EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3
_ON_STOP = "kompass.on_stop"


class _StoppableGroup(click.Group):
    """Commands that end with one line and 130 or 143 when interrupted or terminated, at any moment."""

    def invoke(self, ctx: click.Context):
        with raising_signals():
            try:
                return super().invoke(ctx)
            except (KeyboardInterrupt, Terminated) as stop:
                ignore_signals()  # a second Ctrl-C must not cut the line short
                line, status = stop_line(stop, ctx.meta.get(_ON_STOP, lambda: "")())
                click.echo(line, err=True)
                sys.exit(status)


def on_stop(note: Callable[[], str]) -> None:
    """What the running command adds to its stop line, worked out when it stops ("; the dataset ... was kept")."""
    click.get_current_context().meta[_ON_STOP] = note


@click.group(cls=_StoppableGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kompass")
def main() -> None:
    """Turn KommunKompassen evaluation reports into Parquet datasets."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"),
              show_default=True, help="Dataset directory to write.")
@click.option("--jobs", type=click.IntRange(min=1), default=DEFAULTS.jobs, show_default="the number of cores",
              help="Documents extracted at once, each in a process of its own.")
@click.option("--force", is_flag=True, help="Ignore the caches: read and parse every document again.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path, file_okay=False), default=Path(".kompass-cache"),
              show_default=True, envvar="KOMPASS_CACHE",
              help="Where document models and parsed records are kept between runs (or $KOMPASS_CACHE).")
@click.option("--no-cache", is_flag=True, help="Neither use nor keep a cache.")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULTS.limits.timeout, show_default=True,
              help="Seconds one document may take before it is given up as an error. A PDF that OCR may read gets "
                   f"{OCR_PAGE_SECONDS:g} seconds more for each of its pages, up to {OCR_TIMEOUT_FACTOR} times this "
                   "limit in all.")
@click.option("--memory-limit", type=click.IntRange(min=64), default=DEFAULTS.limits.memory_mb, show_default=True,
              help="Megabytes of memory one document's process may use.")
@click.option("--pdf-reader", type=click.Choice(sorted(READERS)), default=DEFAULTS.pdf_reader, show_default=True,
              help="The library that reads PDFs: PDFium (fast) or pdfplumber (the slow reference).")
@click.option("--ocr", type=click.Choice(OCR_MODES), default=DEFAULTS.ocr.mode, show_default=True,
              help="OCR (Tesseract) for scanned pages: pages without a text layer (auto), every page, or none. "
                   "A scan's time limit grows with its pages (see --timeout).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the run record (every document's outcome) as JSON on stdout instead of the summary line.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr (the summary, failures and warnings stay).")
@click.option("-v", "--verbose", is_flag=True,
              help="Say every warning and error on stderr as its document is done, not only the first few at the end.")
@click.option("--corrections", "corrections_file", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV of corrections (report_id, table, key, field, old, new, reason) to apply to the extracted "
                   "values; each applies only while the extraction still gives its old value (corrections.parquet).")
def extract(inputs: tuple[Path, ...], out_dir: Path, jobs: int, force: bool, cache_dir: Path, no_cache: bool,
            timeout: float, memory_limit: int, pdf_reader: str, ocr: str, as_json: bool, quiet: bool, verbose: bool,
            corrections_file: Path | None) -> None:
    """Extract the reports in INPUTS (files or directories; default data/raw) into OUT."""
    before = _identity(out_dir)
    on_stop(lambda: _state_note(out_dir, before, "dataset"))
    from extract import OcrSettings
    from extract.formats import named_suffixes
    from kompass.corrections import CorrectionsError, read_corrections
    from kompass.inputs import find_inputs
    from kompass.lock import Busy
    from kompass.options import Limits, Options
    from kompass.pipeline import PublishRefused, run_extract
    from kompass.progress import Progress

    roots = list(inputs) or [Path("data/raw")]
    missing = [str(root) for root in roots if not root.exists()]
    if missing:
        raise click.UsageError(f"no such file or directory: {', '.join(missing)}")
    found = find_inputs(roots, out_dir)
    sources = found.sources
    if not sources:
        raise click.UsageError(f"no {named_suffixes()} files found in {', '.join(map(str, roots))}")
    try:
        corrections = read_corrections(corrections_file) if corrections_file else None
    except CorrectionsError as error:
        raise click.UsageError(str(error)) from None
    options = Options(jobs=jobs, force=force, cache_dir=None if no_cache else cache_dir,
                      limits=Limits(timeout=timeout, memory_mb=memory_limit), pdf_reader=pdf_reader,
                      ocr=OcrSettings(mode=ocr), corrections=corrections)
    # a bar on a terminal, a line every few seconds in a log (kompass.progress)
    with Progress(len(sources), quiet=quiet, verbose=verbose) as progress:
        try:
            summary = run_extract(found, out_dir, options, progress=progress.done)
        except Busy as busy:
            click.echo(f"kompass: {busy}", err=True)
            sys.exit(EXIT_USAGE)
        except PublishRefused as refused:
            click.echo(f"kompass: {shown(str(refused))}", err=True)
            sys.exit(EXIT_ENVIRONMENT)
        except OSError as error:
            click.echo(f"kompass: cannot write the dataset {out_dir}: {_os_reason(error)}; "
                       "the previous dataset, if any, was kept", err=True)
            sys.exit(EXIT_ENVIRONMENT)
        except MemoryError:
            click.echo(f"kompass: out of memory{_state_note(out_dir, before, 'dataset')}", err=True)
            sys.exit(EXIT_ENVIRONMENT)
    for line in [] if verbose else summary.stderr_lines():  # verbose said every problem as it came
        click.echo(line, err=True)
    if as_json:
        click.echo(json.dumps(summary.record, ensure_ascii=False, sort_keys=True))
    else:
        click.echo(summary.line())
    sys.exit(EXIT_ERRORS if summary.severities[ERROR] else EXIT_OK)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file or folder is at `path` (device and inode): publishing puts another one there."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _state_note(path: Path, before: tuple[int, int] | None, what: str) -> str:
    """Whether a command that stopped left the dataset or export at `path` as it was."""
    if _identity(path) == before:
        return f"; {path} holds the previous {what}, unchanged" if before else f"; nothing was written to {path}"
    return f"; the new {what} had been put in place at {path}"


def _os_reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


@main.command()
@click.argument("manifest", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--dest", type=click.Path(path_type=Path, file_okay=False), default=Path("data/raw"), show_default=True,
              help="Where to save the reports.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds to wait between requests.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True)
@click.option("--timeout", type=click.FloatRange(min=1), default=60, show_default=True,
              help="Seconds to wait for the server's reply and for each read.")
@click.option("--deadline", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds one report's download may take in all, its retries included.")
@click.option("--max-mb", type=click.IntRange(min=1), default=200, show_default=True,
              help="Largest download kept, in MB: a longer reply is stopped and removed.")
def fetch(manifest: Path, dest: Path, delay: float, retries: int, timeout: float, deadline: float,
          max_mb: int) -> None:
    """Download the reports listed in MANIFEST (CSV: url, sha256, municipality, year) into DEST."""
    on_stop(lambda: f"; the reports downloaded are in {dest}, a partial one is resumed next time if its server "
                    "allows")
    from kompass.fetch import ManifestError, Outcome, Politeness, fetch_all, read_manifest

    try:
        entries = read_manifest(manifest)
    except ManifestError as error:
        raise click.UsageError(str(error)) from None

    def say(outcome: Outcome) -> None:
        where = outcome.path.name if outcome.path else shown(outcome.entry.label)
        click.echo(f"{outcome.status:10} {where}" + (f": {shown(outcome.detail)}" if outcome.detail else ""))

    politeness = Politeness(delay, retries, timeout, deadline, max_mb)
    outcomes = fetch_all(entries, dest, politeness, say)
    counts = Counter(outcome.status for outcome in outcomes)
    click.echo(f"kompass fetch: {counts['downloaded']} downloaded, {counts['present']} already present, "
               f"{counts['failed']} failed")
    sys.exit(EXIT_ERRORS if counts["failed"] else EXIT_OK)


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"))
@click.option("--to", "file_format", type=click.Choice(["sqlite", "duckdb", "csv"]),
              help="sqlite: one file for datasette, sqlite-utils, spreadsheets and R, and beside it its datasette "
                   "metadata (kompass.sqlite: kompass.metadata.json); duckdb: one DuckDB file; csv: a folder of CSV "
                   "files with their datapackage.json. By default OUT's suffix says which: .sqlite, .sqlite3 or .db "
                   "sqlite, .duckdb or .ddb duckdb, none (or a trailing /) csv.")
@click.option("--out", "out_text", type=click.Path(), required=True,
              help="File or folder to write; never the dataset, its inputs or a folder that holds them.")
@click.option("--force", is_flag=True, help="Replace OUT (and its datasette metadata) if it exists.")
@click.option("--raw-csv", is_flag=True,
              help="CSV: write text cells unchanged. By default a cell that begins with =, +, -, @, a tab or a "
                   "carriage return gets a leading apostrophe, so that a spreadsheet does not run it as a formula.")
def export(dataset: Path, file_format: str | None, out_text: str, force: bool, raw_csv: bool) -> None:
    """Export the kompass dataset DATASET (default data/processed) as SQLite, DuckDB or CSV.

    A SQLite export comes with the tables' and columns' descriptions for datasette beside it
    (`datasette kompass.sqlite --metadata kompass.metadata.json`); a DuckDB export holds them as comments.
    """
    # pyarrow and duckdb only for this command
    from kompass.export import ExportError, ExportFailed, Settings, companion_paths, format_for
    from kompass.export import export as write_export

    file_format = file_format or format_for(out_text)
    if file_format is None:
        raise click.UsageError(f"the suffix {Path(out_text).suffix} of {out_text} names no format: pass --to sqlite, "
                               "duckdb or csv (or end OUT in .sqlite or .duckdb, or give it no suffix for csv)")
    if raw_csv and file_format != "csv":
        raise click.UsageError("--raw-csv applies to --to csv only")
    out_path = Path(out_text)
    before = _identity(out_path)
    on_stop(lambda: _state_note(out_path, before, "export"))
    try:
        write_export(dataset, file_format, out_path, force, Settings(raw_csv=raw_csv))
    except ExportError as error:
        raise click.UsageError(str(error)) from None
    except ExportFailed as error:
        click.echo(f"kompass: {error}", err=True)
        sys.exit(EXIT_ENVIRONMENT)
    beside = "".join(f" and its datasette metadata {path}" for path in companion_paths(file_format, out_path))
    click.echo(f"kompass: wrote {out_path} ({file_format}){beside}")


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.argument("report_id")
@click.option("--area", type=click.IntRange(1, 8), help="The area whose score to show.")
@click.option("--code", help="The subquestion (\"1.2\") whose achieved points to show.")
@click.option("--field", help="The field of reports to show (total_score, municipality, year, ...).")
@click.option("--png", type=click.Path(path_type=Path, dir_okay=False),
              help="Write a picture of the value on its page, its box outlined (PDF sources).")
def show(dataset: Path, report_id: str, area: int | None, code: str | None, field: str | None,
         png: Path | None) -> None:
    """Show where a value of report REPORT_ID in DATASET is printed: its page and box, and with --png a picture."""
    from kompass.crops import CropFailed
    from kompass.show import ShowError, describe, find_values, write_crop

    if sum(option is not None for option in (area, code, field)) > 1:
        raise click.UsageError("name one value: --area, --code or --field")
    try:
        found = find_values(dataset, report_id, area, code, field)
        for placed in found:
            click.echo(describe(placed))
        if png is not None:
            if len(found) != 1:
                raise ShowError("--png draws one value: name it with --area, --code or --field")
            write_crop(found[0], png)
            click.echo(f"kompass: wrote {png}")
    except (ShowError, CropFailed) as error:
        raise click.UsageError(str(error)) from None


@main.command()
@click.argument("dataset", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"))
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write.  [default: DATASET/report.html]")
def report(dataset: Path, out_file: Path | None) -> None:
    """Write a self-contained HTML quality report of DATASET (default data/processed)."""
    from kompass.qa_html import count
    from kompass.qa_report import ReportFailed, ReportRefused, write_report

    try:
        written, statuses = write_report(dataset, out_file)
    except ReportRefused as refused:
        raise click.UsageError(str(refused)) from None
    except ReportFailed as failed:
        click.echo(f"Error: {failed}", err=True)
        sys.exit(EXIT_ENVIRONMENT)
    click.echo(f"kompass: wrote {written} ({count(sum(statuses.values()), 'document')}: "
               + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) + ")")
