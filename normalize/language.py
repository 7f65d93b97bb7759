"""Findings prepared for text analysis: lemmas, and a cue-based guess for unknown kinds.

Lemmas come from spaCy's blank Swedish pipeline with the lookup lemmatizer and
the Swedish table of spacy-lookups-data (texts lower-cased first, as the
table's entries are); stop words and tokens without letters are left out.
spaCy and the table are loaded once per process, and only when there are
findings to read. The table gives one lemma per word form, and for a form that
is both a noun and a verb form it often picks the verb ("mål" -> "måla",
"plan" -> "plana"); in these reports such words are nearly always the noun, so
domain/data/lemma_overrides.csv keeps them as they are.

A finding whose kind the source could not tell keeps kind `unknown`; its
`kind_guess` is filled only from explicit cues: an imperative or infinitive that
asks for change at the start ("Utveckla", "Tydliggör", "Öka") or a word that
names a lack ("saknas", "bör", "brister") make it an improvement; failing those,
a word that states something in place ("tydlig", "fungerande", "finns") makes
it a strength, and a plain negation ("inte", "ej") an improvement.
"""
from __future__ import annotations

import bisect
import csv
import gzip
import json
from array import array
from functools import lru_cache
from importlib import resources

import re as stdlib_re

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


_ENTRY_START = stdlib_re.compile(r'^\s*"', stdlib_re.M)  # the stdlib engine is faster for this plain scan


class _LemmaTable:
    """spacy-lookups-data's Swedish lemma table, kept as its sorted JSON text and searched in place.

    The table has 660,000 entries; as a dict (or a spaCy Table) it would cost
    about 200 MB of memory, as text with an array of entry offsets about 25 MB.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts = array("I", (m.end() for m in _ENTRY_START.finditer(text)))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> str:
        return self._string(self.starts[index])[0]

    def get(self, word: str) -> str | None:
        index = bisect.bisect_left(self, word)
        if index == len(self) or self[index] != word:
            return None
        key_end = self._string(self.starts[index])[1]
        value_start = self.text.index('"', key_end + 1) + 1
        return self._string(value_start)[0]

    def _string(self, start: int) -> tuple[str, int]:
        """The JSON string that starts at `start` (after its quote), and where its closing quote is."""
        end = start
        while True:
            end = self.text.index('"', end)
            if self.text[end - 1] != "\\" or self.text[end - 2] == "\\":
                break
            end += 1
        raw = self.text[start:end]
        return (json.loads(f'"{raw}"') if "\\" in raw else raw), end


@lru_cache(maxsize=1)
def _lemma_table() -> _LemmaTable:
    data = resources.files("spacy_lookups_data").joinpath("data").joinpath("sv_lemma_lookup.json.gz").read_bytes()
    return _LemmaTable(gzip.decompress(data).decode("utf-8"))


@lru_cache(maxsize=1)
def _lemma_overrides() -> dict[str, str]:
    with resources.files("domain").joinpath("data").joinpath("lemma_overrides.csv").open(encoding="utf-8") as handle:
        return {row["word"]: row["lemma"] for row in csv.DictReader(handle)}


def _lemma_of(word: str) -> str | None:
    return _lemma_overrides().get(word) or _lemma_table().get(word)


@lru_cache(maxsize=1)
def _nlp():
    import spacy  # loading spaCy costs a second; only when findings are read

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    return nlp


def prepare() -> None:
    """Loads spaCy and the lemma table now, e.g. before forking workers that will all need them."""
    _nlp()
    _lemma_table()


def lemmas(texts: list[str]) -> list[list[str]]:
    """Lower-case lemmas of each text, without stop words and tokens without letters.

    spaCy's lookup lemmatizer does the work, given the entries of the lemma
    table that these texts' words need.
    """
    if not texts:
        return []
    from spacy.lookups import Lookups

    nlp = _nlp()
    docs = [nlp.make_doc(text.lower()) for text in texts]
    needed = {token.text for doc in docs for token in doc}
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {word: lemma for word in needed if (lemma := _lemma_of(word)) is not None})
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmatizer.initialize(lookups=lookups)
    result = []
    for doc in docs:
        lemmatizer(doc)
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
