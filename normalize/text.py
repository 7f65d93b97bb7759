"""Clean text: one form for characters, spaces and line-break hyphenation.

A word split at a line end ("utveck-" / "lingstrender") reaches us as
"utveck- lingstrender" once lines are joined; it is joined again, and so is
one split at a soft hyphen. A hyphen that belongs to the text stays: before
a conjunction ("Kompetens- och medarbetarutveckling"), after a single letter
or an abbreviation ("e- tjänster" becomes "e-tjänster", "IT-stöd"), between
capitals ("Upplands-Bro"), and in a compound of two words that the report
prints hyphenated elsewhere, or whose halves it prints as words of their own
while it never prints them joined ("överskott-underskott").
"""
from __future__ import annotations

import unicodedata

import regex as re

_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SOFT_BREAK = re.compile(r"\u00ad\s+")  # a word broken at its soft hyphen, at a line end
_SPACE = re.compile(r"\s+")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_LIGATURE = re.compile("[ﬀﬁﬂﬃﬄﬅﬆ]")
_BROKEN_WORD = re.compile(r"(?<![\w-])([\p{L}][\p{L}-]*)-\s+(\p{L}[\p{L}-]*)")
_WHOLE_WORD = re.compile(r"(?<![\p{L}-])\p{L}+(?:-\p{L}+)*(?![\p{L}-])")
_KEEPS_HYPHEN = frozenset({"och", "eller", "samt", "respektive", "resp", "till", "som", "men", "&"})


def collapse(text: str) -> str:
    """Characters in one form, odd spaces made plain and runs of them collapsed."""
    if _LIGATURE.search(text):  # seldom: translating every text cost more than the search
        text = text.translate(_LIGATURES)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _SOFT_BREAK.sub("", _ODD_SPACES.sub(" ", text)))
    return _SPACE.sub(" ", text).strip()


def clean_text(text: str, printed: frozenset[str] = frozenset()) -> str:
    """`collapse`, then line-break hyphenation undone; `printed`: the report's words (report_words)."""
    return _BROKEN_WORD.sub(lambda match: _join(match, printed), collapse(text))


def report_words(texts: list[str]) -> frozenset[str]:
    """The words a report prints whole (not split at a line end), and its hyphenated compounds, in lower case."""
    whole = (_BROKEN_WORD.sub(" ", collapse(text)) for text in texts)
    return frozenset(word.casefold() for text in whole for word in _WHOLE_WORD.findall(text))


def _join(match: re.Match, printed: frozenset[str]) -> str:
    first, second = match.group(1), match.group(2)
    if second.casefold() in _KEEPS_HYPHEN:
        return match.group(0)
    if second[0].isupper() or len(first) <= 2 or first.isupper():
        return f"{first}-{second}"
    hyphenated, joined = f"{first}-{second}", first + second
    if hyphenated.casefold() in printed or (joined.casefold() not in printed and first.casefold() in printed
                                             and second.casefold() in printed):
        return hyphenated
    return joined
