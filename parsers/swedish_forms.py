"""Swedish word forms told apart with the lemma table (domain.lexicon): which words are verbs, and in what form.

The table lists the forms that differ from their lemma, so a base form is one it
does not list, and a verb is a base form whose present tense or participles it
maps back to it. Parsers use these to tell a call to act ("Utveckla ...") from a
noun phrase, and a heading from the opening of a sentence.
"""
from __future__ import annotations

from domain.lexicon import lemma_table

_VERB_SUFFIX = "era"  # "implementera", "digitalisera": a verb-forming suffix the lemma table may lack
_MIN_SUFFIXED = 7


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


def is_comparative(word: str) -> bool:
    """"tätare", "tydligare": an adjective's comparative, asking for more of it."""
    lemma = lemma_table().get(word)
    return lemma is not None and word == lemma + "are"


def is_present_participle(word: str) -> bool:
    """"fungerande", "återkommande": what goes on now, said of the municipality's practice."""
    lemma = lemma_table().get(word)
    if not lemma:
        return False
    return word.endswith(("ande", "ende")) and is_infinitive(lemma) and word.startswith(lemma[:-1])


def is_present_active(word: str) -> bool:
    """"tillgodoser", "använder": a present tense that is not also an imperative (as "synliggör" is)."""
    lemma = lemma_table().get(word)
    if not lemma or word not in (lemma + "r", lemma[:-1] + "er"):
        return False
    return is_infinitive(lemma) or (lemma.endswith("e") and word == lemma + "r")  # "tillgodose", "bero"


def is_passive(word: str) -> bool:
    """"utvecklas", "genomförs", "beskrivs": a verb's s-form."""
    lemma = lemma_table().get(word)
    if not lemma:
        return False
    return word in (lemma + "s", lemma[:-1] + "s") and is_infinitive(lemma)


def is_modal_passive(words: list[str], modals: frozenset[str]) -> bool:
    """"kan stärkas", "bör ytterligare utvecklas": a modal verb before a passive asks for a change."""
    return any(word in modals and any(is_passive(following) for following in words[index + 1:index + 3])
               for index, word in enumerate(words))


def is_finite_verb(word: str) -> bool:
    """A present tense, active or passive ("tillgodoser", "utvecklas"): a sentence's verb."""
    return is_present_active(word.lower()) or is_passive(word.lower())
