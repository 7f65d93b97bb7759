"""The words that structure a KommunKompassen report, compiled into patterns.

The words themselves are data (domain/data/vocabulary.toml); this module turns
them into the patterns every layout family matches: numbered chapters, area
headings, the "Rubriker | Poäng" box, the findings headers, the "Uppnått | Max
| Procent" tables and appendix headings. Narrative can contain the same words
in lower case ("styrkor och förbättringsområden"), so headers are matched in the
capitalizations headings are printed in, never in lower case.
"""
from __future__ import annotations

import regex as re

from domain.catalog import AREA_NUMBERS, area_titles
from domain.vocabulary import vocabulary

UPPER = r"A-ZÅÄÖÉÜ"
# a municipality's name where a chapter title prints it: "Sollentuna kommun", "Upplands Väsby", "Region Gotland"
_NAME = rf"[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)?(?:\s+(?:kommun|stad|KOMMUN|STAD))?"


def _spaced(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


def printed_forms(words: list[str]) -> str:
    """An alternation of the words as headings print them: as written, Title Case and UPPER CASE."""
    forms: set[str] = set()
    for word in words:
        forms |= {word, word.upper(), word[:1].upper() + word[1:], word.title()}
    return "|".join(_spaced(form) for form in sorted(forms, key=len, reverse=True))


def any_case(words: list[str]) -> str:
    return "(?i:" + "|".join(_spaced(word) for word in sorted(words, key=len, reverse=True)) + ")"


_V = vocabulary()
AREA_DIGIT = f"[{AREA_NUMBERS[0]}-{AREA_NUMBERS[-1]}]"  # an area number, as the catalog counts them

# a header may end in a colon ("Styrkor:"), which belongs to the header
STRENGTH_HEADER = re.compile(rf"(?<![\w-])(?:{printed_forms(_V['findings']['strength'])})(?![\w-])(?:\s*:)?")
IMPROVEMENT_HEADER = re.compile(
    rf"(?<![\w-])(?:{printed_forms(_V['findings']['improvement'])})"
    rf"(?:\s*/?\s*(?:{printed_forms(_V['findings']['improvement_suffix'])}))?(?![\w-])(?:\s*:)?")

# "Område 3 Politisk ...", "OMRÅDE 3:", "Område 3 – ..."; or "3. Politisk styrning och kontroll" where the title
# is a known area title and what follows is no table cell (section 4 and appendix rows print the same).
_KNOWN_TITLE = "|".join(_spaced(title) for title in sorted(area_titles(), key=len, reverse=True))
AREA_HEADING = re.compile(
    rf"(?<![\w.])(?:(?:{printed_forms(_V['areas']['word'])})\s+(?P<no>{AREA_DIGIT})\b[.:]?\s*[–-]?\s*"
    rf"|(?P<no>{AREA_DIGIT})[.:]?\s+(?=(?i:{_KNOWN_TITLE})(?![\w-])(?!\s*(?:[,;]|\d|\.{{2,}}|…|(?i:uppnått)))))")
RUBRICS_WORD = re.compile(rf"(?<![\w-])(?:{printed_forms(_V['boxes']['rubrics'])})(?![\w-])")
POINTS_WORD = re.compile(rf"(?<![\w-])(?:{printed_forms(_V['boxes']['points'])})(?![\w-])")
SCORE_COLUMNS = re.compile(r"\s+".join(_V["boxes"]["score_columns"]), re.I)
SCORE_COLUMN_WORDS = tuple(_V["boxes"]["score_columns"])
TOTAL_LABEL = re.compile(rf"^\s*{any_case(_V['boxes']['total_row'])}\b")
GENERIC_HEADINGS = tuple(_V["sections"]["generic"])
SENTENCE_VERBS = frozenset(_V["sections"]["sentence_verbs"])
CONTENTS_WORD = re.compile(rf"(?<![\w-])(?:{printed_forms(_V['front']['contents'])})(?![\w-])")
COVER_WORDS = re.compile(rf"(?<!\w)(?:{printed_forms(_V['front']['cover'])})\.?(?!\w)")
EVALUATOR_LABEL = re.compile(rf"(?:{printed_forms(_V['front']['evaluator_label'])})\s*:?\s*")


def _chapter_titles(kind: str) -> list[str]:
    return [title.replace("NAME", _NAME) for title in _V["chapters"][kind]]


SECTION_TITLES = tuple(title for kind in ("summary", "areas", "scores", "facts") for title in _chapter_titles(kind))
SECTION_HEADING = re.compile(rf"(?<![\w.])([1-9])\.?\s+((?:{'|'.join(SECTION_TITLES)}))(?![\w-])")
SECTION_KIND = tuple((kind, re.compile("|".join(_chapter_titles(kind)), re.I)) for kind in ("scores", "facts", "areas"))

_APPENDIX_WORD = printed_forms(_V["appendix"]["word"])
_EARLIER = any_case(_V["appendix"]["earlier_evaluation"])
# "Bilaga 2: 2015 års Kommunkompass", "BILAGA", "Bilaga – Enkätsvar"; the words after it are its title.
APPENDIX_HEADING = re.compile(rf"(?<![\w-])(?:{_APPENDIX_WORD})(?:\s+\d+)?\s*[:–-]?\s*"
                              rf"(?:(?:19|20)\d\d\s+{_EARLIER}\w*\s*)?(?:[{UPPER}][\w-]*\s*){{0,4}}")
# A mention inside a sentence ("redovisas i Bilaga 2 till rapporten") goes on in lower case.
APPENDIX_MENTION = re.compile(rf"(?:{_APPENDIX_WORD})(?:\s+\d+)?\s+\p{{Ll}}")
EARLIER_EVALUATION = re.compile(rf"(?<!\d)((?:19|20)\d\d)\s+{_EARLIER}\w*")


def section_kind(title: str) -> str:
    """What a top-level section holds: areas, scores, facts, appendix or summary."""
    if re.match(rf"\s*(?:{_APPENDIX_WORD})(?![\w-])", title):
        return "appendix"
    for kind, pattern in SECTION_KIND:
        if pattern.search(title):
            return kind
    return "summary"


BULLETS = "•▪●◦‣∙·○■□➢➤►▸✓✔◆♦❖–—-*"
# Word's Symbol and Wingdings bullets come out as private-use characters (U+F0B7, U+F0A7, ...)
BULLET_START = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+|^\s*[•▪●◦‣∙○■□➢➤►▸✓✔◆♦❖\uf000-\uf0ff]\s*")
# A numbered list item ("1. Tydlig strategi", "2) ..."); only where a list is expected, as chapters print "1. ..."
ITEM_START = re.compile(rf"{BULLET_START.pattern}|^\s*\d{{1,2}}[.)]\s+")
SUBQUESTION_CODE = re.compile(rf"^({AREA_DIGIT})\.(\d{{1,2}})$")
# Whole table cells: a year column header ("2015") and a score (0-800).
YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
SCORE_CELL = re.compile(r"^\d{1,3}$")
# what a score cell may print after the number ("84 p", "84 p.", "84 poäng", "84/100"): the number is the score
SCORE_UNIT = re.compile(rf"\s*(?:(?:{printed_forms(_V['boxes']['score_units'])})(?!\w)|/\s*100(?!\d))")
SCORE_WITH_UNIT = re.compile(rf"^(\d{{1,3}})(?:{SCORE_UNIT.pattern})?$")


def cell_score(text: str) -> int | None:
    """The score a score cell prints, with or without its unit; None for any other text."""
    found = SCORE_WITH_UNIT.match(text.strip())
    return int(found.group(1)) if found else None


def is_area_heading(match: re.Match, last_area: int | None) -> bool:
    """Whether an AREA_HEADING match heads an area where it stands, after area `last_area`.

    "Område N" always does. A numbered title ("3. Politisk styrning och kontroll") is also
    how diagrams and lists print the areas, so it heads an area only as the next one in order.
    """
    if not match.group(0)[:1].isdigit():
        return True
    return int(match.group("no")) == (last_area or 0) + 1
