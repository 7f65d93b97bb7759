"""Whether a line names one of its area's rubrics: the cue to a sub-heading where type does not tell.

An area's "Rubriker" box lists the titles its narrative then uses as
sub-headings, though not always word for word: a heading may inflect a word
("Information till medborgarna" for "Information till medborgare"), add words
("Tydliga politiska mål" for "Politiska mål"), shorten a compound
("Resultatenheternas ansvar" for "Enheternas ansvar") or drop one, and OCR
damages letters ("Brucar-/kundundersökningar"). So the titles are compared by
their content words, each matched tolerantly, and one title need only hold
the other's words.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from os.path import commonprefix

import regex as re

_WORD = re.compile(r"\p{L}+")
_CONTENT_LETTERS = 5  # shorter words ("och", "för", "till", "samt", "mål") carry no title of their own
_SIMILAR = 0.8  # an OCR reading this close to a word is that word
_STEM_SHARE = 0.75  # an inflected form shares this much of the shorter word from its start


def names_rubric(text: str, rubrics: list[str], whole: bool = False) -> bool:
    """Whether `text` is one of `rubrics` as a heading may word it; `whole`: holding all of the rubric's words,
    not only a shortened form of it (where nothing but the words tells where a heading ends: flat text)."""
    words = _content_words(text)
    if not words:
        return False
    for rubric in rubrics:
        named = _content_words(rubric)
        if named and (_all_found(named, words) or (not whole and _all_found(words, named))):
            return True
    return False


def opens_like_rubric(text: str, rubrics: list[str]) -> bool:
    """Whether `text` opens with the word a rubric opens with ("Information om resultat" beside "Information
    till medborgare", "Medborgardialog och deltagande" beside "Dialog och medborgarmedverkan"): a heading on
    the rubric's theme that the box words otherwise."""
    words = _content_words(text)
    return bool(words) and any(_content_words(rubric)[:1] and _same_word(words[0], _content_words(rubric)[0])
                               for rubric in rubrics)


def _content_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.lower()) if len(word) >= _CONTENT_LETTERS]


def _all_found(wanted: list[str], words: list[str]) -> bool:
    return all(any(_same_word(word, other) for other in words) for word in wanted)


def _same_word(word: str, other: str) -> bool:
    """The same word inflected, compounded ("kvalitetsdeklarationer" holds "deklarationer") or misread."""
    if word == other:
        return True
    common = len(commonprefix([word, other]))
    return (common >= _STEM_SHARE * min(len(word), len(other)) or word.endswith(other) or other.endswith(word)
            or SequenceMatcher(None, word, other).ratio() >= _SIMILAR)
