"""Per-input outcomes (documents.parquet), the wide table of scores (scores.parquet) and the problem-code table.

A document's status is worked out once, here, from its own result and problems;
the summary line, `--json`, the run log and the QA report read it instead of
re-deriving it.
"""
from __future__ import annotations

from collections import Counter

from domain.municipalities import counties
from domain.problems import ERROR, WARNING, problem_codes
from domain.records import Row
from kompass.results import CACHE_HITS, FAILED, OK, PARTIAL, SKIPPED, DocumentResult
from kompass.schema import BY_NAME


def document_rows(results: list[DocumentResult], reports: list[Row], problems: list[Row]) -> list[Row]:
    """One row per input: what it gave, how it was done and whether anything went wrong."""
    published = {str(report["source_path"]) for report in reports}
    own: dict[str, list[Row]] = {}
    for row in problems:
        own.setdefault(str(row["source_path"]), []).append(row)
    rows = []
    for result in results:
        found = own.get(result.source_path, [])
        severities = Counter(str(p["severity"]) for p in found)
        error = next((p for p in found if p["severity"] == ERROR), None)
        report = result.report.rows["reports"][0] if result.report and result.report.report_id else None
        if report is None:
            status = FAILED if severities[ERROR] else SKIPPED  # a file not read without an error: not a report
        elif severities[ERROR] or severities[WARNING] or not report["complete"]:
            status = PARTIAL
        else:
            status = OK
        rows.append({
            "source_path": result.source_path, "report_id": report and report["report_id"], "status": status,
            "published": result.source_path in published, "source_format": result.source_format,
            "reader": report and report["reader"], "source_pages": result.pages, "seconds": result.seconds,
            "work": result.how,
            "cache_hit": result.how in CACHE_HITS, "errors": severities[ERROR], "warnings": severities[WARNING],
            "error_code": error and error["code"], "error_message": error and error["message"],
        })
    return rows


def score_rows(reports: list[Row], areas: list[Row]) -> list[Row]:
    """One wide row per report: municipality, county, year, criteria version, area_1 ... area_8 and the total."""
    by_report: dict[object, dict[str, object]] = {}
    for area in areas:
        by_report.setdefault(area["report_id"], {})[f"area_{area['area_no']}"] = area["score"]
    county = counties()
    return [{"report_id": report["report_id"], "municipality": report["municipality"],
             "municipality_code": report["municipality_code"],
             "county": county.get(str(report["municipality_code"])), "year": report["year"],
             "criteria_version": report["criteria_version"], **by_report.get(report["report_id"], {}),
             "total_score": report["total_score"]} for report in reports]


def problem_code_rows() -> list[Row]:
    """The registry as published: its columns that the problem_codes table has (kompass.schema)."""
    columns = [column.name for column in BY_NAME["problem_codes"].columns]
    return [{column: getattr(code, column) for column in columns} for code in problem_codes().values()]
