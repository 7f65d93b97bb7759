"""parsers.segment.split_items: a list whose bullets were lost, split back into its items."""
from __future__ import annotations

import pytest

from parsers.segment import split_items, split_list


def test_each_capitalized_word_after_a_free_word_starts_an_item():
    assert split_items("Chefsstöd Ledarutvecklingsprogram Ledarskapsakademin") == [
        "Chefsstöd", "Ledarutvecklingsprogram", "Ledarskapsakademin"]


def test_lower_case_words_continue_the_item():
    assert split_items("Regelbunden utvärdering av hemsidan Stort utbud av e-tjänster") == [
        "Regelbunden utvärdering av hemsidan", "Stort utbud av e-tjänster"]


@pytest.mark.parametrize("text, items", [
    ("Utbildning via SKL Chefsstöd", ["Utbildning via SKL", "Chefsstöd"]),
    ("Av KF antagen demokratistrategi Websändningar av KF Öppna nämndsmöten",
     ["Av KF antagen demokratistrategi", "Websändningar av KF", "Öppna nämndsmöten"]),
    ("Samarbete med Hylte kommun Nästa punkt", ["Samarbete med Hylte kommun", "Nästa punkt"]),
    ("Arbete i Sollentuna Nya idéer", ["Arbete i Sollentuna", "Nya idéer"]),
])
def test_binding_words_keep_a_capitalized_name_in_the_item(text, items):
    assert split_items(text) == items


def test_capitals_inside_parentheses_continue_the_item():
    text = "Stärkt helhetsfokus i koncernen (moderbolag, Ledarskap, Ramavtal) Politiskt grundad vision"
    assert split_items(text) == [
        "Stärkt helhetsfokus i koncernen (moderbolag, Ledarskap, Ramavtal)", "Politiskt grundad vision"]


def test_word_ending_in_comma_or_dash_binds_the_next_capital():
    assert split_items("Kontaktcenter, En dörr in, utvecklas och förfinas Regelbunden utvärdering") == [
        "Kontaktcenter, En dörr in, utvecklas och förfinas", "Regelbunden utvärdering"]
    assert split_items("Överskott- och underskottshantering Chefskontrakt") == [
        "Överskott- och underskottshantering", "Chefskontrakt"]


def test_full_stop_does_not_bind_and_quotes_can_start_an_item():
    assert split_items("Medarbetarakademi. Kundcenter som karriärväg") == [
        "Medarbetarakademi.", "Kundcenter som karriärväg"]
    assert split_items("Öppna möten ”Visselblåsarfunktion” för anställda") == [
        "Öppna möten", "”Visselblåsarfunktion” för anställda"]


def test_empty_and_lower_case_only_text():
    assert split_items("") == []
    assert split_items("   ") == []
    assert split_items("enkel text utan versaler") == ["enkel text utan versaler"]


def test_parenthesized_capital_after_a_free_word_continues_the_item():
    assert split_items("Rapportering till fullmäktige (KF) Nämndernas uppföljning") == [
        "Rapportering till fullmäktige (KF)", "Nämndernas uppföljning"]


def test_split_list_uses_surviving_bullet_glyphs():
    assert split_list("• Öppna nämndsmöten • Webbsändningar av KF ▪ dialog med Unga röster") == [
        "Öppna nämndsmöten", "Webbsändningar av KF", "dialog med Unga röster"]


def test_split_list_dash_bullets_only_where_an_item_can_start():
    assert split_list("– Kontaktcenter – från ax till limpa – Servicedeklarationer") == [
        "Kontaktcenter – från ax till limpa", "Servicedeklarationer"]


def test_split_list_without_bullets_splits_by_capitals():
    assert split_list("Chefsstöd Ledarutveckling via SKL") == ["Chefsstöd", "Ledarutveckling via SKL"]
