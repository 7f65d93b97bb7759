"""The dataset's descriptions, generated from kompass.schema: datapackage.json and the codebook.

Both come from the same table definitions as the Parquet schemas, so the three
cannot disagree; `kompass codebook` regenerates docs/codebook.md.
"""
from __future__ import annotations

import pyarrow as pa

from kompass.schema import TABLES, Column, TableSchema

_FIELD_TYPES = (
    (pa.types.is_string, "string"),
    (pa.types.is_integer, "integer"),
    (pa.types.is_floating, "number"),
    (pa.types.is_boolean, "boolean"),
    (pa.types.is_date, "date"),
    (pa.types.is_list, "array"),
)


def field_type(data_type: pa.DataType) -> str:
    return next(name for test, name in _FIELD_TYPES if test(data_type))


def _field(column: Column) -> dict:
    field = {"name": column.name, "type": field_type(column.type), "description": column.description}
    if not column.nullable:
        field["constraints"] = {"required": True}
    return field


def _primary_key(table: TableSchema) -> list[str] | None:
    """The key, where every key column is required (a primary key may not hold nulls)."""
    nullable = {c.name for c in table.columns if c.nullable}
    return list(table.key) if not nullable & set(table.key) else None


def _resource(table: TableSchema) -> dict:
    schema: dict = {"fields": [_field(column) for column in table.columns]}
    key = _primary_key(table)
    if key:
        schema["primaryKey"] = key
    if "report_id" in {c.name for c in table.columns} and table.name not in ("reports", "panel", "problems"):
        schema["foreignKeys"] = [{"fields": "report_id", "reference": {"resource": "reports", "fields": "report_id"}}]
    return {"name": table.name, "path": f"{table.name}.parquet", "format": "parquet",
            "mediatype": "application/vnd.apache.parquet", "description": table.description, "schema": schema}


def datapackage(versions: dict[str, str]) -> dict:
    return {
        "name": "kommunkompassen",
        "title": "KommunKompassen evaluation reports",
        "description": "Scores, findings and texts of SKL's KommunKompassen evaluations of Swedish "
                       "municipalities, extracted by kompass.",
        "version": versions.get("kompass.extractor_version", ""),
        "kompass": versions,
        "resources": [_resource(table) for table in TABLES],
    }


def codebook() -> str:
    lines = ["# Codebook", "",
             "Generated from `kompass/schema.py` by `kompass codebook`; do not edit by hand. Every table is a "
             "Parquet file in the dataset directory, sorted by its key; `datapackage.json` beside them describes "
             "the same tables for Frictionless tools.", ""]
    for table in TABLES:
        lines += [f"## {table.name}.parquet", "", table.description, "",
                  f"Key: {', '.join(table.key)}" + ("" if _primary_key(table) else " (sorted by it; not a "
                                                                                   "primary key, as it may hold "
                                                                                   "nulls)"), "",
                  "| column | type | null | meaning |", "|---|---|---|---|"]
        lines += [f"| {c.name} | {c.type} | {'yes' if c.nullable else 'no'} | {c.description} |"
                  for c in table.columns]
        lines.append("")
    return "\n".join(lines)
