"""kompass.changes and kompass.digest: what a run changed, from the digests of two datasets."""
from __future__ import annotations

from datetime import date

from kompass.changes import CHANGED, GONE, NEW, ValueChange, compare
from kompass.digest import DIGEST_FILE, PREVIOUS_DIGEST_FILE, metadata_fields, read_digest, run_digest
from kompass.writer import write_dataset


def _report(**changed) -> dict:
    report = {name: None for name in metadata_fields()}
    report.update(report_id="a-2018", source_path="a.txt", total_score=None, municipality="Ale", year=2018,
                  report_date=date(2018, 6, 19), evaluators=["Anna Berg"], criteria_version="2.1")
    return {**report, **changed}


def _tables(score: int, findings: list[str], problem_code: str | None) -> dict[str, list[dict]]:
    tables = {
        "reports": [_report(total_score=score + 500)],
        "areas": [{"report_id": "a-2018", "area_no": 1, "score": score}],
        "findings": [{"report_id": "a-2018", "area_no": 1, "kind": "strength", "text": text} for text in findings],
        "problems": [],
    }
    if problem_code:
        tables["problems"].append({"source_path": "a.txt", "report_id": "a-2018", "severity": "warning",
                                   "code": problem_code, "page": 3, "message": "m"})
    return tables


def test_scores_findings_and_problems_that_changed():
    before = run_digest(_tables(60, ["Öppenhet", "Dialog", "Dialog"], "old_code"), "t0")
    after = run_digest(_tables(64, ["Öppenhet", "Dialog", "Webb"], "new_code"), "t1")
    [change] = compare(before, after)
    assert (change.subject, change.kind, change.source_path) == ("a-2018", CHANGED, "a.txt")
    assert change.metadata == []
    assert change.scores == [ValueChange("area 1", 60, 64), ValueChange("total", 560, 564)]
    assert [f["text"] for f in change.findings_added] == ["Webb"]
    assert [f["text"] for f in change.findings_lost] == ["Dialog"]  # one of the two is lost
    assert [p["code"] for p in change.problems_new] == ["new_code"]
    assert [p["code"] for p in change.problems_gone] == ["old_code"]
    assert compare(after, after) == []


def _failed(code: str) -> dict[str, list[dict]]:
    return {"problems": [{"source_path": "scan.pdf", "report_id": None, "severity": "error", "code": code,
                          "page": None, "message": "m"}]}


def test_reports_and_failed_documents_that_came_and_went():
    changes = compare(run_digest(_failed("no_text_layer"), None), run_digest(_tables(60, [], None), None))
    assert [(c.subject, c.kind) for c in changes] == [("a-2018", NEW), ("scan.pdf", GONE)]


def test_the_writer_keeps_the_replaced_datasets_digest(tmp_path):
    out = tmp_path / "processed"
    write_dataset(out, _failed("no_text_layer"), {}, {"started": "t0"})
    assert not (out / PREVIOUS_DIGEST_FILE).exists()
    first = read_digest(out / DIGEST_FILE)
    assert first == run_digest(_failed("no_text_layer"), "t0")
    write_dataset(out, _failed("extraction_timeout"), {}, {"started": "t1"})
    assert read_digest(out / PREVIOUS_DIGEST_FILE) == first
    [change] = compare(first, read_digest(out / DIGEST_FILE))
    assert ([p["code"] for p in change.problems_new], [p["code"] for p in change.problems_gone]) == (
        ["extraction_timeout"], ["no_text_layer"])


def test_the_source_and_the_metadata_that_changed():
    before = run_digest({"reports": [_report()]}, "t0")
    after = run_digest({"reports": [_report(source_path="a.pdf", report_date=date(2018, 6, 20),
                                            evaluators=["Anna Berg", "Bo Ek"])]}, "t1")
    [change] = compare(before, after)
    assert (change.source_path, change.previous_source_path) == ("a.pdf", "a.txt")
    assert change.metadata == [ValueChange("source_path", "a.txt", "a.pdf"),
                               ValueChange("report_date", "2018-06-19", "2018-06-20"),
                               ValueChange("evaluators", ["Anna Berg"], ["Anna Berg", "Bo Ek"])]
    assert change.scores == []


def test_a_digest_without_metadata_is_compared_without():
    """A digest of an older kompass holds no metadata: nothing of it is said to have changed."""
    older = run_digest({"reports": [_report()]}, "t0")
    del older["subjects"]["a-2018"]["metadata"]
    assert compare(older, run_digest({"reports": [_report(year=2019)]}, "t1")) == []
