"""Which revision of the criteria a report was evaluated against, read from its content.

The strongest evidence is area 7's title wherever the report prints it
(heading or contents): "Verksamhetsutveckling" in 2.0, "Ständiga förbättringar"
in 2.1; the 2020 revision has areas of its own. Next come explicit mentions
("version 2.1", "(v.2.1)"). The report year alone is a guess, and said to be one.
"""
from __future__ import annotations

from collections import Counter

from domain.catalog import places_of_title
from domain.problems import Problem, problem
from domain.records import RawReport

_FIRST_YEAR = {"2.0": 2010, "2.1": 2016, "2020": 2020}


def _title_votes(report: RawReport) -> Counter[str]:
    """For each version, how many printed area titles fit it; titles shared by versions fit each."""
    votes: Counter[str] = Counter()
    for area_no, titles in report.named_areas.items():
        for title in titles:
            votes.update({version for version, number in places_of_title(title) if number == area_no})
    return votes


def detect_version(report: RawReport) -> tuple[str, list[Problem]]:
    ranked = _title_votes(report).most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], []
    mentions = Counter(m for m in report.version_mentions if m in _FIRST_YEAR).most_common(1)
    if mentions:
        return mentions[0][0], []
    if report.year is not None:
        version = max((v for v, first in _FIRST_YEAR.items() if first <= report.year),
                      key=_FIRST_YEAR.__getitem__, default="2.0")
        return version, [problem(
            "criteria_version_guessed",
            f"Nothing in the report tells its criteria version; {version} was assumed "
            f"from the year {report.year}.")]
    return "2.0", [problem(
        "criteria_version_guessed",
        "Neither the report's areas nor its year tell its criteria version; 2.0 was assumed.")]
