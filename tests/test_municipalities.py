"""normalize.municipalities: printed names resolved to SCB names and codes; report ids."""
from __future__ import annotations

import pytest

from domain.municipalities import display_name, resolve, slug


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
])
def test_resolve(printed, code, name):
    municipality = resolve(printed)
    assert municipality is not None
    assert (municipality.code, municipality.name) == (code, name)


@pytest.mark.parametrize("printed", ["Nowhere", "Region Gotland", "Mor", ""])
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
