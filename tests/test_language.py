"""Lemmas for text analysis and the cue-based guess for findings of unknown kind."""
from __future__ import annotations

import pytest

from normalize.language import kind_guess, lemmas


def test_lemmas_are_lower_case_without_stop_words():
    [found] = lemmas(["Utveckla tydliga kanaler vid misstanke om korruption"])
    assert found == ["utveckla", "tydlig", "kanal", "misstanke", "korruption"]


def test_lemmas_of_no_texts_do_not_load_spacy():
    assert lemmas([]) == []


@pytest.mark.parametrize("text, guess", [
    ("Utveckla tydliga kanaler vid misstanke om korruption externt", "improvement"),
    ("Tydliggör roller inom ledningsfunktioner", "improvement"),
    ("Öka andelen e-tjänster", "improvement"),
    ("Strategi för medborgardialog saknas", "improvement"),
    ("Politiken bör informeras", "improvement"),
    ("Tydliga delegationer gällande såväl ekonomi som personal", "strength"),
    ("Fungerande internkontrollarbete", "strength"),
    ("Ledarskapsakademin", None),
])
def test_kind_guess_from_explicit_cues(text, guess):
    found, reason = kind_guess(text)
    assert found == guess
    assert (reason is None) == (guess is None)


def test_guess_reason_names_the_cue():
    assert kind_guess("Utveckla/förbättra möjligheter")[1] == 'starts with the verb "Utveckla"'


def test_sample_findings_have_lemmas_and_unknown_ones_a_guess_but_keep_their_kind(extracted):
    findings = extracted.tables["findings"]
    assert all(row["lemmas"] and all(lemma == lemma.lower() for lemma in row["lemmas"]) for row in findings)
    unknown = [row for row in findings if row["kind"] == "unknown"]
    assert unknown and any(row["kind_guess"] for row in unknown)
    assert all(row["kind_guess"] is None and row["kind_guess_reason"] is None
               for row in findings if row["kind"] != "unknown")


# The domain's frequent words, as they stand and inflected: nouns keep their noun lemma.
NOUN_LEMMAS = {
    "mål": "mål", "målen": "mål", "styrning": "styrning", "styrningen": "styrning", "uppföljning": "uppföljning",
    "uppföljningen": "uppföljning", "medarbetare": "medarbetare", "medarbetarna": "medarbetare", "kommun": "kommun",
    "kommunens": "kommun", "verksamhet": "verksamhet", "verksamheter": "verksamhet", "förbättring": "förbättring",
    "förbättringar": "förbättring", "brukare": "brukare", "brukarna": "brukare", "resultat": "resultat",
    "resultaten": "resultat", "nämnd": "nämnd", "nämnderna": "nämnd", "plan": "plan", "planer": "plan",
    "uppdrag": "uppdrag", "stöd": "stöd", "roll": "roll", "roller": "roll",
    "ledare": "ledare", "bemötande": "bemötande", "kommunfullmäktige": "kommunfullmäktige", "vård": "vård",
}


@pytest.mark.parametrize("word, lemma", NOUN_LEMMAS.items())
def test_domain_nouns_keep_their_noun_lemma(word, lemma):
    assert lemmas([word]) == [[lemma]]


def test_verbs_keep_their_verb_lemma():
    assert lemmas(["Minska målen, leda och visa"]) == [["minska", "mål", "leda", "visa"]]
