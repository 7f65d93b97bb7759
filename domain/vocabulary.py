"""The words of a KommunKompassen report and of Swedish that the stages match, as data (data/vocabulary.toml).

parsers.vocabulary compiles the report's words into patterns; the OCR stage
reads the abbreviations from here too, so each word is kept in one place.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache

from domain.datafiles import data_file


@lru_cache(maxsize=None)
def vocabulary() -> dict:
    with data_file("vocabulary.toml").open("rb") as handle:
        return tomllib.load(handle)
