"""The data files of domain/data, and the one strict reader of their CSV tables.

A CSV field that holds a comma must be quoted; one that is not is cut at the
comma, and csv.DictReader would file the rest away without a word. So a row
with more or fewer fields than its header is an error that names the file and
line, raised when the file is first read, never a value published cut short.
"""
from __future__ import annotations

import csv
from importlib import resources
from importlib.resources.abc import Traversable
from typing import IO


def data_file(name: str) -> Traversable:
    return resources.files("domain").joinpath("data").joinpath(name)


def read_rows(handle: IO[str], name: str) -> list[dict[str, str]]:
    """The rows of a CSV table; raises ValueError for a row whose fields are more or fewer than the header's."""
    reader = csv.DictReader(handle)
    rows = []
    for row in reader:
        # csv's marks of a field too many (under the key None) and of one too few (the value None)
        if None in row or None in row.values():
            fields = sum(value is not None for key, value in row.items() if key is not None) + len(row.get(None) or [])
            raise ValueError(f"{name}, line {reader.line_num}: {fields} fields, not the "
                             f"{len(reader.fieldnames or [])} of the header (a field with a comma must be quoted)")
        rows.append(row)
    return rows


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of the CSV table domain/data/<name>."""
    with data_file(name).open(encoding="utf-8") as handle:
        return read_rows(handle, name)
