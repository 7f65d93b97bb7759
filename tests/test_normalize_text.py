"""normalize.text: one form for characters and spaces, line-break hyphenation undone."""
from __future__ import annotations

import pytest

from normalize.text import clean_text, collapse, report_words


@pytest.mark.parametrize("raw, clean", [
    ("nya viktiga utveck- lingstrender", "nya viktiga utvecklingstrender"),
    ("resultatdia- loger", "resultatdialoger"),
    ("Stort utbud av e- tjänster", "Stort utbud av e-tjänster"),
    ("IT- stöd till cheferna", "IT-stöd till cheferna"),
    ("Upplands- Bro", "Upplands-Bro"),
])
def test_line_break_hyphenation(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize("text", [
    "Kompetens- och medarbetarutveckling",
    "Överskott- och underskottshantering",
    "synpunkts- samt klagomålshantering",
    "nord- eller sydsidan",
    "kvalitets-/verksamhetsutveckling",
    "åren 2015- 2018",
])
def test_hyphens_that_belong_to_the_text_stay(text):
    assert clean_text(text) == text


def test_ligatures_become_letters():
    assert clean_text("ﬁnns ﬂera eﬀekter") == "finns flera effekter"


def test_odd_and_invisible_spaces():
    assert collapse(" a\u00a0b\u2009c\u202fd\te \n f ") == "a b c d e f"
    assert collapse("av\u00adstånd\u200b") == "avstånd"


def test_decomposed_letters_are_composed():
    assert collapse("Sa\u0308by") == "Säby"


def test_collapse_does_not_join_hyphenation():
    assert collapse("utveck-  lingstrender") == "utveck- lingstrender"


def test_a_word_broken_at_its_soft_hyphen_is_joined():
    """Issue 17, class 7: the soft hyphen at a line end joins the word, not deleted before the join."""
    assert clean_text("arbetet med effektivitet\u00ad sutveckling fortsätter") == \
        "arbetet med effektivitetsutveckling fortsätter"
    assert clean_text("kvali\u00adtet") == "kvalitet"


def test_a_compound_of_two_words_the_report_prints_keeps_its_hyphen_at_a_line_end():
    printed = report_words(["Kommunen redovisar överskott och underskott.", "Ett icke-kommunalt bolag.",
                            "Arbetet med demokrati och utveckling.", "En plan för demokratiutveckling."])
    assert clean_text("balansen överskott- underskott", printed) == "balansen överskott-underskott"
    assert clean_text("ett icke- kommunalt bolag", printed) == "ett icke-kommunalt bolag"
    # printed joined elsewhere, or a half that is no word of its own: the line break is undone
    assert clean_text("strategi för demokrati- utveckling", printed) == "strategi för demokratiutveckling"
    assert clean_text("utveck- lingstrender", printed) == "utvecklingstrender"
    assert clean_text("balansen överskott- underskott") == "balansen överskottunderskott"
