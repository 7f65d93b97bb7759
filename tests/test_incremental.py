"""Re-runs reuse what has not changed: whole records, or document models when only the parsers changed."""
from __future__ import annotations

import dataclasses
import json
import shutil

import pytest

from helpers.paths import TABLE_NAMES, TEXT_SAMPLE
from kompass import pipeline
from kompass.pipeline import Options, run_extract


def _runs(out):
    return [json.loads(line) for line in (out / "runs.jsonl").read_text(encoding="utf-8").splitlines()]


def _tables(out):
    """The bytes of every table but documents, which says how this run worked (read or reused, seconds)."""
    return {name: (out / f"{name}.parquet").read_bytes() for name in TABLE_NAMES if name != "documents"}


@pytest.fixture
def workspace(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in TEXT_SAMPLE:
        shutil.copy(path, raw)
    return raw, tmp_path / "out", Options(jobs=2, cache_dir=tmp_path / "cache")


def test_second_run_reuses_every_record_and_publishes_the_same_dataset(workspace):
    raw, out, options = workspace
    run_extract([raw], out, options)
    first = _tables(out)
    run_extract([raw], out, options)
    runs = _runs(out)
    assert [(r["inputs"], r["extracted"], r["reparsed"], r["reused"]) for r in runs] == [(3, 3, 0, 0), (3, 0, 0, 3)]
    assert _tables(out) == first


def test_a_parser_change_reparses_from_cached_models_without_reading_a_source(workspace, monkeypatch):
    raw, out, options = workspace
    run_extract([raw], out, options)
    monkeypatch.setattr(pipeline, "parser_version", lambda: "a-changed-parser")
    monkeypatch.setattr(pipeline, "read_document", lambda *args: pytest.fail("a source was read again"))
    run_extract([raw], out, options)
    assert (_runs(out)[-1]["extracted"], _runs(out)[-1]["reparsed"]) == (0, 3)


def test_a_file_that_cannot_be_read_is_cached_as_its_failure_and_fails_alike_when_reparsed(workspace, monkeypatch):
    raw, out, options = workspace
    (raw / "fake.pdf").write_text("det här är ingen pdf\n", encoding="utf-8")
    run_extract([raw], out, options)
    monkeypatch.setattr(pipeline, "parser_version", lambda: "a-changed-parser")
    monkeypatch.setattr(pipeline, "read_document", lambda *args: pytest.fail("a source was read again"))
    summary = run_extract([raw], out, options)
    fake = next(row for row in summary.documents if row["source_path"] == "fake.pdf")
    assert (fake["work"], fake["status"], fake["error_code"]) == ("reparsed", "failed", "not_a_pdf")


def test_a_reader_change_reads_every_source_again(workspace, monkeypatch):
    raw, out, options = workspace
    run_extract([raw], out, options)
    monkeypatch.setattr(pipeline, "reader_version", lambda pdf_reader: "a-changed-reader")
    run_extract([raw], out, options)
    assert _runs(out)[-1]["extracted"] == 3


def test_another_pdf_reader_reads_every_source_again(workspace):
    raw, out, options = workspace
    run_extract([raw], out, options)
    run_extract([raw], out, dataclasses.replace(options, pdf_reader="pdfplumber"))
    last = _runs(out)[-1]
    assert (last["extracted"], last["versions"]["reader"].split("-")[0]) == (3, "pdfplumber")


def test_a_changed_file_is_read_again_and_the_others_reused(workspace):
    raw, out, options = workspace
    run_extract([raw], out, options)
    changed = next(raw.glob("*.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run_extract([raw], out, options)
    assert (_runs(out)[-1]["extracted"], _runs(out)[-1]["reused"]) == (1, 2)


def test_force_ignores_the_caches(workspace):
    raw, out, options = workspace
    run_extract([raw], out, options)
    run_extract([raw], out, Options(jobs=2, cache_dir=options.cache_dir, force=True))
    assert (_runs(out)[-1]["extracted"], _runs(out)[-1]["reused"]) == (3, 0)
    assert _runs(out)[-1]["forced"] is True


def test_a_damaged_cache_entry_is_a_miss(workspace):
    raw, out, options = workspace
    run_extract([raw], out, options)
    for entry in (options.cache_dir / "records").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    run_extract([raw], out, options)
    assert _runs(out)[-1]["reparsed"] == 3


def test_outputs_do_not_depend_on_the_number_of_jobs(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    run_extract(TEXT_SAMPLE, one, Options(jobs=1))
    run_extract(TEXT_SAMPLE, two, Options(jobs=2))
    assert _tables(one) == _tables(two)


def test_run_record_says_what_the_run_did(workspace):
    raw, out, options = workspace
    summary = run_extract([raw], out, options)
    [record] = _runs(out)
    assert record["problems_by_severity"] == {s: summary.severities[s] for s in ("error", "warning", "info")}
    assert record["reports"] == summary.reports == 3
    assert record["failed"] == 0 and record["exit_status"] == 0 and record["jobs"] == 2
    assert set(record["versions"]) == {"kompass.extractor_version", "kompass.catalog_version", "reader", "parser"}
    assert record["started"] <= record["finished"]
