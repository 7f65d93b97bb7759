"""normalize.criteria.detect_version: the criteria revision read from the report's content."""
from __future__ import annotations

from domain.records import RawReport
from normalize.criteria import detect_version


def _report(named_areas=None, mentions=None, year=None) -> RawReport:
    report = RawReport("x.txt", "0" * 64, "text", "flat", year=year)
    report.named_areas = named_areas or {}
    report.version_mentions = mentions or []
    return report


def test_area_seven_title_decides():
    assert detect_version(_report({1: ["Offentlighet och demokrati"], 7: ["Ständiga förbättringar"]}, year=2012)) \
        == ("2.1", [])
    assert detect_version(_report({7: ["VERKSAMHETSUTVECKLING"]}, year=2019)) == ("2.0", [])


def test_2020_areas():
    assert detect_version(_report({1: ["Samspel mellan förtroendevalda och medborgare"]})) == ("2020", [])


def test_title_under_another_area_number_is_no_evidence():
    version, problems = detect_version(_report({3: ["Ständiga förbättringar"]}, year=2012))
    assert version == "2.0"
    assert [p.code for p in problems] == ["criteria_version_guessed"]


def test_shared_titles_fall_back_to_explicit_mention():
    assert detect_version(_report({1: ["Offentlighet och demokrati"]}, mentions=["2.1"], year=2012)) == ("2.1", [])


def test_year_alone_is_a_guess_with_a_warning():
    version, problems = detect_version(_report({1: ["Offentlighet och demokrati"]}, year=2018))
    assert version == "2.1"
    assert [(p.severity, p.code) for p in problems] == [("warning", "criteria_version_guessed")]
    assert "2018" in problems[0].message
    assert detect_version(_report(year=2012))[0] == "2.0"
    assert detect_version(_report(year=2021))[0] == "2020"


def test_nothing_known_assumes_the_latest_version_with_a_warning():
    version, problems = detect_version(_report())
    assert version == "2020"
    assert [(p.severity, p.code) for p in problems] == [("warning", "criteria_version_guessed")]


def test_before_2010_the_shared_titles_are_the_original_criteria_with_a_warning():
    version, problems = detect_version(_report({7: ["Verksamhetsutveckling"]}, year=2008))
    assert version == "1.0"
    assert [(p.severity, p.code) for p in problems] == [("warning", "criteria_version_original")]
    assert detect_version(_report({7: ["Verksamhetsutveckling"]}, year=2010)) == ("2.0", [])
