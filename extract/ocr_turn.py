"""Pages scanned sideways or upside down, told from how Tesseract read them as they lie.

A page scanned upside down reads its longer words with little confidence, one
scanned sideways reads them taller than they are wide (Tesseract reads the
lines across the page). Only such a page is shown to Tesseract's orientation
model (0.75 s a page), and read again turned as it says where that reads
better (extract.ocr).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.ocr import OcrPage

# a page scanned upside down reads its words (of at least _LONG_WORD letters, and at least _FEWEST_WORDS of them)
# with a mean confidence below _UPRIGHT_CONFIDENCE (21 against 95 upright on the shared scan); one scanned
# sideways reads them taller than wide. Only such a page is shown to orientation detection (0.75 s a page),
# whose answer is taken when it is this sure (Tesseract's scale) and the page turned reads better.
_LONG_WORD, _FEWEST_WORDS = 4, 20
_UPRIGHT_CONFIDENCE = 60.0
_SURE_ORIENTATION = 2.0


def looks_turned(page: OcrPage) -> bool:
    """Whether Tesseract's reading looks like that of a page scanned upside down (its words read with low
    confidence) or sideways (its longer words taller than they are wide)."""
    words = [word for word in page.words if word.confidence is not None and len(word.text) >= _LONG_WORD]
    if len(words) < _FEWEST_WORDS:
        return False
    upright = sum(word.confidence or 0 for word in words) / len(words)
    tall = sum(1 for word in words if word.height > word.width)
    return upright < _UPRIGHT_CONFIDENCE or 2 * tall > len(words)


def reads_better(turned: OcrPage, read: OcrPage) -> bool:
    """Whether the page turned reads more words with more confidence than as it lay."""
    def score(page: OcrPage) -> float:
        return sum(word.confidence or 0 for word in page.words if len(word.text) >= _LONG_WORD
                   and word.width >= word.height)
    return turned.failure is None and score(turned) > score(read)


def turn_said(answer: str) -> int:
    """Degrees (clockwise) to turn the page by, as the orientation model answers (`tesseract --psm 0`); 0 where
    it is upright, unsure or did not answer (no orientation model)."""
    said = dict(line.split(":", 1) for line in answer.splitlines() if ":" in line)
    try:
        turn, sure = int(said.get("Rotate", "0").strip()), float(said.get("Orientation confidence", "0").strip())
    except ValueError:
        return 0
    return turn if turn in (90, 180, 270) and sure >= _SURE_ORIENTATION else 0
