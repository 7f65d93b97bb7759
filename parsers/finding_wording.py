"""What a finding's wording says about its kind, where a flattened table's order cannot tell.

A flattened two-column table leaves some items whose column is lost
(parsers.findings). Their wording can still tell: the evaluators phrase an
improvement as a call to act ("Utveckla ...", "Samverka mer ..."), a wish for
more ("Fler metoder ...", "Tätare uppföljning"), a lack ("Svårt att hitta
...") or a question, and a strength as what is in place ("Regelbunden mätning ...",
"Fungerande internkontroll", "Bemötande är av betydelse ..."). Only those
plain signs count; a noun phrase ("Chefskontrakt") says nothing, nor does a
past participle ("Individualiserade samtal" is asked for as often as praised)
or a passive ("... beskrivs olika").
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from domain.lexicon import lemma_table, stop_words
from domain.records import IMPROVEMENT, STRENGTH
from domain.vocabulary import vocabulary

_WORD = re.compile(r"[\p{L}-]+")
_VERB_SUFFIX = "era"  # "implementera", "digitalisera": a verb-forming suffix the lemma table may lack
_MIN_SUFFIXED = 7
_VERB_REACH = 3  # a finite verb this near the start states the item; further on it is a clause's


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    words = vocabulary()["findings"]
    return {name: frozenset(words[name]) for name in
            ("improvement_openers", "lack_words", "missing_words", "modal_verbs", "strength_openers", "present_verbs", "contrast_words")}


def wording_kind(text: str) -> str | None:
    """`improvement` or `strength` where the wording plainly says which, else None (also when it says both)."""
    words = [word.lower() for word in _WORD.findall(text)]
    cues = _cues()
    if not words or any(word in cues["contrast_words"] for word in words):
        return None
    opener = words[0]
    # a word of lack opens the item: later on it qualifies a strength ("dock inte för alla", "inte minst")
    asks = (is_infinitive(opener) or opener in cues["improvement_openers"] or opener in cues["lack_words"]
            or _is_comparative(opener) or any(word in cues["missing_words"] for word in words)
            or _modal_passive(words, cues["modal_verbs"]) or text.rstrip().endswith("?"))
    # "Fungerande internkontroll", not the verbal noun of "Bemötande och tillgänglighet"
    praises = opener in cues["strength_openers"] or (
        _is_present_participle(opener) and len(words) > 1 and words[1] not in stop_words())
    if asks:
        return None if praises else IMPROVEMENT
    if praises or any(word in cues["present_verbs"] or _is_present_active(word) for word in words[:_VERB_REACH]):
        return STRENGTH
    return None


def is_infinitive(word: str) -> bool:
    """A verb's base form ("utveckla", "använda", "tydliggöra"): the lemma table has its present tense or its
    participles for it, and no plural in -or that would make it a noun ("skola", "skolor")."""
    table = lemma_table()
    if not word.endswith("a") or table.get(word) is not None or table.get(word[:-1] + "or") == word:
        return False
    forms = [word + "r", word[:-1] + "er", word + "nde", word[:-1] + "t"]
    if word[:-1].endswith("r"):  # "tydliggör", "för": present and imperative are the stem
        forms.append(word[:-1])
    return any(table.get(form) == word for form in forms) or (
        word.endswith(_VERB_SUFFIX) and len(word) >= _MIN_SUFFIXED)


def _is_comparative(word: str) -> bool:
    """"tätare", "tydligare": an adjective's comparative, asking for more of it."""
    lemma = lemma_table().get(word)
    return bool(lemma) and word == lemma + "are"


def _is_present_participle(word: str) -> bool:
    """"fungerande", "återkommande": what goes on now, said of the municipality's practice."""
    lemma = lemma_table().get(word)
    return bool(lemma) and word.endswith(("ande", "ende")) and is_infinitive(lemma) and word.startswith(lemma[:-1])


def _is_present_active(word: str) -> bool:
    """"tillgodoser", "använder": a present tense that is not also an imperative (as "synliggör" is)."""
    lemma = lemma_table().get(word)
    if not lemma or word not in (lemma + "r", lemma[:-1] + "er"):
        return False
    return is_infinitive(lemma) or (lemma.endswith("e") and word == lemma + "r")  # "tillgodose", "bero"


def _modal_passive(words: list[str], modals: frozenset[str]) -> bool:
    """"kan stärkas", "bör ytterligare utvecklas": a modal verb before a passive asks for a change."""
    table = lemma_table()
    for index, word in enumerate(words):
        if word in modals:
            for following in words[index + 1:index + 3]:
                lemma = table.get(following)
                if following.endswith("s") and lemma and following == lemma + "s" and is_infinitive(lemma):
                    return True
    return False
