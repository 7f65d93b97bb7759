"""The words of a KommunKompassen report and of Swedish that the stages match, as data (data/vocabulary.toml).

parsers.patterns compiles the report's words into patterns; the OCR stage
reads the abbreviations from here too, so each word is kept in one place.
"""
from __future__ import annotations

import tomllib
from functools import cache

from domain.datafiles import data_file


@cache
def vocabulary() -> dict:
    with data_file("vocabulary.toml").open("rb") as handle:
        return tomllib.load(handle)
