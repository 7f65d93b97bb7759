"""Issue #9, covers: the municipality and year are read from other cover wordings, and nothing else changes."""
from __future__ import annotations

import pytest

from helpers.reportdesc import describe
from helpers.reportplan import Style
from helpers.robustness import CASE_FORMATS, cases

VASBY = describe("Upplands Väsby", 2011)
GOTLAND = describe("Gotland", 2012, quoted_prior_year=2009)
LERUM = describe("Lerum", 2014, quoted_prior_year=2011)
ORNSKOLDSVIK = describe("Örnsköldsvik", 2017, quoted_prior_year=2014)
HELSINGBORG = describe("Helsingborg", 2018, suffix="stad", quoted_prior_year=2015)
MALUNG = describe("Malung-Sälen", 2016, evaluation_number=1)
DALS_ED = describe("Dals-Ed", 2019, evaluators=("Anders Dryselius, Hylte kommun", "Karin Holm, Borås stad"))
ALE = describe("Ale", 2018, evaluators=("Anna Berg, SKL", "Per Ek, SKL"))

PLAIN = {description["id"]: cases(f"{description['id']}-plain", description)
         for description in (VASBY, GOTLAND, LERUM, ORNSKOLDSVIK, HELSINGBORG, MALUNG, DALS_ED, ALE)}

VARIANTS = {
    "name_without_kommun": (VASBY, Style(cover_name="UPPLANDS VÄSBY")),
    "region_gotland": (GOTLAND, Style(cover_name="REGION GOTLAND")),
    "utvardering_av": (LERUM, Style(cover_verb="UTVÄRDERING AV")),
    "granskning_av_mixed_case": (LERUM, Style(cover_verb="Granskning av", cover_name="Lerums kommun")),
    "genitive_mixed_case": (ORNSKOLDSVIK, Style(title_word="Kommunkompassen", cover_verb="Analys av",
                                                cover_name="Örnsköldsviks kommun")),
    "letter_spaced_title_stad": (HELSINGBORG, Style(letter_spaced=True)),
    "no_kommunkompassen_word": (MALUNG, Style(title_word=None)),
    "evaluators_labelled": (DALS_ED, Style(evaluators_label="Utvärderare: ")),
    # issue 17, class 8
    "evaluators_joined_share_affiliation": (ALE, Style(evaluators_joined=True)),
    "visit_after_the_evaluators": (LERUM, Style(cover_visit="2014-05-12--13")),
    "bare_name_year_on_its_own_line": (VASBY, Style(cover_name="Upplands Väsby", cover_year_line=True)),
    "date_written_in_words": (ALE, Style(written_date="den {day} {month} {year}")),
    "date_written_on_the_cover": (ALE, Style(written_date="{day} {month} {year}",
                                             head="Sveriges Kommuner och Landsting {page} ({pages})")),
    "section_4_renamed": (ALE, Style(scores_chapter="Poängsammanställning per område")),
}
VARIANT_CASES = {key: cases(f"{description['id']}-{key}", description, style)
                 for key, (description, style) in VARIANTS.items()}


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_cover_variant_gives_the_described_tables(robust, variant, fmt):
    robust.assert_expected(VARIANT_CASES[variant][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_cover_variant_gives_the_plain_covers_tables(robust, variant, fmt):
    description, _ = VARIANTS[variant]
    robust.assert_same_as(VARIANT_CASES[variant][fmt], PLAIN[description["id"]][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
@pytest.mark.parametrize("report_id", list(PLAIN))
def test_plain_cover_gives_the_described_tables(robust, report_id, fmt):
    robust.assert_expected(PLAIN[report_id][fmt])


@pytest.mark.parametrize("fmt", CASE_FORMATS)
def test_evaluator_from_another_municipality_is_not_the_municipality(robust, fmt):
    row = robust.report_row(PLAIN[DALS_ED["id"]][fmt])
    assert row is not None
    assert (row["report_id"], row["municipality"], row["municipality_code"]) == ("dals-ed-2019", "Dals-Ed", "1438")
