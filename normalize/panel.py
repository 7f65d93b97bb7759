"""The panel: one row per municipality, evaluation year and area, across reports.

An evaluation's scores come from its own report where the dataset has it
(`source` = `report`), else from what later reports quote of it (`quoted`), so
evaluations whose report is missing from the archive are recovered. A quoted
score that contradicts the evaluation's own report, or another report's quote,
is a problem of the quoting report.
"""
from __future__ import annotations

from dataclasses import dataclass

from domain import catalog
from domain.catalog import TOTAL
from domain.problems import Problem, problem
from domain.records import Row


@dataclass
class PanelResult:
    rows: list[Row]
    problems: list[tuple[str, str, Problem]]  # source_path, report_id, problem


def build_panel(reports: list[Row], areas: list[Row], priors: list[Row]) -> PanelResult:
    by_id = {str(r["report_id"]): r for r in reports}
    rows: dict[tuple[str, int, str], Row] = {}
    for area in areas:
        report = by_id[str(area["report_id"])]
        rows[(str(report["municipality"]), int(report["year"]), str(area["area_id"]))] = {
            **_who(report), "year": report["year"], "criteria_version": report["criteria_version"],
            "area_no": area["area_no"], "area_id": area["area_id"], "comparison_group": area["comparison_group"],
            "score": area["score"], "source": "report", "report_id": area["report_id"]}
    for report in reports:
        if report["total_score"] is not None:
            rows[(str(report["municipality"]), int(report["year"]), TOTAL)] = {
                **_who(report), "year": report["year"], "criteria_version": report["criteria_version"],
                "area_no": None, "area_id": TOTAL, "comparison_group": _total_group(report["criteria_version"]),
                "score": report["total_score"], "source": "report", "report_id": report["report_id"]}
    problems: list[tuple[str, str, Problem]] = []
    for prior in sorted(priors, key=lambda p: (str(p["report_id"]), int(p["ref_year"]), p["area_no"] or 0)):
        report = by_id[str(prior["report_id"])]
        version = catalog.version_of_year(int(prior["ref_year"]))
        quoted = catalog.area(version, int(prior["area_no"])) if prior["area_no"] is not None else None
        area_id = quoted.area_id if quoted else TOTAL
        key = (str(report["municipality"]), int(prior["ref_year"]), area_id)
        existing = rows.get(key)
        if existing is not None and existing["score"] != prior["score"]:
            problems.append(_conflict(report, prior, existing))
        elif existing is None:
            rows[key] = {**_who(report), "year": prior["ref_year"], "criteria_version": version,
                         "area_no": prior["area_no"], "area_id": area_id,
                         "comparison_group": quoted.comparison_group if quoted else _total_group(version),
                         "score": prior["score"],
                         "source": "quoted", "report_id": prior["report_id"]}
    return PanelResult(list(rows.values()), problems)


def _total_group(version: object) -> str:
    return catalog.total_comparison_groups()[str(version)]


def _who(report: Row) -> Row:
    return {"municipality": report["municipality"], "municipality_code": report["municipality_code"]}


def _conflict(report: Row, prior: Row, existing: Row) -> tuple[str, str, Problem]:
    what = f"område {prior['area_no']}" if prior["area_no"] is not None else "the total"
    origin = ("its own report" if existing["source"] == "report"
              else f"{existing['report_id']}, which quotes it")
    return (str(report["source_path"]), str(report["report_id"]), problem(
        "prior_score_conflict",
        f"The report quotes {prior['score']} points for {what} in {report['municipality']}'s {prior['ref_year']} "
        f"evaluation; {origin} gives {existing['score']}."))
