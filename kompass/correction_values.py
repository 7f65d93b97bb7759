"""What a correction may target, its values read by the column's type, and the columns that follow a corrected one.

The tables a correction may change, and the columns that name a row of them, come from the schema
(kompass.schema): every table whose key begins with report_id, the key's other columns naming the row. Columns
worked out from others, or saying how the source was read, are not corrected themselves.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from domain.catalog import AREA_NUMBERS
from domain.records import Row
from kompass.schema import BY_NAME, TABLES, Column
from normalize.rows import guessed_kind, percent_computed

KEY_SEPARATOR = ";"
# worked out after the corrections from the tables they are applied to
_BUILT_FROM_CORRECTED = ("scores",)
_PLACES = ("provenance",)  # where values were printed, not values
_FOLLOWS = "it is worked out from {}, which it follows when that is corrected"
_READ = "it says how the source was read, not what the report says"
_MAPPED = "the catalog's mapping gives it"
_PLACED = "it says where the value was printed, not what the report says"
_NOT_CORRECTED = {
    "percent_computed": _FOLLOWS.format("achieved and max"), "lemmas": _FOLLOWS.format("text"),
    "kind_guess": _FOLLOWS.format("text"), "kind_guess_reason": _FOLLOWS.format("text"),
    "area_id": _MAPPED, "comparison_group": _MAPPED, "question_id": _MAPPED,
    "criteria_version": "the catalog's mapping (area_id, comparison_group, question_id) is worked out from it",
    "source_path": _READ, "source_sha256": _READ, "source_format": _READ, "rendering": _READ, "reader": _READ,
    "extractor_version": _READ, "page": _PLACED, "bbox": _PLACED, "source_span": _PLACED, "kind_basis": _READ,
}


def correctable_tables() -> tuple[str, ...]:
    return tuple(table.name for table in TABLES
                 if table.key[0] == "report_id" and table.name not in (*_BUILT_FROM_CORRECTED, *_PLACES))


def key_columns(table: str) -> dict[str, Column]:
    """The columns besides report_id that name a row of `table`, in key order."""
    schema = BY_NAME[table]
    columns = {column.name: column for column in schema.columns}
    return {name: columns[name] for name in schema.key[1:]}


def target_column(table: str, field: str) -> Column:
    """The column a correction sets; ValueError when the table or the column cannot be corrected."""
    if table not in correctable_tables():
        raise ValueError(f"{table!r} is not a table corrections apply to ({', '.join(correctable_tables())})")
    schema = BY_NAME[table]
    column = next((column for column in schema.columns if column.name == field), None)
    if column is None:
        raise ValueError(f"{table} has no column {field!r}")
    if field in schema.key:
        raise ValueError(f"{table}.{field} names the row (the key is {', '.join(schema.key)}); a correction sets "
                         "another column of it")
    if field in _NOT_CORRECTED:
        raise ValueError(f"{table}.{field} is not corrected: {_NOT_CORRECTED[field]}")
    return column


def parse_value(column: Column, text: str) -> object:
    """The value `text` writes for `column`: empty is null where the column may hold nulls, a list is JSON;
    ValueError when it is not a value of the column's type and range."""
    kind = column.type
    if text == "" and (column.nullable or not pa.types.is_string(kind)):
        if column.nullable:
            return None
        raise ValueError(f"{column.name} may not be empty")
    value = _typed(kind, text, column.name)
    if column.enum and value not in column.enum:
        raise ValueError(f"{column.name} is one of {', '.join(column.enum)}, not {text!r}")
    if isinstance(value, int) and not isinstance(value, bool):
        low, high = _bounds(kind, column)
        if not low <= value <= high:
            raise ValueError(f"{column.name} is {low}-{high}, not {value}")
    return value


def _typed(kind: pa.DataType, text: str, name: str) -> object:
    try:
        if pa.types.is_integer(kind):
            return int(text.strip())
        if pa.types.is_floating(kind):
            value = float(text.strip())
            if not math.isfinite(value):
                raise ValueError
            return value
        if pa.types.is_boolean(kind):
            return {"true": True, "false": False}[text.strip().lower()]
        if pa.types.is_date(kind):
            return date.fromisoformat(text.strip())
        if pa.types.is_list(kind):
            value = json.loads(text)
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise ValueError
            return value
    except (ValueError, KeyError):
        raise ValueError(f"{text!r} is not {_type_words(kind)} for {name}") from None
    return text


def _type_words(kind: pa.DataType) -> str:
    return ("a whole number" if pa.types.is_integer(kind) else "a number" if pa.types.is_floating(kind)
            else "true or false" if pa.types.is_boolean(kind) else "a date (YYYY-MM-DD)" if pa.types.is_date(kind)
            else 'a JSON list of strings (["a", "b"])')


def _bounds(kind: pa.DataType, column: Column) -> tuple[int, int]:
    largest = 2 ** (kind.bit_width - 1) - 1
    return (column.minimum if column.minimum is not None else -largest - 1,
            column.maximum if column.maximum is not None else largest)


def shown_value(value: object) -> str:
    """A value as a corrections file writes it (parse_value reads it back)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass(frozen=True)
class CorrectionTarget:
    number: int  # the correction's, in the file
    table: str
    row: Row
    column: Column
    value: object


def set_and_follow(targets: list[CorrectionTarget], tables: dict[str, list[Row]]) -> dict[int, str]:
    """Sets the targets' values, and the columns worked out from them: a subquestion's percent_computed, a
    finding's lemmas and kind guess, and a report's total where it was the sum of its areas (and is not
    corrected itself). Says, by correction number, what followed."""
    summed = _summed_totals(tables)
    said: dict[int, str] = {}
    for target in targets:
        target.row[target.column.name] = target.value
        if target.table == "subquestions" and target.column.name in ("achieved", "max"):
            target.row["percent_computed"] = percent_computed(target.row["achieved"], target.row["max"])
        elif target.table == "findings" and target.column.name == "text":
            _follow_text(target.row)
    totals_corrected = {target.row["report_id"] for target in targets if target.column.name == "total_score"}
    area_targets = [target for target in targets if target.table == "areas"]
    for report_id in {target.row["report_id"] for target in area_targets} & summed.keys() - totals_corrected:
        report = summed[report_id]
        before, report["total_score"] = report["total_score"], sum(
            int(area["score"]) for area in tables["areas"] if area["report_id"] == report_id)
        for target in area_targets:
            if target.row["report_id"] == report_id:
                said[target.number] = f"; the total, their sum, followed: {before} became {report['total_score']}"
    return said


def _summed_totals(tables: dict[str, list[Row]]) -> dict[object, Row]:
    """The reports whose total is the sum of all their area scores, by report_id."""
    areas: dict[object, list[int]] = {}
    for area in tables.get("areas", []):
        areas.setdefault(area["report_id"], []).append(int(area["score"]))
    return {report["report_id"]: report for report in tables.get("reports", [])
            if len(scores := areas.get(report["report_id"], [])) == len(AREA_NUMBERS)
            and report["total_score"] == sum(scores)}


def _follow_text(finding: Row) -> None:
    from normalize.language import lemmas  # the lemma table: only when a finding's text is corrected

    finding["lemmas"] = lemmas([str(finding["text"])])[0]
    finding["kind_guess"], finding["kind_guess_reason"] = guessed_kind(str(finding["kind"]), str(finding["text"]))
