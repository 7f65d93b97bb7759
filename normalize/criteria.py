"""Which revision of the criteria a report was evaluated against, read from its content.

The strongest evidence is area 7's title wherever the report prints it
(heading or contents): "Verksamhetsutveckling" in 2.0, "Ständiga förbättringar"
in 2.1; the 2020 revision has areas of its own. Next come explicit mentions
("version 2.1", "(v.2.1)"). The report year alone is a guess, and said to be one.
"""
from __future__ import annotations

from collections import Counter

from domain.catalog import criteria_versions, first_year, places_of_title, version_of_year
from domain.problems import Problem, problem
from domain.records import RawReport


def _title_votes(report: RawReport) -> Counter[str]:
    """For each version, how many printed area titles fit it; titles shared by versions fit each."""
    votes: Counter[str] = Counter()
    for area_no, titles in report.named_areas.items():
        for title in titles:
            votes.update({version for version, number in places_of_title(title) if number == area_no})
    return votes


def detect_version(report: RawReport) -> tuple[str, list[Problem]]:
    """The version the titles fit best; where several fit as well, the one a mention or the year points to."""
    votes = _title_votes(report)
    best = max(votes.values(), default=0)
    fitting = {version for version, count in votes.items() if count == best} if best else set()
    original, revised = (v.criteria_version for v in criteria_versions()[:2])
    if report.year is not None and original in fitting and len(fitting) > 1:
        # the original criteria share every title with their 2010 revision: only the year tells them apart
        fitting = {original} if report.year < first_year(revised) else fitting - {original}
    mentions = Counter(m for m in report.version_mentions if m in fitting or not fitting).most_common(1)
    problems: list[Problem]
    if len(fitting) == 1:
        version, problems = fitting.pop(), []
    elif mentions:
        version, problems = mentions[0][0], []
    elif report.year is not None:
        in_force = version_of_year(report.year)
        candidates = sorted(fitting or {in_force}, key=first_year)
        version = next((v for v in reversed(candidates) if first_year(v) <= report.year), candidates[0])
        problems = [problem(
            "criteria_version_guessed",
            f"Nothing in the report tells its criteria version; {version} was assumed from the year {report.year}.")]
    else:
        version = max(fitting, key=first_year) if fitting else criteria_versions()[-1].criteria_version
        problems = [problem(
            "criteria_version_guessed",
            f"Neither the report's areas nor its year tell its criteria version; {version} was assumed.")]
    if version == original:
        problems.append(problem(
            "criteria_version_original",
            f"The report ({report.year}) predates the 2010 revision and follows the original criteria ({version}); "
            f"its scores are not comparable with those of later reports."))
    return version, problems
