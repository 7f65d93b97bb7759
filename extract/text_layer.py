"""Which pages' text layers lie: the decision, per page, from the facts the PDF reader found.

A PDF's text layer is not always the text the page shows:
- a scan made searchable ("searchable PDFs", as libraries, scanners and
  ocrmypdf or Tesseract make them) carries an OCR engine's text over its page
  image: invisible (render mode 3), hidden under the image, or laid over it.
  It has no fonts (no bold), no table rules, and the engine's misreadings;
  read as printed text it would be published as such. Such a page is a
  scan's: OCR reads it where it can run, else the OCR layout family reads
  the layer as a scan's text. Visible text over a page image counts only in a
  document most of whose pages are images: a text PDF's cover may be set over
  a picture.
- a font that maps to no Unicode (no ToUnicode, a symbol encoding) gives
  characters that are not the page's letters: private-use and control
  characters, or letters that make no Swedish words. Such a page is unusable:
  only OCR can read it, and where it cannot run the page is left out.
A page with too few words to judge takes the verdict of most of the
document's judged pages.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from domain.lexicon import lemma_table, stop_words
from domain.problems import Problem, problem
from extract.errors import ExtractionError
from extract.model import Page

LAYER_READER = "ocr-layer"  # a reader's suffix for the pages whose scan's text layer it read as a scan's text
COVERS = 0.8  # share of the page an image covers to be the page (a scan), not a picture on it
_HIDDEN = 0.5  # share of a page's characters invisible or under its image for the layer to be hidden
_LETTERS = re.compile(r"\p{L}+")
_JUDGED = 20  # words (tokens with letters) a page needs before they tell whether it is language
_WORDS_READ = 200  # words of a page looked up: enough to tell
# share of a page's words that are Swedish: a report's pages have 0.54 or more, a layer of wrong letters 0.08 or less
_LANGUAGE = 0.25
_JUNK = 0.005  # share of characters that are no text (controls, private-use letters) a text layer may hold
_JUNK_LEAST = 3  # ... and that many: a stray one is no broken font
# forms the lemma table lists only inflected (its keys are the forms that differ from their lemma): a base form
# is known by its definite or plural form
_ENDINGS = ("en", "et", "er", "ar", "or", "na", "n", "t")
_SHOWN = 40  # characters of a broken layer quoted in its problem


@dataclass(frozen=True)
class LayerFaults:
    """The pages whose text layer is a scan's (an OCR engine's) and those whose layer is no language."""

    scan: tuple[int, ...] = ()
    hidden: tuple[int, ...] = ()  # of the scan pages, those whose layer is invisible or under the image
    unusable: tuple[int, ...] = ()

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({*self.scan, *self.unusable}))


def covers_page(xs: Iterable[float], ys: Iterable[float], box: tuple[float, float, float, float]) -> bool:
    """Whether the rectangle around the points covers most of the page box (left, bottom, right, top)."""
    xs, ys = list(xs), list(ys)
    width = min(max(xs), box[2]) - max(min(xs), box[0])
    height = min(max(ys), box[3]) - max(min(ys), box[1])
    return width > 0 and height > 0 and width * height >= COVERS * (box[2] - box[0]) * (box[3] - box[1])


def layer_faults(pages: list[Page]) -> LayerFaults:
    """The pages whose text layer is not their printed text, and how."""
    hidden = tuple(page.number for page in pages if _is_hidden(page))
    images = sum(1 for page in pages if page.scan_layer is not None or (page.has_images and not page.lines))
    scan = tuple(page.number for page in pages if page.scan_layer is not None) if images * 2 > len(pages) \
        else hidden
    # a scan's layer is an OCR engine's text, whatever its misreadings: read as a scan's, not judged
    verdicts = {page.number: _is_language(page) for page in pages if page.lines and page.number not in scan}
    judged = [verdict for verdict in verdicts.values() if verdict is not None]
    mostly_broken = judged.count(False) > len(judged) / 2
    unusable = tuple(number for number, verdict in verdicts.items()
                     if verdict is False or (verdict is None and mostly_broken))
    return LayerFaults(scan, hidden, unusable)


def _is_hidden(page: Page) -> bool:
    layer = page.scan_layer
    return layer is not None and layer.invisible + layer.covered >= _HIDDEN * layer.characters


def _is_language(page: Page) -> bool | None:
    """Whether the page's text is language; None when it has too few words to tell and no junk."""
    text = " ".join(line.text for line in page.lines)
    if _junk(text) >= max(_JUNK_LEAST, _JUNK * len(text.replace(" ", ""))):
        return False
    words = [token for token in _tokens(text) if any(char.isalpha() for char in token)][:_WORDS_READ]
    if len(words) < _JUDGED:
        return None
    return sum(map(_is_swedish, words)) >= _LANGUAGE * len(words)


def _tokens(text: str) -> list[str]:
    """The text's tokens, a run of single characters one token: a letter-spaced title ("K o m m u n") is one
    word, as is a run of glyphs a reader spaced out ("$ G 6 C")."""
    tokens: list[str] = []
    single = False
    for token in text.split():
        if len(token) == 1 and single:
            tokens[-1] += token
        else:
            tokens.append(token)
        single = len(token) == 1
    return tokens


def _junk(text: str) -> int:
    """Characters that are no text: controls, unassigned code points, replacement characters, pdfminer's
    "(cid:N)" for a glyph without a character, and private-use characters inside words (a symbol font's
    bullet, also private-use, stands alone)."""
    count = text.count("(cid:")
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category in ("Cc", "Cn", "Cs") or char == "\ufffd":
            count += 1
        elif category == "Co" and any(_in_word(other) for other in (text[index - 1:index], text[index + 1:index + 2])):
            count += 1
    return count


def _in_word(char: str) -> bool:
    return bool(char) and (char.isalpha() or unicodedata.category(char) == "Co")


@lru_cache(maxsize=1 << 14)
def _is_swedish(token: str) -> bool:
    """Whether a token with letters is a Swedish word: its longest run of letters a word form ("Område", "i",
    "(kommunen)", "brukar-/kundfokus"); a layer of wrong letters makes tokens such as "C:8" or "$G6C:86D"."""
    word = max(_LETTERS.findall(token), key=len).lower()
    table = lemma_table()
    return word in stop_words() or (len(word) > 1 and (table.get(word) is not None or any(
        table.get(word + ending) is not None for ending in _ENDINGS)))


def replaced(pages: list[Page], faults: LayerFaults, read: Collection[int]) -> list[Problem]:
    """What was done with the faulty pages that OCR read instead of their text layer."""
    problems = []
    scan = [number for number in faults.scan if number in read]
    if scan:
        problems.append(problem("scan_text_layer_replaced", f"{_pages(scan).capitalize()} {_are(scan)} scanned "
                                f"images with a text layer of their own ({_how(faults, scan)}: an OCR engine's, "
                                f"not the printed text); OCR read {_them(scan)} instead of it.", _page(scan)))
    unusable = [number for number in faults.unusable if number in read]
    if unusable:
        problems.append(problem("text_layer_unusable", f"The text layer of {_pages(unusable)} is no language (its "
                                f"fonts map to no Unicode: {_shown(pages, unusable)}); OCR read "
                                f"{_them(unusable)} instead.", _page(unusable)))
    return problems


def read_as_laid(pages: list[Page], faults: LayerFaults, read: Collection[int], why: str, name: str
                 ) -> tuple[list[Page], list[Problem]]:
    """The faulty pages OCR did not read (`why`): a scan's text layer read as a scan's text (no fonts, so the
    OCR layout rules apply), an unusable one left out; and the problems that say so.

    Raises text_layer_broken when no page is left with text.
    """
    scan = [number for number in faults.scan if number not in read]
    unusable = [number for number in faults.unusable if number not in read]
    result = [replace(page, lines=[]) if page.number in unusable else
              replace(page, lines=[replace(line, bold=None) for line in page.lines]) if page.number in scan else page
              for page in pages]
    problems = []
    if unusable:
        message = (f"The text layer of {_pages(unusable)} is broken: its fonts map to no Unicode "
                   f"({_shown(pages, unusable)}), and OCR, the one way to read {_them(unusable)}, could not run: "
                   f"{why}")
        if not any(page.lines for page in result):
            raise ExtractionError("text_layer_broken", f"{name}: {message}.")
        problems.append(problem("text_layer_broken", f"{message}; {'they were' if len(unusable) > 1 else 'it was'} "
                                                     f"left out.", _page(unusable)))
    if scan:
        problems.append(problem("scan_text_layer_read", f"{_pages(scan).capitalize()} {_are(scan)} scanned images "
                                f"with a text layer of their own ({_how(faults, scan)}: an OCR engine's, not the "
                                f"printed text), and OCR could not read {_them(scan)} again: {why}; the layer was "
                                f"read as a scan's text, without fonts, confidences or OCR's mending, its "
                                f"misreadings kept.",
                                _page(scan)))
    return result, problems


def _how(faults: LayerFaults, numbers: list[int]) -> str:
    hidden = sum(1 for number in numbers if number in faults.hidden)
    if hidden == len(numbers):
        return "invisible or under the page image"
    return "laid over the page image" if not hidden else "invisible, under or over the page image"


def _shown(pages: list[Page], numbers: list[int]) -> str:
    """What the layer's fonts give, with the opening of the first such page's text."""
    text = " ".join(line.text for page in pages if page.number == numbers[0] for line in page.lines)
    return f"private-use or control characters, or letters that make no Swedish words: {text[:_SHOWN]!r}"


def _pages(numbers: list[int]) -> str:
    """"page 3", "pages 1-4, 7"."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    text = ", ".join(str(first) if first == last else f"{first}-{last}" for first, last in spans)
    return f"page{'s' * (len(numbers) > 1)} {text}"


def _are(numbers: list[int]) -> str:
    return "are" if len(numbers) > 1 else "is"


def _them(numbers: list[int]) -> str:
    return "them" if len(numbers) > 1 else "it"


def _page(numbers: list[int]) -> int | None:
    return numbers[0] if len(numbers) == 1 else None
