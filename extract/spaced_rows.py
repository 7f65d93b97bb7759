"""Table rows whose tab stops became runs of spaces (a text copy of a Word table).

A converter that turns tabs into spaces leaves a row's cells apart by a run of
spaces; a cell that holds a list starts at its "<ul". The rows are cut there,
each cell with the character offset it starts at, and kept as they were cut:
where a tab became a single space, or a row lacks a cell, only the report's
parsers can tell the columns (parsers.spaced_tables, by the header's words and
the offsets).
"""
from __future__ import annotations

import re

_GAP = re.compile(r" {2,}")
_LIST_START = re.compile(r"<ul\b", re.I)
# a run of spaces after a sentence's last word ("... i kommunen.  Det finns"): prose set with two spaces, no cell
# edge; after a number ("1.  Offentlighet och demokrati") it is one
_SENTENCE_GAP = re.compile(r"[^\W\d_][.!?:;,] {2,}[A-ZÅÄÖÉÜ]")


def spaced_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line with their character offsets: cut at each "<ul" and at runs of two or more spaces;
    a single cell for a line that has no cell edge."""
    starts = sorted({0, *(m.start() for m in _LIST_START.finditer(line)),
                     *(m.end() for m in _GAP.finditer(line) if not _SENTENCE_GAP.match(line, max(m.start() - 2, 0)))})
    cells = []
    for start, end in zip(starts, [*starts[1:], len(line)]):
        part = line[start:end]
        if part.strip():
            cells.append((start + len(part) - len(part.lstrip()), part.strip()))
    return cells


def is_spaced_row(line: str) -> bool:
    """Whether a line holds two or more cells set apart by spaces or list markup."""
    return len(spaced_cells(line)) >= 2
