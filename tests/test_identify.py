"""parsers.identify: the municipality from the cover, the chapter titles and the running heads, by vote."""
from __future__ import annotations

from parsers.cover import read_cover
from parsers.identify import identify


def test_the_cover_title_names_the_report_without_a_warning():
    identity = identify(read_cover(["KommunKompassen", "UTVÄRDERING AV LERUMS KOMMUN", "2014",
                                    "Anders Dryselius, Hylte kommun"]),
                        ["2 Lerum i förhållande till Kommunkompassen", "5 Kortfakta om Lerums kommun"], [])
    assert (identity.municipality, identity.year, identity.problems) == ("LERUMS", 2014, [])


def test_a_cover_that_names_only_an_evaluators_employer_leaves_the_chapters_to_decide():
    cover = read_cover(["KommunKompassen 2016", "Per Ek, Solna stad"])
    assert cover.title is None
    identity = identify(cover, ["2 Upplands Väsby i förhållande till Kommunkompassen"], [])
    assert (identity.municipality, identity.year) == ("Upplands Väsby", 2016)


def test_the_running_heads_name_the_report_when_nothing_else_does():
    identity = identify(read_cover(["Kommunkompassen 2012"]), [], ["Region Gotland 2012", "Region Gotland 2012"])
    assert identity.municipality == "Region Gotland"


def test_witnesses_that_disagree_are_outvoted_and_said():
    identity = identify(read_cover(["ANALYS AV NACKA KOMMUN 2015"]),
                        ["2 Tyresö kommun i förhållande till Kommunkompassen", "5 Kortfakta om Tyresö kommun"], [])
    assert identity.municipality == "Tyresö"
    assert [p.code for p in identity.problems] == ["municipality_sources_disagree"]
    assert "NACKA" in identity.problems[0].message


def test_no_witness_leaves_the_report_unidentified():
    identity = identify(read_cover(["Inköpslista", "Mjölk och bröd"]), ["1 Vad är Kommunkompassen?"], [])
    assert (identity.municipality, identity.problems) == (None, [])
