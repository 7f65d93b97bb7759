"""Where an area's score comes from when its score box does not simply give it.

A box with a column per evaluation year gives the report's own year as the
score and the other years as prior scores; an area without a box takes the
sum row section 4 prints for it, else the score its own text states. Each
fallback is said as a problem, so a score is never guessed silently.
"""
from __future__ import annotations

from domain.catalog import AREA_MAX_SCORE
from domain.problems import problem
from domain.records import RawPriorScore, RawReport
from parsers.passages import Passage
from parsers.statements import area_score_stated


def settle_year_columns(report: RawReport) -> None:
    """Score boxes with a column per year: the report's own year is the area score, the others prior scores."""
    for area in report.areas:
        if not area.year_scores or area.score is not None:
            continue
        origins = area.year_origins or [None] * len(area.year_scores)
        own = [(score, origin) for (year, score), origin in zip(area.year_scores, origins) if year == report.year]
        if own:
            area.score, area.score_origin = own[0]
        else:
            (year, area.score), area.score_origin = max(zip(area.year_scores, origins), key=lambda pair: pair[0])
            report.problems.append(problem(
                "area_score_year_unclear",
                f"Område {area.area_no}: the score box has columns for "
                f"{', '.join(str(y) for y, _ in area.year_scores)} but none for the report's year "
                f"{report.year}; the latest ({year}) was taken.", area.page))
        report.prior_scores.extend(RawPriorScore(year, area.area_no, score, "appendix", area.page, origin)
                                   for (year, score), origin in zip(area.year_scores, origins)
                                   if report.year is None or year < report.year)


def scores_from_elsewhere(report: RawReport, area_text: dict[int, Passage]) -> None:
    """An area without a score box takes its score from section 4's sum row, else from its own text, and says so."""
    for area in report.areas:
        if area.score is not None or area.year_scores:
            continue
        total = next((t for t in report.area_totals if t.area_no == area.area_no and t.max == AREA_MAX_SCORE), None)
        if total is not None:
            area.score, area.score_origin = total.achieved, total.origin
            report.problems.append(problem(
                "area_score_from_elsewhere",
                f"Område {area.area_no}: no score box; its score {area.score} is section 4's sum row.", total.page))
            continue
        text = area_text.get(area.area_no, Passage())
        found = area_score_stated(text.text, report.year)
        if found is not None:
            area.score, area.score_origin = found.value, text.origin(found.span)
            report.problems.append(problem(
                "area_score_from_elsewhere",
                f"Område {area.area_no}: no score box; its score {area.score} is what its text states.", area.page))
