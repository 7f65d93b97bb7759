"""Issue #17, class 5: a rubric box whose score cell prints its unit ("84 p", "84 poäng", "84/100"). The number is
the area's score; the unit never becomes a rubric, and the box never runs on into the sub-heading after it."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe, earlier_scores
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, cases

ALE = describe("Ale", 2016, quoted_prior_year=2013)
ALE_PLAIN = cases("ale-2016-score-without-unit", ALE)
UNITS = {"p": "{} p", "poang": "{} poäng", "of_100": "{}/100"}
UNIT_CASES = {key: cases(f"ale-2016-score-{key}", ALE, Style(rubric_score=printed)) for key, printed in UNITS.items()}

# the same with two year columns: each year's cell prints the unit
EARLIER_2012 = {area_no: score for area_no, score in earlier_scores(ALE, 2012).items() if area_no}
YEAR_UNITS = cases("ale-2016-year-columns-score-p", ALE, Style(rubric_years=(2016, 2012),
                                                               earlier_rubric_scores=EARLIER_2012, rubric_score="{} p"))


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("unit", list(UNITS))
def test_issue_17_a_score_printed_with_its_unit_is_the_score(robust, unit, fmt):
    robust.assert_expected(UNIT_CASES[unit][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("unit", list(UNITS))
def test_issue_17_a_score_printed_with_its_unit_publishes_what_the_plain_report_does(robust, unit, fmt):
    robust.assert_same_as(UNIT_CASES[unit][fmt], ALE_PLAIN[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_17_year_columns_printed_with_units_give_score_and_prior_score(robust, fmt):
    robust.assert_expected(YEAR_UNITS[fmt])
