"""OCR misreadings mended from the document itself.

A photocopy's black and white loses a letter's stroke or a comma's tail:
Tesseract reads "Uppfötljning", "awvikelser", "tillganglighet", and
"ledarskap. ansvar" for "ledarskap, ansvar". The document's own clearly read
words (a text layer's, or OCR's at a confidence of 93 or more, printed at
least twice) are its dictionary: no Swedish word list knows a report's
compounds and names, and a correction from the report never brings in a word
the report does not use. So a word OCR was unsure of, that the document does
not print clearly anywhere and Swedish does not know as an inflected form
(domain.lexicon: "intervjuarna" stays, though the report prints
"intervjuerna"), becomes the one dictionary word a single letter
away (left as it is where there are none or several); and a word that OCR
ended with a period, followed on its line (or first on the line under it in
its column) by a lower-case word, ends with a comma, as no sentence starts in
lower case (unless the word is an abbreviation: the vocabulary's, or one with
a dot inside such as "t.ex.");
a colon before "och", "eller" or "samt" is the hyphen of a shortened compound
("Kommun- och förvaltningschefer"); and "..", "»" or "«" opening a line that
goes on in lower case is the ellipsis OCR blurred ("… utveckla").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from domain.lexicon import lemma_table
from domain.vocabulary import vocabulary
from extract.model import Line, Page, Word
from extract.ocr import BULLET_GLYPHS

_CLEAR = 93.0  # a word read with at least this confidence is taken as printed
_SEEN = 2  # a dictionary word is one the document prints clearly at least this often
_LETTERS = 6  # shorter words are too many others' neighbours to mend
_ENDING = 2  # letters at a word's end that inflection changes
_SAME_ROW = 1.0  # points: a line whose top is this far above another's bottom stands beside it, not under it
_WORD = re.compile(r"^(\W*)([^\W\d_]+)(\W*)$")
# "Kommun: och förvaltningschefer": the hyphen of a shortened compound read as a colon, which no conjunction follows
_COLON_FOR_HYPHEN = re.compile(r"^(\W*[^\W\d_]{3,}):$")
_CONJUNCTIONS = frozenset({"och", "eller", "samt"})
# what OCR reads for an ellipsis ("…") opening a line that goes on in lower case ("… utveckla: ...")
_ELLIPSIS_READINGS = frozenset({"..", "»", "«"})
# a word, perhaps closing a bracket or a quotation, ended with a period
_PERIOD_FOR_COMMA = re.compile(r"^(\W*([^\W\d_]{2,})[)\"”']?)\.$")
_ABBREVIATIONS = frozenset(vocabulary()["abbreviations"]["words"])


def mend_spelling(pages: list[Page]) -> tuple[list[Page], list[tuple[str, str]]]:
    """The pages with their OCR'd words mended, and each (read, mended) pair in page order."""
    dictionary = _dictionary(pages)
    letters = sorted(set("".join(dictionary)))
    mended: list[tuple[str, str]] = []
    result = []
    for page in pages:
        lines = []
        for index, line in enumerate(page.lines):
            below = _continuation(page.lines, index)
            followers = [*line.words[1:], below.words[0] if below and below.words else None]
            words = _with_ellipsis([_mended(word, following, dictionary, letters)
                                    for word, following in zip(line.words, followers)], followers)
            mended += [(old.text, new.text) for old, new in zip(line.words, words) if new is not old]
            lines.append(line if words == list(line.words) else
                         replace(line, text=" ".join(word.text for word in words), words=tuple(words)))
        result.append(replace(page, lines=lines))
    return result, mended


def _with_ellipsis(words: list[Word], followers: list[Word | None]) -> list[Word]:
    """The line's words with an ellipsis OCR blurred, opening the line or its item, made an ellipsis again."""
    opening = 1 if words and words[0].text in BULLET_GLYPHS else 0  # the item's first word after its bullet
    follower = followers[opening] if len(words) > opening else None
    if follower is not None and words[opening].confidence is not None \
            and words[opening].text in _ELLIPSIS_READINGS and follower.text[:1].islower():
        words[opening] = replace(words[opening], text="...")
    return words


def _continuation(lines: list[Line], index: int) -> Line | None:
    """The line under `index` in its column, where a sentence cut at the line's end goes on."""
    box = lines[index].box
    if box is None:
        return None
    return next((other for other in lines[index + 1:] if (below := other.box) is not None
                 and below.top >= box.bottom - _SAME_ROW and below.x0 < box.x1 and below.x1 > box.x0), None)


def _dictionary(pages: list[Page]) -> frozenset[str]:
    clear = Counter(match.group(2).lower() for page in pages for line in page.lines for word in line.words
                    if (word.confidence is None or word.confidence >= _CLEAR)
                    and (match := _WORD.match(word.text)) and len(match.group(2)) >= _LETTERS)
    return frozenset(word for word, count in clear.items() if count >= _SEEN)


def _mended(word: Word, following: Word | None, dictionary: frozenset[str], letters: list[str]) -> Word:
    if word.confidence is None:  # a text layer's word is as printed
        return word
    text = word.text
    colon = _COLON_FOR_HYPHEN.match(text)
    if colon and following is not None and following.text in _CONJUNCTIONS:
        text = colon.group(1) + "-"
    period = _PERIOD_FOR_COMMA.match(text)
    if period and period.group(2).lower() not in _ABBREVIATIONS and following is not None \
            and following.text[:1].islower():
        text = period.group(1) + ","
    match = _WORD.match(text)
    if word.confidence < _CLEAR and match and len(match.group(2)) >= _LETTERS \
            and not match.group(3).startswith("-") \
            and match.group(2).lower() not in dictionary \
            and lemma_table().get(match.group(2).lower()) is None:  # "medborgar-" starts a compound: left as it is
        found = _one_letter_away(match.group(2).lower(), dictionary, letters)
        if found:
            text = match.group(1) + _cased_like(found, match.group(2)) + match.group(3)
    return word if text == word.text else replace(word, text=text)


def _one_letter_away(word: str, dictionary: frozenset[str], letters: list[str]) -> str | None:
    """The one dictionary word a letter dropped, added, changed or two swapped away; None for none or several.

    Not in the last two letters, where one letter more or less is another form of the word
    ("fokusområdena", "Samverka"), not a misreading of it.
    """
    cuts = [(word[:index], word[index:]) for index in range(len(word) - _ENDING + 1)]
    candidates = {head + tail[1:] for head, tail in cuts if tail}
    candidates |= {head + tail[1] + tail[0] + tail[2:] for head, tail in cuts if len(tail) > 1}
    candidates |= {head + letter + tail[1:] for head, tail in cuts if tail for letter in letters}
    candidates |= {head + letter + tail for head, tail in cuts for letter in letters}
    found = (candidates - {word}) & dictionary
    return next(iter(found)) if len(found) == 1 else None


def _cased_like(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    return word[0].upper() + word[1:] if model[0].isupper() else word

