"""Characters into words into lines: the page geometry every PDF reader shares.

A reader only turns its PDF library's characters into `Char`s; the rules that
make words and lines of them live here once, so two readers of the same page
give the same Lines. The word rules are pdfplumber's `extract_words` defaults
(x_tolerance 3, y_tolerance 3, a word ends at a space, at a change of font or
size, and where the next character starts before this one or more than
x_tolerance after its end), the reference the parsers were written against.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import count, groupby
from operator import itemgetter
from typing import NamedTuple

from extract.model import Line, Word

BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


@dataclass(frozen=True)
class Layout:
    """Tolerances of the geometry, in points or in font sizes."""

    x_tolerance: float = 3.0  # a gap wider than this after a character starts a new word
    y_tolerance: float = 3.0  # characters whose tops differ by more stand on different lines
    row_share: float = 0.35  # share of the font size within which two words stand on one row
    column_gap: float = 1.6  # a gap wider than this many font sizes separates columns


LAYOUT = Layout()


class Char(NamedTuple):
    """One drawn character; coordinates in points from the page's top left."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: object  # anything that tells fonts apart: characters of two fonts never share a word
    size: float
    bold: bool
    upright: bool = True


class WordBox(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


_TEXT, _X0, _X1, _TOP, _BOTTOM = range(5)  # Char's fields, indexed in the loops that run per character
_TEXT_OF, _X0_OF, _X1_OF, _TOP_OF, _BOTTOM_OF = (itemgetter(field) for field in (_TEXT, _X0, _X1, _TOP, _BOTTOM))
_RUN_KEY = itemgetter(8, 5, 6)  # upright, font, size
_new_word = tuple.__new__  # a WordBox from its fields in order, without WordBox(...)'s keyword handling: per word


def is_bold(fontname: str) -> bool:
    return any(mark in fontname.lower() for mark in BOLD_MARKS)


def chars_to_words(chars: list[Char], layout: Layout = LAYOUT) -> list[WordBox]:
    """Words of characters given in drawing order, as pdfplumber's `extract_words` forms them.

    Runs of characters of one font and size are each cut into visual lines
    (tops clustered within y_tolerance), each line read in its direction
    (left to right; top to bottom for rotated text) and cut into words.
    """
    words: list[WordBox] = []
    for (upright, _, _), group in groupby(chars, key=_RUN_KEY):
        run = list(group)
        # the order by line, then position, then drawing order: sort keys built and compared in C (map, zip),
        # since this runs for every character of a document
        if upright:
            line_of = _clusters(set(map(_TOP_OF, run)), layout.y_tolerance)
            keys = list(zip(map(line_of.__getitem__, map(_TOP_OF, run)), map(_X0_OF, run), count()))
        else:
            line_of = _clusters(set(map(_X0_OF, run)), layout.x_tolerance)
            keys = list(zip(map(line_of.__getitem__, map(_X0_OF, run)), map(_TOP_OF, run), map(_BOTTOM_OF, run),
                            count()))
        ordered = list(map(run.__getitem__, sorted(range(len(run)), key=keys.__getitem__)))
        if upright:
            words += _words(ordered, layout.x_tolerance, layout.y_tolerance, _X0, _X1, _TOP)
        else:
            words += _words(ordered, layout.y_tolerance, layout.x_tolerance, _TOP, _BOTTOM, _X0)
    return words


def _clusters(values: set[float], tolerance: float) -> dict[float, int]:
    """Each value's cluster number: sorted values chain into one cluster while within `tolerance`."""
    clusters: dict[float, int] = {}
    number, last = -1, None
    for value in sorted(values):
        if last is None or value > last + tolerance:
            number += 1
        clusters[value] = number
        last = value
    return clusters


def _words(ordered: list[Char], gap: float, tolerance: float, start: int, end: int, across: int) -> list[WordBox]:
    """Cuts a line's characters into words; `start`, `end` and `across` index the reading direction's fields."""
    words, current = [], []
    previous = None
    for char in ordered:
        if char[_TEXT].isspace():
            if current:
                words.append(_word(current))
            current, previous = [], None
            continue
        if previous is not None and (char[start] < previous[start] or char[start] > previous[end] + gap
                                     or abs(char[across] - previous[across]) > tolerance):
            words.append(_word(current))
            current = []
        current.append(char)
        previous = char
    if current:
        words.append(_word(current))
    return words


def _word(chars: list[Char]) -> WordBox:
    first = chars[0]
    text = "".join(map(_TEXT_OF, chars))
    if not text.isascii():  # no ligature is ASCII
        text = "".join([LIGATURES.get(c[_TEXT], c[_TEXT]) for c in chars])
    if len(chars) == 1:
        return _new_word(WordBox, (text, first.x0, first.x1, first.top, first.bottom, first.size, first.bold))
    return _new_word(WordBox, (text, min(map(_X0_OF, chars)), max(map(_X1_OF, chars)), min(map(_TOP_OF, chars)),
                               max(map(_BOTTOM_OF, chars)), first.size, first.bold))


def words_to_lines(words: list[WordBox], page: int, layout: Layout = LAYOUT) -> list[Line]:
    """Words that share a baseline form a row; a row is cut into Lines where a gap is a column's."""
    rows: list[list[WordBox]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if rows and abs(rows[-1][0].bottom - word.bottom) <= layout.row_share * word.size:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=_X0_OF)
        segment = [row[0]]
        for word in row[1:]:
            if word.x0 - segment[-1].x1 > layout.column_gap * max(word.size, segment[-1].size):
                lines.append(_line(segment, page))
                segment = [word]
            else:
                segment.append(word)
        lines.append(_line(segment, page))
    return lines


def _line(words: list[WordBox], page: int) -> Line:
    """A Line takes the size and weight of most of its letters."""
    sizes: Counter[float] = Counter()
    bold = 0
    for word in words:
        sizes[round(word.size, 1)] += len(word.text)
        bold += len(word.text) if word.bold else 0
    texts = list(map(_TEXT_OF, words))  # a WordBox's first fields are a Char's: the same getters serve
    return Line(text=" ".join(texts), page=page,
                x0=float(words[0].x0), x1=float(words[-1].x1),
                top=float(min(map(_TOP_OF, words))), bottom=float(max(map(_BOTTOM_OF, words))),
                size=sizes.most_common(1)[0][0], bold=bold * 2 > sum(map(len, texts)),
                words=tuple([Word(w.text, float(w.x0), float(w.x1)) for w in words]))
