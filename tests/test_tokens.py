"""Words of a text, split as spaCy's Swedish tokenizer splits them."""
from __future__ import annotations

import pytest

from normalize.tokens import words


@pytest.mark.parametrize("text, expected", [
    ("öka andelen e-tjänster", ["öka", "andelen", "e-tjänster"]),
    ("stärkt helhetsfokus (moderbolag, ledarskap)", ["stärkt", "helhetsfokus", "(", "moderbolag", ",", "ledarskap",
                                                      ")"]),
    ("policy/regelverk och/eller", ["policy", "/", "regelverk", "och", "/", "eller"]),
    ("jämställdhets- och mångfaldsarbete", ["jämställdhets-", "och", "mångfaldsarbete"]),
    ("t.ex. bl.a. fr.o.m. 2019", ["t.ex.", "bl.a.", "fr.o.m.", "2019"]),
    ("peka i. längre än 2000 m.", ["peka", "i", ".", "längre", "än", "2000", "m", "."]),
    ("skl:s hemsida www.skl.se/kommunkompassen.", ["skl:s", "hemsida", "www.skl.se/kommunkompassen", "."]),
    ("risk att ”det inte är på riktigt”", ["risk", "att", "”", "det", "inte", "är", "på", "riktigt", "”"]),
    ("... fullfölja arbetet - ökar turismen?", ["...", "fullfölja", "arbetet", "-", "ökar", "turismen", "?"]),
    ("10km 20% 2019/2020 $ci", ["10", "km", "20", "%", "2019/2020", "$", "ci"]),
    ("a,b a(b a--b a…b", ["a", ",", "b", "a", "(", "b", "a", "--", "b", "a", "…", "b"]),
])
def test_words_split_as_spacy_splits_them(text, expected):
    assert words(text) == expected


def test_white_space_of_any_kind_separates_words():
    assert words("  mål\noch\tplaner ") == ["mål", "och", "planer"]
