"""Issue #9, self-check: every area a document shows is in the tables or named in problems.parquet, and a stated
total that is not the sum of the areas is reported."""
from __future__ import annotations

import re

import pytest

from helpers.reportdesc import describe, with_changes
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, CASES, cases

SKELLEFTEA = describe("Skellefteå", 2017, quoted_prior_year=2014)
MANGLED_AREA = 5
MANGLED = cases("skelleftea-2017-area-5-heading-mangled", SKELLEFTEA, Style(mangled_area=MANGLED_AREA))

KIRUNA = describe("Kiruna", 2013, evaluation_number=1)
WRONG_TOTAL = with_changes(KIRUNA, stated_total=KIRUNA["report"]["total_score"] + 12,
                           total_score=KIRUNA["report"]["total_score"] + 12)
STATED_TOTAL_NOT_SUM = cases("kiruna-2013-stated-total-not-the-sum", WRONG_TOTAL)


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_area_listed_in_contents_but_not_found_is_a_problem(robust, fmt):
    name = MANGLED[fmt]
    messages = [p["message"] for p in robust.problems(name) if p["code"] == "area_not_found"]
    assert any(re.search(rf"(?<![\d.]){MANGLED_AREA}(?![\d.])", message) for message in messages), messages


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_the_other_areas_of_a_report_with_a_mangled_heading_are_read(robust, fmt):
    got = robust.observed(MANGLED[fmt])["areas"]
    want = [(a["area_no"], a["title"], a["score"]) for a in SKELLEFTEA["areas"] if a["area_no"] != MANGLED_AREA]
    assert [row for row in got if row[0] != MANGLED_AREA] == want


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_stated_total_not_the_sum_of_areas_is_a_problem(robust, fmt):
    robust.assert_expected(STATED_TOTAL_NOT_SUM[fmt])
    assert "area_sum_mismatch" in {p["code"] for p in robust.problems(STATED_TOTAL_NOT_SUM[fmt])}


def test_issue_9_every_area_shown_is_published_or_named_in_problems(robust):
    """Over every case of the suite (all robustness modules collected in this session)."""
    failures = []
    for name in sorted(CASES):
        try:
            robust.assert_area_accounted_for(name)
        except AssertionError as failure:
            failures.append(str(failure).splitlines()[0])
    assert not failures, "\n".join(failures)
