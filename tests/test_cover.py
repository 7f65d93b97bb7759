"""parsers.cover: municipality, year, date and evaluators from the cover lines."""
from __future__ import annotations

from datetime import date

from parsers.cover import read_cover, split_people


def test_flat_one_line_cover():
    cover = read_cover(["KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2018 Anders Dryselius, Hylte kommun "
                        "Josephine Härdin, konsult"])
    assert cover.municipality == "SOLLENTUNA"
    assert cover.year == 2018
    assert cover.report_date is None
    assert cover.evaluators == ["Anders Dryselius, Hylte kommun", "Josephine Härdin, konsult"]


def test_transcript_cover_with_words_between_title_and_people():
    cover = read_cover(["KommunKompassen SOLLENTUNA KOMMUN 2015 RAPPORT ANALYS AV. Josephine Härdin, SKL "
                        "Karolina Dahlblom, Lt Kalmar"])
    assert (cover.municipality, cover.year) == ("SOLLENTUNA", 2015)
    assert cover.evaluators == ["Josephine Härdin, SKL", "Karolina Dahlblom, Lt Kalmar"]


def test_multi_line_cover_with_upper_case_label_and_och():
    cover = read_cover(["KOMMUNKOMPASSEN ANALYS AV VALLENTUNA KOMMUN 2019", "2019-04-09",
                        "UTVÄRDERARE: J. HENRIK BERGSTRÖM, SKL OCH LENA TEGENFELDT, ORUST KOMMUN"])
    assert (cover.municipality, cover.year) == ("VALLENTUNA", 2019)
    assert cover.report_date == date(2019, 4, 9)
    assert cover.evaluators == ["J. HENRIK BERGSTRÖM, SKL", "LENA TEGENFELDT, ORUST KOMMUN"]


def test_cover_one_item_per_line_with_written_date_and_publisher():
    cover = read_cover(["KOMMUNKOMPASSEN", "Analys av Helsingborgs stad 2012", "Utvärderare:",
                        "Lars Strid, senior konsult (SKL)", "Anna Andersson, Lunds kommun", "19 juni 2012",
                        "Sveriges Kommuner och Landsting"])
    assert (cover.municipality, cover.year) == ("Helsingborgs", 2012)
    assert cover.report_date == date(2012, 6, 19)
    assert cover.evaluators == ["Lars Strid, senior konsult (SKL)", "Anna Andersson, Lunds kommun"]


def test_year_on_its_own_line_and_hyphenated_name():
    cover = read_cover(["Kommunkompassen", "Analys av Upplands-Väsby kommun", "2011",
                        "Per Olsson, SKL och Eva Ek, Malmö stad"])
    assert (cover.municipality, cover.year) == ("Upplands-Väsby", 2011)
    assert cover.evaluators == ["Per Olsson, SKL", "Eva Ek, Malmö stad"]


def test_cover_without_evaluators():
    cover = read_cover(["KommunKompassen ANALYS AV ÖRNSKÖLDSVIKS KOMMUN 2017"])
    assert (cover.municipality, cover.year, cover.evaluators) == ("ÖRNSKÖLDSVIKS", 2017, [])


def test_cover_without_title_has_no_municipality_or_year():
    cover = read_cover(["Inköpslista", "Mjölk och bröd"])
    assert (cover.municipality, cover.year, cover.evaluators) == (None, None, [])


def test_split_people_starts_a_person_two_words_before_a_comma():
    assert split_people("Anders Dryselius, Hylte kommun Josephine Härdin, konsult") == [
        "Anders Dryselius, Hylte kommun", "Josephine Härdin, konsult"]


def test_split_people_keeps_initials_with_the_name():
    assert split_people("J. Henrik Bergström, SKL Lena Tegenfeldt, Orust kommun") == [
        "J. Henrik Bergström, SKL", "Lena Tegenfeldt, Orust kommun"]
    assert split_people("Anna K. L. Berg, SKL Per Ek, Lund") == ["Anna K. L. Berg, SKL", "Per Ek, Lund"]


def test_split_people_one_person_and_comma_in_affiliation():
    assert split_people("Lars Strid, senior konsult (SKL)") == ["Lars Strid, senior konsult (SKL)"]
    assert split_people("Anna Berg, konsult, Lund") == ["Anna Berg, konsult, Lund"]
    assert split_people("") == []


def test_an_affiliation_made_of_cover_words_is_kept():
    # SKL's name is also the cover's publisher line, and its "och" also parts two people
    cover = read_cover(["KommunKompassen", "Analys av Lerums kommun 2014",
                        "Anna Berg, Sveriges Kommuner och Landsting", "Per Ek, konsult",
                        "Sveriges Kommuner och Landsting"])
    assert (cover.municipality, cover.year) == ("Lerums", 2014)
    assert cover.evaluators == ["Anna Berg, Sveriges Kommuner och Landsting", "Per Ek, konsult"]


def test_evaluators_joined_by_och_share_the_affiliation_printed_after_the_last():
    """Issue 17, class 8."""
    cover = read_cover(["KommunKompassen", "ANALYS AV", "LERUMS KOMMUN 2014", "Anna Berg och Per Ek, SKL"])
    assert cover.evaluators == ["Anna Berg, SKL", "Per Ek, SKL"]
    cover = read_cover(["KommunKompassen ANALYS AV LERUMS KOMMUN 2014 Anna Berg, Hylte kommun och Per Ek, SKL"])
    assert cover.evaluators == ["Anna Berg, Hylte kommun", "Per Ek, SKL"]


def test_the_visit_printed_after_the_evaluators_is_the_evaluation_period_not_a_name_or_the_date():
    cover = read_cover(["KommunKompassen", "ANALYS AV", "LERUMS KOMMUN 2011", "Anna Berg, SKL",
                        "Per Ek, Solna stad 2011-05-30--31"])
    assert (cover.evaluators, cover.evaluation_period, cover.report_date) == (
        ["Anna Berg, SKL", "Per Ek, Solna stad"], "2011-05-30--31", None)
    assert read_cover(["LERUMS KOMMUN 2011 Anna Berg, SKL 30–31 maj 2011"]).evaluation_period == "30–31 maj 2011"


def test_a_bare_covers_municipality_line_is_no_evaluator():
    cover = read_cover(["KommunKompassen", "Upplands Väsby", "2011", "Anna Berg, SKL"])
    assert (cover.municipality, cover.year, cover.evaluators) == ("Upplands Väsby", 2011, ["Anna Berg, SKL"])


def test_a_written_date_after_den_is_the_date_and_no_part_of_a_name():
    cover = read_cover(["KommunKompassen ANALYS AV LERUMS KOMMUN 2018 Anna Berg, SKL Per Ek, konsult den 19 juni 2018"])
    assert (cover.evaluators, cover.report_date) == (["Anna Berg, SKL", "Per Ek, konsult"], date(2018, 6, 19))
