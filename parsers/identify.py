"""Which municipality and year a report is about, from every place that names them.

The cover's title is the first witness, but covers vary ("ANALYS AV UPPLANDS
VÄSBY 2011", "REGION GOTLAND 2012", "UTVÄRDERING AV LERUMS KOMMUN") and also
name the evaluators' employers. So the names are looked up in a closed
vocabulary (SCB's municipalities, their genitives, "Region Gotland" and former
names) wherever a report prints its own name: the cover, the chapters "<X> i
förhållande till Kommunkompassen" and "Kortfakta om <X>" in the contents and as
headings, and the running heads. The witnesses vote; where they disagree the
report says so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import regex as re

from domain.municipalities import find_names
from domain.problems import Problem, problem
from parsers.cover import Cover

_NAMED_CHAPTER = re.compile(r"i\s+förhållande\s+till\s+Kommunkompassen|(?<![\w-])(?:Kortfakta|Fakta)\s+om\s", re.I)

# How much each witness counts: the cover's title names the report, a chapter title names the
# municipality the report is about, a running head repeats one of them.
_COVER_TITLE, _CHAPTER, _RUNNING_HEAD = 3, 2, 1


@dataclass
class Identity:
    municipality: str | None  # as printed by the witness that won
    year: int | None
    problems: list[Problem] = field(default_factory=list)


def identify(cover: Cover, chapter_titles: list[str], running_heads: list[str]) -> Identity:
    votes: Counter[str] = Counter()
    printed: dict[str, str] = {}
    title = cover.title
    if title is not None:
        votes[title.municipality.code] += _COVER_TITLE
        printed[title.municipality.code] = title.text
    for text in chapter_titles:
        if _NAMED_CHAPTER.search(text):
            for mention in find_names(text):
                votes[mention.municipality.code] += _CHAPTER
                printed.setdefault(mention.municipality.code, mention.text)
    for code, text in {m.municipality.code: m.text for head in running_heads for m in find_names(head)}.items():
        votes[code] += _RUNNING_HEAD
        printed.setdefault(code, text)
    identity = Identity(None, cover.year)
    if not votes:
        return identity
    ranked = votes.most_common()
    winner = ranked[0][0]
    identity.municipality = printed[winner]
    if len(ranked) > 1:
        others = ", ".join(f"{printed[code]} ({count})" for code, count in ranked[1:])
        identity.problems.append(problem(
            "municipality_sources_disagree",
            f"The report's cover, chapter titles and running heads name different municipalities; "
            f"{printed[winner]} was named most often ({ranked[0][1]} votes; also {others}).", 1))
    return identity

