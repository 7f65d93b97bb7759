"""What `kompass extract` says on stderr while it works.

On a terminal a bar; elsewhere (a scheduler's log, a pipe) a line as documents
are done: how many of how many, the rate and the last document's name, at
most one line every few seconds and always one for the last document, so a
log of a long run shows it moving without a line per cached document. Quiet
says nothing; verbose adds each warning and error the moment its document is
done, where otherwise the summary names the first few at the end.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

import click

from domain.problems import INFO
from kompass.results import DocumentResult
from kompass.runlog import problem_line, shown

LINE_EVERY = 5.0  # seconds between two progress lines in a log


class Progress:
    """Told of each document as it is done (`done`), it tells the operator on `stream`."""

    def __init__(self, total: int, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.quiet, self.verbose = total, quiet, verbose
        self.stream = stream or sys.stderr
        self.clock = clock
        self.count = 0
        self.started = clock()
        self.said: float | None = None  # when the last line was written
        self.bar = None if quiet or not self.stream.isatty() else click.progressbar(
            length=total, label="Extracting", file=self.stream, item_show_func=lambda name: name and shown(name))

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.__exit__(kind, error, trace)

    def done(self, result: DocumentResult) -> None:
        self.count += 1
        if self.verbose:
            for problem in result.problems:
                if problem.severity != INFO:
                    click.echo(problem_line(result.source_path, problem), file=self.stream)
        if self.bar is not None:
            self.bar.update(1, result.source_path)
        elif not self.quiet:
            self._line(result.source_path)

    def _line(self, source_path: str) -> None:
        now = self.clock()
        if self.said is not None and now - self.said < LINE_EVERY and self.count < self.total:
            return
        self.said = now
        seconds = now - self.started
        rate = f"{self.count / seconds:.2f} documents/s" if seconds > 0 else "-"
        click.echo(f"kompass: {self.count}/{self.total} done, {seconds:.0f} s, {rate}: {shown(source_path)}",
                   file=self.stream)
