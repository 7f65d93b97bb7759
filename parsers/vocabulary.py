"""The words that structure a KommunKompassen report, as patterns.

Every layout family recognizes the same landmarks: numbered report sections,
"Område N" headings, the "Rubriker | Poäng" box, the findings headers and the
"Uppnått | Max | Procent" tables. Narrative text can contain the same words in
lower case ("styrkor och förbättringsområden"), so headers are matched with
their printed capitalization.
"""
from __future__ import annotations

import regex as re

UPPER = r"A-ZÅÄÖÉÜ"

STRENGTH_HEADER = re.compile(r"(?<![\w-])(?:Styrkor|STYRKOR|Starka sidor|STARKA SIDOR)(?![\w-])")
IMPROVEMENT_HEADER = re.compile(
    r"(?<![\w-])(?:Förbättringsmöjligheter|Förbättringsområden|Utvecklingsområden|Svagheter"
    r"|FÖRBÄTTRINGSMÖJLIGHETER|FÖRBÄTTRINGSOMRÅDEN|UTVECKLINGSOMRÅDEN|SVAGHETER)"
    r"(?:\s*/?\s*(?:Svagheter|SVAGHETER))?(?![\w-])")

AREA_HEADING = re.compile(r"(?<![\w.])(?:Område|OMRÅDE)\s+([1-8])\b[.:]?\s*[–-]?\s*")
RUBRICS_WORD = re.compile(r"(?<![\w-])(?:Rubriker|RUBRIKER)(?![\w-])")
POINTS_WORD = re.compile(r"(?<![\w-])(?:Poäng|POÄNG)(?![\w-])")
SCORE_COLUMNS = re.compile(r"Uppnått\s+Max\s+Procent", re.I)
CONTENTS_WORD = re.compile(r"(?<![\w-])(?:Innehåll|Innehållsförteckning|INNEHÅLL)(?![\w-])")

# Titles of the report's numbered top-level sections, as they are printed.
SECTION_TITLES = (
    r"Vad är Kommunkompassen\s*\??",
    rf"[{UPPER}][\w-]*(?:\s+[\w-]+){{0,3}}\s+i förhållande till Kommunkompassen"
    r"(?:\s*:\s*(?:[Ee]n\s+)?sammanfattande genomgång)?",
    r"Detaljerad genomgång(?:\s+i förhållande till Kommunkompassens åtta områden|\s+per område"
    r"|\s+av områdena)?",
    r"Översikt av poängfördelning(?:en)?",
    rf"Kortfakta(?:\s+om\s+[{UPPER}][\w-]*(?:\s+(?:kommun|stad))?)?",
)
SECTION_HEADING = re.compile(rf"(?<![\w.])([1-9])\.?\s+((?:{'|'.join(SECTION_TITLES)}))(?![\w-])")
APPENDIX_HEADING = re.compile(rf"(?<![\w-])(?:Bilaga|BILAGA)(?:\s+\d+)?\s*[:–-]?\s*"
                              rf"(?:(?:19|20)\d\d\s+års\s+)?(?:[{UPPER}][\w-]*\s*){{0,4}}")

SECTION_KIND = (
    ("scores", re.compile(r"Översikt av poängfördelning", re.I)),
    ("facts", re.compile(r"Kortfakta", re.I)),
    ("areas", re.compile(r"Detaljerad genomgång", re.I)),
    ("appendix", re.compile(r"^\s*Bilaga", re.I)),
)


def section_kind(title: str) -> str:
    """What a top-level section holds: areas, scores, facts, appendix or summary."""
    for kind, pattern in SECTION_KIND:
        if pattern.search(title):
            return kind
    return "summary"


BULLETS = "•▪●◦‣∙·○■□➢➤►▸–—-*"
# Word's Symbol and Wingdings bullets come out as private-use characters (U+F0B7, U+F0A7, ...)
BULLET_START = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+|^\s*[•▪●◦‣∙○■□➢➤►▸\uf000-\uf0ff]\s*")
SUBQUESTION_CODE = re.compile(r"^([1-8])\.(\d{1,2})$")
# Whole table cells: a year column header ("2015") and a score (0-800).
YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
SCORE_CELL = re.compile(r"^\d{1,3}$")
