"""Findings prepared for text analysis: lemmas, and a cue-based guess for unknown kinds.

Lemmas come from spaCy's blank Swedish pipeline with the lookup lemmatizer of
spacy-lookups-data (lower-cased first, as the lookup table is); stop words and
tokens without letters are left out. spaCy is loaded once per process, and only
when there are findings to read.

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
def _nlp():
    import spacy  # loading spaCy costs seconds; only when findings are read

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lemmas(texts: list[str]) -> list[list[str]]:
    """Lower-case lemmas of each text, without stop words and tokens without letters."""
    if not texts:
        return []
    nlp = _nlp()
    result = []
    for doc in nlp.pipe(text.lower() for text in texts):
        result.append([token.lemma_ or token.text for token in doc
                       if any(c.isalpha() for c in token.text) and not token.is_stop
                       and not nlp.vocab[token.lemma_].is_stop])
    return result


def kind_guess(text: str) -> tuple[str | None, str | None]:
    """(guess, reason) for a finding of unknown kind, from explicit cues only."""
    words = re.findall(r"[\p{L}-]+", text)
    if words and words[0].lower() in _IMPROVEMENT_VERBS:
        return "improvement", f"starts with the verb \"{words[0]}\""
    lack = _LACK_WORDS.search(text)
    if lack:
        return "improvement", f"says \"{lack.group(0)}\""
    present = _STRENGTH_WORDS.search(text)
    if present:
        return "strength", f"says \"{present.group(0)}\""
    negation = _NEGATIONS.search(text)
    if negation:
        return "improvement", f"says \"{negation.group(0)}\""
    return None, None
