"""The published tables: columns, Arrow types, keys and meanings, defined once.

The Parquet writer, the Frictionless datapackage.json and the codebook are all
generated from these definitions, so they cannot disagree.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa

from domain.catalog import AREA_MAX_SCORE, AREA_NUMBERS, TOTAL, TOTAL_MAX_SCORE, criteria_versions
from domain.problems import SEVERITIES, STAGES, problem_codes
from domain.records import FINDING_KINDS
from extract import DEFAULT_READER, READERS
from extract.formats import FORMATS, RENDERINGS
from extract.text_layer import LAYER_READER
from kompass.results import STATUSES, WORK


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = False
    enum: tuple[str, ...] = ()  # the only values the column may hold
    minimum: int | None = None
    maximum: int | None = None


@dataclass(frozen=True)
class TableSchema:
    name: str
    description: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    def arrow(self) -> pa.Schema:
        """The Parquet schema: each field with its description in its metadata (b"description"), so that a
        Parquet file says what its columns mean without the codebook."""
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable, metadata={"description": c.description})
                          for c in self.columns])


def _c(name: str, type_: pa.DataType, description: str, nullable: bool = False, enum: tuple[str, ...] = (),
       minimum: int | None = None, maximum: int | None = None) -> Column:
    return Column(name, type_, description, nullable, enum, minimum, maximum)


def _area_score(name: str, description: str, nullable: bool = False) -> Column:
    return _c(name, pa.int16(), description, nullable, minimum=0, maximum=AREA_MAX_SCORE)


def _total_score(description: str) -> Column:
    return _c("total_score", pa.int16(), description, True, minimum=0, maximum=TOTAL_MAX_SCORE)


SOURCE_FORMATS = tuple(source_format.name for source_format in FORMATS)
_TEXT_COPIES = tuple(source_format.name for source_format in FORMATS if source_format.decoded)
CRITERIA_VERSIONS = tuple(version.criteria_version for version in criteria_versions())
CORRECTION_STATUSES = ("applied", "stale", "target_missing", "invalid")


def _one_of(values: Iterable[str]) -> str:
    """`a`, `b` or `c`."""
    names = [f"`{value}`" for value in values]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)


# from the readers' registries, so that a new reader is named here without an edit
_READERS = (f"the PDF reader ({_one_of(sorted(READERS))}, as `--pdf-reader` chose; "
            f"`{DEFAULT_READER}` by default) for a PDF's text layer, `ocr:tesseract-<version>` for a scan (OCR), "
            f"`{DEFAULT_READER}:{LAYER_READER}` for a scan's own OCR text layer read as a scan's text where OCR "
            f"could not run, joined by `+` when pages were read in different ways "
            f"(`{DEFAULT_READER}+ocr:tesseract-5.3.0`), or the source format ({_one_of(_TEXT_COPIES)}) for a text "
            f"copy")
_SOURCE_FORMAT = f"The input's format: {_one_of(SOURCE_FORMATS)}."

_REPORT_ID = _c("report_id", pa.string(), "The report: `<municipality slug>-<year>`, e.g. `ornskoldsvik-2017`.")
_AREA_NO = _c("area_no", pa.int8(), "Area number 1-8 as printed in the report.", minimum=1, maximum=8)
_AREA_ID = _c("area_id", pa.string(),
              "Canonical area, the same for the same area across criteria versions (see the catalog).")

PROVENANCE_FIELDS = ("municipality", "year", "report_date", "evaluation_period", "evaluators", "criteria_version",
                     "evaluation_number", "total_score")


def _placed(what: str) -> tuple[Column, ...]:
    """Where the row's value stands in the source: `what` says which of its text the box is around."""
    return (
        _c("page", pa.int16(), f"1-based page of the source that prints {what}; null where it cannot be told.",
           True),
        _c("bbox", pa.list_(pa.float32()), f"The box around {what}: [x0, top, x1, bottom] in PDF points from the "
                                           "page's top left, as pdfplumber measures (a scan's OCR box converted "
                                           "to points); null for a text copy, which has no geometry.", True),
        _c("source_span", pa.list_(pa.int32()), f"The characters of {what} in the decoded text of a text copy: "
                                                "[start, end) offsets; null where not known.", True),
    )


TABLES: tuple[TableSchema, ...] = (
    TableSchema("reports", "One row per report.", ("report_id",), (
        _REPORT_ID,
        _c("municipality", pa.string(), "Name without \"kommun\"/\"stad\", SCB's Swedish spelling."),
        _c("municipality_code", pa.string(), "SCB's four-digit municipality code; null when the name is unknown.",
           True),
        _c("year", pa.int16(), "The year in the report title."),
        _c("report_date", pa.date32(), "Date printed on the cover or in the page header.", True),
        _c("evaluation_period", pa.string(), "When the evaluation took place, as printed (\"maj 2018\").", True),
        _c("evaluators", pa.list_(pa.string()),
           "One entry per evaluator as printed on the cover, affiliation after a comma."),
        _c("criteria_version", pa.string(), "Criteria revision: `2.0` (2010), `2.1` (2016) or `2020`.",
           enum=CRITERIA_VERSIONS),
        _c("evaluation_number", pa.int8(),
           "1 for the municipality's first evaluation, 2 for the second, ... as stated.", True),
        _total_score("Total points (0-800) as stated, else the sum of the eight area scores."),
        _c("complete", pa.bool_(), "False when the document stops before the end of the report, or its page "
                                   "numbering shows pages missing from it."),
        _c("page_count", pa.int16(),
           "Pages of the report: a PDF's pages, else the page count a text copy prints in its running heads "
           "(\"7 (34)\"); null where it prints none. A copy that lost pages holds fewer (documents.source_pages).",
           True),
        _c("source_path", pa.string(), "Path of the input, relative to the input root."),
        _c("source_sha256", pa.string(), "Hex SHA-256 digest of the input file's bytes."),
        _c("source_format", pa.string(), _SOURCE_FORMAT, enum=SOURCE_FORMATS),
        _c("rendering", pa.string(), f"How the source lays the report out: {_one_of(RENDERINGS)}."),
        _c("reader", pa.string(), f"What read the source: {_READERS}."),
        _c("extractor_version", pa.string(), "Version of kompass that wrote the row."),
    )),
    TableSchema("areas", "One row per report and area.", ("report_id", "area_no"), (
        _REPORT_ID, _AREA_NO, _AREA_ID,
        _c("comparison_group", pa.string(), "Scores with the same comparison group can be compared across criteria "
                                            "versions; an area whose criteria changed too much gets a group per "
                                            "version (see docs/catalog.md)."),
        _c("title", pa.string(), "The area title as printed, without \"Område N\"."),
        _area_score("score", "The area's points (0-100)."),
        _c("max_score", pa.int16(), "The most points an area can get: 100."),
        *_placed("the score's digits"),
    )),
    TableSchema("subquestions", "Section 4 \"Översikt av poängfördelning\": every subquestion's points.",
                ("report_id", "code"), (
        _REPORT_ID, _AREA_NO,
        _c("code", pa.string(), "Subquestion code as printed, e.g. `1.1`."),
        _c("question_id", pa.string(), "Canonical question, the same for the same question across versions; "
                                       "`unmatched.<version>.<code>` when the catalog does not know it."),
        _c("text", pa.string(), "The question as printed."),
        _c("achieved", pa.int16(), "\"Uppnått\": points achieved."),
        _c("max", pa.int16(), "\"Max\": points possible."),
        _c("percent", pa.float64(), "\"Procent\" as printed, without the % sign. Reports work it out from points "
                                    "before rounding, so it often strays a few points from achieved / max "
                                    "(percent_computed)."),
        _c("percent_computed", pa.float64(), "100 × achieved / max, rounded to one decimal; null when max is 0.",
           True),
        *_placed("the row's achieved points"),
    )),
    TableSchema("findings", "Strengths and improvement points of each area.",
                ("report_id", "area_no", "kind", "position"), (
        _REPORT_ID, _AREA_NO, _AREA_ID,
        _c("kind", pa.string(), "`strength`, `improvement`, or `unknown` where the source cannot tell "
                                "(a two-column table flattened into one run of text).", enum=FINDING_KINDS),
        _c("position", pa.int16(), "1-based order within (report_id, area_no, kind)."),
        _c("text", pa.string(),
           "The item: bullet removed, whitespace collapsed, hyphenation undone, wording verbatim."),
        _c("page", pa.int16(), "Page the item starts on.", True),
        _c("lemmas", pa.list_(pa.string()), "Lower-case lemmas of the text without stop words (the Swedish "
                                            "lookup table of spacy-lookups-data, spaCy's stop words)."),
        _c("kind_guess", pa.string(), "For kind `unknown`: `strength` or `improvement` as the wording suggests "
                                      "(imperatives such as \"Utveckla\", \"saknas\", \"bör\"); null when it "
                                      "gives no cue or the kind is known.", True, enum=FINDING_KINDS[:2]),
        _c("kind_guess_reason", pa.string(), "The cue behind kind_guess.", True),
        *_placed("the item (its lines on the page it starts on)")[1:],  # its page stands above, as it always did
        _c("kind_basis", pa.string(), "What decided `kind`: `layout` (the table's column, the list's heading, the "
                                      "order of a flattened table's items) or `wording`, where a flattened table "
                                      "left the column open and the item's wording plainly tells (a call to act "
                                      "such as \"Utveckla\", a wish for more, a lack; what is in place, such as "
                                      "\"Regelbunden\"), or that of the items on both sides of it.",
           enum=("layout", "wording")),
    )),
    TableSchema("rubrics", "The \"Rubriker\" list of each area.", ("report_id", "area_no", "position"), (
        _REPORT_ID, _AREA_NO,
        _c("position", pa.int16(), "1-based order."),
        _c("text", pa.string(), "The heading as printed."),
        *_placed("the rubric's lines"),
    )),
    TableSchema("prior_scores", "Scores of earlier evaluations that a report states.",
                ("report_id", "ref_year", "area_no"), (
        _c("report_id", pa.string(), "The report that states the score."),
        _c("ref_year", pa.int16(), "The year of the earlier evaluation."),
        _c("area_no", pa.int8(), "Area number; null for the total.", True, minimum=1, maximum=8),
        _c("score", pa.int16(), "The earlier score: 0-100 for an area, 0-800 for the total.", minimum=0,
           maximum=TOTAL_MAX_SCORE),
        _c("source", pa.string(), "`appendix` (an appended earlier evaluation) or `text` (a sentence).",
           enum=("appendix", "text")),
        *_placed("the score's digits, or for a score a sentence quotes, the sentence"),
    )),
    TableSchema("sections", "The narrative of each area under its sub-headings.",
                ("report_id", "area_no", "position"), (
        _REPORT_ID, _AREA_NO,
        _c("position", pa.int16(), "1-based order within the area."),
        _c("heading", pa.string(), "Sub-heading as printed (empty for text before the first sub-heading)."),
        _c("text", pa.string(), "The paragraphs under it: whitespace collapsed, hyphenation undone, "
                                "page headers removed."),
        *_placed("the sub-heading, or the first line where it has none"),
    )),
    TableSchema("provenance", "Where each report's metadata is printed: one row per report and field the "
                              "report states.", ("report_id", "field"), (
        _REPORT_ID,
        _c("field", pa.string(), "The column of reports whose value is printed there.", enum=PROVENANCE_FIELDS),
        *_placed("the value (the line or sentence that states it)"),
    )),
    TableSchema("panel", "One row per municipality, evaluation year and area (and the total): scores from the "
                         "evaluation's own report where the dataset has it, else as later reports quote them.",
                ("municipality", "year", "area_id"), (
        _c("municipality", pa.string(), "Name without \"kommun\"/\"stad\", SCB's Swedish spelling."),
        _c("municipality_code", pa.string(), "SCB's four-digit municipality code.", True),
        _c("year", pa.int16(), "Year of the evaluation."),
        _c("criteria_version", pa.string(), "Criteria revision of the evaluation; for a quoted evaluation, the "
                                            "revision in force that year."),
        _c("area_no", pa.int8(), "Area number; null for the total.", True, minimum=1, maximum=8),
        _c("area_id", pa.string(), "Canonical area; `total` for the total score."),
        _c("comparison_group", pa.string(), "Rows with the same comparison group can be compared over time. A "
                                            f"total's group is `{TOTAL}/<version>`, and is shared by two versions "
                                            "only where every area's is (see docs/catalog.md)."),
        _c("score", pa.int16(), "Points: 0-100 for an area, 0-800 for the total.", minimum=0, maximum=TOTAL_MAX_SCORE),
        _c("source", pa.string(), "`report` (the evaluation's own report) or `quoted` (a later report's quote).",
           enum=("report", "quoted")),
        _c("report_id", pa.string(), "The report the score comes from."),
    )),
    TableSchema("catalog_areas", "The criteria catalog's areas of every version and how they relate (see "
                                 "docs/catalog.md).", ("criteria_version", "area_no"), (
        _c("criteria_version", pa.string(), "Criteria revision: `2.0`, `2.1` or `2020`."),
        _AREA_NO, _AREA_ID,
        _c("title", pa.string(), "The area's title in the criteria."),
        _c("comparison_group", pa.string(), "Areas with the same comparison group can be compared across versions."),
        _c("continues", pa.string(), "The area_id of the previous version's area that this area carries on; null "
                                     "for the original criteria (`1.0`).", True),
        _c("note", pa.string(), "How the area changed from the earlier version.", True),
    )),
    TableSchema("catalog_questions", "The criteria catalog's subquestions: canonical question_id, points possible.",
                ("criteria_version", "code"), (
        _c("criteria_version", pa.string(), "Criteria revision."),
        _c("code", pa.string(), "Subquestion code, e.g. `1.1`."),
        _AREA_NO,
        _c("question_id", pa.string(), "Canonical question, the same for the same question across versions."),
        _c("max_points", pa.int16(), "Points possible."),
        _c("text", pa.string(), "The question's wording in the criteria."),
    )),
    TableSchema("problems", "What extraction and validation found wrong.",
                ("source_path", "code", "page", "message"), (
        _c("source_path", pa.string(), "The input the problem is about."),
        _c("report_id", pa.string(), "The report, when the document could be identified.", True),
        _c("severity", pa.string(), "`error` (a document or a table of it could not be extracted), "
                                    "`warning` (extracted, but a check failed or a guess was made) or `info`.",
           enum=SEVERITIES),
        _c("code", pa.string(), "Stable machine-readable code, e.g. `no_text_layer` (see problem_codes).",
           enum=tuple(problem_codes())),
        _c("message", pa.string(), "One sentence a person understands."),
        _c("page", pa.int16(), "Page the problem is on, when it is on one.", True),
    )),
    TableSchema("problem_codes", "Every problem code kompass may report, with its severity and meaning.",
                ("code",), (
        _c("code", pa.string(), "The code as problems.code gives it."),
        _c("severity", pa.string(), "The severity every problem of this code has.", enum=SEVERITIES),
        _c("stage", pa.string(), "The stage that finds it: extract, parse, normalize, validate or run.",
           enum=STAGES),
        _c("meaning", pa.string(), "What the problem means."),
    )),
    TableSchema("documents", "One row per input of the run and what became of it.", ("source_path",), (
        _c("source_path", pa.string(), "Path of the input, relative to the input root."),
        _c("report_id", pa.string(), "The report read from it; null when none could be.", True),
        _c("status", pa.string(), "`ok` (a report without problems), `partial` (a report, with warnings or "
                                  "errors, incomplete, or a duplicate), `failed` (no report) or `skipped` (not a "
                                  "report's file: another type, a FIFO, ...).",
           enum=STATUSES),
        _c("published", pa.bool_(), "Whether its report is the one in reports (false for a duplicate's other "
                                    "inputs and for failed documents)."),
        _c("source_format", pa.string(), f"{_SOURCE_FORMAT[:-1]}; null when the file could not be read.", True,
           enum=SOURCE_FORMATS),
        _c("reader", pa.string(), f"What read it: {_READERS}; null when no report came of it.", True),
        _c("source_pages", pa.int16(), "Pages the source holds as read: a PDF's pages; a text copy's pages as "
                                       "its page lines, numbers or breaks mark them (1 where it marks none). May be "
                                       "fewer than the report's reports.page_count for a copy that lost pages; null "
                                       "when the file could not be read.", True),
        _c("seconds", pa.float64(), "Seconds this run spent reading and parsing it; null when the result was "
                                    "reused whole from the cache or its process was given up.", True),
        _c("work", pa.string(), "`read` from the file, `reparsed` from the cached document model, `reused` "
                                "whole from the cache, or `failed` (its process crashed or was given up).",
           enum=WORK),
        _c("cache_hit", pa.bool_(), "Whether the cache supplied its document model or its records."),
        _c("errors", pa.int16(), "Its problems of severity `error`."),
        _c("warnings", pa.int16(), "Its problems of severity `warning`."),
        _c("error_code", pa.string(), "The code of its first error.", True),
        _c("error_message", pa.string(), "The message of its first error.", True),
    )),
    TableSchema("corrections", "The corrections file's rows (`--corrections`) and what became of each; empty "
                               "without one.", ("correction_no",), (
        _c("correction_no", pa.int16(), "1 for the file's first correction, in the file's order."),
        *(_c(name, pa.string(), f"{meaning}, as the file writes it.") for name, meaning in (
            ("report_id", "The report it corrects"), ("table", "The table it corrects"),
            ("key", "The row: the table's key columns besides report_id, `area_no=3`, "
                    "`area_no=2;kind=strength;position=4`, `code=1.2`, empty for reports"),
            ("field", "The column it sets"), ("old", "The value it was written against"),
            ("new", "The value it sets"), ("reason", "Why"))),
        _c("status", pa.string(), "`applied` (the value was `old` and is now `new`), `stale` (the extraction gives "
                                  "another value than `old`; not applied), `target_missing` (no such report or "
                                  "row) or `invalid` (a table, column, key or value that cannot be corrected; also "
                                  "a second correction of the same value).", enum=CORRECTION_STATUSES),
        _c("value_before", pa.string(), "The value the extraction gave, as a corrections file writes it (a list "
                                        "as JSON, a null as empty); null when no target was found.", True),
        _c("detail", pa.string(), "Why the status, in a sentence's words; for an applied correction, what "
                                  "followed it (a total that is the sum of the areas)."),
    )),
    TableSchema("scores", "The scores in one wide row per report: the eight areas and the total.", ("report_id",), (
        _REPORT_ID,
        _c("municipality", pa.string(), "Name without \"kommun\"/\"stad\", SCB's Swedish spelling."),
        _c("municipality_code", pa.string(), "SCB's four-digit municipality code.", True),
        _c("county", pa.string(), "SCB's county (län) of the municipality.", True),
        _c("year", pa.int16(), "The year in the report title."),
        _c("criteria_version", pa.string(), "Criteria revision.", enum=CRITERIA_VERSIONS),
        *(_area_score(f"area_{number}", f"Points of area {number} (0-100); null when the report has none.", True)
          for number in AREA_NUMBERS),
        _total_score("Total points (0-800), as in reports."),
    )),
)

BY_NAME = {table.name: table for table in TABLES}


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str


# beyond report_id -> reports, which every table with a report_id column has
_OTHER_FOREIGN_KEYS = {
    # no key to documents: a problem of the run itself (an unusable cache) belongs to no input
    "problems": (ForeignKey("code", "problem_codes", "code"),),
}


# a correction may name a report the dataset does not have: that is its status target_missing
_NO_KEY_TO_REPORTS = ("reports", "corrections")


def foreign_keys(table: TableSchema) -> tuple[ForeignKey, ...]:
    """The table's references to other tables' keys (null values refer to nothing)."""
    to_reports = (ForeignKey("report_id", "reports", "report_id"),) \
        if table.name not in _NO_KEY_TO_REPORTS and "report_id" in {c.name for c in table.columns} else ()
    return to_reports + _OTHER_FOREIGN_KEYS.get(table.name, ())
