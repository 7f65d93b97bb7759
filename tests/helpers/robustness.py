"""The robustness suite's cases and its one extraction per session.

Test modules register cases at import time (`cases(...)`); `extract_cases`
builds every registered case, then runs `kompass extract` as few times
as possible: each run holds at most one document per report id (the pipeline
keeps only one document of a report), so a case and the plain case it is
compared with are read in different runs. Expectations are the descriptions the
cases were built from (reportdesc.expected_tables), never results of a run.
The session fixture `robust` (conftest) calls `extract_cases` once.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex as re

from helpers.reportbuild import FORMATS, build
from helpers.reportdesc import observed_tables
from helpers.reportplan import Style

if TYPE_CHECKING:
    from helpers.runs import Run

# Columns that name the input file, or where in it a value stands, rather than what was read from it.
SOURCE_COLUMNS = ("source_path", "source_sha256", "bbox", "source_span")
PAGE_COLUMNS = ("page", "page_count")
REPORT_TABLES = ("reports", "areas", "rubrics", "findings", "sections", "subquestions", "prior_scores")


@dataclass(frozen=True)
class Case:
    name: str
    description: dict
    style: Style
    fmt: str
    # what the rendering suffers after it is built (a text layer that lies, bytes that are not UTF-8):
    # damage(built, target) writes the damaged file
    damage: Callable[[Path, Path], Path] | None = None

    @property
    def report_id(self) -> str:
        return self.description["id"]

    @property
    def file_name(self) -> str:
        return f"{self.name}{FORMATS[self.fmt]}"


CASES: dict[str, Case] = {}


PLAIN_STYLE = Style()
# every case is rendered in each of these (tests/reportbuild.FORMATS), unless it names its own
CASE_FORMATS = ("pdf", "flat", "transcript", "markdown")


def cases(name: str, description: dict, style: Style = PLAIN_STYLE, fmts: tuple[str, ...] = CASE_FORMATS,
          damage: Callable[[Path, Path], Path] | None = None, registry: dict[str, Case] = CASES) -> dict[str, str]:
    """Registers the case in each format (in `registry`, by default the suite's, which the `robust` fixture
    extracts); returns {fmt: case name}. The same name may be registered once only."""
    names = {}
    for fmt in fmts:
        case_name = f"{name}-{fmt}"
        assert case_name not in CASES and case_name not in registry, f"case {case_name} registered twice"
        registry[case_name] = Case(case_name, description, style, fmt, damage)
        names[fmt] = case_name
    return names


def _diff(got, want) -> str:
    if isinstance(want, dict):
        return "; ".join(f"{key}: got {got.get(key)!r}, want {value!r}" for key, value in want.items()
                         if got.get(key) != value)
    missing = [row for row in want if row not in got]
    extra = [row for row in got if row not in want]
    if not missing and not extra:
        return "same rows in another order"
    return f"{len(missing)} missing, e.g. {missing[:2]}; {len(extra)} unexpected, e.g. {extra[:2]}"


def assert_tables_equal(got: dict, want: dict, what: str) -> None:
    """Every table equal, else one message naming each table that differs and how."""
    wrong = [f"{name}: {_diff(got[name], want[name])}" for name in want if got[name] != want[name]]
    assert not wrong, f"{what}:\n  " + "\n  ".join(wrong)


def _flattened_findings(got: list[tuple], want: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Findings of a flattened table as (area, kind, text), where `unknown` stands for the described kind.

    Flattened text loses the table's columns, so an item the order of the text cannot place is honestly
    `unknown` (the scorer's half credit); a wrong kind still differs.
    """
    described = {(area, text): kind for area, kind, _, text in want}
    settled = sorted((area, described.get((area, text), kind) if kind == "unknown" else kind, text)
                     for area, kind, _, text in got)
    return settled, sorted((area, kind, text) for area, kind, _, text in want)


class Results:
    """What the runs published, per case."""

    def __init__(self, tables_by_case: dict[str, dict[str, list[dict]]], expected: dict[str, dict],
                 registry: dict[str, Case] = CASES):
        self.tables_by_case, self.expected_by_case, self.cases = tables_by_case, expected, registry

    def tables(self, name: str) -> dict[str, list[dict]]:
        return self.tables_by_case[name]

    def problems(self, name: str) -> list[dict]:
        return [row for row in self.tables(name)["problems"] if row["source_path"] == self.cases[name].file_name]

    def report_row(self, name: str) -> dict | None:
        rows = [row for row in self.tables(name)["reports"] if row["source_path"] == self.cases[name].file_name]
        return rows[0] if rows else None

    def observed(self, name: str) -> dict[str, list]:
        return observed_tables(self.tables(name), self.cases[name].report_id)

    def assert_expected(self, name: str, ignore: tuple[str, ...] = ()) -> None:
        """The published tables of the case are those of its description."""
        row = self.report_row(name)
        errors = [p["message"] for p in self.problems(name) if p["severity"] == "error"]
        assert row is not None and row["report_id"] == self.cases[name].report_id, (
            f"{name}: expected report {self.cases[name].report_id}, published "
            f"{row and row['report_id']}; errors: {errors}")
        got, want = self.observed(name), self.expected_by_case[name]
        for name_ in ignore:
            got.pop(name_), want.pop(name_)
        if self.cases[name].fmt in ("flat", "transcript"):
            got["findings"], want["findings"] = _flattened_findings(got["findings"], want["findings"])
        assert_tables_equal(got, want, name)

    def comparable(self, name: str, ignore_columns: tuple[str, ...]) -> dict[str, list]:
        """Every row of the report's tables and its problems, without the columns that may differ."""
        def strip(row: dict) -> dict:  # the report id is checked by assert_expected
            return {key: value for key, value in row.items()
                    if key not in ("report_id", *SOURCE_COLUMNS, *ignore_columns)}

        row = self.report_row(name)
        assert row is not None, f"{name}: no report published"
        report_id = row["report_id"]
        tables = {table: [strip(row) for row in self.tables(name)[table] if row["report_id"] == report_id]
                  for table in REPORT_TABLES}
        tables["problems"] = [strip(row) for row in self.problems(name)]
        return tables

    def assert_same_as(self, name: str, plain: str, ignore_columns: tuple[str, ...] = (),
                       ignore_tables: tuple[str, ...] = ()) -> None:
        """A wording-only variant publishes exactly what its plain case does (except where the input is named)."""
        assert self.cases[name].report_id == self.cases[plain].report_id
        got, want = self.comparable(name, ignore_columns), self.comparable(plain, ignore_columns)
        for table in ignore_tables:
            got.pop(table), want.pop(table)
        assert_tables_equal(got, want, f"{name} differs from {plain}")

    def assert_same_or_named(self, name: str, plain: str, ignore_columns: tuple[str, ...] = (),
                             ignore_tables: tuple[str, ...] = ()) -> None:
        """A variant read by OCR publishes what its plain case does, except rows of an area or a subquestion that
        one of its warnings names ("Område 2", "2.5:"); texts are compared as the scorer compares them (one kind
        of dash and quotation mark), as OCR reads "–" as "—"."""
        got, want = self.comparable(name, ignore_columns), self.comparable(plain, ignore_columns)
        for table in ignore_tables:
            got.pop(table), want.pop(table)
        warned = " ".join(row["message"] for row in got.pop("problems") if row["severity"] != "info")
        want.pop("problems")
        wrong = []
        for table in got:
            found, expected = [_as_scored(row) for row in got[table]], [_as_scored(row) for row in want[table]]
            differing = [*(row for row in expected if row not in found), *(row for row in found if row not in expected)]
            unnamed = [row for row in differing if not _warned_of(row, warned)]
            if unnamed:
                wrong.append(f"{table}: {unnamed[:3]}")
        assert not wrong, f"{name} differs from {plain} where no warning says so:\n  " + "\n  ".join(wrong)

    def assert_area_accounted_for(self, name: str) -> None:
        """Every area the document shows is in the areas table or named by an area_not_found problem."""
        report_id = self.cases[name].report_id
        found = {row["area_no"] for row in self.tables(name)["areas"] if row["report_id"] == report_id}
        named = " ".join(p["message"] for p in self.problems(name) if p["code"] == "area_not_found")
        lost = [area for area in self.cases[name].description["areas"]
                if area["area_no"] not in found and not _names(named, area)]
        assert not lost, f"{name}: areas neither published nor reported: {[a['area_no'] for a in lost]}"


_SCORED = str.maketrans({"”": '"', "“": '"', "„": '"', "’": "'", "‘": "'", "–": "-", "—": "-"})


def _as_scored(row: dict) -> dict:
    return {key: value.translate(_SCORED) if isinstance(value, str) else value for key, value in row.items()}


def _warned_of(row: dict, warned: str) -> bool:
    """Whether a warning names the row's subquestion ("2.5: the Procent cell ...") or its area ("Område 2")."""
    code = row.get("code")
    return bool(code and re.search(rf"(?<![\d.]){re.escape(code)}(?!\d)", warned)) or (
        row.get("area_no") is not None and f"Område {row['area_no']}" in warned)


def _names(message: str, area: dict) -> bool:
    """Whether a problem message names the area (by number or by title)."""
    return bool(re.search(rf"(?<![\d.]){area['area_no']}(?![\d.])", message)) or area["title"] in message


def extract_cases(root: Path, extract: Callable[..., Run], registry: dict[str, Case] = CASES) -> Results:
    """Builds every case of `registry` under `root` and extracts them: one run per slot of distinct report ids."""
    slot_of: dict[str, int] = {}
    seen: Counter[str] = Counter()
    expected = {}
    (root / "built").mkdir()
    for name, case in registry.items():
        slot_of[name] = seen[case.report_id]
        seen[case.report_id] += 1
        folder = root / f"slot{slot_of[name]}"
        folder.mkdir(exist_ok=True)
        built = root / "built" / case.file_name if case.damage else folder / case.file_name
        expected[name] = build(case.description, case.style, case.fmt, built)
        if case.damage:
            case.damage(built, folder / case.file_name)
    runs = {slot: extract(root / f"slot{slot}", out=root / f"out{slot}").tables
            for slot in sorted(set(slot_of.values()))}
    return Results({name: runs[slot] for name, slot in slot_of.items()}, expected, registry)
