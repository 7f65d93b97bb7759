"""The dataset's descriptions, generated from kompass.schema: datapackage.json, the codebook and the
metadata datasette shows beside a SQLite export.

All come from the same table definitions as the Parquet schemas (whose fields
carry the same descriptions), so they cannot disagree; `python -m
kompass.publication` regenerates docs/codebook.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa

from domain.problems import problem_codes
from kompass.schema import TABLES, Column, TableSchema, foreign_keys

_FIELD_TYPES = (
    (pa.types.is_string, "string"),
    (pa.types.is_integer, "integer"),
    (pa.types.is_floating, "number"),
    (pa.types.is_boolean, "boolean"),
    (pa.types.is_date, "date"),
    (pa.types.is_list, "array"),
)
# Frictionless reads Parquet through pandas: a list cell arrives as a numpy array, which its `array` type
# rejects, and a null integer as the float NaN. So in Parquet a list column is `any` and a nullable number
# column counts "nan" as missing; a CSV copy holds lists as JSON text, which `array` reads.
_LIST_TYPE_IN = {"parquet": "any", "csv": "array"}
_NAN = ["", "nan"]

LICENSES = [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
             "path": "https://creativecommons.org/licenses/by/4.0/"}]
TITLE = "KommunKompassen evaluation reports"
DESCRIPTION = ("Scores, findings and texts of SKL's KommunKompassen evaluations of Swedish municipalities, "
               "extracted by kompass.")
SOURCES = [{"title": "KommunKompassen evaluation reports of Sveriges Kommuner och Regioner (SKR, formerly SKL), "
                     "read by kompass; every report's file and SHA-256 are in reports.source_path and "
                     "reports.source_sha256"}]


def field_type(data_type: pa.DataType, file_format: str = "parquet") -> str:
    name = next(name for test, name in _FIELD_TYPES if test(data_type))
    return _LIST_TYPE_IN[file_format] if name == "array" else name


def _field(column: Column, file_format: str) -> dict:
    field: dict = {"name": column.name, "type": field_type(column.type, file_format),
                   "description": column.description}
    constraints: dict = {}
    if not column.nullable:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    if column.nullable and field["type"] in ("integer", "number") and file_format == "parquet":
        field["missingValues"] = _NAN
    if pa.types.is_list(column.type):
        field["description"] += " (A list of strings.)" if column.type.value_type == pa.string() \
            else " (A list of numbers.)"
    return field


def primary_key(table: TableSchema) -> list[str] | None:
    """The key, where every key column is required (a primary key may not hold nulls)."""
    nullable = {c.name for c in table.columns if c.nullable}
    return list(table.key) if not nullable & set(table.key) else None


def _resource(table: TableSchema, file_format: str) -> dict:
    schema: dict = {"fields": [_field(column, file_format) for column in table.columns]}
    key = primary_key(table)
    if key:
        schema["primaryKey"] = key
    references = foreign_keys(table)
    if references:
        schema["foreignKeys"] = [{"fields": ref.column, "reference": {"resource": ref.table, "fields": ref.target}}
                                 for ref in references]
    media = {"parquet": "application/vnd.apache.parquet", "csv": "text/csv"}[file_format]
    return {"name": table.name, "path": f"{table.name}.{file_format}", "format": file_format, "mediatype": media,
            "description": table.description, "schema": schema}


def datapackage(versions: dict[str, str], created: str, file_format: str = "parquet") -> dict:
    """The Frictionless descriptor of a dataset whose tables are `<table>.<file_format>` files."""
    return {
        "name": "kommunkompassen",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": versions.get("kompass.extractor_version", ""),
        "created": created,
        "licenses": LICENSES,
        "sources": SOURCES,
        "kompass": versions,
        "resources": [_resource(table, file_format) for table in TABLES],
    }


def datasette_metadata(database: str) -> dict:
    """datasette's metadata (`datasette FILE --metadata ...`) for the SQLite export whose file name without its
    suffix is `database`: every table's and column's description, the licence and the source."""
    tables = {table.name: {"description": table.description,
                           "columns": {column.name: column.description for column in table.columns}}
              for table in TABLES}
    return {"title": TITLE, "description": DESCRIPTION, "license": LICENSES[0]["name"],
            "license_url": LICENSES[0]["path"], "source": SOURCES[0]["title"],
            "databases": {database: {"tables": tables}}}


def _constraints(column: Column) -> str:
    parts = []
    if column.enum and column.name != "code":  # problem codes: the problem_codes table lists them
        parts.append("one of " + ", ".join(f"`{value}`" for value in column.enum))
    if column.minimum is not None:
        parts.append(f"{column.minimum}-{column.maximum}")
    return "; ".join(parts)


def codebook() -> str:
    lines = ["# Codebook", "",
             "Generated from `kompass/schema.py` and `domain/data/problem_codes.csv` by "
             "`python -m kompass.publication`; do not edit by hand. Every table is a Parquet file in the dataset "
             "directory, sorted by its key, and each of its columns carries the meaning given here in its Arrow field "
             "metadata (`description`); `datapackage.json` beside them describes the same tables for Frictionless "
             "tools.", ""]
    for table in TABLES:
        lines += [f"## {table.name}.parquet", "", table.description, "",
                  f"Key: {', '.join(table.key)}" + ("" if primary_key(table) else " (sorted by it; not a "
                                                                                  "primary key, as it may hold "
                                                                                  "nulls)"), "",
                  "| column | type | null | values | meaning |", "|---|---|---|---|---|"]
        lines += [f"| {c.name} | {c.type} | {'yes' if c.nullable else 'no'} | {_constraints(c)} | {c.description} |"
                  for c in table.columns]
        lines.append("")
    lines += ["## Problem codes", "", "Every code of problems.code (also the table problem_codes.parquet).", "",
              "| code | severity | stage | meaning |", "|---|---|---|---|"]
    lines += [f"| {c.code} | {c.severity} | {c.stage} | {c.meaning} |" for c in problem_codes().values()]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # a development command: regenerate the codebook
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/codebook.md")
    target.write_text(codebook(), encoding="utf-8")
    print(f"wrote {target}")
