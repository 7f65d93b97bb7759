"""kompass.pipeline and the `extract` command: bad inputs, exit status, duplicates, discovery."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from domain import lexicon
from helpers.mini_reports import MINI_FLAT, MINI_MARKDOWN
from helpers.paths import RAW_DIR
from helpers.runs import read_tables
from kompass.cli import main
from kompass.inputs import find_inputs
from kompass.pipeline import Options, _load_libraries, _task, page_workers

SOLLENTUNA_2018 = RAW_DIR / "000_c7b2db4eead6c9d1.txt"


def _extract(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


@pytest.fixture
def mixed_inputs(tmp_path) -> Path:
    """One good report and three inputs that are not reports."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SOLLENTUNA_2018, root / "good.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "fake.pdf").write_text("det här är ingen pdf\n", encoding="utf-8")
    (root / "sub" / "notes.txt").write_text("Hej\nDetta är en inköpslista.\nMjölk och bröd.\n", encoding="utf-8")
    (root / "ignored.json").write_text("{}", encoding="utf-8")
    return root


def test_bad_inputs_are_error_rows_and_exit_status_is_1(mixed_inputs, tmp_path):
    out = tmp_path / "out"
    result = _extract(str(mixed_inputs), "--out", str(out))
    assert result.exit_code == 1, result.output
    problems = read_tables(out)["problems"]
    errors = {row["source_path"]: row for row in problems if row["severity"] == "error"}
    assert set(errors) == {"empty.txt", "fake.pdf", "sub/notes.txt"}
    assert errors["empty.txt"]["code"] == "empty_file"
    assert errors["fake.pdf"]["code"] == "not_a_pdf"
    assert errors["sub/notes.txt"]["code"] == "unknown_layout"
    assert all(row["report_id"] is None for row in errors.values())


def test_good_document_is_still_published_beside_bad_ones(mixed_inputs, tmp_path):
    out = tmp_path / "out"
    result = _extract(str(mixed_inputs), "--out", str(out))
    tables = read_tables(out)
    assert [(r["report_id"], r["source_path"]) for r in tables["reports"]] == [("sollentuna-2018", "good.txt")]
    assert {r["report_id"] for r in tables["areas"]} == {"sollentuna-2018"}
    assert len(tables["areas"]) == 7
    summary = result.stdout.strip()  # the documents are read or reused from the earlier test's cache
    assert summary.startswith("kompass: 5 documents (") and "reused; 3 failed, 1 skipped), 1 report written to " \
        f"{tmp_path / 'out'}; problems: 3 errors, " in summary
    assert len([line for line in result.stderr.splitlines() if line.startswith("kompass: failed: ")]) == 3


def test_good_inputs_exit_0(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "taby.md").write_text(MINI_MARKDOWN, encoding="utf-8")
    result = _extract(str(root), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert read_tables(tmp_path / "out")["reports"][0]["report_id"] == "taby-2017"


def test_no_inputs_found_is_usage_error_2_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.json").write_text("{}")
    result = _extract(str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no .pdf, .txt, .md or .html files found" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_input_and_bad_option_are_usage_errors(tmp_path):
    assert _extract(str(tmp_path / "saknas"), "--out", str(tmp_path / "out")).exit_code == 2
    assert _extract("--bogus").exit_code == 2
    assert not (tmp_path / "out").exists()


def test_same_report_twice_keeps_one_and_warns_duplicate(tmp_path):
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    shutil.copy(SOLLENTUNA_2018, root / "a.txt")
    shutil.copy(SOLLENTUNA_2018, root / "b" / "copy.txt")
    result = _extract(str(root), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    tables = read_tables(tmp_path / "out")
    assert [(r["report_id"], r["source_path"]) for r in tables["reports"]] == [("sollentuna-2018", "a.txt")]
    duplicates = [r for r in tables["problems"] if r["code"] == "duplicate_report"]
    assert [(r["source_path"], r["report_id"], r["severity"]) for r in duplicates] == [
        ("b/copy.txt", "sollentuna-2018", "warning")]
    assert "a.txt" in duplicates[0]["message"]
    assert len(tables["areas"]) == 7  # rows of one copy only


def test_duplicate_keeps_the_more_complete_copy(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SOLLENTUNA_2018, root / "z_full.txt")
    (root / "a_cut.txt").write_bytes(SOLLENTUNA_2018.read_bytes()[:30000])
    _extract(str(root), "--out", str(tmp_path / "out"))
    tables = read_tables(tmp_path / "out")
    assert [r["source_path"] for r in tables["reports"]] == ["z_full.txt"]
    assert [r["source_path"] for r in tables["problems"] if r["code"] == "duplicate_report"] == ["a_cut.txt"]


def test_duplicate_prefers_markdown_to_text(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(MINI_FLAT, encoding="utf-8")
    (root / "b.md").write_text(MINI_MARKDOWN, encoding="utf-8")
    _extract(str(root), "--out", str(tmp_path / "out"))
    tables = read_tables(tmp_path / "out")
    assert [(r["report_id"], r["source_path"], r["source_format"]) for r in tables["reports"]] == [
        ("taby-2017", "b.md", "markdown")]
    assert [r["source_path"] for r in tables["problems"] if r["code"] == "duplicate_report"] == ["a.txt"]


def test_discovery_recurses_and_names_paths_relative_to_the_common_folder_of_the_inputs(tmp_path):
    root = tmp_path / "in"
    (root / "x" / "y").mkdir(parents=True)
    for name in ["x/y/c.md", "b.TXT", "a.html", "x/d.pdf", "e.json", "x/.gitkeep"]:
        (root / name).write_text("text")
    single = tmp_path / "single.txt"
    single.write_text("text")
    found = find_inputs([root, single, root / "b.TXT"])
    assert [source for _, source in found.sources] == ["in/a.html", "in/b.TXT", "in/x/d.pdf", "in/x/y/c.md",
                                                       "single.txt"]
    assert all(path.is_absolute() for path, _ in found.sources)
    assert [(source, p.code) for source, p in found.skipped] == [("in/e.json", "file_skipped")]


@pytest.mark.parametrize("documents, table_read_before_forking", [(1, False), (2, True)])
def test_lemma_table_is_read_before_forking_only_for_several_documents(tmp_path, documents,
                                                                         table_read_before_forking):
    paths = [tmp_path / f"{number}.txt" for number in range(documents)]
    for path in paths:
        path.write_text("Kommunkompassen", encoding="utf-8")
    lexicon.lemma_table.cache_clear()
    _load_libraries([_task(path, path.name, Options()) for path in paths], "pdfium")
    assert (lexicon.lemma_table.cache_info().currsize == 1) is table_read_before_forking


@pytest.mark.parametrize(("jobs", "documents", "workers"), [(2, 1, 2), (2, 2, 1), (8, 3, 2), (2, 40, 1), (4, 0, 4)])
def test_job_slots_no_document_takes_read_a_scans_pages(jobs, documents, workers):
    assert page_workers(jobs, documents) == workers
