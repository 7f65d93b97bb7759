"""The QA report's pictures: beside a value, a crop of its source page around its box (kompass.crops).

A crop is embedded as a data URI, so the report stays one file that fetches
nothing. Values are found where the tables place them: an area's score
(areas), a subquestion's achieved points (subquestions) and a report's
metadata and total (provenance). A problem is about a value where its message
names it as the parsers and validation word it: "Område 3: ..." is about
area 3's score, "1.2: ..." about subquestion 1.2.
"""
from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import Any

import regex as re

from kompass.crops import CropFailed, crop_png
from kompass.qa_dataset import QaDataset, source_file

Row = dict[str, Any]  # a published row: each column's type

_AREA_NAMED = re.compile(r"^Område (\d)\b")
_CODE_NAMED = re.compile(r"^(\d\.\d{1,2}):")
_TOTAL_LABEL = "total"  # kompass.changes labels the total score so


class Pictures:
    """Crops of the values of a dataset's reports, each drawn once."""

    def __init__(self, dataset: QaDataset):
        self.dataset = dataset
        self._sources = {str(row["report_id"]): str(row["source_path"]) for row in dataset.reports}
        self._placed: dict[tuple[str, str], Row] = {}
        for row in dataset.areas:
            self._placed[(str(row["report_id"]), f"area {row['area_no']}")] = row
        for row in dataset.subquestions:
            self._placed[(str(row["report_id"]), f"subquestion {row['code']}")] = row
        for row in dataset.provenance:
            self._placed[(str(row["report_id"]), str(row["field"]))] = row
        self._drawn: dict[tuple[Path, int, tuple[float, ...]], str] = {}

    def of_area(self, report_id: str, area_no: object) -> str:
        return self._image(report_id, f"area {area_no}")

    def of_change(self, report_id: str, label: str) -> str:
        """The crop of a changed value as this run read it: "area 3", "total" or a field of reports."""
        return self._image(report_id, "total_score" if label == _TOTAL_LABEL else label)

    def of_problem(self, problem: Row) -> str:
        """The crop of the value a problem is about, where its message names one."""
        message, report_id = str(problem["message"]), problem.get("report_id")
        if report_id is None:
            return ""
        area, code = _AREA_NAMED.match(message), _CODE_NAMED.match(message)
        if area:
            return self._image(str(report_id), f"area {area.group(1)}")
        return self._image(str(report_id), f"subquestion {code.group(1)}") if code else ""

    def _image(self, report_id: str, what: str) -> str:
        """An <img> of the value's crop; empty where it has no box or its PDF is not on this machine."""
        row = self._placed.get((report_id, what))
        source_path = self._sources.get(report_id)
        if row is None or row.get("bbox") is None or row.get("page") is None or source_path is None:
            return ""
        source = source_file(self.dataset, source_path)
        if source is None or source.suffix.lower() != ".pdf":
            return ""
        key = (source, int(row["page"]), tuple(row["bbox"]))
        if key not in self._drawn:
            self._drawn[key] = _img(source, key[1], row["bbox"], what)
        return self._drawn[key]


def _img(source: Path, page: int, bbox: list[float], what: str) -> str:
    try:
        png = crop_png(source, page, bbox)
    except CropFailed:
        return ""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img class="crop" src="data:image/png;base64,{data}" '
            f'alt="{escape(what)} on page {page} of {escape(source.name)}">')
