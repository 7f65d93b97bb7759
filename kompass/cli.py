"""The `kompass` command line."""
from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from kompass import __version__, publication
from kompass.fetch import ManifestError, Outcome, Politeness, fetch_all, read_manifest
from kompass.lock import Busy
from kompass.inputs import find_inputs
from kompass.pipeline import Options, PublishRefused, run_extract
from kompass.qa_report import report
from kompass.workers import Limits

# 3: the run's environment (output not writable, disk full, inputs of the dataset unreadable) kept it from publishing
EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3


@click.group()
@click.version_option(__version__, prog_name="kompass")
def main() -> None:
    """Turn KommunKompassen evaluation reports into Parquet datasets."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"),
              show_default=True, help="Dataset directory to write.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the number of cores",
              help="Documents extracted at once, each in a process of its own.")
@click.option("--force", is_flag=True, help="Ignore the caches: read and parse every document again.")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path, file_okay=False), default=Path(".kompass-cache"),
              show_default=True, envvar="KOMPASS_CACHE",
              help="Where document models and parsed records are kept between runs (or $KOMPASS_CACHE).")
@click.option("--no-cache", is_flag=True, help="Neither use nor keep a cache.")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              help="Seconds one document may take before it is given up as an error.")
@click.option("--memory-limit", type=click.IntRange(min=64), default=4096, show_default=True,
              help="Megabytes of memory one document's process may use.")
def extract(inputs: tuple[Path, ...], out_dir: Path, jobs: int, force: bool, cache_dir: Path, no_cache: bool,
            timeout: float, memory_limit: int) -> None:
    """Extract the reports in INPUTS (files or directories; default data/raw) into OUT."""
    roots = list(inputs) or [Path("data/raw")]
    missing = [str(root) for root in roots if not root.exists()]
    if missing:
        raise click.UsageError(f"no such file or directory: {', '.join(missing)}")
    sources = find_inputs(roots, out_dir).sources
    if not sources:
        raise click.UsageError(f"no .pdf, .txt, .md or .html files found in {', '.join(map(str, roots))}")
    options = Options(jobs=jobs, force=force, cache_dir=None if no_cache else cache_dir,
                      limits=Limits(timeout=timeout, memory_mb=memory_limit))
    # a bar only on a terminal, so CI and cron logs stay quiet
    with click.progressbar(length=len(sources), label="Extracting", file=sys.stderr, hidden=not sys.stderr.isatty(),
                           item_show_func=lambda name: name) as bar:
        try:
            summary = run_extract(roots, out_dir, options, progress=lambda name: bar.update(1, name))
        except Busy as busy:
            click.echo(f"kompass: {busy}", err=True)
            sys.exit(EXIT_USAGE)
        except PublishRefused as refused:
            click.echo(f"kompass: {refused}", err=True)
            sys.exit(EXIT_ENVIRONMENT)
        except OSError as error:
            click.echo(f"kompass: cannot write the dataset {out_dir}: {_os_reason(error)}; "
                       "the previous dataset, if any, was kept", err=True)
            sys.exit(EXIT_ENVIRONMENT)
    click.echo(summary.line())
    sys.exit(EXIT_ERRORS if summary.problems["error"] else EXIT_OK)


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
              help="Seconds to wait for the server.")
def fetch(manifest: Path, dest: Path, delay: float, retries: int, timeout: float) -> None:
    """Download the reports listed in MANIFEST (CSV: url, sha256, municipality, year) into DEST."""
    try:
        entries = read_manifest(manifest)
    except ManifestError as error:
        raise click.UsageError(str(error)) from None

    def show(outcome: Outcome) -> None:
        where = outcome.path.name if outcome.path else outcome.entry.url
        click.echo(f"{outcome.status:10} {where}" + (f": {outcome.detail}" if outcome.detail else ""))

    outcomes = fetch_all(entries, dest, Politeness(delay, retries, timeout), show)
    counts = Counter(outcome.status for outcome in outcomes)
    click.echo(f"kompass fetch: {counts['downloaded']} downloaded, {counts['present']} already present, "
               f"{counts['failed']} failed")
    sys.exit(EXIT_ERRORS if counts["failed"] else EXIT_OK)


@main.command()
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("docs/codebook.md"), show_default=True)
def codebook(out_file: Path) -> None:
    """Write the codebook of the published tables (generated from their schema)."""
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(publication.codebook(), encoding="utf-8")
    click.echo(f"kompass: wrote {out_file}")


main.add_command(report)
