"""End to end on the real PDF fixtures: `kompass extract tests/fixtures/pdf/{a,b}` against their gold files.

Each group is extracted once per session (conftest.pdf_extracted); every test
compares one table of one report with its gold file, read at test time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.paths import PDF_DIR, PDF_GOLD_FILES
from helpers.runs import load_gold, report_for_gold, rows_of

GROUPS = sorted({path.parent.name for path in PDF_GOLD_FILES})
METADATA_FIELDS = ("municipality", "year", "report_date", "criteria_version", "evaluation_number", "total_score",
                   "complete", "evaluators", "evaluation_period", "page_count")


def _report(pdf_extracted, pdf_gold) -> tuple[dict, dict, dict]:
    """(tables of the gold's group, its reports row, the gold)."""
    group, gold = pdf_gold
    tables = pdf_extracted(group).tables
    return tables, report_for_gold(tables, gold), gold


def test_every_fixture_pdf_has_gold():
    assert GROUPS == ["a", "b"]
    for group in GROUPS:
        named = {load_gold(path)["source"]["file"] for path in PDF_GOLD_FILES if path.parent.name == group}
        assert named == {path.name for path in (PDF_DIR / group).glob("*.pdf")}


@pytest.mark.parametrize("group", GROUPS)
def test_extract_exits_0_and_publishes_every_report(pdf_extracted, group):
    run = pdf_extracted(group)
    assert run.exit_code == 0, run.output
    assert run.output.strip().splitlines()[-1].startswith(
        "kompass: 3 documents (3 read, 0 reparsed, 0 reused; 0 failed), 3 reports written to ")
    assert not [row for row in run.tables["problems"] if row["severity"] == "error"]


def test_report_id_and_source(pdf_extracted, pdf_gold):
    _, row, gold = _report(pdf_extracted, pdf_gold)
    # a PDF gold's id names the rendering after the report id: "sollentuna-2015.skl2019.v1"
    assert (row["report_id"], row["source_format"], row["rendering"]) == (gold["id"].split(".")[0], "pdf", "pdf")
    assert Path(row["source_path"]).name == gold["source"]["file"]


def test_metadata(pdf_extracted, pdf_gold):
    _, row, gold = _report(pdf_extracted, pdf_gold)
    got = {field: row[field] for field in METADATA_FIELDS}
    if got["report_date"] is not None:
        got["report_date"] = got["report_date"].isoformat()
    assert got == {field: gold["report"][field] for field in METADATA_FIELDS}


def test_area_titles_and_scores(pdf_extracted, pdf_gold):
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    got = [(r["area_no"], r["title"], r["score"]) for r in rows_of(tables, "areas", row["report_id"])]
    assert got == [(a["area_no"], a["title"], a["score"]) for a in gold["areas"]]


def test_rubrics(pdf_extracted, pdf_gold):
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    for area in gold["areas"]:
        rows = sorted(rows_of(tables, "rubrics", row["report_id"], area["area_no"]), key=lambda r: r["position"])
        assert [r["text"] for r in rows] == area["rubrics"], f"area {area['area_no']}"


def test_subquestions(pdf_extracted, pdf_gold):
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    def by_code(entry):
        return [int(n) for n in entry["code"].split(".")]

    got = sorted(rows_of(tables, "subquestions", row["report_id"]), key=by_code)
    want = sorted(gold["subquestions"], key=by_code)
    assert [(r["code"], r["area_no"], r["text"], r["achieved"], r["max"]) for r in got] == \
        [(s["code"], s["area_no"], s["text"], s["achieved"], s["max"]) for s in want]
    for r, s in zip(got, want):
        assert r["percent"] == pytest.approx(float(s["percent"]), abs=0.5), r["code"]


def test_prior_scores(pdf_extracted, pdf_gold):
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    got = sorted(((r["ref_year"], r["area_no"], r["score"], r["source"])
                  for r in rows_of(tables, "prior_scores", row["report_id"])), key=str)
    assert got == sorted(((p["year"], p["area_no"], p["score"], p["where"]) for p in gold["prior_scores"]), key=str)


def test_findings_text_and_kind(pdf_extracted, pdf_gold):
    """Each kind's items in printed order; an item gold calls ambiguous may have any kind."""
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    for area in gold["areas"]:
        rows = sorted(rows_of(tables, "findings", row["report_id"], area["area_no"]), key=lambda r: r["position"])
        ambiguous = list(area["ambiguous"])
        got: dict[str, list[str]] = {"strength": [], "improvement": []}
        for r in rows:
            if r["text"] in ambiguous:
                ambiguous.remove(r["text"])
                continue
            got.setdefault(r["kind"], []).append(r["text"])
        assert not ambiguous, f"area {area['area_no']}: ambiguous items missing: {ambiguous}"
        assert got == {"strength": area["strengths"], "improvement": area["improvements"]}, f"area {area['area_no']}"


def test_finding_pages_are_within_the_document(pdf_extracted, pdf_gold):
    tables, row, gold = _report(pdf_extracted, pdf_gold)
    pages = [r["page"] for r in rows_of(tables, "findings", row["report_id"])]
    assert pages
    assert all(page is not None and 1 <= page <= gold["report"]["page_count"] for page in pages), pages
