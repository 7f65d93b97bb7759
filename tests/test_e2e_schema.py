"""End to end, the published contract: every table, its columns and Arrow types, sorted by key."""
from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from helpers.paths import RAW_DIR, TABLE_NAMES, TEXT_SAMPLE
from kompass import __version__
from kompass.schema import BY_NAME, TABLES

# The tables that say where each row's value stands in the source, in these columns
PLACED = ("areas", "subquestions", "findings", "rubrics", "prior_scores", "sections", "provenance")
PLACED_TYPES = {"page": pa.int16(), "bbox": pa.list_(pa.float32()), "source_span": pa.list_(pa.int32())}

# The columns that the published contract (docs: datasets spec) requires of each table.
REQUIRED_COLUMNS = {
    "reports": ["report_id", "municipality", "municipality_code", "year", "report_date", "evaluation_period",
                "evaluators", "criteria_version", "evaluation_number", "total_score", "complete", "page_count",
                "source_path", "source_sha256", "source_format", "extractor_version"],
    "areas": ["report_id", "area_no", "area_id", "title", "score", "max_score"],
    "subquestions": ["report_id", "area_no", "code", "question_id", "text", "achieved", "max", "percent",
                     "percent_computed"],
    "findings": ["report_id", "area_no", "area_id", "kind", "position", "text", "page"],
    "rubrics": ["report_id", "area_no", "position", "text"],
    "provenance": ["report_id", "field", *PLACED_TYPES],
    "prior_scores": ["report_id", "ref_year", "area_no", "score", "source"],
    "sections": ["report_id", "area_no", "position", "heading", "text"],
    "panel": ["municipality_code", "year", "criteria_version", "area_id", "score", "source", "report_id"],
    "catalog_areas": ["criteria_version", "area_no", "area_id", "comparison_group", "continues"],
    "catalog_questions": ["criteria_version", "code", "question_id", "max_points", "text"],
    "problems": ["source_path", "report_id", "severity", "code", "message", "page"],
    "problem_codes": ["code", "severity", "stage", "meaning"],
    "documents": ["source_path", "report_id", "status", "source_format", "source_pages", "seconds", "cache_hit",
                  "error_code"],
    "corrections": ["correction_no", "report_id", "table", "key", "field", "old", "new", "reason", "status",
                    "value_before"],
    "scores": ["report_id", "municipality_code", "county", "year", "criteria_version",
               *(f"area_{n}" for n in range(1, 9)), "total_score"],
}


def test_extract_run_succeeded(extracted):
    assert extracted.exit_code == 0, extracted.output


def test_exactly_the_dataset_tables_are_written(extracted):
    assert sorted(p.name for p in extracted.out.iterdir()) == sorted(
        [f"{name}.parquet" for name in TABLE_NAMES] + ["datapackage.json", "digest.json", "runs.jsonl"])
    assert {schema.name for schema in TABLES} == set(TABLE_NAMES)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_table_schema_is_the_declared_schema(extracted, name):
    schema = pq.read_schema(extracted.out / f"{name}.parquet")
    declared = BY_NAME[name]
    assert schema.names == [column.name for column in declared.columns]
    for column in declared.columns:
        field = schema.field(column.name)
        assert field.type.equals(column.type), (name, column.name, field.type)
        assert field.nullable == column.nullable, (name, column.name)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_required_columns_are_present(extracted, name):
    names = pq.read_schema(extracted.out / f"{name}.parquet").names
    assert [column for column in REQUIRED_COLUMNS[name] if column in names] == REQUIRED_COLUMNS[name]


@pytest.mark.parametrize("table, column, arrow_type", [
    ("reports", "year", pa.int16()),
    ("reports", "report_date", pa.date32()),
    ("reports", "evaluators", pa.list_(pa.string())),
    ("reports", "evaluation_number", pa.int8()),
    ("reports", "total_score", pa.int16()),
    ("reports", "complete", pa.bool_()),
    ("areas", "area_no", pa.int8()),
    ("areas", "score", pa.int16()),
    ("subquestions", "percent", pa.float64()),
    ("subquestions", "percent_computed", pa.float64()),
    ("findings", "position", pa.int16()),
    ("findings", "page", pa.int16()),
    ("prior_scores", "ref_year", pa.int16()),
    ("problems", "page", pa.int16()),
    *((table, column, arrow_type) for table in PLACED for column, arrow_type in PLACED_TYPES.items()),
])
def test_spot_check_arrow_types(extracted, table, column, arrow_type):
    assert pq.read_schema(extracted.out / f"{table}.parquet").field(column).type.equals(arrow_type)


# The only columns that the contract lets hold nulls ("null ok"); where a value stands may not be known.
NULLABLE = {
    "reports": {"municipality_code", "report_date", "evaluation_period", "evaluation_number", "total_score",
                "page_count"},
    "areas": {*PLACED_TYPES}, "subquestions": {"percent_computed", *PLACED_TYPES},  # percent_computed: max 0
    "findings": {"kind_guess", "kind_guess_reason", *PLACED_TYPES},
    "rubrics": {*PLACED_TYPES}, "prior_scores": {"area_no", *PLACED_TYPES}, "sections": {*PLACED_TYPES},
    "provenance": {*PLACED_TYPES},
    "panel": {"municipality_code", "area_no"}, "catalog_areas": {"continues", "note"}, "catalog_questions": set(),
    "problems": {"report_id", "page"}, "problem_codes": set(),
    "documents": {"report_id", "source_format", "reader", "source_pages", "seconds", "error_code", "error_message"},
    "corrections": {"value_before"},
    "scores": {"municipality_code", "county", *(f"area_{n}" for n in range(1, 9)), "total_score"},
}


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_only_contract_nullable_columns_are_nullable(extracted, name):
    schema = pq.read_schema(extracted.out / f"{name}.parquet")
    assert {field.name for field in schema if field.nullable} == NULLABLE[name]


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_rows_are_sorted_by_key(extracted, name):
    def key(row: dict) -> tuple:  # nulls first
        return tuple((row[c] is not None, row[c] if row[c] is not None else 0) for c in BY_NAME[name].key)

    keys = [key(row) for row in extracted.tables[name]]
    assert keys == sorted(keys)


@pytest.mark.parametrize("name", [n for n in TABLE_NAMES if n != "problems"])
def test_keys_are_unique(extracted, name):
    key = BY_NAME[name].key
    keys = [tuple(row[column] for column in key) for row in extracted.tables[name]]
    assert len(keys) == len(set(keys))


def test_report_provenance(extracted):
    rows = {row["source_path"]: row for row in extracted.tables["reports"]}
    assert set(rows) == {path.name for path in TEXT_SAMPLE}
    for source, row in rows.items():
        assert row["source_sha256"] == hashlib.sha256((RAW_DIR / source).read_bytes()).hexdigest()
        assert row["source_format"] == ("markdown" if source.endswith(".md") else "text")
        assert row["extractor_version"] == __version__


def test_report_ids_are_ascii_slugs_of_municipality_and_year(extracted):
    for row in extracted.tables["reports"]:
        assert row["report_id"].isascii() and row["report_id"] == row["report_id"].lower()
        assert row["report_id"].endswith(f"-{row['year']}")


def test_every_row_belongs_to_a_published_report(extracted):
    report_ids = {row["report_id"] for row in extracted.tables["reports"]}
    for name in ("areas", "subquestions", "findings", "rubrics", "prior_scores", "sections"):
        assert {row["report_id"] for row in extracted.tables[name]} <= report_ids, name
    assert {row["report_id"] for row in extracted.tables["problems"]} <= report_ids | {None}


def test_positions_run_from_one_without_gaps(extracted):
    for name, group in (("findings", ("report_id", "area_no", "kind")), ("rubrics", ("report_id", "area_no")),
                        ("sections", ("report_id", "area_no"))):
        positions: dict[tuple, list[int]] = {}
        for row in extracted.tables[name]:
            positions.setdefault(tuple(row[c] for c in group), []).append(row["position"])
        for key, found in positions.items():
            assert sorted(found) == list(range(1, len(found) + 1)), (name, key)


def test_area_ids_follow_the_canonical_areas(extracted):
    canonical = {1: "openness_democracy", 2: "access_user_focus", 3: "political_governance",
                 4: "leadership_delegation", 5: "results_efficiency", 6: "employer_policy",
                 7: "continuous_improvement", 8: "community_building"}
    for row in extracted.tables["areas"] + extracted.tables["findings"]:
        assert row["area_id"] == canonical[row["area_no"]]
    assert {row["max_score"] for row in extracted.tables["areas"]} == {100}


def test_parquet_metadata_names_table_and_version(extracted):
    for name in TABLE_NAMES:
        metadata = pq.read_schema(extracted.out / f"{name}.parquet").metadata
        assert metadata[b"kompass.table"] == name.encode()
        assert metadata[b"kompass.extractor_version"] == __version__.encode()


def test_documents_say_what_became_of_every_input(extracted):
    documents = extracted.tables["documents"]
    assert [row["source_path"] for row in documents] == [path.name for path in TEXT_SAMPLE]
    warned = {row["source_path"] for row in extracted.tables["problems"] if row["severity"] == "warning"}
    incomplete = {row["source_path"] for row in extracted.tables["reports"] if not row["complete"]}
    for row in documents:
        assert row["published"] and row["work"] == "read" and row["cache_hit"] is False
        assert row["status"] == ("partial" if row["source_path"] in warned | incomplete else "ok")
        assert row["errors"] == 0 and row["error_code"] is None and row["seconds"] > 0
        assert row["warnings"] == sum(1 for p in extracted.tables["problems"]
                                      if p["source_path"] == row["source_path"] and p["severity"] == "warning")


def test_scores_are_one_wide_row_per_report(extracted):
    areas = {(row["report_id"], row["area_no"]): row["score"] for row in extracted.tables["areas"]}
    vallentuna = next(row for row in extracted.tables["scores"] if row["report_id"] == "vallentuna-2019")
    assert vallentuna["county"] == "Stockholms län" and vallentuna["municipality_code"] == "0115"
    assert [vallentuna[f"area_{n}"] for n in range(1, 9)] == [areas["vallentuna-2019", n] for n in range(1, 9)]
    assert vallentuna["total_score"] == 603
    assert len(extracted.tables["scores"]) == len(extracted.tables["reports"])


def test_problem_codes_is_the_registry(extracted):
    codes = {row["code"]: row["severity"] for row in extracted.tables["problem_codes"]}
    assert codes["no_text_layer"] == "error" and codes["truncated_report"] == "warning"
    assert {row["code"] for row in extracted.tables["problems"]} <= set(codes)
