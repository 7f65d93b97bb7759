"""`kompass extract` as a command: run from the repo root on the default input, exit status and summary line."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter

from click.testing import CliRunner

from helpers.paths import RAW_DIR, SAMPLE_PDF, TEXT_SAMPLE
from helpers.runs import read_tables
from kompass import cli

SUMMARY = re.compile(r"^kompass: (\d+) documents? \((\d+) read, (\d+) reparsed, (\d+) reused; (\d+) failed"
                     r"(?:, (\d+) duplicates?)?\), "
                     r"(\d+) reports? written to (.+); problems: (\d+) errors?, (\d+) warnings?, (\d+) infos?; "
                     r"\d+\.\d s$")


def test_subprocess_exit_status_is_0(extracted_subprocess):
    assert extracted_subprocess.returncode == 0, extracted_subprocess.stderr


def test_subprocess_summary_line(extracted_subprocess):
    line = extracted_subprocess.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(line)
    assert match, line
    documents, read, reparsed, reused, failed, duplicates, reports, out, errors, warnings, infos = match.groups()
    assert int(documents) == int(read) == len(TEXT_SAMPLE) + 1  # and the PDF
    # one text copy is a copy of the PDF: a duplicate, so the four documents give three reports
    assert (int(reparsed), int(reused), int(failed), int(duplicates), int(reports)) == (0, 0, 0, 1, 3)
    assert out == str(extracted_subprocess.out)
    severities = Counter(r["severity"] for r in read_tables(extracted_subprocess.out)["problems"])
    assert (int(errors), int(warnings), int(infos)) == (severities["error"], severities["warning"],
                                                        severities["info"])


def test_subprocess_names_the_first_warnings_and_counts_the_rest(extracted_subprocess):
    problems = read_tables(extracted_subprocess.out)["problems"]
    problems = [p for p in problems if p["severity"] == "warning"]
    # after the progress lines (kompass.progress)
    lines = [line for line in extracted_subprocess.stderr.strip().splitlines() if " done, " not in line]
    assert len(lines) == 4
    first = problems[0]
    assert lines[0].startswith(f"kompass: warning: {first['source_path']}") and first["code"] in lines[0]
    assert lines[3] == (f"kompass: ... and {len(problems) - 3} more warnings (problems.parquet, or "
                        f"`kompass report {extracted_subprocess.out}`)")


def test_the_sample_pdf_is_published_before_its_text_copy(extracted_subprocess):
    tables = read_tables(extracted_subprocess.out)
    published = {row["report_id"]: row for row in tables["reports"]}
    assert published["sollentuna-2015"]["source_path"] == SAMPLE_PDF.name
    assert published["sollentuna-2015"]["source_format"] == "pdf" and published["sollentuna-2015"]["page_count"] == 23
    documents = {row["source_path"]: row for row in tables["documents"]}
    assert documents[SAMPLE_PDF.name]["source_pages"] == 23 and documents[SAMPLE_PDF.name]["published"]
    [duplicate] = [row for row in tables["problems"] if row["code"] == "duplicate_report"]
    assert documents[duplicate["source_path"]]["published"] is False


def test_subprocess_output_equals_in_process_output_for_the_text_copies(extracted_subprocess, extracted):
    tables = read_tables(extracted_subprocess.out)
    for name in ("areas", "findings", "subquestions"):
        assert [row for row in tables[name] if row["report_id"] != "sollentuna-2015"] == [
            row for row in extracted.tables[name] if row["report_id"] != "sollentuna-2015"], name


def test_in_process_summary_line(extracted):
    assert SUMMARY.match(extracted.output.strip().splitlines()[-1]), extracted.output


def _failing_inputs(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "broken.pdf").write_bytes(b"not a pdf at all")
    shutil.copy(min(RAW_DIR.glob("*.md")), inputs)
    return inputs


def test_a_failed_document_is_named_with_its_error_and_exits_1(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["extract", str(_failing_inputs(tmp_path)), "--out", str(out),
                                           "--no-cache"])
    assert result.exit_code == 1
    assert ("kompass: failed: broken.pdf: not_a_pdf: " in result.stderr)
    assert SUMMARY.match(result.stdout.strip()).groups()[:7] == ("2", "2", "0", "0", "1", None, "1")  # no duplicate


def test_json_prints_the_run_record_with_every_outcome(tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    args = ["extract", str(_failing_inputs(tmp_path)), "--out", str(out), "--cache", str(cache), "--json"]
    CliRunner().invoke(cli.main, args)
    result = CliRunner().invoke(cli.main, args)  # again: everything comes from the cache
    record = json.loads(result.stdout)
    assert record == json.loads((out / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert (record["inputs"], record["extracted"], record["reused"], record["failed"]) == (2, 0, 2, 1)
    assert record["out"] == str(out) and record["exit_status"] == result.exit_code == 1
    outcomes = {row["source_path"]: row for row in record["documents"]}
    assert outcomes["broken.pdf"]["status"] == "failed" and outcomes["broken.pdf"]["error_code"] == "not_a_pdf"
    assert {row["work"] for row in record["documents"]} == {"reused"}


def test_an_interrupted_run_exits_130_and_says_the_dataset_is_unchanged(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("kompass.pipeline.run_extract", interrupted)
    result = CliRunner().invoke(cli.main, ["extract", str(RAW_DIR), "--out", str(tmp_path / "out")])
    assert result.exit_code == 130
    assert result.stderr == f"kompass: interrupted; nothing was written to {tmp_path / 'out'}\n"  # a first run
    (tmp_path / "out").mkdir()
    result = CliRunner().invoke(cli.main, ["extract", str(RAW_DIR), "--out", str(tmp_path / "out")])
    assert result.stderr == f"kompass: interrupted; {tmp_path / 'out'} holds the previous dataset, unchanged\n"
