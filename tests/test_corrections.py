"""`kompass extract --corrections FILE` end to end: a correction changes the published value, and the tables built
from it, without reading the document again, until the extraction gives another value than it was written
against; then it is stale."""
from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from click.testing import CliRunner
from test_datapackage_validates import errors_by_table, frictionless_validate

import kompass
from helpers.reportbuild import build
from helpers.reportdesc import describe
from helpers.reportplan import Style
from kompass.cli import main

AREA = 3


def _write_corrections(path: Path, rows: list[tuple[object, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["report_id", "table", "key", "field", "old", "new", "reason"])
        writer.writerows(rows)
    return path


def _extract(raw: Path, out: Path, cache: Path, corrections: Path | None = None) -> None:
    options = ["--corrections", str(corrections)] if corrections else []
    result = CliRunner().invoke(main, ["extract", str(raw), "--out", str(out), "--cache", str(cache), "--jobs", "1",
                                       *options])
    assert result.exit_code == 0, result.output


def _rows(out: Path, table: str, **where: object) -> list[dict]:
    return [row for row in pq.read_table(out / f"{table}.parquet").to_pylist()
            if all(row[name] == value for name, value in where.items())]


def _last_run(out: Path) -> dict:
    return json.loads((out / "runs.jsonl").read_text(encoding="utf-8").splitlines()[-1])


def _published(out: Path, report_id: str) -> tuple[int, int, int, int, int, int]:
    """The corrected area's score in areas, scores and panel, and the total in reports, scores and panel."""
    [area] = _rows(out, "areas", report_id=report_id, area_no=AREA)
    [report] = _rows(out, "reports", report_id=report_id)
    [wide] = _rows(out, "scores", report_id=report_id)
    [panel_area] = _rows(out, "panel", report_id=report_id, area_no=AREA)
    [panel_total] = _rows(out, "panel", report_id=report_id, area_id="total")
    return (area["score"], wide[f"area_{AREA}"], panel_area["score"], report["total_score"], wide["total_score"],
            panel_total["score"])


def test_a_correction_applies_on_reextraction_and_is_stale_once_the_extraction_gives_another_old(tmp_path):
    raw, out, cache = tmp_path / "raw", tmp_path / "out", tmp_path / "cache"
    raw.mkdir()
    description = describe("Lerum", 2012)
    build(description, Style(), "flat", raw / "lerum-2012.txt")
    _extract(raw, out, cache)
    [report] = _rows(out, "reports")
    report_id, total = report["report_id"], report["total_score"]
    [area] = _rows(out, "areas", area_no=AREA)
    extracted = area["score"]
    assert total == sum(row["score"] for row in _rows(out, "areas"))  # so the total follows its areas
    corrections = _write_corrections(tmp_path / "corrections.csv", [
        (report_id, "areas", f"area_no={AREA}", "score", extracted, extracted + 1, "the score box, page 9"),
        (report_id, "reports", "", "evaluation_period", report["evaluation_period"], "mars 2012", "the cover"),
    ])

    _extract(raw, out, cache, corrections)
    assert _published(out, report_id) == (extracted + 1,) * 3 + (total + 1,) * 3
    assert _rows(out, "reports")[0]["evaluation_period"] == "mars 2012"
    assert [(row["status"], row["value_before"]) for row in _rows(out, "corrections")] == [
        ("applied", str(extracted)), ("applied", report["evaluation_period"])]
    applied = _rows(out, "problems", code="correction_applied")
    assert [(row["severity"], row["report_id"], row["source_path"]) for row in applied] == [
        ("info", report_id, "lerum-2012.txt")] * 2
    run = _last_run(out)
    assert (run["extracted"], run["reused"]) == (0, 1)  # the cached record, uncorrected: nothing read again
    assert run["corrections"]["applied"] == 2 and run["corrections"]["path"] == str(corrections)

    # a changed corrections file is applied again, still without reading the report
    _write_corrections(corrections, [
        (report_id, "areas", f"area_no={AREA}", "score", extracted, extracted + 3, "the score box, page 9")])
    _extract(raw, out, cache, corrections)
    assert _published(out, report_id)[0] == extracted + 3
    assert _last_run(out)["reused"] == 1

    # the report as published again, with another score: the correction was written against the old one
    changed = copy.deepcopy(description)
    changed["areas"][AREA - 1]["score"] = extracted - 2
    changed["report"]["total_score"] = changed["report"]["stated_total"] = total - 2
    build(changed, Style(), "flat", raw / "lerum-2012.txt")
    _extract(raw, out, cache, corrections)
    assert _published(out, report_id) == (extracted - 2,) * 3 + (total - 2,) * 3
    [stale] = _rows(out, "corrections")
    assert (stale["status"], stale["value_before"]) == ("stale", str(extracted - 2))
    [warning] = _rows(out, "problems", code="correction_stale")
    assert warning["severity"] == "warning"
    assert f"the extraction gives '{extracted - 2}', not '{extracted}'" in warning["message"]
    assert _last_run(out)["extracted"] == 1
    # the document's row says what its extraction gave: the stale correction is not one of its warnings
    [document] = _rows(out, "documents")
    extraction_warnings = [row for row in _rows(out, "problems", source_path="lerum-2012.txt", severity="warning")
                           if not row["code"].startswith("correction_")]
    assert document["warnings"] == len(extraction_warnings)


def test_the_python_api_applies_corrections_and_one_of_no_report_is_named_by_the_file(tmp_path):
    raw, out, cache = tmp_path / "raw", tmp_path / "out", tmp_path / "cache"
    raw.mkdir()
    build(describe("Lerum", 2012), Style(), "flat", raw / "lerum-2012.txt")
    corrections = _write_corrections(tmp_path / "corrections.csv", [
        ("lerum-2031", "areas", "area_no=1", "score", 50, 55, "a typo in the report_id")])
    summary = kompass.extract(raw, out=out, jobs=1, cache=cache, corrections=corrections)  # the Python API
    [row] = _rows(out, "corrections")
    assert (row["correction_no"], row["status"], row["report_id"], row["reason"]) == (
        1, "target_missing", "lerum-2031", "a typo in the report_id")
    [missing] = _rows(out, "problems", code="correction_target_missing")
    assert (missing["source_path"], missing["report_id"]) == (str(corrections), None)
    assert summary.record["corrections"]["target_missing"] == 1
    # a correction may name a report the dataset lacks: no foreign key says otherwise
    report = frictionless_validate(out / "datapackage.json")
    assert report["valid"], errors_by_table(report)


def test_a_file_that_is_not_a_corrections_csv_ends_the_command_with_status_2_before_any_work(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    build(describe("Lerum", 2012), Style(), "flat", raw / "lerum-2012.txt")
    wrong = tmp_path / "corrections.csv"
    wrong.write_text("report,area,score\nlerum-2012,3,55\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(raw), "--out", str(out), "--no-cache",
                                       "--corrections", str(wrong)])
    assert result.exit_code == 2
    assert "must begin with the comma-separated header report_id,table,key,field,old,new,reason" in result.output
    assert not out.exists()
