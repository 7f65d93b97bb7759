"""Characters into words into lines: the page geometry every PDF reader shares.

A reader only turns its PDF library's characters into `Chars` (one column per
field, a row per character); the rules that make words and lines of them live
here once, so two readers of the same page give the same Lines. The word rules
are pdfplumber's `extract_words` defaults (x_tolerance 3, y_tolerance 3, a word
ends at a space, at a change of font or size, and where the next character
starts before this one or more than x_tolerance after its end), the reference
the parsers were written against. They run as array operations (numpy) over a
page's characters: a page has thousands of characters and Python's per-object
cost for each of them was half of the reading.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from extract.model import Line, Word

BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")
_LIGATURES = {ord(glyph): letters for glyph, letters in
              {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}.items()}
_SPACE = 0x20
_STAND_INS = 0xF0000  # Supplementary Private Use Area-A: texts that are not one code point
# whether a code point is white space as Python counts it (str.isspace), for every code point up to the last
# such one (U+3000): a character that ends a word and is dropped
_BLANK = np.array([chr(code).isspace() for code in range(0x3000 + 1)], dtype=bool)
_LIGATURE_RANGE = (min(_LIGATURES), max(_LIGATURES))


@dataclass(frozen=True)
class Tolerances:
    """Tolerances of the geometry, in points or in font sizes."""

    x_tolerance: float = 3.0  # a gap wider than this after a character starts a new word
    y_tolerance: float = 3.0  # characters whose tops differ by more stand on different lines
    row_share: float = 0.35  # share of the font size within which two words stand on one row
    column_gap: float = 1.6  # a gap wider than this many font sizes separates columns


TOLERANCES = Tolerances()


class Char(NamedTuple):
    """One drawn character, as a reader that meets characters one at a time gives it (`Chars.of`)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    font: object  # anything that tells fonts apart: characters of two fonts never share a word
    size: float
    bold: bool
    upright: bool = True


@dataclass(frozen=True)
class Chars:
    """A page's characters in drawing order, a column per field; coordinates in points from the page's top left.

    A character's text is one code point, so that a page's words are cut from
    one string built by the array at once; a text of another length (a
    pdfminer "(cid:5)", an empty glyph) stands as a private-use code point that
    `texts` maps back.
    """

    code: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    font: np.ndarray  # a number per font: characters of two fonts never share a word
    size: np.ndarray
    bold: np.ndarray
    upright: np.ndarray
    texts: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, chars: list[Char]) -> Chars:
        fonts: dict[object, int] = {}
        texts: dict[str, int] = {}
        codes = [ord(char.text) if len(char.text) == 1
                 else _SPACE if char.text.isspace()  # a blank of several letters only ends a word
                 else texts.setdefault(char.text, _STAND_INS + len(texts)) for char in chars]
        return cls(code=np.array(codes, dtype=np.int64),
                   x0=np.array([char.x0 for char in chars], dtype=float),
                   x1=np.array([char.x1 for char in chars], dtype=float),
                   top=np.array([char.top for char in chars], dtype=float),
                   bottom=np.array([char.bottom for char in chars], dtype=float),
                   font=np.array([fonts.setdefault(char.font, len(fonts)) for char in chars], dtype=np.int64),
                   size=np.array([char.size for char in chars], dtype=float),
                   bold=np.array([char.bold for char in chars], dtype=bool),
                   upright=np.array([char.upright for char in chars], dtype=bool),
                   texts={code: text for text, code in texts.items()})


@dataclass(frozen=True)
class Words:
    """A page's words, a column per field: the words of a run and line in reading order, run after run."""

    text: list[str]
    x0: np.ndarray
    x1: np.ndarray
    top: np.ndarray
    bottom: np.ndarray
    size: np.ndarray
    bold: np.ndarray


_NO_WORDS = Words([], np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0, dtype=bool))


def is_bold(fontname: str) -> bool:
    return any(mark in fontname.lower() for mark in BOLD_MARKS)


def chars_to_words(chars: Chars, tolerances: Tolerances = TOLERANCES) -> Words:
    """Words of characters given in drawing order, as pdfplumber's `extract_words` forms them.

    Runs of characters of one font and size are each cut into visual lines
    (tops clustered within y_tolerance), each line read in its direction
    (left to right; top to bottom for rotated text) and cut into words.
    """
    if not len(chars.code):
        return _NO_WORDS
    upright = chars.upright
    new_run = np.empty(len(upright), dtype=bool)
    new_run[0] = True
    new_run[1:] = ((upright[1:] != upright[:-1]) | (chars.font[1:] != chars.font[:-1])
                   | (chars.size[1:] != chars.size[:-1]))
    run = np.cumsum(new_run)
    # a run's visual lines: its distinct tops (x0s when rotated) chain into one line while within the tolerance
    value = np.where(upright, chars.top, chars.x0)
    tolerance = np.where(upright, tolerances.y_tolerance, tolerances.x_tolerance)
    by_value = np.lexsort((value, run))
    sorted_value = value[by_value]
    new_line = np.empty(len(value), dtype=bool)
    new_line[0] = True
    new_line[1:] = (run[by_value][1:] != run[by_value][:-1]) | (sorted_value[1:] > sorted_value[:-1]
                                                                + tolerance[by_value][1:])
    line = np.empty(len(value), dtype=np.int64)
    line[by_value] = np.cumsum(new_line)  # numbered in order of run, then position
    # each line read along its direction, drawing order breaking ties
    along = np.where(upright, chars.x0, chars.top)
    then = np.where(upright, 0.0, chars.bottom)
    order = np.lexsort((np.arange(len(value)), then, along, line))
    return _words(chars, order, line, tolerances)


def _words(chars: Chars, order: np.ndarray, line: np.ndarray, tolerances: Tolerances) -> Words:
    """Cuts the ordered characters into words: at spaces, at a new line or run, and at a gap or a step back."""
    code = chars.code[order]
    space = (code < len(_BLANK)) & _BLANK[np.minimum(code, len(_BLANK) - 1)]
    kept = order[~space]
    if not len(kept):
        return _NO_WORDS
    spaces_before = np.cumsum(space)[~space]
    upright = chars.upright[kept]
    start = np.where(upright, chars.x0[kept], chars.top[kept])
    end = np.where(upright, chars.x1[kept], chars.bottom[kept])
    across = np.where(upright, chars.top[kept], chars.x0[kept])
    gap = np.where(upright, tolerances.x_tolerance, tolerances.y_tolerance)
    tolerance = np.where(upright, tolerances.y_tolerance, tolerances.x_tolerance)
    new_word = np.empty(len(kept), dtype=bool)
    new_word[0] = True
    new_word[1:] = ((spaces_before[1:] != spaces_before[:-1]) | (line[kept][1:] != line[kept][:-1])
                    | (start[1:] < start[:-1]) | (start[1:] > end[:-1] + gap[1:])
                    | (np.abs(across[1:] - across[:-1]) > tolerance[1:]))
    first = np.flatnonzero(new_word)
    code = chars.code[kept]
    # every character one code point: the page's text in one string, a word a slice of it
    joined = code.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    bounds = np.append(first, len(kept)).tolist()
    words = [joined[bounds[i]:bounds[i + 1]] for i in range(len(first))]
    if ((code >= _LIGATURE_RANGE[0]) & (code <= _LIGATURE_RANGE[1])).any() or chars.texts:
        replaced = {**_LIGATURES, **chars.texts}
        words = [word.translate(replaced) for word in words]
    return Words(words, np.minimum.reduceat(chars.x0[kept], first), np.maximum.reduceat(chars.x1[kept], first),
                 np.minimum.reduceat(chars.top[kept], first), np.maximum.reduceat(chars.bottom[kept], first),
                 chars.size[kept][first], chars.bold[kept][first])


def words_to_lines(words: Words, page: int, tolerances: Tolerances = TOLERANCES) -> list[Line]:
    """Words that share a baseline form a row; a row is cut into Lines where a gap is a column's.

    The rows are taken in order of baseline (to a tenth of a point, rounded as
    Python rounds) and position; a word joins the row when its baseline is
    within row_share of its size of the baseline of the row's first word.
    """
    count = len(words.text)
    if not count:
        return []
    bottom = words.bottom.tolist()
    by_baseline = np.lexsort((words.x0, np.array([round(value, 1) for value in bottom])))
    reach = (tolerances.row_share * words.size).tolist()
    row = np.empty(count, dtype=np.int64)
    number, row_bottom = -1, 0.0
    for position, index in enumerate(by_baseline.tolist()):
        if number < 0 or abs(row_bottom - bottom[index]) > reach[index]:
            number, row_bottom = number + 1, bottom[index]
        row[position] = number
    order = by_baseline[np.lexsort((words.x0[by_baseline], row))]  # each row left to right; stable, as list.sort
    row = np.sort(row)
    x0, x1, size = words.x0[order], words.x1[order], words.size[order]
    new_line = np.empty(count, dtype=bool)
    new_line[0] = True
    new_line[1:] = (row[1:] != row[:-1]) | (x0[1:] - x1[:-1] > tolerances.column_gap * np.maximum(size[1:], size[:-1]))
    first = np.flatnonzero(new_line)
    return _lines(words, order, first, page)


def _lines(words: Words, order: np.ndarray, first: np.ndarray, page: int) -> list[Line]:
    """The Lines of the ordered words cut before each of `first`; a Line takes the size and weight of most of
    its letters."""
    texts = [words.text[index] for index in order.tolist()]
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    x0, x1, size = words.x0[order].tolist(), words.x1[order].tolist(), words.size[order]
    all_words = [Word(text, left, right) for text, left, right in zip(texts, x0, x1)]
    bounds = np.append(first, len(order)).tolist()
    tops = np.minimum.reduceat(words.top[order], first).tolist()
    bottoms = np.maximum.reduceat(words.bottom[order], first).tolist()
    letters = np.add.reduceat(lengths, first)
    bold = (2 * np.add.reduceat(lengths * words.bold[order], first) > letters).tolist()
    one_size = (np.minimum.reduceat(size, first) == np.maximum.reduceat(size, first)).tolist()
    sizes, lengths = size.tolist(), lengths.tolist()
    lines = []
    for number, (start, end) in enumerate(zip(bounds, bounds[1:])):
        if one_size[number]:
            line_size = round(sizes[start], 1)
        else:
            by_size: Counter[float] = Counter()
            for position in range(start, end):
                by_size[round(sizes[position], 1)] += lengths[position]
            line_size = by_size.most_common(1)[0][0]
        lines.append(Line(text=" ".join(texts[start:end]), page=page, x0=x0[start], x1=x1[end - 1],
                          top=tops[number], bottom=bottoms[number], size=line_size, bold=bold[number],
                          words=tuple(all_words[start:end])))
    return lines
