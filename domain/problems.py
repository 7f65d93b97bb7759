"""Problems: what extraction and validation found wrong, and the one registry of their codes.

Every code a stage may raise is a row of domain/data/problem_codes.csv with its
severity and its meaning; a problem is made from its code, so a severity cannot
drift from the registry and an unregistered code fails at once. The registry is
published in the codebook and the data package.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from domain.datafiles import data_rows

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
STAGES = ("extract", "parse", "normalize", "validate", "run")


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str  # error, warning, info
    stage: str  # extract, parse, normalize, validate, run
    meaning: str


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    page: int | None = None


@lru_cache(maxsize=None)
def problem_codes() -> dict[str, ProblemCode]:
    return {row["code"]: ProblemCode(row["code"], row["severity"], row["stage"], row["meaning"])
            for row in data_rows("problem_codes.csv")}


def severity_of(code: str) -> str:
    try:
        return problem_codes()[code].severity
    except KeyError:
        raise KeyError(f"problem code {code!r} is not in domain/data/problem_codes.csv") from None


def problem(code: str, message: str, page: int | None = None) -> Problem:
    """A problem of a registered code, with the registry's severity."""
    return Problem(severity_of(code), code, message, page)
