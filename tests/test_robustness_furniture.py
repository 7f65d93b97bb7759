"""Issue #9, page furniture: other running heads, footers and page-number forms change nothing in the tables."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, cases

NACKA = describe("Nacka", 2012, quoted_prior_year=2009)
NACKA_PLAIN = cases("nacka-2012-skl-heads", NACKA)
FURNITURE = {
    "skr_head_sida_av": Style(head="Sveriges Kommuner och Regioner {date} Sida {page} av {pages}"),
    "report_title_head_and_page_foot": Style(head="KommunKompassen – Nacka kommun {date}", foot="{page} ({pages})"),
    "dashed_page_number_foot_only": Style(head=None, foot="- {page} -"),
    "page_slash_pages_foot": Style(head="Kommunkompassen {date}", foot="Sida {page}/{pages}"),
}
FURNITURE_CASES = {key: cases(f"nacka-2012-{key}", NACKA, style) for key, style in FURNITURE.items()}


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(FURNITURE))
def test_issue_9_page_furniture_gives_the_described_tables(robust, variant, fmt):
    robust.assert_expected(FURNITURE_CASES[variant][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(FURNITURE))
def test_issue_9_page_furniture_gives_the_plain_reports_tables(robust, variant, fmt):
    robust.assert_same_as(FURNITURE_CASES[variant][fmt], NACKA_PLAIN[fmt])
