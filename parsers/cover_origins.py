"""Where the cover prints what was read from it: the lines that hold the municipality, year, date and evaluators.

The cover is read as text (parsers.cover); its values are found again in its
lines, so that each can be shown where it is printed.
"""
from __future__ import annotations

import regex as re

from domain.origin import Origin, joined
from parsers.cover import Cover
from parsers.dates import find_dates


def cover_origins(lines: list[str], origins: list[Origin], cover: Cover) -> dict[str, Origin]:
    """The origin of each cover value found in the cover's lines, by field name."""
    if len(lines) != len(origins):
        return {}
    found: dict[str, Origin] = {}
    squeezed = [_squeezed(line) for line in lines]  # letter-spaced titles ("S O L L E N T U N A") read as words
    title = next((i for i, line in enumerate(squeezed) if cover.municipality
                  and _squeezed(cover.municipality) in line), None)
    if title is not None:
        found["municipality"] = origins[title]
    if cover.year is not None:
        year = re.compile(rf"(?<!\d){cover.year}(?!\d)")
        # the title's year: on the title line or after it
        after = [i for i, line in enumerate(squeezed) if year.search(line) and (title is None or i >= title)]
        if after:
            found["year"] = origins[after[0]]
    if cover.report_date is not None:
        dated = next((i for i, line in enumerate(lines) if cover.report_date in find_dates(line)), None)
        if dated is not None:
            found["report_date"] = origins[dated]
    people = [origins[i] for i, line in enumerate(squeezed)
              if any(_squeezed(person.split(",")[0]) in line for person in cover.evaluators)]
    evaluators = joined(people)
    if evaluators is not None:
        found["evaluators"] = evaluators
    return found


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()
