"""Scores and findings that OCR read with low confidence, as warnings with their page.

The parsers build values from lines without keeping which words made them;
a value is traced back to the page's OCR words instead: an area's score to
the words on its pages that print that number, a finding to the lines on its
pages whose text it contains. Sources with a text layer carry no
confidences and get no warnings.
"""
from __future__ import annotations

from domain.problems import Problem, problem
from domain.records import RawReport
from extract.model import Document, Line, Word
from parsers.patterns import BULLET_START

# Tesseract's word confidence (0-100): body text of a clean scan reads at 90-97,
# a word below this is more likely misread than not
LOW_CONFIDENCE = 60.0
_AREA_PAGES = 2  # an area's score stands on its heading's page or the next


def low_confidence(document: Document, report: RawReport) -> list[Problem]:
    lines = {page.number: [line for line in page.lines if line.confidence is not None] for page in document.pages}
    if not any(lines.values()):
        return []
    problems = []
    for area in report.areas:
        if area.score is not None and area.page is not None:
            problems += _score_problems(area.area_no, area.score, area.page, lines)
        for finding in area.findings:
            weak = _weak_finding_line(finding.text, finding.page, lines)
            if weak is not None:
                problems.append(problem("ocr_low_confidence", f"Area {area.area_no}: the finding "
                                        f"\"{finding.text[:60]}\" was read by OCR with low confidence "
                                        f"({weak.confidence:.0f} %) at \"{weak.text[:40]}\".", weak.page))
    return problems


def _score_problems(area_no: int, score: int, page: int, lines: dict[int, list[Line]]) -> list[Problem]:
    printed = [(word.confidence, number) for number in range(page, page + _AREA_PAGES)
               for line in lines.get(number, []) for word in line.words
               if word.text == str(score) and word.confidence is not None]
    if not printed:
        return []
    confidence, number = max(printed)  # the number is the score wherever it is printed clearly
    if confidence >= LOW_CONFIDENCE:
        return []
    return [problem("ocr_low_confidence", f"Area {area_no}: the score {score} was read by OCR with low confidence "
                                          f"({confidence:.0f} %).", number)]


def _weak_finding_line(text: str, page: int | None, lines: dict[int, list[Line]]) -> Line | None:
    """The finding's least confident line, when one of its words is below the threshold."""
    if page is None:
        return None
    own = [line for number in (page, page + 1) for line in lines.get(number, [])
           if (part := BULLET_START.sub("", line.text).strip()) and len(part) >= 12 and part in text]
    weak = [line for line in own if any(_is_weak(word) for word in line.words)]
    return min(weak, key=lambda line: line.confidence or 0.0, default=None)  # an OCR'd line has a confidence


def _is_weak(word: Word) -> bool:
    """A word read with low confidence; bullets and punctuation, read with little, are not words."""
    return word.confidence is not None and word.confidence < LOW_CONFIDENCE and any(c.isalnum() for c in word.text)
