"""Tesseract's words of a page built into the document model's lines.

A Tesseract line becomes a Line; it is cut again where words stand far apart
(table columns), and the page's lines are put in rows top to bottom, as
extract.pdf orders them, so the PDF layout family reads a scan like a text
PDF. OCR knows no fonts: `bold` stays None and `size` is estimated from how
tall the words' boxes are for the glyphs they hold. Kept apart from the
recognition in extract.ocr, whose results are cached: changing how lines are
built never repeats OCR.
"""
from __future__ import annotations

import dataclasses
import re
import statistics

from extract.model import Line, Page, Word
from extract.ocr import BULLET_GLYPHS, OcrPage, OcrWord, is_dot_reading

_POINTS_PER_INCH = 72
_COLUMN_GAP = 1.6  # a gap wider than this many font sizes separates columns, as in extract.pdf
_ROW_TOLERANCE = 0.35  # share of the font size within which two lines stand on one row
_NOISE_CONFIDENCE = 50.0  # a word of one or two glyphs read with less is a speck or a rule, not text
_NO_SPACE = 0.15  # after a slash, words closer than this many font sizes are one (a space is 0.25-0.4)
_SPLIT_NUMBER = 0.2  # digits closer than this many glyph heights are one number, not two words
_LEADER = re.compile(r"\.{3,}|…")  # dot leaders of a contents entry, which Tesseract reads as dots and junk
_PAGE_REFERENCE = re.compile(r"\d{1,3}")  # a contents entry's page number
_SQUARE_READING = "="  # what Tesseract makes of a square bullet ("▪") before a line's text
_GLUED_BULLET = re.compile(r"^[«»](?=[A-ZÅÄÖÉÜ])")  # a bullet read into its item's first word ("«Samla")
_RULE = re.compile(r"\|+")  # a table's vertical border, read as a glyph of its own
_DASHES = re.compile(r"[-–—]{2}")  # a dash bullet read as two glyphs
_BORDER = re.compile(r"[|Il\[\]!]+\.?|i")  # what Tesseract reads in a table's vertical border
_GLUED_BORDER = re.compile(r"^[|\[](?=[A-ZÅÄÖa-zåäö])|(?<=\w)[|\]]$")  # a border read into the cell's word
_BORDER_GAP = 1.6  # a glyph further than this many text heights from its neighbours stands alone
_TEXT_HEIGHT = (0.6, 1.4)  # shares of the text height a letter's box spans; a border is taller or shorter
_THIN = 0.12  # a box narrower than this share of its height is a rule, not even an "I" or "l"
_FLAT = 0.3  # a weak word lower than this share of the text height is a horizontal rule read as letters
# Share of the font size a word's box spans, by the glyphs it has: capitals, digits and
# ascenders reach ~0.72 above the baseline, descenders ~0.21 below, x-height ~0.52.
_ASCENT, _X_HEIGHT, _DESCENT = 0.72, 0.52, 0.21
_ASCENDERS = set("bdfhiklt0123456789ÅÄÖåäöÉÜ()/%&?!") | {chr(c) for c in range(ord("A"), ord("Z") + 1)}
_DESCENDERS = set("gjpqy(),;")


def to_page(ocr: OcrPage, dpi: int) -> Page:
    scale = _POINTS_PER_INCH / dpi
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in ocr.words:
        lines.setdefault(word.line, []).append(word)
    height = _text_height(ocr.words)
    built = [line for words in lines.values() if (kept := _without_debris(_without_leaders(words), height))
             for line in _cut(kept, ocr.number, scale, contents=ocr.leaders > 0)]
    return Page(number=ocr.number, lines=_in_rows(built), width=ocr.width, height=ocr.height, has_images=True,
                turned=ocr.turned)


def _is_weak(word: OcrWord) -> bool:
    return word.confidence is not None and word.confidence < _NOISE_CONFIDENCE


def _without_leaders(words: list[OcrWord]) -> list[OcrWord]:
    """The line's words in order, without dot leaders and the junk Tesseract reads in them."""
    kept: list[OcrWord] = []
    in_leader = False
    for word in sorted(words, key=lambda w: w.left):
        leader = _LEADER.search(word.text)
        if leader:
            in_leader = True
            if leader.start() > 0:
                kept.append(dataclasses.replace(word, text=word.text[:leader.start()]))
        elif not (in_leader and _is_weak(word)):
            in_leader = False
            kept.append(word)
    return kept


def _text_height(words: list[OcrWord] | tuple[OcrWord, ...], default: float = 0.0) -> float:
    """The median box height in pixels of words of three or more letters read with confidence: body text's."""
    heights = [w.height for w in words if len(w.text) >= 3 and any(c.isalpha() for c in w.text)
               and not _is_weak(w)]
    return statistics.median(heights) if heights else default


def _without_debris(words: list[OcrWord], page_height: float) -> list[OcrWord]:
    """A Tesseract line without what it read in a table's borders, left to right.

    A vertical border reads as "|", "I", "l", "]", "[" or "!" (with a "." at
    times) and is joined to the findings and rubrics of its cells ("Poäng 2 ]");
    a horizontal one as a flat weak word ("SR") whose box, two pixels high, sets
    the line's size. A border glyph is taller or lower than the text, or thinner
    than any letter, or stands alone with a gap on both sides; the Swedish "I"
    opening a sentence is the line's height and is followed closely by its next
    word. A border read into a word's first or last glyph ("[Rubriker") is cut.
    """
    words = sorted(words, key=lambda w: w.left)
    height = _text_height([w for w in words if not _BORDER.fullmatch(w.text)], page_height) or page_height
    if not height:
        return words
    low, high = _TEXT_HEIGHT
    kept = []
    for i, word in enumerate(words):
        if _is_flat(word, height):
            continue
        if _BORDER.fullmatch(word.text):
            before = words[i - 1] if i else None
            after = words[i + 1] if i + 1 < len(words) else None
            near_before = before is not None and word.left - before.left - before.width <= _BORDER_GAP * height
            near_after = after is not None and after.left - word.left - word.width <= _BORDER_GAP * height
            tall = low * height <= word.height <= high * height  # as the line's letters
            wide = word.width >= _THIN * word.height
            opens = near_after and (near_before or before is None or wide)  # "I detta", "och i form"
            closes = near_before and word.text in "Ii"  # "… kommunen. I" at a line's end
            if not (tall and (opens or closes) or near_before and near_after and wide):  # a box at times too tall
                continue
        elif _GLUED_BORDER.search(word.text):
            word = dataclasses.replace(word, text=_GLUED_BORDER.sub("", word.text))
        kept.append(word)
    return kept


def _is_flat(word: OcrWord, height: float) -> bool:
    """A horizontal rule read as letters ("SR"): weak, far lower than the text and wider than high; a dash
    bullet, as flat, has no letter, a round one's box is square."""
    return word.height < _FLAT * height and word.width > 2 * word.height and \
        _is_weak(word) and any(c.isalnum() for c in word.text)


def _without_specks(words: list[OcrWord]) -> list[OcrWord]:
    """A line or cell without the specks read as a letter or two; a bullet before its text is kept.

    Tesseract reads a round bullet as "e", "«" or "+", often with low confidence, at times glued to the item's
    first word ("«Samla", a report quotes with ”, never «): it is a "•" again; a
    square one as "=": a "▪"; a long dash at times as two ("—-"): one dash, or the item would not start.
    A table's border read as "|" is no word. Two digits are a number, however weak: a table cell's "64 %"
    whose sign Tesseract could not read ("64", "Rx") is read with little confidence.
    """
    words = [word for word in words if not _RULE.fullmatch(word.text)]
    if words and _GLUED_BULLET.match(words[0].text):
        words = [*_unglued(words[0]), *words[1:]]
    first = words[0].text if words else ""
    if len(words) > 1 and (is_dot_reading(first) or first == _SQUARE_READING or first[0] in BULLET_GLYPHS):
        bullet = "•" if is_dot_reading(first) else "▪" if first == _SQUARE_READING else \
            first[0] if _DASHES.fullmatch(first) else first
        return [dataclasses.replace(words[0], text=bullet), *_without_specks(words[1:])]
    return [word for word in words if not (_is_weak(word) and len(word.text) <= 2) or _is_number(word.text)]


def _is_number(text: str) -> bool:
    return len(text) == 2 and text.isdigit()


def _unglued(word: OcrWord) -> tuple[OcrWord, OcrWord]:
    """A word read with the bullet before it ("«Samla") as the bullet and the word; the bullet takes its share of
    the box by its one glyph of the word's."""
    share = word.width // len(word.text)
    return (dataclasses.replace(word, text=word.text[0], width=share),
            dataclasses.replace(word, text=word.text[1:], left=word.left + share, width=word.width - share))


def _cut(words: list[OcrWord], page: int, scale: float, contents: bool = False) -> list[Line]:
    """One Tesseract line as Lines, cut where a gap is wider than a column gap.

    On a contents page, whose dot leaders were erased before OCR (extract.leaders), the gap before a
    line's closing page number is its leader: "…" again, and one line, as a text PDF has it.
    """
    size = _font_size(words, scale)
    baseline = _baseline(words, size / scale) * scale
    segments = [[words[0]]]
    for word in words[1:]:
        previous = segments[-1][-1]
        gap = word.left - previous.left - previous.width
        if gap * scale > _COLUMN_GAP * size and contents and word is words[-1] and _PAGE_REFERENCE.fullmatch(word.text):
            segments[-1] += [OcrWord("…", word.left - gap, word.top, gap, word.height, None, word.line), word]
        elif gap * scale > _COLUMN_GAP * size:
            segments.append([word])
        elif (previous.text.endswith("/") and gap * scale < _NO_SPACE * size) or \
                (previous.text.isdigit() and word.text.isdigit() and gap < _SPLIT_NUMBER * word.height):
            segments[-1][-1] = _joined(previous, word)  # one word Tesseract cut in two ("till/ med", "7 6")
        else:
            segments[-1].append(word)
    return [_line(kept, page, size, baseline, scale) for segment in segments if (kept := _without_specks(segment))]


def _lower(first: float | None, second: float | None) -> float | None:
    """The lower of two confidences; a bullet found in the image has none."""
    known = [value for value in (first, second) if value is not None]
    return min(known) if known else None


def _joined(left: OcrWord, right: OcrWord) -> OcrWord:
    top = min(left.top, right.top)
    return dataclasses.replace(left, text=left.text + right.text, top=top, width=right.left + right.width - left.left,
                               height=max(left.top + left.height, right.top + right.height) - top,
                               confidence=_lower(left.confidence, right.confidence))



def _line(words: list[OcrWord], page: int, size: float, baseline: float, scale: float) -> Line:
    read = [w.confidence for w in words if w.confidence is not None]
    return Line(text=" ".join(w.text for w in words), page=page,
                x0=words[0].left * scale, x1=(words[-1].left + words[-1].width) * scale,
                top=baseline - _ASCENT * size, bottom=baseline + _DESCENT * size, size=size, bold=None,
                confidence=statistics.fmean(read) if read else None,
                words=tuple(Word(w.text, w.left * scale, (w.left + w.width) * scale, w.confidence) for w in words))


def _font_size(words: list[OcrWord], scale: float) -> float:
    """The font size in points, from the words' box heights and the glyphs they hold.

    Rounded to half points: the estimate wavers by a pixel or two, and a
    heading is told from body text by a point or more. The lower median,
    because a box grows with specks and shading but never shrinks. Only
    words with a letter or digit: a dash bullet is a pixel or two high and a
    table border as tall as its cell, and either set a two-word line's size
    (a rubric "— Valfrihet" read as 2 points is cut at the dash, and its
    item joined to the one above).
    """
    estimates = []
    for word in _measurable(words):
        letters = set(word.text)
        share = (_ASCENT if letters & _ASCENDERS else _X_HEIGHT) + (_DESCENT if letters & _DESCENDERS else 0)
        estimates.append(word.height * scale / share)
    return round(statistics.median_low(estimates) * 2) / 2 if estimates else 0.0


def _measurable(words: list[OcrWord]) -> list[OcrWord]:
    """Words whose boxes are the height of their glyphs: read text with a letter or digit, not a bullet found in
    the image (no text box), a dash or a rule (a dash stands above the baseline, a rule spans its cell)."""
    return [w for w in words if w.confidence is not None and any(c.isalnum() for c in w.text)]


def _baseline(words: list[OcrWord], size: float) -> float:
    """Where a Tesseract line's letters stand, in pixels: box bottoms, less the descent of words that have one.

    The parts of a line cut at a column gap share it, and lines of one row
    share it whether or not their words reach below it, as a PDF's words
    share their font's descent.
    """
    bottoms = [w.top + w.height - (_DESCENT * size if set(w.text) & _DESCENDERS else 0)
               for w in _measurable(words)] or [w.top + w.height for w in words]
    return statistics.median(bottoms)


def _in_rows(lines: list[Line]) -> list[Line]:
    """Lines sorted into rows top to bottom, left to right.

    Tesseract gives a table's columns as separate blocks; the layout family
    expects the cells of a row next to each other.
    """
    ordered = sorted(lines, key=lambda line: (line.placed.bottom, line.placed.x0))
    rows: list[list[Line]] = []
    for line in ordered:
        if rows and abs(rows[-1][0].placed.bottom - line.placed.bottom) <= _ROW_TOLERANCE * max(
                line.size or 0, rows[-1][0].size or 0):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda line: line.placed.x0)]


def mean_confidence(pages: list[Page]) -> float | None:
    """The mean confidence (0-100) of a document's OCR words; None when nothing was OCR'd."""
    scores = [word.confidence for page in pages for line in page.lines for word in line.words
              if word.confidence is not None]
    return statistics.fmean(scores) if scores else None
