"""kompass.writer: typed, sorted tables, swapped in only when the whole dataset is written."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kompass import writer
from kompass.digest import PREVIOUS_DIGEST_FILE
from kompass.schema import BY_NAME, TABLES
from kompass.writer import build_table, dataset_files, write_dataset


def _rubric(report_id: str, area_no: int, position: int, text: str) -> dict:
    return {"report_id": report_id, "area_no": area_no, "position": position, "text": text}


def test_build_table_sorts_by_key_and_types_columns():
    rows = [_rubric("b-2018", 2, 1, "x"), _rubric("a-2018", 3, 2, "y"), _rubric("a-2018", 3, 1, "z")]
    table = build_table(BY_NAME["rubrics"], rows, {"kompass.extractor_version": "9.9"})
    assert [(r["report_id"], r["position"]) for r in table.to_pylist()] == [("a-2018", 1), ("a-2018", 2), ("b-2018", 1)]
    assert table.schema.field("area_no").type == pa.int8()
    assert table.schema.field("position").type == pa.int16()
    assert table.schema.metadata == {b"kompass.extractor_version": b"9.9", b"kompass.table": b"rubrics"}


def test_nulls_sort_first_in_nullable_key_columns():
    rows = [{"report_id": "a", "ref_year": 2015, "area_no": 2, "score": 66, "source": "text"},
            {"report_id": "a", "ref_year": 2015, "area_no": None, "score": 551, "source": "text"}]
    table = build_table(BY_NAME["prior_scores"], rows, {})
    assert table.column("area_no").to_pylist() == [None, 2]


def test_null_in_non_nullable_column_is_refused():
    with pytest.raises(ValueError, match="rubrics.report_id"):
        build_table(BY_NAME["rubrics"], [_rubric(None, 1, 1, "x")], {})
    with pytest.raises(ValueError, match="rubrics.text"):
        build_table(BY_NAME["rubrics"], [{"report_id": "a", "area_no": 1, "position": 1}], {})


def test_empty_tables_are_written_with_their_schema(tmp_path):
    out = tmp_path / "data"
    write_dataset(out, {}, {})
    assert {p.name for p in out.iterdir()} == dataset_files() - {PREVIOUS_DIGEST_FILE}  # a first run has none
    for schema in TABLES:
        table = pq.read_table(out / f"{schema.name}.parquet")
        assert table.num_rows == 0
        assert table.schema.names == [c.name for c in schema.columns]


def _good(text: str) -> dict[str, list[dict]]:
    return {"rubrics": [_rubric("a-2018", 1, 1, text)]}


def test_rewrite_replaces_dataset_and_carries_foreign_files(tmp_path):
    out = tmp_path / "processed"
    write_dataset(out, _good("gammal"), {})
    (out / ".gitkeep").write_text("")
    (out / "README.md").write_text("läs mig")
    (out / "notes").mkdir()
    (out / "notes" / "a.txt").write_text("anteckning")
    write_dataset(out, _good("ny"), {})
    assert pq.read_table(out / "rubrics.parquet").column("text").to_pylist() == ["ny"]
    assert (out / ".gitkeep").exists()
    assert (out / "README.md").read_text() == "läs mig"
    assert (out / "notes" / "a.txt").read_text() == "anteckning"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]  # no staging or retired directories left


def _snapshot(directory) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_failure_in_a_table_leaves_previous_dataset_intact(tmp_path):
    out = tmp_path / "processed"
    write_dataset(out, _good("gammal"), {})
    (out / ".gitkeep").write_text("")
    before = _snapshot(out)
    bad = {**_good("ny"), "subquestions": [{"report_id": "a-2018", "area_no": 1, "code": "1.1", "question_id": "q",
                                            "text": "t", "achieved": "många", "max": 10, "percent": 5.0}]}
    with pytest.raises(pa.ArrowInvalid):
        write_dataset(out, bad, {})
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_failure_while_writing_files_leaves_previous_dataset_intact(tmp_path, monkeypatch):
    out = tmp_path / "processed"
    write_dataset(out, _good("gammal"), {})
    before = _snapshot(out)
    calls = []
    real_write = pq.write_table

    def failing_write(table, where, *args, **kwargs):
        calls.append(where)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_write(table, where, *args, **kwargs)

    monkeypatch.setattr(writer.pq, "write_table", failing_write)
    with pytest.raises(OSError, match="disk full"):
        write_dataset(out, _good("ny"), {})
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["processed"]


def test_failure_on_first_write_creates_no_output(tmp_path):
    out = tmp_path / "processed"
    with pytest.raises(ValueError):
        write_dataset(out, {"rubrics": [_rubric(None, 1, 1, "x")]}, {})
    assert list(tmp_path.iterdir()) == []
