"""Municipality names as printed ("SOLLENTUNA", "Helsingborgs stad", "Upplands-Väsby",
"Region Gotland") resolved to SCB's names and codes (domain/data/municipalities.csv).

A name resolves when, with case, hyphens, spaces, the word "Region" and the
suffix "kommun"/"stad" ignored, it is an SCB name, the genitive of one, or a
spelling listed in municipality_aliases.csv (former names, misprints seen in
reports). Anything else stays unresolved: no code is guessed. The same closed
vocabulary finds the names that a text mentions (`find_names`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex as re

from domain.datafiles import data_rows

_SUFFIX = re.compile(r"\s+(?:kommun|stad|kommuns|stads|municipality)$", re.I)
_REGION = re.compile(r"^(?:region|regionen)\s+", re.I)
_NOT_LETTER = re.compile(r"[^\p{L}]")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str


def name_key(name: str) -> str:
    """A name as compared: case, spaces, hyphens and the suffix "kommun"/"stad" do not count."""
    name = _REGION.sub("", _SUFFIX.sub("", name.strip()))
    return _NOT_LETTER.sub("", name.casefold())


@cache
def _index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for row in data_rows("municipalities.csv"):
        municipality = Municipality(row["municipality_code"], row["municipality_name"])
        index[name_key(municipality.name)] = municipality
    for row in data_rows("municipality_aliases.csv"):
        index.setdefault(name_key(row["printed"]), next(
            m for m in index.values() if m.code == row["municipality_code"]))
    return index


@cache
def counties() -> dict[str, str]:
    """SCB's county (län) name of every municipality code."""
    return {row["municipality_code"]: row["county_name"] for row in data_rows("municipalities.csv")}


def resolve(printed: str) -> Municipality | None:
    index = _index()
    key = name_key(printed)
    if key in index:
        return index[key]
    if key.endswith("s") and key[:-1] in index:  # genitive: "Sollentunas"
        return index[key[:-1]]
    return None


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    municipality: Municipality
    text: str


@cache
def _name_pattern() -> re.Pattern:
    """Every SCB name and alias, parts joined by any space or hyphen, with an optional genitive s."""
    printed: set[str] = {m.name for m in _index().values()}
    printed |= {row["printed"] for row in data_rows("municipality_aliases.csv")}
    names = sorted(printed, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", name)) for name in names)
    return re.compile(rf"(?<![\p{{L}}-])(?:(?i:region)\s+)?(?i:{alternatives})(?i:s)?(?![\p{{L}}-])")


def prepare() -> None:
    """Compiles the names' pattern now (0.012 CPU s), e.g. before forking workers that will all need it."""
    _name_pattern()


def find_names(text: str) -> list[NameMention]:
    """The municipalities a text names, capitalized as names are ("Lerums", "UPPLANDS VÄSBY", "Region Gotland")."""
    found = []
    for match in _name_pattern().finditer(text):
        municipality = resolve(match.group(0))
        if municipality is not None and match.group(0)[0].isupper():
            found.append(NameMention(match.start(), match.end(), municipality, match.group(0)))
    return found


def display_name(printed: str) -> str:
    """An unresolved printed name in the case names are written in ("SOLLENTUNA" -> "Sollentuna")."""
    name = _SUFFIX.sub("", printed.strip())
    if name.isupper():
        name = "-".join(" ".join(w.capitalize() for w in part.split()) for part in name.split("-"))
    return name


def slug(name: str) -> str:
    """ASCII lower case with å/ä -> a, ö -> o and spaces as '-': "upplands-vasby"."""
    ascii_name = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")
