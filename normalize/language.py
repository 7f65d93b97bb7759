"""Findings prepared for text analysis: lemmas, and a cue-based guess for unknown kinds.

A finding's lemmas are those of its words (normalize.tokens, split as spaCy's
Swedish tokenizer splits them), lower-cased and looked up in the Swedish lemma
table of spacy-lookups-data, as spaCy's lookup lemmatizer did; a word the table
does not know is its own lemma. Words without letters and stop words (spaCy's
Swedish list, domain/data/stop_words_sv.txt) are left out, and so is a word
whose lemma is a stop word; spaCy's list lacks some function words these
reports use ("kring", "samt", "via", "t.ex."), which the file adds after it. A
shortened compound's first part ("Jämställdhets- och mångfaldsarbete") is
looked up without its hyphen ("jämställdhet"). spaCy itself is not loaded:
it cost 0.55 CPU s and 70 MB per process for a tokenizer and a table lookup.
The table gives one lemma
per word form, and for a form that is both a noun and a verb form it often
picks the verb ("mål" -> "måla", "plan" -> "plana"); in these reports such
words are nearly always the noun, so domain/data/lemma_overrides.csv keeps them
as they are. The table is opened once per process, and only when there are
findings to read (domain.lexicon).

A finding whose kind the source could not tell keeps kind `unknown`; its
`kind_guess` is filled only from explicit cues: an imperative or infinitive that
asks for change at the start ("Utveckla", "Tydliggör", "Öka") or a word that
names a lack ("saknas", "bör", "brister") make it an improvement; failing those,
a word that states something in place ("tydlig", "fungerande", "finns") makes
it a strength, and a plain negation ("inte", "ej") an improvement.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from domain.datafiles import data_rows
from domain.lexicon import lemma_table, stop_words
from domain.records import IMPROVEMENT, STRENGTH
from normalize.tokens import words

_IMPROVEMENT_VERBS = frozenset("""
utveckla fortsätt fortsätta tydliggör tydliggöra öka förbättra förtydliga inför införa skapa stärk stärka
säkerställ säkerställa samla utvärdera bestäm bestämma jämför jämföra premiera använd använda systematisera
inkludera uppdatera fundera synliggör synliggöra utbilda se ta arbeta minska effektivisera formulera
komplettera prioritera följ följa sprid sprida involvera engagera fullfölj fullfölja överväg överväga
""".split())
_LACK_WORDS = re.compile(r"\b(?:saknas|saknar|bör|behöver|behövs|brist\w*|otydlig\w*|oklar\w*|svårt|"
                         r"kan\s+(?:stärkas|förbättras|utvecklas|bli\s+bättre|tydliggöras)|svag\w*)\b", re.I)
_NEGATIONS = re.compile(r"\b(?:ej|inte|ingen|inget|inga)\b", re.I)
_STRENGTH_WORDS = re.compile(r"\b(?:tydlig|tydliga|tydligt|fungerande|välfungerande|väl|god|goda|gott|bra|stark|"
                             r"starka|utvecklad|utvecklat|utvecklade|systematisk\w*|regelbund\w*|finns|genomförs|"
                             r"hög|höga|aktiv\w*)\b", re.I)


@lru_cache(maxsize=1)
def _lemma_overrides() -> dict[str, str]:
    return {row["word"]: row["lemma"] for row in data_rows("lemma_overrides.csv")}


@lru_cache(maxsize=1 << 16)  # a report's findings repeat their words; a lookup bisects 23 MB
def _lemma_of(word: str) -> str:
    return _lemma_overrides().get(word) or lemma_table().get(word) or word


def prepare() -> None:
    """Reads the lemma table now, e.g. before forking workers that will all need it."""
    lemma_table()


def lemmas(texts: list[str]) -> list[list[str]]:
    """Lower-case lemmas of each text, without stop words and words without letters."""
    stops = stop_words()
    result = []
    for text in texts:
        found = []
        for word in words(text.lower()):
            # a shortened compound's first part is its word ("överskott-" of "överskott- och
            # underskottsregler"), and an abbreviation's full stops do not count in the stop list
            word = word.rstrip("-")
            if word.rstrip(".") in stops or not any(c.isalpha() for c in word):
                continue
            lemma = _lemma_of(word)
            if lemma.lower() not in stops:  # the table's lemmas of proper nouns keep their capital
                found.append(lemma)
        result.append(found)
    return result


def kind_guess(text: str) -> tuple[str | None, str | None]:
    """(guess, reason) for a finding of unknown kind, from explicit cues only."""
    words = re.findall(r"[\p{L}-]+", text)
    if words and words[0].lower() in _IMPROVEMENT_VERBS:
        return IMPROVEMENT, f"starts with the verb \"{words[0]}\""
    lack = _LACK_WORDS.search(text)
    if lack:
        return IMPROVEMENT, f"says \"{lack.group(0)}\""
    present = _STRENGTH_WORDS.search(text)
    if present:
        return STRENGTH, f"says \"{present.group(0)}\""
    negation = _NEGATIONS.search(text)
    if negation:
        return IMPROVEMENT, f"says \"{negation.group(0)}\""
    return None, None
