"""normalize.validate: numbers that disagree beyond what rounding explains become warnings."""
from __future__ import annotations

from domain.records import RawArea, RawAreaTotal, RawReport, RawSubquestion
from normalize.validate import validate


def _codes(**fields) -> list[str]:
    report = RawReport("x.txt", "0" * 64, "text", "flat", complete=True)
    for name, value in fields.items():
        setattr(report, name, value)
    return [problem.code for problem in validate(report)]


def _sq(code: str, achieved: int, maximum: int, percent: float) -> RawSubquestion:
    return RawSubquestion(int(code.split(".")[0]), code, "fråga", achieved, maximum, percent)


def test_subquestions_within_rounding_of_area_score():
    # Vallentuna 2019, area 2: the subquestions add up to 76, the area prints 75.
    assert _codes(areas=[RawArea(2, "T", score=75)],
                  subquestions=[_sq("2.1", 30, 40, 74.6), _sq("2.2", 26, 35, 74), _sq("2.3", 20, 25, 80)]) == []


def test_subquestion_sum_beyond_rounding():
    assert _codes(areas=[RawArea(2, "T", score=70)],
                  subquestions=[_sq("2.1", 30, 40, 75), _sq("2.2", 26, 35, 74), _sq("2.3", 20, 25, 80)]) \
        == ["subquestion_sum_mismatch"]


def test_achieved_above_max():
    assert _codes(subquestions=[_sq("1.1", 12, 10, 100)]) == ["achieved_above_max"]


def test_percent_within_rounding_is_accepted():
    # Vallentuna 2019, 5.6: 10 of 10 printed as 95 %.
    assert _codes(subquestions=[_sq("5.6", 10, 10, 95)]) == []


def test_percent_inconsistent():
    assert _codes(subquestions=[_sq("5.6", 10, 10, 80)]) == ["percent_inconsistent"]


def test_area_sum_against_stated_total():
    eight = [RawArea(n, "T", score=70) for n in range(1, 9)]
    assert _codes(areas=eight, stated_total=560) == []
    assert _codes(areas=eight, stated_total=570) == ["area_sum_mismatch"]
    assert _codes(areas=eight[:7], stated_total=570) == []


def test_scores_out_of_range_and_missing():
    assert _codes(areas=[RawArea(1, "T", score=70), RawArea(2, "T"), RawArea(3, "T", score=120)],
                  stated_total=900) == ["area_score_missing", "score_out_of_range", "score_out_of_range"]


def test_section_four_sum_row_against_area_heading():
    assert _codes(areas=[RawArea(1, "T", score=72)], area_totals=[RawAreaTotal(1, 71, 100, 71.0)]) \
        == ["area_total_mismatch"]
    assert _codes(areas=[RawArea(1, "T", score=72)], area_totals=[RawAreaTotal(1, 72, 100, 72.0)]) == []


def test_truncated_report_names_the_last_area():
    report = RawReport("x.txt", "0" * 64, "text", "flat", complete=False,
                       areas=[RawArea(1, "T", score=70), RawArea(3, "T", score=60)])
    problems = validate(report)
    assert [(p.severity, p.code) for p in problems] == [("warning", "truncated_report")]
    assert "last area reached: 3" in problems[0].message
