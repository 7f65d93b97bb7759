"""Checks that a report's numbers agree with each other, each failure a problem.

Section 4 prints each subquestion's "Uppnått" rounded to a whole point, so the
subquestions of an area may miss the area score by up to half a point each;
"Procent" is printed from the unrounded points, so it may differ from
Uppnått/Max by what that rounding allows. Only differences beyond rounding are
reported.
"""
from __future__ import annotations

from collections import defaultdict

from domain.catalog import AREA_MAX_SCORE, AREA_NUMBERS, TOTAL_MAX_SCORE
from domain.problems import Problem, problem
from domain.records import RawReport


def validate(report: RawReport) -> list[Problem]:
    problems: list[Problem] = []
    problems += _area_scores(report)
    problems += _subquestions(report)
    problems += _total(report)
    if not report.complete:
        reached = max((area.area_no for area in report.areas), default=0)
        problems.append(problem(
            "truncated_report",
            f"The document stops before the end of the report (last area reached: {reached}).", None))
    return problems


def _area_scores(report: RawReport) -> list[Problem]:
    problems = []
    for area in report.areas:
        if area.score is None:
            problems.append(problem(
                "area_score_missing",
                f"Område {area.area_no}: no score found under its heading.", area.page))
        elif not 0 <= area.score <= AREA_MAX_SCORE:
            problems.append(problem(
                "score_out_of_range",
                f"Område {area.area_no}: score {area.score} is outside 0-{AREA_MAX_SCORE}; it is not published.",
                area.page))
    for prior in report.prior_scores:
        maximum = AREA_MAX_SCORE if prior.area_no is not None else TOTAL_MAX_SCORE
        if not 0 <= prior.score <= maximum:
            what = f"Område {prior.area_no}" if prior.area_no is not None else "The total"
            problems.append(problem(
                "score_out_of_range",
                f"{what} of the {prior.ref_year} evaluation reads {prior.score}, outside 0-{maximum}; it is not "
                f"published.", prior.page))
    return problems


def _subquestions(report: RawReport) -> list[Problem]:
    problems = []
    by_area: dict[int, list] = defaultdict(list)
    for sq in report.subquestions:
        by_area[sq.area_no].append(sq)
        if sq.achieved > sq.max:
            problems.append(problem(
                "achieved_above_max",
                f"Subquestion {sq.code}: Uppnått {sq.achieved} is more than Max {sq.max}.", sq.page))
        elif sq.max > 0 and abs(sq.percent - 100 * sq.achieved / sq.max) > 100 * 0.5 / sq.max + 0.5:
            problems.append(problem(
                "percent_inconsistent",
                f"Subquestion {sq.code}: {sq.percent:g} % does not fit {sq.achieved} of {sq.max} "
                f"points, even allowing for rounding.", sq.page))
    scores = {area.area_no: area.score for area in report.areas if area.score is not None}
    for area_no, rows in sorted(by_area.items()):
        if area_no not in scores:
            continue
        total = sum(sq.achieved for sq in rows)
        if abs(total - scores[area_no]) > len(rows) / 2:
            problems.append(problem(
                "subquestion_sum_mismatch",
                f"Område {area_no}: its subquestions add up to {total} points, the area "
                f"score is {scores[area_no]}; more than rounding explains.", rows[0].page))
    for row in report.area_totals:
        if row.area_no in scores and row.achieved != scores[row.area_no]:
            problems.append(problem(
                "area_total_mismatch",
                f"Område {row.area_no}: section 4 gives {row.achieved} points, the area "
                f"heading {scores[row.area_no]}.", row.page))
    return problems


def _total(report: RawReport) -> list[Problem]:
    scores = [area.score for area in report.areas if area.score is not None]
    if report.stated_total is None:
        return []
    if not 0 <= report.stated_total <= TOTAL_MAX_SCORE:
        return [problem(
            "score_out_of_range",
            f"The stated total {report.stated_total} is outside 0-{TOTAL_MAX_SCORE}; it is not published.")]
    if len(scores) == len(AREA_NUMBERS) and sum(scores) != report.stated_total:
        return [problem(
            "area_sum_mismatch",
            f"The eight area scores add up to {sum(scores)}, the report states a total of "
            f"{report.stated_total}.")]
    return []
