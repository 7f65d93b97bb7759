"""Problems: what extraction and validation found wrong, and the one registry of their codes.

Every code a stage may raise is a row of domain/data/problem_codes.csv with its
severity and its meaning; a problem is made from its code, so a severity cannot
drift from the registry and an unregistered code fails at once. The registry is
published in the codebook and the data package. What the run does on a code
(cache it or not, count it against the run's environment, take it for a lost
page) is a column of the registry too, so no stage compares codes of its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from domain.datafiles import data_rows

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
STAGES = ("extract", "parse", "normalize", "validate", "run")
# in_cache: KEPT with its document's result; NEVER: a result with it is not cached (an OCR hang may not repeat, the
# run's environment is mended); DROPPED: the result is cached without it (a note about this run's cache)
KEPT, NEVER, DROPPED = "kept", "never", "dropped"
# environment: whether it says the run's environment, not the document, kept the document from being read:
# "no", ALWAYS, or IF_INSTALL_HINT when its message says how to install a program a reader needs
ALWAYS, IF_INSTALL_HINT = "always", "install_hint"
_CHOICES = {"severity": SEVERITIES, "stage": STAGES, "in_cache": (KEPT, NEVER, DROPPED),
            "environment": ("no", ALWAYS, IF_INSTALL_HINT), "page_lost": ("yes", "no")}


@dataclass(frozen=True)
class ProblemCode:
    code: str
    severity: str  # error, warning, info
    stage: str  # extract, parse, normalize, validate, run
    meaning: str
    in_cache: str  # KEPT, NEVER or DROPPED
    environment: str  # "no", ALWAYS or IF_INSTALL_HINT
    page_lost: bool  # the problem says a page of the source was left out


@dataclass(frozen=True)
class Problem:
    severity: str
    code: str
    message: str
    page: int | None = None


@cache
def problem_codes() -> dict[str, ProblemCode]:
    """The registry; raises ValueError for a row whose value is not one of its column's choices."""
    rows = data_rows("problem_codes.csv")
    for row in rows:
        wrong = [f"{column} {row[column]!r}" for column, choices in _CHOICES.items() if row[column] not in choices]
        if wrong:
            raise ValueError(f"problem_codes.csv, {row['code']}: {', '.join(wrong)} is not one of the column's values")
    return {row["code"]: ProblemCode(row["code"], row["severity"], row["stage"], row["meaning"], row["in_cache"],
                                     row["environment"], row["page_lost"] == "yes") for row in rows}


def code_of(problem: Problem) -> ProblemCode:
    """The registry's row of the problem's code."""
    return problem_codes()[problem.code]


def severity_of(code: str) -> str:
    try:
        return problem_codes()[code].severity
    except KeyError:
        raise KeyError(f"problem code {code!r} is not in domain/data/problem_codes.csv") from None


def problem(code: str, message: str, page: int | None = None) -> Problem:
    """A problem of a registered code, with the registry's severity."""
    return Problem(severity_of(code), code, message, page)
