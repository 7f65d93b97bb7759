"""Issue #9, appendices: a sentence that mentions an appendix, an appended earlier evaluation, a table of
earlier results and rubric boxes with two year columns. The report's own tables stay the report's; the
earlier scores become prior_scores with source "appendix" (reportplan.appended_prior_scores)."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe, earlier_scores
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, cases

# one sentence mentions an appendix inside area 2: every later area is still read
LILLA_EDET = describe("Lilla Edet", 2015, quoted_prior_year=2012)
MENTION = cases("lilla-edet-2015-bilaga-mentioned-in-area-2", LILLA_EDET,
                Style(narrative_extra={2: "Enkäten redovisas i Bilaga 2 till rapporten."}))

# a whole earlier evaluation appended after a "Bilaga" heading
BORAS = describe("Borås", 2017, evaluation_number=2)
BORAS_2014 = describe("Borås", 2014, evaluation_number=1)
BORAS_PLAIN = cases("boras-2017-without-appendix", BORAS)
APPENDED = {
    "bilaga_colon_heading": Style(appended=BORAS_2014),
    "bilaga_dash_heading": Style(appended=BORAS_2014, appended_heading="Bilaga – {year} års Kommunkompass"),
    "second_cover": Style(appended=BORAS_2014, appended_cover=True, appended_heading="BILAGA 1"),
    "no_stated_total": Style(appended=BORAS_2014, appended_total=False),
}
APPENDED_CASES = {key: cases(f"boras-2017-appended-2014-{key}", BORAS, style) for key, style in APPENDED.items()}

# a table of earlier results (rows: the areas and "Totalt"; columns: years)
VARMDO = describe("Värmdö", 2013, evaluation_number=3)
EARLIER_TABLE = cases("varmdo-2013-table-of-earlier-results", VARMDO, Style(
    earlier_table=((2010, earlier_scores(VARMDO, 2010)), (2007, earlier_scores(VARMDO, 2007)))))

# issue 17, class 4: a year that re-evaluated only some areas leaves the other cells of its column empty
PARTIAL_YEAR = {area_no: score for area_no, score in earlier_scores(VARMDO, 2011).items() if area_no in (6, 7)}
GAPPED_TABLE = cases("varmdo-2013-table-with-a-partial-year", VARMDO, Style(
    earlier_table=((2011, PARTIAL_YEAR), (2010, earlier_scores(VARMDO, 2010)))))

# rubric boxes with two year columns: the report's own year is the score, the other a prior score
OSTERAKER = describe("Österåker", 2015, evaluation_number=2)
OSTERAKER_PLAIN = cases("osteraker-2015-rubric-box-poang", OSTERAKER)
EARLIER_2012 = {area_no: score for area_no, score in earlier_scores(OSTERAKER, 2012).items() if area_no}
YEAR_COLUMNS = cases("osteraker-2015-rubric-box-year-columns", OSTERAKER,
                     Style(rubric_years=(2015, 2012), earlier_rubric_scores=EARLIER_2012))
# issue 17, class 4: the earlier year re-evaluated only areas 6 and 7; the other boxes leave its cell empty
PARTIAL_2012 = {area_no: score for area_no, score in EARLIER_2012.items() if area_no in (6, 7)}
PARTIAL_YEAR_COLUMNS = cases("osteraker-2015-rubric-box-year-columns-partial-year", OSTERAKER,
                             Style(rubric_years=(2015, 2012), earlier_rubric_scores=PARTIAL_2012))


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_bilaga_mentioned_in_area_2_keeps_every_later_area(robust, fmt):
    robust.assert_expected(MENTION[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(APPENDED))
def test_issue_9_appended_evaluation_gives_prior_scores_only(robust, variant, fmt):
    robust.assert_expected(APPENDED_CASES[variant][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(APPENDED))
def test_issue_9_appended_evaluation_leaves_the_reports_tables_alone(robust, variant, fmt):
    robust.assert_same_as(APPENDED_CASES[variant][fmt], BORAS_PLAIN[fmt], ignore_columns=("page_count",),
                          ignore_tables=("prior_scores", "problems"))


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_table_of_earlier_results_gives_prior_scores(robust, fmt):
    robust.assert_expected(EARLIER_TABLE[fmt])


@pytest.mark.parametrize("fmt", ["pdf", "markdown"])
def test_issue_17_table_of_earlier_results_with_a_partial_year_reads_each_cell_by_its_column(robust, fmt):
    robust.assert_expected(GAPPED_TABLE[fmt])


@pytest.mark.parametrize("fmt", ["flat", "transcript"])
def test_issue_17_flattened_table_with_a_partial_year_names_the_rows_whose_columns_were_lost(robust, fmt):
    """Flattened text loses the empty cells: a row printing one score under two years cannot say whose it is.
    Rows printing both are published; each other row is named, none of its scores published."""
    name = GAPPED_TABLE[fmt]
    # (ref_year, area_no, score, source): the areas the partial year scored print a score under both years
    want = [row for row in robust.expected_by_case[name]["prior_scores"] if row[3] == "text" or row[1] in PARTIAL_YEAR]
    robust.assert_expected(name, ignore=("prior_scores",))
    assert sorted(robust.observed(name)["prior_scores"]) == sorted(want)
    named = [p["message"].split(":")[0] for p in robust.problems(name) if p["code"] == "year_cells_unplaced"]
    assert named == [*(f"Område {a['area_no']}" for a in VARMDO["areas"] if a["area_no"] not in PARTIAL_YEAR),
                     "Totalt"]


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_rubric_box_year_columns_give_score_and_prior_score(robust, fmt):
    robust.assert_expected(YEAR_COLUMNS[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_rubric_box_year_columns_leave_the_other_tables_alone(robust, fmt):
    robust.assert_same_as(YEAR_COLUMNS[fmt], OSTERAKER_PLAIN[fmt], ignore_tables=("prior_scores",))


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_17_rubric_box_year_columns_with_a_partial_year_read_each_cell_by_its_column(robust, fmt):
    robust.assert_expected(PARTIAL_YEAR_COLUMNS[fmt])
    robust.assert_same_as(PARTIAL_YEAR_COLUMNS[fmt], OSTERAKER_PLAIN[fmt], ignore_tables=("prior_scores",))
