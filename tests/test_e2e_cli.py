"""`kompass extract` as a command: run from the repo root on the default input, exit status and summary line."""
from __future__ import annotations

import re
from collections import Counter

from conftest import RAW_DIR, read_tables

SUMMARY = re.compile(r"^kompass: (\d+) documents? read, (\d+) reports? written, "
                     r"problems: (\d+) errors?, (\d+) warnings?, (\d+) infos?; \d+\.\d s$")


def test_subprocess_exit_status_is_0(extracted_subprocess):
    assert extracted_subprocess.returncode == 0, extracted_subprocess.stderr


def test_subprocess_summary_line(extracted_subprocess):
    line = extracted_subprocess.stdout.strip().splitlines()[-1]
    match = SUMMARY.match(line)
    assert match, line
    documents, reports, errors, warnings, infos = map(int, match.groups())
    assert documents == len([p for p in RAW_DIR.iterdir() if p.suffix in (".txt", ".md", ".html", ".pdf")])
    assert reports == 3
    severities = Counter(r["severity"] for r in read_tables(extracted_subprocess.out)["problems"])
    assert (errors, warnings, infos) == (severities["error"], severities["warning"], severities["info"])


def test_subprocess_output_equals_in_process_output(extracted_subprocess, extracted):
    tables = read_tables(extracted_subprocess.out)
    for name, rows in tables.items():
        assert rows == extracted.tables[name], name


def test_in_process_summary_line(extracted):
    assert SUMMARY.match(extracted.output.strip().splitlines()[-1]), extracted.output
