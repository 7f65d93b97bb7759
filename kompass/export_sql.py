"""The SQL of the SQLite and DuckDB exports, from kompass.schema: the tables' columns, keys and descriptions.

Both exports declare the same constraints, written by one function that takes
the database's column types: NOT NULL where the schema says a column is
required, the key as PRIMARY KEY where no key column may be null (as in the
datapackage), and the references of kompass.schema.foreign_keys. SQLite holds
lists and dates as text; DuckDB keeps the Arrow types (lists as `x[]`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import pyarrow as pa

from kompass.publication import primary_key
from kompass.schema import BY_NAME, TableSchema, foreign_keys

# the Arrow types of kompass.schema (integers of 8 to 64 bits, floats, booleans, text, dates, lists of them)
_DUCKDB_TYPES = {
    pa.int8(): "TINYINT", pa.int16(): "SMALLINT", pa.int32(): "INTEGER", pa.int64(): "BIGINT",
    pa.float32(): "REAL", pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.string(): "VARCHAR", pa.date32(): "DATE",
}


def sqlite_type(data_type: pa.DataType) -> str:
    """SQLite's type affinity for an Arrow type: lists are written as JSON text and dates as ISO text."""
    if pa.types.is_integer(data_type) or pa.types.is_boolean(data_type):
        return "INTEGER"
    return "REAL" if pa.types.is_floating(data_type) else "TEXT"


def duckdb_type(data_type: pa.DataType) -> str:
    """DuckDB's type for an Arrow type of the schema; TypeError for one the schema does not use (yet)."""
    if pa.types.is_list(data_type):
        return duckdb_type(data_type.value_type) + "[]"
    try:
        return _DUCKDB_TYPES[data_type]
    except KeyError:
        raise TypeError(f"no DuckDB type for the Arrow type {data_type}: add it to kompass.export_sql") from None


def create_table(table: TableSchema, column_type: Callable[[pa.DataType], str]) -> str:
    """CREATE TABLE with the table's columns typed by `column_type`, NOT NULL, its primary and foreign keys."""
    parts = [f'"{c.name}" {column_type(c.type)}{"" if c.nullable else " NOT NULL"}' for c in table.columns]
    key = primary_key(table)
    if key:
        parts.append("PRIMARY KEY (" + ", ".join(f'"{name}"' for name in key) + ")")
    parts += [f'FOREIGN KEY ("{ref.column}") REFERENCES "{ref.table}" ("{ref.target}")' for ref in foreign_keys(table)]
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def insert_from(table: TableSchema, source: str) -> str:
    """INSERT of the table's columns, by name, from the relation `source` that holds them."""
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    return f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM "{source}"'


def comments(table: TableSchema) -> list[str]:
    """COMMENT ON the table and each of its columns, with the schema's descriptions (the codebook's words)."""
    return [f'COMMENT ON TABLE "{table.name}" IS {_text(table.description)}',
            *(f'COMMENT ON COLUMN "{table.name}"."{c.name}" IS {_text(c.description)}' for c in table.columns)]


def _text(value: str) -> str:
    """A string literal of SQL: COMMENT ON takes no parameters."""
    return "'" + value.replace("'", "''") + "'"


def in_reference_order(tables: Iterable[TableSchema]) -> list[TableSchema]:
    """The tables, each after the tables its foreign keys refer to, else in their order.

    DuckDB checks a foreign key when the table is created (the referenced
    table must exist, its referenced columns be its primary key, as reports'
    report_id and problem_codes' code are) and every row as it is inserted.
    """
    return sorted(tables, key=_depth)  # a stable sort: the schema's order among tables of the same depth


def _depth(table: TableSchema) -> int:
    """How many references lead from the table to one that refers to none (the schema has no cycle)."""
    return max((1 + _depth(BY_NAME[ref.table]) for ref in foreign_keys(table)), default=0)
