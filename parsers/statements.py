"""Facts that the narrative states in words: when and how many times the municipality
was evaluated, its total, and the scores of its earlier evaluation.

Only explicit statements count: "var kommunens andra utvärdering", "genomfördes
i maj 2018", "från totalt 551 till 602", "jämfört med 2015 (65 poäng)". A score
in parentheses is a prior score only when its sentence names an earlier year or
the earlier evaluation, and not when it quotes an average or another
municipality's best result.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

import regex as re

from domain.catalog import AREA_MAX_SCORE, TOTAL_MAX_SCORE
from parsers.dates import MONTH, YEAR

ORDINALS = {"första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sjätte": 6, "sjunde": 7,
            "åttonde": 8}
_ORDINAL = "|".join(ORDINALS)
_EVALUATION_NUMBER = (
    # "var kommunens andra utvärdering", "är den tredje utvärderingen av Lerum", "var Lerums kommuns andra"
    re.compile(rf"\b(?:är|var)\s+(?:(?:kommunens|stadens|\p{{Lu}}[\w-]*s|dess|den)\s+){{1,2}}({_ORDINAL})"
               rf"\s+utvärdering", re.I),
    # "tredje gången som Sollentuna utvärderas", "fjärde gången som kommunen genomför Kommunkompassen"
    re.compile(rf"\b({_ORDINAL})\s+gången\s+(?:som\s+)?[\w-]+\s+(?:utvärderas|utvärderades|deltar|genomför"
               rf"|använder|gör)", re.I),
    # "har nu utvärderats för tredje gången" (not "utvärderades för första gången 2010": an earlier one)
    re.compile(rf"\b(?:utvärderas|har\s+(?:nu\s+)?utvärderats)\s+för\s+({_ORDINAL})\s+gången", re.I),
    re.compile(rf"\butvärderingen\s+är\s+(?:kommunens|stadens)\s+({_ORDINAL})\b", re.I),
)
_PERIOD = re.compile(
    rf"\b(?:genomfördes|gjordes|ägde\s+rum|skedde)\s+(?:under\s+)?(?:i\s+)?"
    rf"((?:(?:slutet|början|mitten)\s+av\s+)?(?:{MONTH})(?:\s*(?:[-–]|och|till)\s*(?:{MONTH}))?"
    rf"\s+(?:år\s+)?(?:19|20)\d\d)", re.I)
_CHART_TOTAL = re.compile(r"(?<![\d-])((?:19|20)\d\d)\s*[-–:]?\s*(\d{3})\s?p\b")
_FROM_TO_TOTAL = re.compile(r"\bfrån\s+(?:totalt\s+)?\d{3}\s+(?:poäng\s+)?till\s+(?:totalt\s+)?(\d{3})\b")
_TOTAL = (
    re.compile(r"\btotal(?:poäng(?:en)?|resultat(?:et)?|a\s+poäng(?:en)?)\s+(?:(?:19|20)\d\d\s+)?"
               r"(?:är\s+|blev\s+|var\s+|på\s+|om\s+|av\s+)?(\d{3})\b", re.I),
    # "totalt 602 poäng", "fick totalt/sammanlagt 498 poäng", "Totalt fick kommunen 602 poäng"
    re.compile(r"\b(?:totalt|sammanlagt|sammantaget)\s+(?:[\w-]+\s+){0,3}?(\d{3})\s+(?:poäng|p)\b", re.I),
    re.compile(rf"\b(\d{{3}})\s+poäng\s+(?:totalt|sammanlagt|av\s+{TOTAL_MAX_SCORE})\b"),
)
_PRIOR_TOTAL = re.compile(r"\bfrån\s+(?:totalt\s+)?(\d{3})\s+(?:poäng\s+)?till\s+(?:totalt\s+)?\d{3}\b")
_PREVIOUS_YEAR = (
    re.compile(r"\b(?:förra|föregående|tidigare|första|senaste)\s+(?:utvärdering\w*|kompass\w*|mätning\w*)"
               r"(?:\s+\S+){0,6}?\s+(?:år\s+)?((?:19|20)\d\d)(?![\d-])", re.I),
    re.compile(r"\b(?:den\s+förra|föregående)\s+(?:\S+\s+){0,2}?genomfördes\s+(?:\S+\s+){0,3}?((?:19|20)\d\d)\b", re.I),
    re.compile(r"\bjämfört\s+med\s+((?:19|20)\d\d)(?![\d-])", re.I),
    re.compile(r"\b(?:kompass|kommunkompass\w*)\s+(?:från\s+)?((?:19|20)\d\d)(?![\d-])", re.I),
)
_PARENTHESIZED_SCORE = re.compile(r"\((\d{1,3})\s*(?:poäng|p)\)")
_FROM_TO = re.compile(r"\bfrån\s+(\d{1,3})\s+(?:poäng\s+)?till\s+(\d{1,3})\s+poäng\b")
_NOT_OURS = re.compile(r"genomsnitt|\bsnitt|medel|median|toppresultat|högsta|bästa|lägsta|jämförbara kommuner",
                       re.I)
_EARLIER = re.compile(r"förra|föregående|tidigare|senaste|förut|redan|sist", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d(])")


class Stated(NamedTuple):
    """A value a text states, and where: the characters [start, end) of the statement that gives it."""

    value: Any
    span: tuple[int, int]


def sentences(text: str) -> list[str]:
    return _SENTENCE.split(text)


def _placed_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of `text`, each with the offset it starts at."""
    placed, start = [], 0
    for gap in _SENTENCE.finditer(text):
        placed.append((start, text[start:gap.start()]))
        start = gap.end()
    return [*placed, (start, text[start:])]


def _stated(value: Any, match: re.Match, group: int, offset: int = 0) -> Stated:
    return Stated(value, (offset + match.start(group), offset + match.end(group)))


def evaluation_number(text: str) -> int | None:
    found = evaluation_number_stated(text)
    return found.value if found else None


def evaluation_number_stated(text: str) -> Stated | None:
    for pattern in _EVALUATION_NUMBER:
        match = pattern.search(text)
        if match:
            return _stated(ORDINALS[match.group(1).lower()], match, 1)
    return None


def evaluation_period(text: str) -> str | None:
    found = evaluation_period_stated(text)
    return found.value if found else None


def evaluation_period_stated(text: str) -> Stated | None:
    match = _PERIOD.search(text)
    return _stated(re.sub(r"\s+", " ", match.group(1)), match, 1) if match else None


def stated_total(text: str, year: int | None) -> int | None:
    found = stated_total_stated(text, year)
    return found.value if found else None


def stated_total_stated(text: str, year: int | None) -> Stated | None:
    """The report's own total as the text states it; a sentence about an earlier evaluation does not count."""
    for match in _CHART_TOTAL.finditer(text):
        if year is None or int(match.group(1)) == year:
            total = _total(match.group(2))
            return _stated(total, match, 2) if total is not None else None
    match = _FROM_TO_TOTAL.search(text)
    if match and _total(match.group(1)) is not None:
        return _stated(int(match.group(1)), match, 1)
    for pattern in _TOTAL:
        for offset, sentence in _placed_sentences(text):
            match = pattern.search(sentence)
            # "Vid förra utvärderingen fick kommunen totalt 551 poäng" is the earlier total; "... 602 poäng,
            # jämfört med 2015 (551 poäng)" is this one: what comes before the number decides
            if match and _total(match.group(1)) is not None and not _about_earlier(sentence[:match.start(1)], year):
                return _stated(int(match.group(1)), match, 1, offset)
    return None


_AREA_SCORE = (
    re.compile(rf"\b(?:får|fick|erhåller|erhöll|uppnår|uppnådde|landar\s+på|hamnar\s+på)\s+(?:[\w-]+\s+){{0,3}}?"
               rf"(\d{{1,3}})\s+(?:poäng|p)\b(?!\s+(?:av|utav)\s+(?!{AREA_MAX_SCORE}\b))", re.I),
    re.compile(rf"\b(\d{{1,3}})\s+(?:poäng\s+)?(?:av|utav)\s+{AREA_MAX_SCORE}\s+(?:möjliga\s+)?poäng\b", re.I),
)


def area_score_statement(text: str, year: int | None) -> int | None:
    found = area_score_stated(text, year)
    return found.value if found else None


def area_score_stated(text: str, year: int | None) -> Stated | None:
    """An area's score as its text states it ("Området får 65 poäng"), where no score box gives it."""
    for pattern in _AREA_SCORE:
        for offset, sentence in _placed_sentences(text):
            match = pattern.search(sentence)
            if match and int(match.group(1)) <= AREA_MAX_SCORE and not _about_earlier(sentence[:match.start(1)], year):
                return _stated(int(match.group(1)), match, 1, offset)
    return None


def _about_earlier(text: str, year: int | None) -> bool:
    """Whether a text speaks of an earlier evaluation: it names an earlier year or says "förra", "tidigare"."""
    return bool(_EARLIER.search(text)) or any(year is not None and int(y) < year for y in YEAR.findall(text))


def _total(value: str) -> int | None:
    """A total a report can have: the maximum itself is the scale a sentence explains ("totalt 800 poäng")."""
    number = int(value)
    return number if number < TOTAL_MAX_SCORE else None


def previous_evaluation_year(text: str, year: int | None) -> int | None:
    """The year of the municipality's previous evaluation, as the text states it."""
    found: Counter[int] = Counter()
    for pattern in _PREVIOUS_YEAR:
        for match in pattern.finditer(text):
            candidate = int(match.group(1))
            if year is None or candidate < year:
                found[candidate] += 1
    return found.most_common(1)[0][0] if found else None


def prior_total(text: str) -> int | None:
    found = prior_total_stated(text)
    return found.value if found else None


def prior_total_stated(text: str) -> Stated | None:
    match = _PRIOR_TOTAL.search(text)
    total = _total(match.group(1)) if match else None
    return _stated(total, match, 1) if total is not None else None


def quoted_scores(text: str, year: int | None, previous_year: int | None,
                  current_score: int | None = None) -> list[tuple[int, int]]:
    """(year, score) of earlier evaluations that a passage quotes: "jämfört med 2015 (65 poäng)"."""
    return [found.value for found in quoted_scores_stated(text, year, previous_year, current_score)]


def quoted_scores_stated(text: str, year: int | None, previous_year: int | None,
                         current_score: int | None = None) -> list[Stated]:
    """(year, score) of earlier evaluations that a passage quotes, each with the span of its sentence."""
    found = []
    for offset, sentence in _placed_sentences(text):
        if _NOT_OURS.search(sentence):
            continue
        span = (offset, offset + len(sentence))
        for match in _PARENTHESIZED_SCORE.finditer(sentence):
            ref = _reference_year(sentence[:match.start()], year, previous_year)
            if ref is not None:
                found.append(Stated((ref, int(match.group(1))), span))
        for match in _FROM_TO.finditer(sentence):
            earlier, now = int(match.group(1)), int(match.group(2))
            if previous_year is not None and (current_score is None or now == current_score):
                found.append(Stated((previous_year, earlier), span))
    return found


def _reference_year(before: str, year: int | None, previous_year: int | None) -> int | None:
    years = [int(y) for y in YEAR.findall(before) if year is None or int(y) < year]
    if years:
        return years[-1]
    if previous_year is not None and _EARLIER.search(before):
        return previous_year
    return None
