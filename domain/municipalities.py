"""Municipality names as printed ("SOLLENTUNA", "Helsingborgs stad", "Upplands-Väsby")
resolved to SCB's names and codes (domain/data/municipalities.csv).

A name resolves when, with case, hyphens and spaces ignored, it is an SCB name,
the genitive of one, or a spelling listed in municipality_aliases.csv (misprints
seen in reports). Anything else stays unresolved: no code is guessed.
"""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex as re

_SUFFIX = re.compile(r"\s+(?:kommun|stad|kommuns|stads|municipality)$", re.I)
_NOT_LETTER = re.compile(r"[^\p{L}]")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str


def name_key(name: str) -> str:
    """A name as compared: case, spaces, hyphens and the suffix "kommun"/"stad" do not count."""
    name = _SUFFIX.sub("", name.strip())
    return _NOT_LETTER.sub("", name.casefold())


def _open(name: str):
    return resources.files("domain").joinpath("data").joinpath(name).open(encoding="utf-8")


@lru_cache(maxsize=None)
def _index() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    with _open("municipalities.csv") as handle:
        for row in csv.DictReader(handle):
            municipality = Municipality(row["municipality_code"], row["municipality_name"])
            index[name_key(municipality.name)] = municipality
    with _open("municipality_aliases.csv") as handle:
        for row in csv.DictReader(handle):
            index.setdefault(name_key(row["printed"]), next(
                m for m in index.values() if m.code == row["municipality_code"]))
    return index


@lru_cache(maxsize=None)
def counties() -> dict[str, str]:
    """SCB's county (län) name of every municipality code."""
    with _open("municipalities.csv") as handle:
        return {row["municipality_code"]: row["county_name"] for row in csv.DictReader(handle)}


def resolve(printed: str) -> Municipality | None:
    index = _index()
    key = name_key(printed)
    if key in index:
        return index[key]
    if key.endswith("s") and key[:-1] in index:  # genitive: "Sollentunas"
        return index[key[:-1]]
    return None


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
