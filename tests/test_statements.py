"""parsers.statements: facts the narrative states in words."""
from __future__ import annotations

import pytest

from parsers.statements import (
    area_score_statement,
    evaluation_number,
    evaluation_period,
    previous_evaluation_year,
    prior_total,
    quoted_scores,
    stated_total,
)


@pytest.mark.parametrize("text, number", [
    ("Utvärderingen 2018 var kommunens andra utvärdering enligt Kommunkompassen.", 2),
    ("Det var Sollentunas första utvärdering.", 1),
    ("Detta är tredje gången som Sollentuna utvärderas med Kommunkompassen.", 3),
    ("Utvärderingen är stadens fjärde sedan 2005.", 4),
    ("Den andra delen av rapporten handlar om områdena.", None),
    ("Detta är kommunens tredje utvärdering med Kommunkompassen.", 3),
    ("Det är den andra utvärderingen av Lerum.", 2),
    ("Detta var Lerums kommuns andra utvärdering enligt Kommunkompassen.", 2),
    ("Det är fjärde gången som kommunen genomför Kommunkompassen.", 4),
    ("Kommunen har nu utvärderats för tredje gången.", 3),
    ("Kommunen utvärderades för första gången 2010.", None),  # an earlier evaluation, not this one
])
def test_evaluation_number(text, number):
    assert evaluation_number(text) == number


@pytest.mark.parametrize("text, period", [
    ("Utvärderingen genomfördes i maj 2018 genom intervjuer.", "maj 2018"),
    ("Intervjuerna genomfördes under februari år 2019.", "februari år 2019"),
    ("Utvärderingen gjordes i februari-mars år 2017.", "februari-mars år 2017"),
    ("Den ägde rum i slutet av april 2015.", "slutet av april 2015"),
    ("Utvärderingen skedde i  maj\u00a0 2018.", "maj 2018"),
    ("Ingen period nämns 2018.", None),
])
def test_evaluation_period_as_printed(text, period):
    assert evaluation_period(text) == period


def test_stated_total_from_chart_label_of_the_report_year():
    assert stated_total("Sollentuna kommun 2018-602p 100 80 76 76 84", 2018) == 602
    assert stated_total("Sollentuna 2015 - 551p och 2018 - 602p", 2018) == 602
    assert stated_total("Sollentuna 2015 - 551p och 2018 - 602p", 2015) == 551


@pytest.mark.parametrize("text, total", [
    ("Kommunens resultat har signifikant förbättrats från totalt 551 till 602.", 602),
    ("Totalpoängen blev 602 av 800 möjliga.", 602),
    ("Kommunen fick 480 poäng av 800 möjliga.", 480),
    ("Ett resultat på totalt 900 poäng är inte möjligt.", None),
    ("Totalt fick kommunen 602 poäng.", 602),
    ("Kommunens totala poäng är 455.", 455),
    ("Totalpoängen 2018 blev 512.", 512),
    ("Kommunen fick sammanlagt 498 poäng.", 498),
    ("Vid förra utvärderingen fick kommunen totalt 551 poäng.", None),  # the earlier evaluation's
    ("År 2015 fick kommunen totalt 430 poäng. I år blev det totalt 512 poäng.", 512),
    ("Totalt fick kommunen 602 poäng av 800 möjliga, jämfört med 2015 (551 poäng).", 602),
    ("Inget resultat anges här.", None),
])
def test_stated_total_from_sentences(text, total):
    assert stated_total(text, 2018) == total


def test_stated_total_ignores_totals_that_are_not_points():
    assert stated_total("I utvärderingen intervjuades totalt 120 personer.", 2018) is None


def test_previous_evaluation_year_only_earlier_years():
    assert previous_evaluation_year("Resultatet jämfört med 2015 visar en förbättring.", 2018) == 2015
    assert previous_evaluation_year("Den förra genomfördes 2015. Kommunkompassen 2018 visar mer.", 2018) == 2015
    assert previous_evaluation_year("Jämfört med 2019 är det bättre.", 2018) is None
    assert previous_evaluation_year("Inga år alls.", 2018) is None


def test_previous_evaluation_year_most_often_stated():
    text = ("Föregående utvärdering år 2015 var bra. Jämfört med 2015 har mycket hänt. "
            "Kompass från 2012 nämns en gång.")
    assert previous_evaluation_year(text, 2018) == 2015


def test_prior_total():
    assert prior_total("förbättrats från totalt 551 till 602") == 551
    assert prior_total("ökat från 551 poäng till 602") == 551
    assert prior_total("Resultatet är 602.") is None


def test_quoted_score_with_earlier_year():
    text = "Kommunen har förbättrat sitt resultat jämfört med 2015 (65 poäng). De förbättringsområden som fanns."
    assert quoted_scores(text, 2018, 2015, 76) == [(2015, 65)]


def test_quoted_score_referring_to_the_earlier_evaluation_gets_its_year():
    text = "Även här har resultatet förbättrats betydligt jämfört med föregående utvärdering (66 poäng)."
    assert quoted_scores(text, 2018, 2015, 76) == [(2015, 66)]
    assert quoted_scores(text, 2018, None, 76) == []


def test_average_and_other_municipalities_top_result_are_not_prior_scores():
    text = ("Sollentunas resultat 2018 är markant högre än genomsnittet (53), och man tangerar toppresultatet på "
            "70 poäng med Upplands-Väsby från 2016. Snittet för jämförbara kommuner 2016 (58 poäng) är lägre. "
            "Upplands-Väsby hade 2016 det bästa resultatet (70 poäng).")
    assert quoted_scores(text, 2018, 2015, 70) == []


def test_parenthesized_score_without_earlier_reference_is_not_prior():
    assert quoted_scores("Kommunen fick i år (76 poäng) vilket är bra.", 2018, 2015, 76) == []


def test_from_to_sentence_gives_prior_when_it_ends_at_the_current_score():
    text = "Resultatet har ökat från 62 poäng till 73 poäng."
    assert quoted_scores(text, 2018, 2015, 73) == [(2015, 62)]
    assert quoted_scores(text, 2018, 2015, 80) == []


@pytest.mark.parametrize("text, score", [
    ("Området får 65 poäng.", 65),
    ("Kommunen fick totalt 72 poäng inom området.", 72),
    ("Resultatet blev 58 av 100 möjliga poäng.", 58),
    ("Vid förra utvärderingen fick området 40 poäng.", None),  # the earlier evaluation's
    ("Området ger 15 poäng av 25 på frågan.", None),  # a subquestion's points, not the area's
])
def test_area_score_statement(text, score):
    assert area_score_statement(text, 2015) == score
