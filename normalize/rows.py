"""A raw report record becomes the rows of the published tables."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TypeGuard

from domain import catalog
from domain.catalog import AREA_MAX_SCORE, AREA_NUMBERS, TOTAL_MAX_SCORE
from domain.municipalities import display_name, resolve, slug
from domain.origin import Origin, unturned
from domain.problems import Problem, problem
from domain.records import UNKNOWN, RawArea, RawReport, Row
from normalize.criteria import detect_version
from normalize.language import kind_guess, lemmas
from normalize.questions import question_id_for
from normalize.text import clean_text, collapse, report_words
from normalize.validate import validate

UNIDENTIFIED = "unidentified"  # the municipality of a report whose name could not be read


@dataclass
class NormalizedReport:
    report_id: str | None
    source_path: str
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def normalize_report(raw: RawReport, extractor_version: str) -> NormalizedReport:
    problems = list(raw.problems)
    if not raw.areas:
        problems.append(problem(
            "unknown_layout",
            "No KommunKompassen area (\"Område 1 ...\") was found: not a report, or a layout "
            "kompass does not know."))
        return NormalizedReport(None, raw.source_path, {}, problems)
    if raw.year is None:
        problems.append(problem(
            "report_year_unknown",
            "Neither the title, the running heads nor the evaluation period give the report's year, "
            "so it cannot be identified."))
        return NormalizedReport(None, raw.source_path, {}, problems)
    municipality = resolve(raw.municipality) if raw.municipality else None
    if raw.municipality is None:
        name = UNIDENTIFIED
        report_id = f"{UNIDENTIFIED}-{slug(PurePosixPath(raw.source_path).stem)}-{raw.year}"
        problems.append(problem(
            "report_unidentified",
            f"No municipality could be read from the cover, the title lines, the contents or the running heads; "
            f"the report is published as {report_id}."))
    else:
        name = municipality.name if municipality else display_name(raw.municipality)
        report_id = f"{slug(name)}-{raw.year}"
        if municipality is None:
            problems.append(problem(
                "municipality_unresolved",
                f"\"{raw.municipality}\" is not a municipality in SCB's list; no code was given.", 1))
    version, version_problems = detect_version(raw)
    problems += version_problems + validate(raw) + _prior_year_conflicts(raw)
    report_row = _report_row(raw, report_id, name, municipality.code if municipality else None, version,
                             extractor_version)
    rows: dict[str, list[Row]] = {
        "reports": [report_row], "provenance": _provenance_rows(raw, report_row),
        "areas": [], "findings": [], "rubrics": [], "sections": [],
        "subquestions": [], "prior_scores": _prior_rows(raw, report_id),
    }
    printed = report_words([text for area in raw.areas for text in (
        *area.rubrics, *(finding.text for finding in area.findings), *(section.text for section in area.sections))])
    for area in raw.areas:
        _add_area_rows(rows, area, report_id, catalog.area(version, area.area_no), printed)
    for sq in raw.subquestions:
        question_id, question_problems = question_id_for(version, sq)
        problems += question_problems
        rows["subquestions"].append({"report_id": report_id, "area_no": sq.area_no, "code": sq.code,
                                     "question_id": question_id, "text": collapse(sq.text),
                                     "achieved": sq.achieved, "max": sq.max, "percent": sq.percent,
                                     "percent_computed": percent_computed(sq.achieved, sq.max),
                                     **placed(sq.origin, sq.page)})
    for row, found in zip(rows["findings"], lemmas([str(row["text"]) for row in rows["findings"]])):
        row["lemmas"] = found
    _turn_back(rows, raw.turned_pages)
    return NormalizedReport(report_id, raw.source_path, rows, problems)


def _turn_back(rows: dict[str, list[Row]], turned_pages: dict[int, tuple[int, float, float]]) -> None:
    """The boxes of values on pages OCR read turned, as they stand on the page the PDF shows."""
    for table in rows.values():
        for row in table:
            page, box = row.get("page"), row.get("bbox")
            turn = turned_pages.get(page) if isinstance(page, int) else None
            if turn is not None and isinstance(box, list):
                x0, top, x1, bottom = box
                row["bbox"] = list(unturned((x0, top, x1, bottom), *turn))


def _report_row(raw: RawReport, report_id: str, name: str, code: str | None, version: str,
                extractor_version: str) -> Row:
    scores = [area.score for area in raw.areas if _publishable(area.score, AREA_MAX_SCORE)]
    total = raw.stated_total if _publishable(raw.stated_total, TOTAL_MAX_SCORE) else (
        sum(scores) if len(scores) == len(AREA_NUMBERS) and raw.stated_total is None else None)
    return {
        "report_id": report_id, "municipality": name, "municipality_code": code,
        "year": raw.year, "report_date": raw.report_date, "evaluation_period": raw.evaluation_period,
        "evaluators": [collapse(person) for person in raw.evaluators], "criteria_version": version,
        "evaluation_number": raw.evaluation_number, "total_score": total,
        "complete": raw.complete and not raw.missing_pages,  # a page missing inside it: not complete either
        "page_count": raw.page_count, "source_path": raw.source_path, "source_sha256": raw.sha256,
        "source_format": raw.source_format, "rendering": raw.rendering, "reader": raw.reader,
        "extractor_version": extractor_version,
    }


def _add_area_rows(rows: dict[str, list[Row]], area: RawArea, report_id: str, canonical: catalog.Area,
                   printed: frozenset[str]) -> None:
    base = {"report_id": report_id, "area_no": area.area_no}
    if _publishable(area.score, AREA_MAX_SCORE):
        rows["areas"].append({**base, "area_id": canonical.area_id, "comparison_group": canonical.comparison_group,
                              "title": collapse(area.title), "score": area.score, "max_score": AREA_MAX_SCORE,
                              **placed(area.score_origin, area.page)})
    origins = [*area.rubric_origins, *[None] * (len(area.rubrics) - len(area.rubric_origins))]
    rows["rubrics"] += [{**base, "position": i, "text": clean_text(text, printed), **placed(origin, area.page)}
                        for i, (text, origin) in enumerate(zip(area.rubrics, origins), start=1)]
    positions: dict[str, int] = {}
    for finding in area.findings:
        positions[finding.kind] = positions.get(finding.kind, 0) + 1
        text = clean_text(finding.text, printed)
        guess, reason = guessed_kind(finding.kind, text)
        rows["findings"].append({**base, "area_id": canonical.area_id, "kind": finding.kind,
                                 "position": positions[finding.kind], "text": text,
                                 "kind_guess": guess, "kind_guess_reason": reason, "kind_basis": finding.kind_basis,
                                 **placed(finding.origin, finding.page)})
    rows["sections"] += [{**base, "position": i, "heading": collapse(section.heading),
                          "text": clean_text(section.text, printed), **placed(section.origin, section.page)}
                         for i, section in enumerate(area.sections, start=1)]


def percent_computed(achieved: int, maximum: int) -> float | None:
    """subquestions.percent_computed: 100 × achieved / max to one decimal; None when max is 0."""
    return round(100 * achieved / maximum, 1) if maximum else None


def guessed_kind(kind: str, text: str) -> tuple[str | None, str | None]:
    """findings.kind_guess and its reason: only a finding of unknown kind has one."""
    return kind_guess(text) if kind == UNKNOWN else (None, None)


def _publishable(score: int | None, maximum: int) -> TypeGuard[int]:
    """A score within its range; one outside it is a misreading, named by validation and never published."""
    return score is not None and 0 <= score <= maximum


def _prior_rows(raw: RawReport, report_id: str) -> list[Row]:
    """One row per earlier year and area; the first statement of it counts."""
    rows: dict[tuple[int, int | None], Row] = {}
    for prior in raw.prior_scores:
        if not _publishable(prior.score, AREA_MAX_SCORE if prior.area_no is not None else TOTAL_MAX_SCORE):
            continue  # validation names it
        rows.setdefault((prior.ref_year, prior.area_no), {
            "report_id": report_id, "ref_year": prior.ref_year, "area_no": prior.area_no, "score": prior.score,
            "source": prior.source, **placed(prior.origin, prior.page)})
    return list(rows.values())


def placed(origin: Origin | None, page: int | None = None) -> Row:
    """The columns that say where a value stands: page, bbox and source_span; `page` where the origin has none."""
    return {"page": origin.page if origin is not None and origin.page is not None else page,
            "bbox": list(origin.bbox) if origin is not None and origin.bbox is not None else None,
            "source_span": list(origin.span) if origin is not None and origin.span is not None else None}


def _provenance_rows(raw: RawReport, report_row: Row) -> list[Row]:
    """Where the report prints its metadata; a total that is the areas' sum is printed nowhere."""
    origins = dict(raw.origins)
    if report_row["total_score"] != raw.stated_total:
        origins.pop("total_score", None)
    return [{"report_id": report_row["report_id"], "field": field, **placed(origin)}
            for field, origin in origins.items() if report_row.get(field) not in (None, [])]


def _prior_year_conflicts(raw: RawReport) -> list[Problem]:
    """An appended evaluation dated otherwise than the text dates the earlier evaluation."""
    stated = raw.previous_evaluation_year
    appended = sorted({p.ref_year for p in raw.prior_scores if p.source == "appendix"})
    if stated is None or not appended or stated in appended:
        return []
    return [problem(
        "prior_year_conflict",
        f"The appended earlier evaluation is dated {', '.join(map(str, appended))}, but the text says the "
        f"previous evaluation was in {stated}.")]
