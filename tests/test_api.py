"""kompass.load and kompass.extract: the dataset in pandas and DuckDB with its types, the job run from Python."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

import kompass
from helpers.paths import RAW_DIR, TABLE_NAMES, TEXT_SAMPLE
from kompass.lock import Busy, RunLock
from kompass.schema import BY_NAME


@pytest.fixture(scope="module")
def loaded(extracted) -> kompass.Dataset:
    return kompass.load(extracted.out)


def test_every_table_is_a_dataframe_by_attribute_and_by_name(loaded, extracted):
    assert list(loaded.tables) == list(TABLE_NAMES)
    for name in TABLE_NAMES:
        frame = getattr(loaded, name)
        assert frame is loaded.tables[name]
        assert list(frame.columns) == [column.name for column in BY_NAME[name].columns]
        assert len(frame) == len(extracted.tables[name])
    with pytest.raises(AttributeError, match="no table 'area'; its tables are reports, areas"):
        _ = loaded.area  # a misspelt table
    assert "panel" in dir(loaded)


def test_columns_keep_their_arrow_types_nullable_integers_stay_integers(loaded, extracted):
    reports = loaded.reports
    assert all(isinstance(dtype, pd.ArrowDtype) for frame in loaded.tables.values() for dtype in frame.dtypes)
    assert str(reports["total_score"].dtype) == "int16[pyarrow]" and reports["total_score"].isna().sum() == 1
    assert str(loaded.areas["score"].dtype) == "int16[pyarrow]"
    assert str(reports["report_date"].dtype) == "date32[day][pyarrow]"
    by_id = reports.set_index("report_id")
    for row in extracted.tables["reports"]:
        assert by_id.loc[row["report_id"], "evaluators"] == row["evaluators"]  # a list, as the Parquet file has it
        total = by_id.loc[row["report_id"], "total_score"]
        assert (total is pd.NA) if row["total_score"] is None else (total == row["total_score"] and
                                                                     isinstance(total, int))
    lemmas = loaded.findings.explode("lemmas")["lemmas"].dropna()
    assert len(lemmas) == sum(len(row["lemmas"]) for row in extracted.tables["findings"])


def test_duckdb_sees_the_same_tables_with_their_types(loaded):
    connection = loaded.to_duckdb()
    joined = connection.sql("SELECT r.municipality, r.year, a.area_no, a.score FROM areas a "
                            "JOIN reports r USING (report_id) ORDER BY r.municipality, r.year, a.area_no").df()
    by_pandas = (loaded.areas.merge(loaded.reports[["report_id", "municipality", "year"]], on="report_id")
                 .sort_values(["municipality", "year", "area_no"]))
    assert joined["score"].tolist() == by_pandas["score"].tolist()
    types = dict(connection.sql("SELECT column_name, column_type FROM (DESCRIBE findings)").fetchall())
    assert (types["area_no"], types["position"], types["lemmas"]) == ("TINYINT", "SMALLINT", "VARCHAR[]")
    assert connection.sql("SELECT count(*) FROM reports WHERE total_score IS NULL").fetchall() == [(1,)]


def test_a_table_the_dataset_lacks_is_empty_with_its_columns_and_types(extracted, tmp_path):
    older = tmp_path / "older"
    shutil.copytree(extracted.out, older)
    (older / "scores.parquet").unlink()  # a dataset of a kompass before the wide table
    scores = kompass.load(older).scores
    assert scores.empty and list(scores.columns) == [column.name for column in BY_NAME["scores"].columns]
    assert str(scores["area_1"].dtype) == "int16[pyarrow]"


def test_a_directory_without_a_dataset_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match=f"no kompass dataset in {tmp_path}"):
        kompass.load(tmp_path)


def test_importing_kompass_loads_neither_pandas_nor_the_api():
    code = ("import sys, kompass, kompass.cli; print(kompass.__version__, "
            "[name for name in ('pandas', 'duckdb', 'kompass.api') if name in sys.modules])")
    printed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert printed.split(" ", 1)[1].strip() == "[]"


def test_extract_from_python_gives_the_commands_dataset_and_summary(extracted, tmp_path):
    out = tmp_path / "processed"
    done = []
    summary = kompass.extract(TEXT_SAMPLE, out=out, jobs=1, ocr="never", cache=None, progress=done.append)
    assert sorted(done) == sorted(path.name for path in TEXT_SAMPLE)
    assert summary.reports == len(extracted.tables["reports"]) and summary.record["exit_status"] == 0
    assert summary.line().startswith(f"kompass: {len(TEXT_SAMPLE)} documents ({len(TEXT_SAMPLE)} read, ")
    assert not (tmp_path / ".kompass-cache").exists()
    ours, theirs = kompass.load(out), kompass.load(extracted.out)
    for name in ("reports", "areas", "findings", "subquestions", "panel", "problems"):
        pd.testing.assert_frame_equal(ours.tables[name], theirs.tables[name])


def test_extract_takes_one_path_and_ocr_settings(tmp_path):
    markdown = min(RAW_DIR.glob("*.md"))
    summary = kompass.extract(markdown, out=tmp_path / "one", ocr=kompass.OcrSettings(mode="never", dpi=300),
                              cache=tmp_path / "cache")
    assert [row["source_path"] for row in summary.documents] == [markdown.name]
    assert (tmp_path / "cache").is_dir()


def test_extract_names_what_keeps_it_from_running(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or directory: .*missing"):
        kompass.extract(tmp_path / "missing", out=tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="no .htm, .html, .md, .pdf, .txt files found"):
        kompass.extract(tmp_path / "empty", out=tmp_path / "out")
    out = tmp_path / "busy"
    with RunLock(out), pytest.raises(Busy):
        kompass.extract(TEXT_SAMPLE[0], out=out, cache=None)
