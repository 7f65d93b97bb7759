"""Issue #9, years: reports from before the 2010 revision follow the original criteria ("1.0"), never silently
"2.0"; the lead's design records that with a criteria_version_original warning."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe
from helpers.robustness import CASE_FORMATS, cases

EARLY = {year: cases(f"kalmar-{year}-original-criteria", describe("Kalmar", year, evaluation_number=1))
         for year in (2005, 2007, 2009)}
LATE = {year: cases(f"kalmar-{year}-revised-criteria", describe("Kalmar", year, quoted_prior_year=year - 3))
        for year in (2010, 2016, 2019)}


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("year", list(EARLY))
def test_issue_9_report_before_2010_gives_criteria_1_0(robust, year, fmt):
    robust.assert_expected(EARLY[year][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("year", list(EARLY))
def test_issue_9_report_before_2010_warns_criteria_version_original(robust, year, fmt):
    codes = {(p["code"], p["severity"]) for p in robust.problems(EARLY[year][fmt])}
    assert ("criteria_version_original", "warning") in codes, sorted(codes)


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("year", list(LATE))
def test_issue_9_report_of_a_revision_year_gives_the_described_tables(robust, year, fmt):
    robust.assert_expected(LATE[year][fmt])
    assert "criteria_version_original" not in {p["code"] for p in robust.problems(LATE[year][fmt])}
