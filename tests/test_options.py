"""kompass.options: the defaults the command line and kompass.extract show are Options()'s; the inputs are walked
once per run."""
from __future__ import annotations

import inspect

import pytest

import kompass.pipeline as pipeline
from helpers.mini_reports import MINI_MARKDOWN
from helpers.runs import read_tables
from kompass import api
from kompass.cli import extract as extract_command
from kompass.inputs import find_inputs
from kompass.options import DEFAULTS, Options


def test_the_commands_defaults_are_those_of_options():
    defaults = {param.name: param.default for param in extract_command.params}
    assert (defaults["jobs"], defaults["timeout"], defaults["memory_limit"], defaults["pdf_reader"],
            defaults["ocr"]) == (DEFAULTS.jobs, DEFAULTS.limits.timeout, DEFAULTS.limits.memory_mb,
                                 DEFAULTS.pdf_reader, DEFAULTS.ocr.mode)
    assert DEFAULTS == Options()


def test_kompass_extracts_defaults_are_those_of_options():
    defaults = {name: param.default for name, param in inspect.signature(api.extract).parameters.items()}
    assert (defaults["timeout"], defaults["memory_limit"], defaults["pdf_reader"], defaults["ocr"]) == \
        (DEFAULTS.limits.timeout, DEFAULTS.limits.memory_mb, DEFAULTS.pdf_reader, DEFAULTS.ocr.mode)


def test_a_run_given_the_walk_of_its_inputs_does_not_walk_them_again(tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    (root / "r.md").write_text(MINI_MARKDOWN, encoding="utf-8")
    out = tmp_path / "out"
    found = find_inputs([root], out)

    def walk_again(*args):
        raise AssertionError("the inputs were walked a second time")

    monkeypatch.setattr(pipeline, "find_inputs", walk_again)
    summary = pipeline.run_extract(found, out, Options(jobs=1))
    assert [row["source_path"] for row in read_tables(out)["documents"]] == ["r.md"]
    assert summary.reports == 1
    with pytest.raises(AssertionError, match="walked a second time"):
        pipeline.run_extract([root], tmp_path / "other", Options(jobs=1))
