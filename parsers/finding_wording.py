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

from domain.lexicon import stop_words
from domain.records import IMPROVEMENT, STRENGTH
from domain.vocabulary import vocabulary
from parsers.swedish_forms import (
    is_comparative,
    is_infinitive,
    is_modal_passive,
    is_present_active,
    is_present_participle,
)

_WORD = re.compile(r"[\p{L}-]+")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_VERB_REACH = 3  # a finite verb this near the start states the item; further on it is a clause's


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    words = vocabulary()["findings"]
    return {name: frozenset(words[name]) for name in ("improvement_openers", "lack_words", "missing_words",
                                                      "modal_verbs", "strength_openers", "present_verbs",
                                                      "contrast_words")}


def wording_kind(text: str) -> str | None:
    """`improvement` or `strength` where the wording plainly says which, else None (also when it says both)."""
    # a parenthesis qualifies the item ("Synliggör goda ledarprestationer (systematiken kan utvecklas)")
    plain = _PARENTHESIS.sub(" ", text)
    words = [word.lower() for word in _WORD.findall(plain)]
    cues = _cues()
    if not words or any(word in cues["contrast_words"] for word in words):
        return None
    opener = words[0]
    # a word of lack opens the item: later on it qualifies a strength ("dock inte för alla", "inte minst")
    asks = (is_infinitive(opener) or opener in cues["improvement_openers"] or opener in cues["lack_words"]
            or is_comparative(opener) or any(word in cues["missing_words"] for word in words)
            or is_modal_passive(words, cues["modal_verbs"]) or plain.rstrip().endswith("?"))
    # "Fungerande internkontroll", not the verbal noun of "Bemötande och tillgänglighet"
    praises = opener in cues["strength_openers"] or (
        is_present_participle(opener) and len(words) > 1 and words[1] not in stop_words())
    if asks:
        return None if praises else IMPROVEMENT
    if praises or any(word in cues["present_verbs"] or is_present_active(word) for word in words[:_VERB_REACH]):
        return STRENGTH
    return None
