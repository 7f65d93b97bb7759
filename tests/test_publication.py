"""datapackage.json and the codebook describe the published tables, from one source."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from domain.catalog import catalog_version
from helpers.paths import REPO_ROOT, TABLE_NAMES
from kompass import __version__
from kompass.publication import codebook, datapackage, field_type
from kompass.schema import BY_NAME


def test_datapackage_fields_are_the_parquet_columns(extracted):
    descriptor = json.loads((extracted.out / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        schema = pq.read_schema(extracted.out / resource["path"])
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names
        assert [f["type"] for f in fields] == [field_type(schema.field(name).type) for name in schema.names]
        assert [name for name in schema.names if not schema.field(name).nullable] == [
            f["name"] for f in fields if f.get("constraints", {}).get("required")]


def test_keys_with_nulls_are_not_primary_keys():
    package = datapackage({}, "2024-01-01T00:00:00+00:00")
    keys = {r["name"]: r["schema"].get("primaryKey") for r in package["resources"]}
    assert keys["reports"] == ["report_id"]
    assert keys["findings"] == ["report_id", "area_no", "kind", "position"]
    assert keys["prior_scores"] is None  # area_no is null for the total
    assert keys["problems"] is None


def test_versions_are_in_the_parquet_metadata_and_the_datapackage(extracted):
    for name in TABLE_NAMES:
        metadata = pq.read_schema(extracted.out / f"{name}.parquet").metadata
        assert metadata[b"kompass.extractor_version"].decode() == __version__
        assert metadata[b"kompass.catalog_version"].decode() == catalog_version()
        assert metadata[b"kompass.table"].decode() == name
    descriptor = json.loads((extracted.out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["kompass"]["kompass.catalog_version"] == catalog_version()


def test_codebook_in_docs_is_generated_from_the_schema():
    assert (REPO_ROOT / "docs" / "codebook.md").read_text(encoding="utf-8") == codebook()


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_codebook_lists_every_column_with_its_description(name):
    text = codebook()
    section = text.split(f"## {name}.parquet")[1].split("\n## ")[0]
    for column in BY_NAME[name].columns:
        assert f"| {column.name} | {column.type} |" in section
        assert column.description in section


def test_reader_descriptions_name_what_the_readers_write(extracted, pdf_extracted):
    """The codebook names the readers of the registries; every reader a dataset holds fits its words."""
    from extract import DEFAULT_READER, READERS
    from extract.formats import FORMATS

    text_copies = {source_format.name for source_format in FORMATS if source_format.decoded}

    for table in ("reports", "documents"):
        description = next(c.description for c in BY_NAME[table].columns if c.name == "reader")
        assert all(f"`{name}`" in description for name in (*READERS, *text_copies))
        assert f"`{DEFAULT_READER}` by default" in description
    written = {row["reader"] for row in [*extracted.tables["reports"], *pdf_extracted("a").tables["reports"]]}
    assert written == {DEFAULT_READER, *text_copies} - {"html"}  # the samples have no HTML copy
