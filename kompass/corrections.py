"""Corrections a researcher writes once: values to set in the published tables, each written against the value
the extraction gave.

A corrections file (`kompass extract --corrections FILE`) is a CSV with the columns
report_id, table, key, field, old, new and reason. A row names a cell by its report, its table, the rest of the
table's key (`area_no=3`, `area_no=2;kind=strength;position=4`, `code=1.2`; empty for `reports`) and its column.
It is applied only where the cell still holds `old`: a correction written against one extraction is never applied
to what another one reads, it is reported `stale`. Every row gets its status in corrections.parquet and a problem,
so no correction is applied or dropped without a word.

Corrections are applied in the run, on the merged tables of the reports, after the cache: the cache keeps what
the documents give, so a changed corrections file is applied again without reading a document. The panel and
the wide scores are built after them and follow; so do the columns worked out from a corrected one
(kompass.correction_values.set_and_follow).
"""
from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from domain.datafiles import read_rows
from domain.problems import Problem, problem
from domain.records import Row
from kompass.correction_values import (
    KEY_SEPARATOR,
    CorrectionTarget,
    correctable_tables,
    key_columns,
    parse_value,
    set_and_follow,
    shown_value,
    target_column,
)
from kompass.schema import CORRECTION_STATUSES

CORRECTION_COLUMNS = ("report_id", "table", "key", "field", "old", "new", "reason")
APPLIED, STALE, TARGET_MISSING, INVALID = CORRECTION_STATUSES
_CODES = {APPLIED: "correction_applied", STALE: "correction_stale", TARGET_MISSING: "correction_target_missing",
          INVALID: "correction_invalid"}


class CorrectionsError(ValueError):
    """The corrections file cannot be used at all (missing, not UTF-8, not the CSV of corrections): the run does
    not start."""


@dataclass(frozen=True)
class Corrections:
    path: str  # as the user gave it: problems and the run log name it so
    sha256: str  # of the file's bytes, in the run log: which corrections a dataset holds
    rows: tuple[dict[str, str], ...]


def read_corrections(path: Path) -> Corrections:
    """The corrections in `path`; CorrectionsError with one sentence when the file is not a corrections CSV."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorrectionsError(f"cannot read the corrections file {path}: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")  # a spreadsheet's UTF-8 export starts with a byte-order mark
    except UnicodeDecodeError:
        raise CorrectionsError(f"the corrections file {path} is not UTF-8 text") from None
    header = next(csv.reader(io.StringIO(text)), [])
    if [name.strip() for name in header] != list(CORRECTION_COLUMNS):
        found = f"it begins with {','.join(header)!r}" if header else "it is empty"
        raise CorrectionsError(f"the corrections file {path} must begin with the comma-separated header "
                               f"{','.join(CORRECTION_COLUMNS)} ({found})")
    try:
        rows = read_rows(io.StringIO(text), str(path))
    except (ValueError, csv.Error) as error:
        raise CorrectionsError(f"the corrections file cannot be read: {error}") from None
    return Corrections(str(path), hashlib.sha256(data).hexdigest(),
                       tuple({name.strip(): value for name, value in row.items()} for row in rows))


@dataclass
class CorrectionOutcome:
    rows: list[Row]  # corrections.parquet
    problems: list[tuple[str, str | None, Problem]]  # source_path, report_id, problem

    def counts(self) -> dict[str, int]:
        statuses = Counter(str(row["status"]) for row in self.rows)
        return {status: statuses[status] for status in CORRECTION_STATUSES}


def apply_corrections(corrections: Corrections, tables: dict[str, list[Row]]) -> CorrectionOutcome:
    """Sets every correction that still fits in `tables` (changed in place) and says what became of each.

    Each is checked against the values as extracted, before any correction: two corrections of one cell are
    one too many, and the order of the file does not matter.
    """
    for name in correctable_tables():  # copies: the documents' results keep what they extracted
        tables[name] = [dict(row) for row in tables.get(name, [])]
    reports = {str(row["report_id"]): row for row in tables["reports"]}
    outcome = CorrectionOutcome([], [])
    planned: dict[tuple[str, int, str], CorrectionTarget] = {}
    for number, correction in enumerate(corrections.rows, start=1):
        status, detail, before, target = _check(number, correction, tables, reports)
        if target is not None:
            cell = (target.table, id(target.row), target.column.name)
            if cell in planned:
                status, detail, before = INVALID, f"correction {planned[cell].number} corrects the same value", None
            else:
                planned[cell] = target
        outcome.rows.append({"correction_no": number, **{name: correction[name] for name in CORRECTION_COLUMNS},
                             "status": status, "value_before": before, "detail": detail})
    followed = set_and_follow(list(planned.values()), tables)
    for row in outcome.rows:
        report = reports.get(str(row["report_id"]))
        row["detail"] = str(row["detail"]) + followed.get(int(row["correction_no"]), "")
        outcome.problems.append((str(report["source_path"]) if report else corrections.path,
                                 str(row["report_id"]) if report else None,
                                 problem(_CODES[str(row["status"])], _message(corrections.path, row))))
    return outcome


def _check(number: int, correction: dict[str, str], tables: dict[str, list[Row]], reports: dict[str, Row]
           ) -> tuple[str, str, str | None, CorrectionTarget | None]:
    """(status, detail, the value before as text, the cell to set when the correction applies)."""
    table, field = correction["table"].strip(), correction["field"].strip()
    try:
        column = target_column(table, field)
        key = _parsed_key(table, correction["key"])
        old, new = parse_value(column, correction["old"]), parse_value(column, correction["new"])
    except ValueError as error:
        return INVALID, str(error), None, None
    report_id = correction["report_id"].strip()
    if report_id not in reports:
        return TARGET_MISSING, f"the dataset has no report {report_id!r}", None, None
    matches = [row for row in tables.get(table, []) if row["report_id"] == report_id
               and all(row[name] == value for name, value in key.items())]
    if not matches:
        return TARGET_MISSING, f"{report_id} has no row of {table} with {correction['key'].strip()}", None, None
    row = matches[0]
    before = shown_value(row[field])
    if row[field] != old:
        again = " (its new value: the extraction now gives what the correction sets)" if row[field] == new else ""
        return STALE, f"the extraction gives {_said(row[field])}, not {_said(old)}{again}", before, None
    return APPLIED, f"{_said(old)} became {_said(new)}", before, CorrectionTarget(number, table, row, column, new)


def _said(value: object) -> str:
    return "null" if value is None else repr(shown_value(value))


def _parsed_key(table: str, text: str) -> dict[str, object]:
    """The key columns a correction's `key` names, with values of their types; ValueError unless it names every
    one of the table's key columns besides report_id, each once."""
    wanted = key_columns(table)
    parts = [part.strip() for part in text.split(KEY_SEPARATOR) if part.strip()]
    key: dict[str, object] = {}
    for part in parts:
        name, equals, value = part.partition("=")
        name = name.strip()
        if not equals or name not in wanted or name in key:
            break
        key[name] = parse_value(wanted[name], value.strip())
    else:
        if set(key) == set(wanted):
            return key
    needed = KEY_SEPARATOR.join(f"{name}=…" for name in wanted) or "nothing (an empty key)"
    raise ValueError(f"the key of a {table} row is {needed}, not {text.strip()!r}")


def _message(path: str, row: Row) -> str:
    where = f"{row['table']} {row['key']} {row['field']}".replace("  ", " ")
    said = {APPLIED: "was applied", STALE: "is stale and was not applied",
            TARGET_MISSING: "has no target and was not applied", INVALID: "is invalid and was not applied"}
    return (f"Correction {row['correction_no']} of {path} ({row['report_id']}: {where}) {said[str(row['status'])]}: "
            f"{row['detail']}.")
