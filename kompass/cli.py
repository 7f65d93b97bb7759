"""The `kompass` command line."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kompass import __version__, publication
from kompass.pipeline import discover, run_extract

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


@click.group()
@click.version_option(__version__, prog_name="kompass")
def main() -> None:
    """Turn KommunKompassen evaluation reports into Parquet datasets."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("data/processed"),
              show_default=True, help="Dataset directory to write.")
def extract(inputs: tuple[Path, ...], out_dir: Path) -> None:
    """Extract the reports in INPUTS (files or directories; default data/raw) into OUT."""
    roots = list(inputs) or [Path("data/raw")]
    missing = [str(root) for root in roots if not root.exists()]
    if missing:
        raise click.UsageError(f"no such file or directory: {', '.join(missing)}")
    if not discover(roots):
        raise click.UsageError(f"no .pdf, .txt, .md or .html files found in {', '.join(map(str, roots))}")
    summary = run_extract(roots, out_dir)
    click.echo(summary.line())
    sys.exit(EXIT_ERRORS if summary.problems["error"] else EXIT_OK)


@main.command()
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("docs/codebook.md"), show_default=True)
def codebook(out_file: Path) -> None:
    """Write the codebook of the published tables (generated from their schema)."""
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(publication.codebook(), encoding="utf-8")
    click.echo(f"kompass: wrote {out_file}")
