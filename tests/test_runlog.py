"""The summary line of a run: every document counted once, by the work done and by what became of it."""
from __future__ import annotations

from pathlib import Path

from kompass.runlog import RunSummary


def _document(source_path, work, status, report_id=None, published=False):
    return {"source_path": source_path, "work": work, "status": status, "report_id": report_id,
            "published": published, "error_code": None, "error_message": None}


def _warning(source_path):
    return {"source_path": source_path, "severity": "warning", "code": "duplicate_report", "message": "", "page": None}


def test_the_line_names_duplicates_and_skipped_inputs_so_that_the_documents_add_up():
    documents = [_document("a.pdf", "read", "ok", "sollentuna-2015", True),
                 _document("a.txt", "reused", "partial", "sollentuna-2015"),  # the same report, not published
                 _document("b.md", "read", "partial", "vallentuna-2019", True),
                 _document("c.pdf", "read", "failed"),
                 _document("d.fifo", "skipped", "skipped")]
    summary = RunSummary(Path("out"), documents, [_warning("a.txt")], reports=2, seconds=1.25)
    assert [row["source_path"] for row in summary.duplicates] == ["a.txt"]
    assert summary.line() == ("kompass: 5 documents (3 read, 0 reparsed, 1 reused; 1 failed, 1 duplicate, "
                              "1 skipped), 2 reports written to out; problems: 0 errors, 1 warning, 0 infos; 1.2 s")


def test_without_duplicates_or_skipped_inputs_the_line_names_only_the_failed():
    summary = RunSummary(Path("out"), [_document("b.md", "read", "ok", "vallentuna-2019", True)], [], reports=1)
    assert summary.line() == ("kompass: 1 document (1 read, 0 reparsed, 0 reused; 0 failed), 1 report written to "
                              "out; problems: 0 errors, 0 warnings, 0 infos; 0.0 s")
