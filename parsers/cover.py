"""The cover page: municipality, year, evaluators and date.

Covers print "KommunKompassen / ANALYS AV / <NAME> KOMMUN / <year>", then the
evaluators ("Name Surname, affiliation", sometimes after "Utvärderare:"), a date
and the publisher. A PDF keeps one evaluator per line; a flattened rendering
runs them together ("Anders Dryselius, Hylte kommun Josephine Härdin, konsult"),
so evaluators are also split where a new "Name Surname," begins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex as re

from parsers.dates import find_date

_COVER_WORDS = re.compile(
    r"(?<!\w)(?:Kommun[Kk]ompassen|KOMMUNKOMPASSEN|ANALYS\s+AV\.?|Analys\s+av\.?|RAPPORT|Rapport"
    r"|Sveriges\s+Kommuner\s+och\s+(?:Landsting|Regioner))(?!\w)")
_LABEL = re.compile(r"^\s*(?:Utvärderare|UTVÄRDERARE|Utvärderingsgrupp|Utvärderingsteam)\s*:?\s*")
_NAME_WORD = r"\p{Lu}[\p{L}'’-]*"
_MUNICIPALITY_YEAR = re.compile(
    rf"({_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,2}})\s+(?i:kommun|stad|kommuns|stads)\s+((?:19|20)\d\d)(?![\d-])")
_MUNICIPALITY = re.compile(rf"({_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,2}})\s+(?i:kommun|stad)\b")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")
_SEPARATOR = re.compile(r"\s+(?:och|OCH|samt|SAMT|&)\s+|\s*;\s*")
_DATE_TEXT = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+\p{L}+\s+(?:19|20)\d\d\b")
_INITIAL = re.compile(r"^\p{Lu}\.$")


@dataclass
class Cover:
    municipality: str | None = None
    year: int | None = None
    report_date: date | None = None
    evaluators: list[str] = field(default_factory=list)


def read_cover(lines: list[str]) -> Cover:
    cover = Cover()
    text = " ".join(lines)
    found = _MUNICIPALITY_YEAR.search(_COVER_WORDS.sub(" | ", text))
    if found:
        cover.municipality, cover.year = found.group(1), int(found.group(2))
    else:
        name = _MUNICIPALITY.search(_COVER_WORDS.sub(" | ", text))
        year = _YEAR.search(text)
        cover.municipality = name.group(1) if name else None
        cover.year = int(year.group(1)) if year else None
    cover.report_date = find_date(text)
    cover.evaluators = _evaluators(lines, cover)
    return cover


def _evaluators(lines: list[str], cover: Cover) -> list[str]:
    people: list[str] = []
    for line in lines:
        rest = _after_title(line, cover)
        rest = _DATE_TEXT.sub(" ", _COVER_WORDS.sub(" ", _LABEL.sub("", rest)))
        rest = re.sub(r"\s+", " ", rest).strip(" :|,")
        if not rest:
            continue
        for part in _SEPARATOR.split(rest):
            people.extend(split_people(part.strip(" ,")))
    return [person for person in people if _looks_like_person(person)]


def _after_title(line: str, cover: Cover) -> str:
    """The part of a cover line after the municipality and year (the whole line if neither is on it)."""
    if cover.year is not None:
        year = re.search(rf"(?<![\d-]){cover.year}(?![\d-])", line)
        if year and cover.municipality and cover.municipality.casefold() in line[:year.start()].casefold():
            return line[year.end():]
    if cover.municipality and re.search(rf"{re.escape(cover.municipality)}\s+(?i:kommun|stad)", line):
        return ""
    if cover.year is not None and line.strip() == str(cover.year):
        return ""
    return line


def split_people(text: str) -> list[str]:
    """ "A B, x C D, y z" -> ["A B, x", "C D, y z"]: a new person starts two words before a comma."""
    tokens = text.split()
    commas = [i for i, token in enumerate(tokens) if token.endswith(",")]
    if len(commas) < 2:
        return [text] if text else []
    starts = [0]
    for comma in commas[1:]:
        start = comma - 1
        while start - 1 > starts[-1] and _INITIAL.match(tokens[start - 1]):
            start -= 1
        if start <= commas[commas.index(comma) - 1]:
            continue
        starts.append(start)
    return [" ".join(tokens[a:b]) for a, b in zip(starts, [*starts[1:], len(tokens)])]


def _looks_like_person(text: str) -> bool:
    name = text.split(",")[0].split()
    return 1 < len(name) <= 5 and all(word[0].isupper() for word in name)
