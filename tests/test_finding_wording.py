"""parsers.finding_wording: the plain signs of an improvement or a strength in a finding's wording."""
from __future__ import annotations

import pytest

from parsers.finding_wording import is_infinitive, wording_kind


@pytest.mark.parametrize("text", [
    "Utveckla tydliga kanaler vid misstanke om korruption",  # a call to act: an infinitive
    "Systematisera nöjdhetsundersökning till politikerna",
    "Tydliggöra roller inom ledningsfunktioner",
    "Använda resultat för kundnöjdhet",
    "Implementera e-arkiv",  # a verb the lemma table lacks, by its suffix
    "Fler metoder för att fånga upp arbetsmiljöfrågor",  # a wish for more
    "Tätare möjlighet för medarbetare att följa utfall",  # a comparative
    "Svårt att hitta kontaktuppgifter till förtroendevalda",  # a lack
    "Strategi för mångfald saknas",
    "Koncernperspektiv i styrningen kan stärkas",  # a modal before a passive
    "Mycket finns på plats – har det effekt?",  # a question
    "(Löpande) utbilda anställda i bemötande",  # a parenthesis before the call to act
])
def test_improvements_by_their_wording(text):
    assert wording_kind(text) == "improvement"


@pytest.mark.parametrize("text", [
    "Regelbunden mätning av kommunens tillgänglighet",
    "Tydliga kanaler vid misstanke om korruption internt",
    "Stort utbud av e-tjänster",
    "Fungerande internkontrollarbete",  # a present participle said of a practice
    "Återkommande medborgarundersökningar",
    "Bemötande är av betydelse för löneutvecklingen",  # a finite verb near the start
    "Tillgodoser behov av information för de med specifika behov",
])
def test_strengths_by_their_wording(text):
    assert wording_kind(text) == "strength"


@pytest.mark.parametrize("text", [
    "Chefskontrakt",  # a noun phrase
    "Individualiserade medarbetar- & löneutvecklingssamtal",  # a past participle is asked for as often as praised
    "Arbetet med revisionsrapporter beskrivs olika",  # a passive
    "Bemötande och tillgänglighet tydligt kriterium vid nyrekrytering",  # a verbal noun, not a participle
    "Synliggör goda ledarprestationer",  # present tense and imperative alike
    "Synliggör ledarprestationer (systematiken kan fortfarande utvecklas)",  # a parenthesis only qualifies
    "Individuella, tydliga chefskontrakt, dock inte för alla chefer än",  # weighs both
    "Skola och omsorg i samverkan",  # a noun that is also a verb ("skolor")
    "Kommunikation med anställda kring resultat och åtgärder sker",  # a clause's verb, far from the start
    "",
])
def test_no_kind_where_the_wording_has_no_plain_sign(text):
    assert wording_kind(text) is None


def test_infinitives_are_told_from_nouns_and_adjectives():
    assert [is_infinitive(w) for w in ("utveckla", "samverka", "synliggöra", "skola", "tydliga", "strategi")] == [
        True, True, True, False, False, False]
