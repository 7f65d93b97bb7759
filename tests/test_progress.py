"""What `kompass extract` says while it works: a line every few seconds in a log, quiet and verbose, -h."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from domain.problems import Problem
from helpers.paths import TEXT_SAMPLE
from kompass.cli import main
from kompass.progress import LINE_EVERY, Progress
from kompass.results import DocumentResult


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _result(name: str, *problems: Problem) -> DocumentResult:
    return DocumentResult(name, "text", None, list(problems))


def _told(total: int, steps: list[float], **flags: bool) -> list[str]:
    """The lines a Progress of `total` documents writes when one is done after each of `steps` seconds."""
    stream, clock = io.StringIO(), _Clock()
    with Progress(total, stream=stream, clock=clock, **flags) as progress:
        for index, step in enumerate(steps):
            clock.now += step
            progress.done(_result(f"doc{index + 1}.pdf"))
    return stream.getvalue().splitlines()


def test_a_log_gets_the_first_document_one_line_every_few_seconds_and_the_last():
    lines = _told(5, [2.0, 1.0, LINE_EVERY, 1.0, 1.0])
    assert lines == ["kompass: 1/5 done, 2 s, 0.50 documents/s: doc1.pdf",
                     f"kompass: 3/5 done, {3 + LINE_EVERY:.0f} s, {3 / (3 + LINE_EVERY):.2f} documents/s: doc3.pdf",
                     f"kompass: 5/5 done, {5 + LINE_EVERY:.0f} s, {5 / (5 + LINE_EVERY):.2f} documents/s: doc5.pdf"]


def test_quiet_says_nothing():
    assert _told(3, [1.0, 10.0, 1.0], quiet=True) == []


def test_verbose_says_each_warning_and_error_as_its_document_is_done_but_not_infos():
    stream = io.StringIO()
    with Progress(2, quiet=True, verbose=True, stream=stream) as progress:
        progress.done(_result("a.pdf", Problem("warning", "truncated_report", "stops early", 12),
                              Problem("info", "ocr_used", "read by OCR")))
        progress.done(_result("b\nc.pdf", Problem("error", "not_a_report", "no areas")))
    assert stream.getvalue().splitlines() == [
        "kompass: warning: a.pdf (page 12): truncated_report: stops early",
        "kompass: error: 'b\\nc.pdf': not_a_report: no areas"]  # a name with a newline cannot forge a line


def _extract(tmp_path, *flags: str):
    return CliRunner().invoke(main, ["extract", *map(str, TEXT_SAMPLE), "--out", str(tmp_path / "out"),
                                     "--no-cache", "--jobs", "1", *flags])


def test_a_run_off_a_terminal_ends_its_progress_with_every_document_done(tmp_path):
    result = _extract(tmp_path)
    progress = [line for line in result.stderr.splitlines() if " done, " in line]
    assert result.exit_code == 0
    assert progress[0].startswith(f"kompass: 1/{len(TEXT_SAMPLE)} done, ")
    assert progress[-1].startswith(f"kompass: {len(TEXT_SAMPLE)}/{len(TEXT_SAMPLE)} done, ")


def test_quiet_and_verbose_runs(tmp_path):
    quiet, verbose = _extract(tmp_path, "-q"), _extract(tmp_path, "--quiet", "--verbose")
    assert quiet.exit_code == verbose.exit_code == 0
    assert " done, " not in quiet.stderr
    said = [line for line in verbose.stderr.splitlines() if line.startswith("kompass: warning: ")]
    # verbose says every warning as it comes, where the summary names the first few and counts the rest
    assert len(said) > len([line for line in quiet.stderr.splitlines() if line.startswith("kompass: warning: ")])
    assert "more warning" not in verbose.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["export"], ["report"], ["show"]])
def test_dash_h_is_help(command):
    short, long = CliRunner().invoke(main, [*command, "-h"]), CliRunner().invoke(main, [*command, "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.output == long.output
    assert short.output.startswith("Usage: ") and "-h, --help" in short.output
