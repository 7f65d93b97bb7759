"""`kompass show`: one published value of a report, where it is printed, and a picture of it there.

A value is named by its report and an area (its score), a subquestion code (its
achieved points) or a field of reports (the provenance table says where);
without one, every placed area score and metadata field of the report is listed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.encoding import decode
from kompass.crops import crop_png
from kompass.qa_dataset import load_dataset, source_file
from kompass.schema import PROVENANCE_FIELDS

Row = dict[str, Any]  # a published row: each column's type


class ShowError(Exception):
    """The value asked for is not in the dataset, or cannot be drawn: a usage error."""


@dataclass(frozen=True)
class Placed:
    """A published value and where it stands in its source."""

    what: str  # "area 3 score", "subquestion 1.2 achieved", "total_score"
    value: object
    row: Row  # the row with page, bbox and source_span
    source: Path | None  # the input file, where this machine still has it


def find_values(dataset: Path, report_id: str, area: int | None = None, code: str | None = None,
                field: str | None = None) -> list[Placed]:
    """The values asked for (all placed area scores and metadata when none is named); ShowError if one is not."""
    import pyarrow.parquet as pq

    if field is not None and field not in PROVENANCE_FIELDS:
        raise ShowError(f"--field must be one of {', '.join(PROVENANCE_FIELDS)}")
    loaded = load_dataset(dataset)
    report = next((row for row in loaded.reports if row["report_id"] == report_id), None)
    if report is None:
        raise ShowError(f"{dataset} has no report {report_id}")
    source = source_file(loaded, str(report["source_path"]))

    def rows(table: str) -> list[Row]:
        return [row for row in pq.read_table(dataset / f"{table}.parquet").to_pylist()
                if row["report_id"] == report_id]

    found: list[Placed] = []
    if area is not None or not (code or field):
        found += [Placed(f"area {row['area_no']} score", row["score"], row, source) for row in rows("areas")
                  if area is None or row["area_no"] == area]
    if code is not None:
        found += [Placed(f"subquestion {row['code']} achieved", row["achieved"], row, source)
                  for row in rows("subquestions") if row["code"] == code]
    if field is not None or not (area or code):
        found += [Placed(str(row["field"]), report[str(row["field"])], row, source) for row in rows("provenance")
                  if field is None or row["field"] == field]
    if not found:
        asked = f"area {area}" if area is not None else f"subquestion {code}" if code else field or "value"
        raise ShowError(f"{report_id} has no placed {asked} in {dataset}")
    return found


def describe(placed: Placed) -> str:
    """The value, its page and its box (or its characters in a text copy), in lines for a terminal."""
    row = placed.row
    lines = [f"{placed.what}: {_shown(placed.value)}"]
    where = [f"page {row['page']}"] if row["page"] is not None else []
    if row["bbox"] is not None:
        where.append("box [" + ", ".join(f"{value:.1f}" for value in row["bbox"]) + "] pt (x0, top, x1, bottom)")
    if row["source_span"] is not None:
        start, end = row["source_span"]
        where.append(f"characters {start}-{end}")
    lines.append("  " + ", ".join(where) if where else "  where it is printed is not known")
    if row["source_span"] is not None and placed.source is not None:
        start, end = row["source_span"]
        text = decode(placed.source.read_bytes())[0][start:end]  # the text the offsets count in
        lines.append(f"  \"{' '.join(text.split())[:200]}\"")
    return "\n".join(lines)


def write_crop(placed: Placed, png: Path) -> None:
    """The picture of the value on its page, written to `png`; ShowError where there is no box to draw."""
    row = placed.row
    if row["bbox"] is None or row["page"] is None:
        raise ShowError(f"{placed.what} has no box on a page (a text copy has none)")
    if placed.source is None or placed.source.suffix.lower() != ".pdf":
        raise ShowError(f"the source PDF of {placed.what} is not on this machine")
    png.write_bytes(crop_png(placed.source, int(row["page"]), row["bbox"]))


def _shown(value: object) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)
