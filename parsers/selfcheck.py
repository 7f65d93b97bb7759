"""Checks of a report record against the report's own structure.

The contents list the chapters and areas, section 4 totals every area and
a report that runs to its end has eight areas with findings: where the record
falls short of what the report itself shows, a problem says so, so every area
a document shows is either in the tables or named in problems.parquet.
"""
from __future__ import annotations

from domain.catalog import AREA_NUMBERS
from domain.problems import Problem, problem
from domain.records import RawReport
from parsers.blocks import Layout
from parsers.patterns import section_kind


def is_complete(report: RawReport, layout: Layout, sections_seen: set[str], pages_missing: int = 0) -> bool:
    """Whether the document runs to the end of the report; `pages_missing` pages its numbering shows missing
    before the end do not count as pages it lacks at the end."""
    listed = {section_kind(entry) for entry in layout.contents}
    if listed & {"scores", "facts"} - sections_seen:
        return False
    if layout.page_count and layout.last_page and layout.last_page + pages_missing < layout.page_count:
        return False
    areas = {area.area_no: area for area in report.areas}
    return set(areas) == set(AREA_NUMBERS) and areas[AREA_NUMBERS[-1]].findings_present


def structure_problems(report: RawReport, sections_seen: set[str]) -> list[Problem]:
    """Areas that the report's contents or section 4 name but that were not read, areas without findings, a
    cover without evaluators and a section 4 without rows."""
    read = {area.area_no for area in report.areas}
    named = report.listed_areas | {sq.area_no for sq in report.subquestions} | {t.area_no for t in report.area_totals}
    reached = max(read, default=0)
    missing = sorted(no for no in named - read if report.complete or no < reached)
    problems = [problem("area_not_found",
                        f"Område {no} is named by the report's {_namers(report, no)} but its part of the report was "
                        f"not found; its score, rubrics and findings are missing.") for no in missing]
    problems += [problem("findings_not_found",
                         f"Område {area.area_no}: no strengths or improvements were found, although the report goes "
                         f"on past this area.", area.page)
                 for area in report.areas if not area.findings_present and (report.complete or area.area_no < reached)]
    if report.areas and not report.evaluators:
        # every report names its evaluators on the cover: none found is a cover missing or unread, not a fact
        problems.append(problem("evaluators_not_found", "No evaluators were found on the cover: it is missing or "
                                                        "could not be read, and `evaluators` is empty for want of "
                                                        "them, not because the report names none.", 1))
    if "scores" in sections_seen and not report.subquestions:
        # a rendering that read the table column by column (pdftotext) leaves no row whole
        problems.append(problem("subquestions_not_found", "Section 4 (\"Översikt av poängfördelning\") was found, "
                                                          "but none of its rows could be read: the subquestions are "
                                                          "missing."))
    return problems


def _namers(report: RawReport, area_no: int) -> str:
    namers = ["contents"] if area_no in report.listed_areas else []
    if area_no in {sq.area_no for sq in report.subquestions} | {t.area_no for t in report.area_totals}:
        namers.append("section 4")
    return " and ".join(namers)
