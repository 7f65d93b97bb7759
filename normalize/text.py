"""Clean text: one form for characters, spaces and line-break hyphenation.

A word split at a line end ("utveck-" / "lingstrender") reaches us as
"utveck- lingstrender" once lines are joined; it is joined again. A hyphen
that belongs to the text stays: before a conjunction ("Kompetens- och
medarbetarutveckling"), after a single letter or an abbreviation ("e-
tjänster" becomes "e-tjänster", "IT-stöd"), and between capitals
("Upplands-Bro").
"""
from __future__ import annotations

import unicodedata

import regex as re

_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE = re.compile(r"\s+")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_LIGATURE = re.compile("[ﬀﬁﬂﬃﬄﬅﬆ]")
_BROKEN_WORD = re.compile(r"(?<![\w-])([\p{L}][\p{L}-]*)-\s+(\p{L}[\p{L}-]*)")
_KEEPS_HYPHEN = frozenset({"och", "eller", "samt", "respektive", "resp", "till", "som", "men", "&"})


def collapse(text: str) -> str:
    """Characters in one form, odd spaces made plain and runs of them collapsed."""
    if _LIGATURE.search(text):  # seldom: translating every text cost more than the search
        text = text.translate(_LIGATURES)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    return _SPACE.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """`collapse`, then line-break hyphenation undone."""
    return _BROKEN_WORD.sub(_join, collapse(text))


def _join(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    if second.casefold() in _KEEPS_HYPHEN:
        return match.group(0)
    if second[0].isupper() or len(first) <= 2 or first.isupper():
        return f"{first}-{second}"
    return first + second
