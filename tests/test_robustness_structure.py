"""Issue #9, structure: no table of contents, other area heading forms, upper-case titles, other findings headers,
and the rubric glyph kept inside HTML list items. Wording-only variants publish what the plain report does."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, PAGE_COLUMNS, cases

KUNGALV = describe("Kungälv", 2016, quoted_prior_year=2013)
KUNGALV_PLAIN = cases("kungalv-2016-plain", KUNGALV)
WORDING = {
    "area_heading_number_dot": Style(area_heading="{n}. {title}"),
    "area_heading_upper_omrade": Style(area_heading="OMRÅDE {n} {title}"),
    "area_heading_colon": Style(area_heading="Område {n}: {title}"),
    "area_heading_dash": Style(area_heading="Område {n} – {title}"),
    "findings_starka_sidor_utvecklingsomraden": Style(strengths_header="Starka sidor",
                                                      improvements_header="Utvecklingsområden"),
    "findings_styrkor_svagheter": Style(improvements_header="Svagheter"),
    "findings_headers_with_colon": Style(strengths_header="Styrkor:", improvements_header="Förbättringsområden:"),
    "findings_upper_case_lists": Style(strengths_header="STYRKOR", improvements_header="FÖRBÄTTRINGSOMRÅDEN",
                                       findings_as_lists=True),
    "findings_mojligheter_svagheter": Style(improvements_header="Förbättringsmöjligheter Svagheter"),
}
WORDING_CASES = {key: cases(f"kungalv-2016-{key}", KUNGALV, style) for key, style in WORDING.items()}

SUNDBYBERG = describe("Sundbyberg", 2018, quoted_prior_year=2015)
SUNDBYBERG_PLAIN = cases("sundbyberg-2018-with-contents", SUNDBYBERG)
NO_CONTENTS = cases("sundbyberg-2018-no-contents", SUNDBYBERG, Style(contents=False))
# issue 17, class 3: what names the areas before chapter 1 or sums them up by area never opens an appended part
FRONT_AREAS = {
    "contents_without_heading": cases("sundbyberg-2018-contents-without-heading", SUNDBYBERG,
                                      Style(contents_title=None)),
    "summary_by_area": cases("sundbyberg-2018-summary-by-area", SUNDBYBERG, Style(summary_by_area=True)),
}

UPPLANDS_BRO = describe("Upplands-Bro", 2019, quoted_prior_year=2016)
for area in UPPLANDS_BRO["areas"]:  # section 4 keeps printing the titles in mixed case
    area["section4_title"], area["title"] = area["title"], area["title"].upper()
UPPER_TITLES = cases("upplands-bro-2019-upper-case-area-titles", UPPLANDS_BRO)

HYLTE = describe("Hylte", 2016, evaluation_number=1)
HYLTE_MARKDOWN = cases("hylte-2016-markdown-plain", HYLTE, fmts=("markdown",))
HYLTE_LI_GLYPHS = cases("hylte-2016-markdown-li-glyphs", HYLTE, Style(markdown_rubric_items="li"), fmts=("markdown",))


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_plain_report_gives_the_described_tables(robust, fmt):
    robust.assert_expected(KUNGALV_PLAIN[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(WORDING))
def test_issue_9_wording_variant_gives_the_described_tables(robust, variant, fmt):
    robust.assert_expected(WORDING_CASES[variant][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(WORDING))
def test_issue_9_wording_variant_gives_the_plain_reports_tables(robust, variant, fmt):
    robust.assert_same_as(WORDING_CASES[variant][fmt], KUNGALV_PLAIN[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_no_table_of_contents(robust, fmt):
    robust.assert_expected(NO_CONTENTS[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_no_table_of_contents_gives_the_same_tables_but_pages(robust, fmt):
    robust.assert_same_as(NO_CONTENTS[fmt], SUNDBYBERG_PLAIN[fmt], ignore_columns=PAGE_COLUMNS)


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(FRONT_AREAS))
def test_issue_17_areas_named_before_the_evaluation_are_the_reports_own(robust, variant, fmt):
    robust.assert_expected(FRONT_AREAS[variant][fmt])
    robust.assert_same_as(FRONT_AREAS[variant][fmt], SUNDBYBERG_PLAIN[fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_issue_9_upper_case_area_titles_are_kept_as_printed(robust, fmt):
    robust.assert_expected(UPPER_TITLES[fmt])


def test_issue_9_markdown_rubric_items_in_li_keep_no_glyph(robust):
    robust.assert_expected(HYLTE_LI_GLYPHS["markdown"])


def test_issue_9_markdown_rubric_items_in_li_give_the_plain_markdowns_tables(robust):
    robust.assert_expected(HYLTE_MARKDOWN["markdown"])
    robust.assert_same_as(HYLTE_LI_GLYPHS["markdown"], HYLTE_MARKDOWN["markdown"])



# issue 17, class 6: a markdown copy whose tabs became runs of spaces keeps its tables
SPACED_TABS = {
    "tabs_as_four_spaces": Style(markdown_tab="    "),
    "tabs_as_two_spaces": Style(markdown_tab="  "),
    "tab_stops_of_8": Style(markdown_tab_stops=8),
    "tab_stops_of_4": Style(markdown_tab_stops=4),
}
SPACED_TAB_CASES = {key: cases(f"kungalv-2016-markdown-{key}", KUNGALV, style, fmts=("markdown",))
                    for key, style in SPACED_TABS.items()}


@pytest.mark.parametrize("variant", list(SPACED_TABS))
def test_issue_17_markdown_tables_set_with_spaces_give_the_plain_markdowns_tables(robust, variant):
    robust.assert_expected(SPACED_TAB_CASES[variant]["markdown"])
    robust.assert_same_as(SPACED_TAB_CASES[variant]["markdown"], KUNGALV_PLAIN["markdown"])
