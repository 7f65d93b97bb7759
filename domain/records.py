"""Raw report records: what a report says, as printed, before normalization."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.origin import Origin
from domain.problems import Problem

STRENGTH, IMPROVEMENT, UNKNOWN = "strength", "improvement", "unknown"
FINDING_KINDS = (STRENGTH, IMPROVEMENT, UNKNOWN)  # findings.kind: UNKNOWN where the source cannot tell
# a row of a published table: column name -> value, of the column's type (kompass.schema), so Any
Row = dict[str, Any]
# what decided a finding's kind: the layout (a column, a heading, the order of a flattened table's items) or,
# where a flattened table left the column open, the item's wording (parsers.finding_wording)
BY_LAYOUT, BY_WORDING = "layout", "wording"


@dataclass
class RawFinding:
    kind: str
    text: str
    page: int | None = None
    origin: Origin | None = None  # the item's lines
    kind_basis: str = BY_LAYOUT


@dataclass
class RawSection:
    heading: str
    text: str
    page: int | None = None
    origin: Origin | None = None  # its heading, or its first line where it has none


@dataclass
class RawArea:
    area_no: int
    title: str
    page: int | None = None
    score: int | None = None
    title_origin: Origin | None = None  # its heading
    year_scores: list[tuple[int, int]] = field(default_factory=list)  # a score box with a column per year
    year_origins: list[Origin | None] = field(default_factory=list)  # one per year score
    rubrics: list[str] = field(default_factory=list)
    rubric_origins: list[Origin | None] = field(default_factory=list)  # one per rubric
    score_origin: Origin | None = None  # the score's digits
    findings: list[RawFinding] = field(default_factory=list)
    findings_present: bool = False
    sections: list[RawSection] = field(default_factory=list)


@dataclass
class RawSubquestion:
    area_no: int
    code: str
    text: str
    achieved: int
    max: int
    percent: float
    page: int | None = None
    origin: Origin | None = None  # the row's achieved points


@dataclass(frozen=True)
class RawAreaTotal:
    """The sum row under an area's subquestions in section 4."""

    area_no: int
    achieved: int
    max: int
    percent: float | None
    page: int | None = None
    origin: Origin | None = None  # the achieved points


@dataclass
class RawPriorScore:
    ref_year: int
    area_no: int | None
    score: int
    source: str  # appendix, text
    page: int | None = None
    origin: Origin | None = None  # the score's digits; for a quoted score, its sentence


@dataclass
class RawReport:
    source_path: str
    sha256: str
    source_format: str
    rendering: str
    reader: str = "unknown"  # what read the source: "pdfplumber", "ocr:tesseract-5.3.0", "text", ...
    municipality: str | None = None  # as printed on the cover, "SOLLENTUNA KOMMUN"
    year: int | None = None
    report_date: date | None = None
    evaluation_period: str | None = None
    evaluators: list[str] = field(default_factory=list)
    evaluation_number: int | None = None
    stated_total: int | None = None
    previous_evaluation_year: int | None = None  # as the text states it
    page_count: int | None = None
    complete: bool = False  # the document runs to the end of the report
    missing_pages: int = 0  # pages its page numbering shows missing before that end (then it is not complete)
    areas: list[RawArea] = field(default_factory=list)
    subquestions: list[RawSubquestion] = field(default_factory=list)
    area_totals: list[RawAreaTotal] = field(default_factory=list)
    prior_scores: list[RawPriorScore] = field(default_factory=list)
    # area titles wherever the report names them (table of contents, headings)
    named_areas: dict[int, list[str]] = field(default_factory=dict)
    listed_areas: set[int] = field(default_factory=set)  # areas the table of contents lists
    version_mentions: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # where the report states its metadata: "municipality", "year", "report_date", "evaluators", ...
    origins: dict[str, Origin] = field(default_factory=dict)
    # pages OCR read turned (scanned sideways or upside down) -> degrees turned clockwise, width and height
    # turned: the boxes of their values are turned back when published (domain.origin.unturned)
    turned_pages: dict[int, tuple[int, float, float]] = field(default_factory=dict)
