"""The criteria catalog's data files: every field whole, every area's lineage, and which totals compare."""
from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
import pytest

from domain import catalog
from domain.datafiles import data_file, read_rows
from kompass.schema import BY_NAME
from kompass.writer import build_table

DATA_TABLES = sorted(path.name for path in data_file("").iterdir() if path.name.endswith(".csv"))


@pytest.mark.parametrize("name", DATA_TABLES)
def test_every_data_file_reads_whole_and_round_trips(name):
    """Each row has the header's fields, and writing the rows out again reads back the same values."""
    with data_file(name).open(encoding="utf-8") as handle:
        rows = read_rows(handle, name)
    assert rows
    written = io.StringIO()
    writer = csv.DictWriter(written, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    assert read_rows(io.StringIO(written.getvalue()), name) == rows


def test_a_comma_in_a_field_that_is_not_quoted_is_an_error_that_names_the_line():
    text = 'version,note\n2.1,"quoted, whole"\n2.1,same area; also printed "Brukarfokus, tillgänglighet"\n'
    with pytest.raises(ValueError, match=r"areas.csv, line 3: 3 fields, not the 2 of the header"):
        read_rows(io.StringIO(text), "areas.csv")
    with pytest.raises(ValueError, match=r"line 2: 1 fields, not the 2"):
        read_rows(io.StringIO("version,note\n2.1\n"), "areas.csv")


def test_every_note_round_trips_through_the_published_table(tmp_path):
    """Every note of areas.csv comes out of catalog_areas.parquet whole, the one with a quoted comma too."""
    with data_file("areas.csv").open(encoding="utf-8") as handle:
        notes = [row["note"] or None for row in csv.DictReader(handle)]
    table = build_table(BY_NAME["catalog_areas"], catalog.catalog_rows()["catalog_areas"], {})
    pq.write_table(table, tmp_path / "catalog_areas.parquet")
    published = pq.read_table(tmp_path / "catalog_areas.parquet").column("note").to_pylist()
    assert sorted(published, key=str) == sorted(notes, key=str)
    assert 'same area; also printed "Brukarfokus, tillgänglighet och bemötande"' in published


def test_every_area_after_the_original_criteria_continues_an_area_of_the_version_before():
    versions = [v.criteria_version for v in catalog.criteria_versions()]
    ids = {version: {a.area_id for a in catalog.areas() if a.criteria_version == version} for version in versions}
    for earlier, later in zip(versions, versions[1:]):
        for area in (a for a in catalog.areas() if a.criteria_version == later):
            assert area.continues in ids[earlier], (later, area.area_no)
    assert all(a.continues is None for a in catalog.areas() if a.criteria_version == versions[0])


def test_totals_share_a_comparison_group_only_where_every_area_does():
    groups = catalog.total_comparison_groups()
    versions = [v.criteria_version for v in catalog.criteria_versions()]
    assert set(groups) == set(versions) and len(set(groups.values())) == len(versions)  # 2016 changed area 7

    def area_groups(version):
        return {a.area_no: a.comparison_group for a in catalog.areas() if a.criteria_version == version}

    for earlier, later in zip(versions, versions[1:]):
        assert (groups[earlier] == groups[later]) == (area_groups(earlier) == area_groups(later))


def test_a_revision_that_keeps_every_area_comparable_keeps_the_total_comparable(monkeypatch):
    kept = [catalog.Area("2.2", a.area_no, a.area_id, a.title, a.comparison_group, a.area_id, "")
            for a in catalog.areas() if a.criteria_version == "2.1"]
    later = catalog.CriteriaVersion("2.2", 2018, 8, 100, "")
    versions, areas = catalog.criteria_versions(), catalog.areas()
    monkeypatch.setattr(catalog, "criteria_versions", lambda: tuple(sorted((*versions, later),
                                                                           key=lambda v: v.first_year)))
    monkeypatch.setattr(catalog, "areas", lambda: (*areas, *kept))
    catalog.total_comparison_groups.cache_clear()
    try:
        groups = catalog.total_comparison_groups()
        assert groups["2.2"] == groups["2.1"] == "total/2.1" and groups["2.0"] == "total/2.0"
    finally:
        catalog.total_comparison_groups.cache_clear()


def test_version_of_a_year():
    assert [catalog.version_of_year(y) for y in (2005, 2011, 2015, 2016, 2019, 2020)] == [
        "1.0", "2.0", "2.0", "2.1", "2.1", "2020"]
