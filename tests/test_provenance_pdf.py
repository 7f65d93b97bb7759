"""On the PDF fixtures every placed row has a page and a box, and poppler's text of the box holds the value."""
from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

import pytest
import regex as re

from helpers.paths import PDF_DIR
from helpers.tools import require_tool
from parsers.statements import ORDINALS

pytestmark = pytest.mark.slow  # reads the PDF fixtures and poppler's text of each box

SHARE = 0.98  # of a table's rows whose box holds the value
_ORDINAL_OF = {number: word for word, number in ORDINALS.items()}


def _first_words(text: str) -> str:
    """A text's first words: an item that runs onto the next page has only these in the box on its first."""
    return " ".join(text.split()[:3])


VALUE_OF = {
    "areas": lambda row: row["score"],
    "subquestions": lambda row: row["achieved"],
    "findings": lambda row: _first_words(row["text"]),
    "rubrics": lambda row: _first_words(row["text"]),
    "sections": lambda row: row["heading"] or _first_words(row["text"]),
    "prior_scores": lambda row: row["score"],
}


def _metadata_value(field: str, report: dict, area_7_title: str | None) -> object:
    value = report[field]
    return {"evaluators": lambda: value[0].split(",")[0], "report_date": lambda: value.year,
            "evaluation_number": lambda: _ORDINAL_OF[value], "criteria_version": lambda: area_7_title,
            }.get(field, lambda: value)()


def _squeezed(text: object) -> str:
    """Letters and digits only, in one case: hyphenation, bullets and line breaks do not count."""
    return re.sub(r"[\W_]+", "", str(text)).casefold()


@cache
def _box_text(pdf: Path, page: int, box: tuple[float, ...]) -> str:
    """`pdftotext -x -y -W -H` of the box, widened by a point each way for rounding."""
    x0, top, x1, bottom = box
    command = [require_tool("pdftotext", "apt-get install poppler-utils"), "-f", str(page), "-l", str(page),
               "-x", str(int(x0) - 1), "-y", str(int(top) - 1), "-W", str(int(x1 - x0) + 3),
               "-H", str(int(bottom - top) + 3), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _rows_with_values(tables: dict, table: str) -> list[tuple[dict, object]]:
    if table != "provenance":
        return [(row, VALUE_OF[table](row)) for row in tables[table]]
    reports = {row["report_id"]: row for row in tables["reports"]}
    titles = {row["report_id"]: row["title"] for row in tables["areas"] if row["area_no"] == 7}
    return [(row, _metadata_value(row["field"], reports[row["report_id"]], titles.get(row["report_id"])))
            for row in tables["provenance"]]


@pytest.mark.parametrize("group", ["a", "b"])
@pytest.mark.parametrize("table", [*VALUE_OF, "provenance"])
def test_every_row_has_a_box_whose_text_holds_its_value(pdf_extracted, group, table):
    tables = pdf_extracted(group).tables
    sources = {row["report_id"]: PDF_DIR / group / row["source_path"] for row in tables["reports"]}
    rows = _rows_with_values(tables, table)
    assert rows
    assert all(row["page"] is not None and row["bbox"] is not None and len(row["bbox"]) == 4 for row, _ in rows)
    held = [_squeezed(value) in _squeezed(_box_text(sources[row["report_id"]], row["page"], tuple(row["bbox"])))
            for row, value in rows]
    assert sum(held) >= SHARE * len(held), [value for (_, value), ok in zip(rows, held) if not ok]


def test_the_metadata_of_a_report_is_placed(pdf_extracted):
    fields = {row["field"] for row in pdf_extracted("a").tables["provenance"]}
    assert {"municipality", "year", "report_date", "evaluators", "evaluation_number", "total_score",
            "criteria_version"} <= fields
