"""normalize.municipalities: printed names resolved to SCB names and codes; report ids."""
from __future__ import annotations

import pytest

from domain.municipalities import display_name, find_names, resolve, slug


@pytest.mark.parametrize("printed, code, name", [
    ("SOLLENTUNA", "0163", "Sollentuna"),
    ("Sollentuna kommun", "0163", "Sollentuna"),
    ("Sollentunas", "0163", "Sollentuna"),
    ("ÖRNSKÖLDSVIKS KOMMUN", "2284", "Örnsköldsvik"),
    ("Helsingborgs stad", "1283", "Helsingborg"),
    ("Stockholms stad", "0180", "Stockholm"),
    ("Upplands-Väsby", "0114", "Upplands Väsby"),
    ("UPPLANDS VÄSBY KOMMUN", "0114", "Upplands Väsby"),
    ("Upplands Bro", "0139", "Upplands-Bro"),
    ("Örnköldsvik", "2284", "Örnsköldsvik"),
    ("Malung", "2023", "Malung-Sälen"),
    ("Region Gotland", "0980", "Gotland"),
    ("REGION GOTLAND", "0980", "Gotland"),
    ("Gotlands kommun", "0980", "Gotland"),
    ("Lerums", "1441", "Lerum"),
])
def test_resolve(printed, code, name):
    municipality = resolve(printed)
    assert municipality is not None
    assert (municipality.code, municipality.name) == (code, name)


@pytest.mark.parametrize("printed", ["Nowhere", "Region Skåne", "Mor", ""])
def test_unknown_names_are_not_guessed(printed):
    assert resolve(printed) is None


def test_display_name_of_unresolved_names():
    assert display_name("NORRA DJURSHOLM KOMMUN") == "Norra Djursholm"
    assert display_name("UPPLANDS-VÄSBY") == "Upplands-Väsby"
    assert display_name("Ekerö stad") == "Ekerö"


@pytest.mark.parametrize("name, expected", [
    ("Örnsköldsvik", "ornskoldsvik"),
    ("Upplands Väsby", "upplands-vasby"),
    ("Upplands-Bro", "upplands-bro"),
    ("Malung-Sälen", "malung-salen"),
    ("Håbo", "habo"),
    ("Skellefteå", "skelleftea"),
])
def test_slug(name, expected):
    assert slug(name) == expected


def test_find_names_in_a_cover_line():
    text = "UTVÄRDERING AV LERUMS KOMMUN 2014 Anders Dryselius, Hylte kommun; Region Gotland och Upplands-Väsby"
    found = [(m.text, m.municipality.code) for m in find_names(text)]
    assert found == [("LERUMS", "1441"), ("Hylte", "1315"), ("Region Gotland", "0980"), ("Upplands-Väsby", "0114")]


def test_find_names_ignores_lower_case_words_and_parts_of_words():
    # "vara" (to be) and "mark" (ground) are municipalities too, but not in lower case; "Salaberg" is not Sala
    assert find_names("det kan vara så att mark saknas i Salaberg") == []
