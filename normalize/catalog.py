"""The criteria catalog: areas of every criteria version and their printed titles.

Data lives in normalize/data/*.csv (see docs/catalog.md for where each entry
comes from); this module only loads and matches it.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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


CATALOG_FILES = ("areas.csv", "area_variants.csv", "questions.csv", "municipalities.csv",
                 "municipality_aliases.csv")


@lru_cache(maxsize=None)
def catalog_version() -> str:
    """A digest of the catalog's data files: it changes whenever an entry does."""
    digest = hashlib.sha256()
    for name in CATALOG_FILES:
        digest.update(resources.files("normalize").joinpath("data").joinpath(name).read_bytes())
    return digest.hexdigest()[:12]


def _rows(name: str) -> list[dict[str, str]]:
    with resources.files("normalize").joinpath("data").joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=None)
def areas() -> tuple[Area, ...]:
    return tuple(Area(row["criteria_version"], int(row["area_no"]), row["area_id"], row["title"],
                      row["comparison_group"], row["continues"] or None, row["note"]) for row in _rows("areas.csv"))


@lru_cache(maxsize=None)
def _titles_by_key() -> dict[str, frozenset[tuple[str, int]]]:
    """title key -> (criteria_version, area_no) of every area printed with that title."""
    table: dict[str, set[tuple[str, int]]] = {}
    for area in areas():
        table.setdefault(title_key(area.title), set()).add((area.criteria_version, area.area_no))
    for row in _rows("area_variants.csv"):
        table.setdefault(title_key(row["title"]), set()).add((row["criteria_version"], int(row["area_no"])))
    return {key: frozenset(places) for key, places in table.items()}


def places_of_title(title: str) -> frozenset[tuple[str, int]]:
    """(criteria_version, area_no) of the areas that a printed title can name."""
    return _titles_by_key().get(title_key(title), frozenset())


def area_numbers_for_title(title: str) -> set[int]:
    """The area numbers that a printed title has in any criteria version."""
    return {area_no for _, area_no in places_of_title(title)}


def area(version: str, area_no: int) -> Area:
    return next(a for a in areas() if a.criteria_version == version and a.area_no == area_no)


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
    from normalize.questions import questions

    return {
        "catalog_areas": [{"criteria_version": a.criteria_version, "area_no": a.area_no, "area_id": a.area_id,
                           "title": a.title, "comparison_group": a.comparison_group, "continues": a.continues,
                           "note": a.note or None} for a in areas()],
        "catalog_questions": [{"criteria_version": q.criteria_version, "code": q.code,
                               "area_no": int(q.code.split(".")[0]), "question_id": q.question_id,
                               "max_points": q.max_points, "text": q.text} for q in questions()],
    }
