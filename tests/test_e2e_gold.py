"""End to end against the gold files: metadata, areas, rubrics, subquestions and prior scores match exactly."""
from __future__ import annotations

from helpers.paths import RAW_DIR, TEXT_SAMPLE
from helpers.runs import report_for_gold, rows_of

METADATA_FIELDS = ("municipality", "year", "report_date", "criteria_version", "evaluation_number", "total_score",
                   "complete", "evaluators", "evaluation_period", "page_count")


def test_gold_source_is_in_the_sample(gold):
    assert (RAW_DIR / gold["source"]["file"]).is_file()


def test_every_sample_document_has_gold(gold_all):
    assert {g["source"]["file"] for g in gold_all} == {p.name for p in TEXT_SAMPLE}


def test_report_id(extracted, gold):
    assert report_for_gold(extracted.tables, gold)["report_id"] == gold["id"]


def test_metadata(extracted, gold):
    row = report_for_gold(extracted.tables, gold)
    got = {field: row[field] for field in METADATA_FIELDS}
    if got["report_date"] is not None:
        got["report_date"] = got["report_date"].isoformat()
    want = {field: gold["report"][field] for field in METADATA_FIELDS}
    assert got == want


def test_rendering(extracted, gold):
    assert report_for_gold(extracted.tables, gold)["rendering"] == gold["source"]["rendering"]


def test_area_titles_and_scores(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    got = [(r["area_no"], r["title"], r["score"]) for r in rows_of(extracted.tables, "areas", report_id)]
    assert got == [(a["area_no"], a["title"], a["score"]) for a in gold["areas"]]


def test_rubrics(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    for area in gold["areas"]:
        rows = sorted(rows_of(extracted.tables, "rubrics", report_id, area["area_no"]), key=lambda r: r["position"])
        assert [r["text"] for r in rows] == area["rubrics"], f"area {area['area_no']}"


def test_subquestions(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    got = sorted((r["code"], r["area_no"], r["text"], r["achieved"], r["max"], r["percent"])
                 for r in rows_of(extracted.tables, "subquestions", report_id))
    want = sorted((s["code"], s["area_no"], s["text"], s["achieved"], s["max"], float(s["percent"]))
                  for s in gold["subquestions"])
    assert got == want


def test_prior_scores(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    got = sorted(((r["ref_year"], r["area_no"], r["score"], r["source"])
                  for r in rows_of(extracted.tables, "prior_scores", report_id)), key=str)
    want = sorted(((p["year"], p["area_no"], p["score"], p["where"]) for p in gold["prior_scores"]), key=str)
    assert got == want


def test_no_findings_where_the_rendering_stops_before_them(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    for area in gold["areas"]:
        found = rows_of(extracted.tables, "findings", report_id, area["area_no"])
        assert bool(found) == area["findings_present"], f"area {area['area_no']}"
