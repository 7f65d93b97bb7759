"""The criteria catalog: areas of every criteria version and their printed titles.

Data lives in domain/data/*.csv (see docs/catalog.md for where each entry
comes from); this module only loads and matches it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from domain.datafiles import data_file, data_rows

_NOT_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def title_key(text: str) -> str:
    """A title as compared: case, punctuation and dashes do not count."""
    return _SPACE.sub(" ", _NOT_WORD.sub("", text.casefold().replace("_", " "))).strip()


@dataclass(frozen=True)
class Area:
    criteria_version: str
    area_no: int
    area_id: str
    title: str
    comparison_group: str  # scores in the same group can be compared across versions
    continues: str | None  # the earlier version's area_id this area continues
    note: str


@dataclass(frozen=True)
class CriteriaVersion:
    criteria_version: str
    first_year: int  # the first year reports were evaluated against it
    area_count: int
    area_max_score: int
    note: str


@dataclass(frozen=True)
class Question:
    criteria_version: str
    code: str
    question_id: str
    max_points: int
    text: str


CATALOG_FILES = ("criteria_versions.csv", "areas.csv", "area_variants.csv", "questions.csv", "municipalities.csv",
                 "municipality_aliases.csv")


@cache
def catalog_version() -> str:
    """A digest of the catalog's data files: it changes whenever an entry does."""
    digest = hashlib.sha256()
    for name in CATALOG_FILES:
        digest.update(data_file(name).read_bytes())
    return digest.hexdigest()[:12]


@cache
def criteria_versions() -> tuple[CriteriaVersion, ...]:
    """The criteria versions, oldest first."""
    return tuple(sorted((CriteriaVersion(row["criteria_version"], int(row["first_year"]), int(row["area_count"]),
                                         int(row["area_max_score"]), row["note"])
                         for row in data_rows("criteria_versions.csv")), key=lambda v: v.first_year))


def version_of_year(year: int) -> str:
    """The criteria version in force in a year (the oldest one for years before any)."""
    versions = criteria_versions()
    return next((v for v in reversed(versions) if v.first_year <= year), versions[0]).criteria_version


def first_year(version: str) -> int:
    return next(v.first_year for v in criteria_versions() if v.criteria_version == version)


# Every version has eight areas of 100 points; the scores' ranges come from the data all the same.
AREA_NUMBERS: tuple[int, ...] = tuple(range(1, max(v.area_count for v in criteria_versions()) + 1))
AREA_MAX_SCORE: int = max(v.area_max_score for v in criteria_versions())
TOTAL_MAX_SCORE: int = AREA_MAX_SCORE * len(AREA_NUMBERS)


@cache
def questions() -> tuple[Question, ...]:
    return tuple(Question(r["criteria_version"], r["code"], r["question_id"], int(r["max_points"]), r["text"])
                 for r in data_rows("questions.csv"))


@cache
def areas() -> tuple[Area, ...]:
    return tuple(Area(row["criteria_version"], int(row["area_no"]), row["area_id"], row["title"],
                      row["comparison_group"], row["continues"] or None, row["note"]) for row in data_rows("areas.csv"))


@cache
def _titles_by_key() -> dict[str, frozenset[tuple[str, int]]]:
    """title key -> (criteria_version, area_no) of every area printed with that title."""
    table: dict[str, set[tuple[str, int]]] = {}
    for area in areas():
        table.setdefault(title_key(area.title), set()).add((area.criteria_version, area.area_no))
    for row in data_rows("area_variants.csv"):
        table.setdefault(title_key(row["title"]), set()).add((row["criteria_version"], int(row["area_no"])))
    return {key: frozenset(places) for key, places in table.items()}


def area_titles() -> tuple[str, ...]:
    """Every printed title of an area in the catalog, of any version."""
    return tuple(sorted({area.title for area in areas()} | {row["title"] for row in data_rows("area_variants.csv")}))


def places_of_title(title: str) -> frozenset[tuple[str, int]]:
    """(criteria_version, area_no) of the areas that a printed title can name."""
    return _titles_by_key().get(title_key(title), frozenset())


def area_numbers_for_title(title: str) -> set[int]:
    """The area numbers that a printed title has in any criteria version."""
    return {area_no for _, area_no in places_of_title(title)}


def area(version: str, area_no: int) -> Area:
    return next(a for a in areas() if a.criteria_version == version and a.area_no == area_no)


TOTAL = "total"  # the area_id of a total score where tables hold it beside the areas (the panel)


@cache
def total_comparison_groups() -> dict[str, str]:
    """criteria_version -> the comparison group of its total score.

    A total sums the eight areas, so it is comparable with the previous version's
    only where every area is: the group goes on while each area keeps its group,
    and a new one (`total/<version>`) starts where any area's changes.
    """
    groups: dict[str, str] = {}
    previous_version, previous_areas = "", None  # the oldest version starts a group
    for version in (v.criteria_version for v in criteria_versions()):
        own = {a.area_no: a.comparison_group for a in areas() if a.criteria_version == version}
        groups[version] = groups[previous_version] if own == previous_areas else f"{TOTAL}/{version}"
        previous_version, previous_areas = version, own
    return groups


def known_title_prefix(words: list[str]) -> int:
    """How many of `words` make up the longest known area title they start with (0: none)."""
    keys = _titles_by_key()
    best = 0
    for length in range(1, min(len(words), 12) + 1):
        if title_key(" ".join(words[:length])) in keys:
            best = length
    return best


def catalog_rows() -> dict[str, list[dict[str, object]]]:
    """The catalog as the rows of the published catalog tables."""
    return {
        "catalog_areas": [{"criteria_version": a.criteria_version, "area_no": a.area_no, "area_id": a.area_id,
                           "title": a.title, "comparison_group": a.comparison_group, "continues": a.continues,
                           "note": a.note or None} for a in areas()],
        "catalog_questions": [{"criteria_version": q.criteria_version, "code": q.code,
                               "area_no": int(q.code.split(".")[0]), "question_id": q.question_id,
                               "max_points": q.max_points, "text": q.text} for q in questions()],
    }
