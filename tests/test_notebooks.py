"""The analysts' notebooks (jupytext percent .py files) run in a fresh kernel against extracted datasets.

Each notebook is converted with jupytext and executed with nbclient in the "python3" kernel, which
jupyter_client starts with this interpreter, so it sees the same installed packages; the dataset is
given to the notebook through $KOMPASS_DATASET.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import jupytext
import nbformat
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

from helpers.paths import RAW_DIR, REPO_ROOT
from helpers.runs import read_tables
from kompass.cli import main

pytestmark = pytest.mark.slow  # executes the notebooks

NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
LOAD_AND_JOIN = NOTEBOOKS_DIR / "01_load_and_join.py"
COMPARE = NOTEBOOKS_DIR / "02_compare_municipalities.py"
PREFIX_MARKER = "kernel prefix: "


def execute_notebook(path: Path, dataset: Path, workdir: Path) -> nbformat.NotebookNode:
    """The notebook at path, executed with KOMPASS_DATASET=dataset and KOMPASS_FIGURES=workdir/figures;
    a failing cell raises CellExecutionError."""
    notebook = jupytext.read(path)
    notebook.cells.append(nbformat.v4.new_code_cell(f"import sys; print({PREFIX_MARKER!r} + sys.prefix)"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KOMPASS_DATASET", str(dataset))
        patch.setenv("KOMPASS_FIGURES", str(workdir / "figures"))
        patch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
        client = NotebookClient(notebook, kernel_name="python3", timeout=600,
                                resources={"metadata": {"path": str(workdir)}})
        client.execute()
    return notebook


def printed(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook's cells printed (stream outputs)."""
    return "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                   for output in cell.outputs if output.output_type == "stream")


def image_count(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs)


def extract_to(out: Path, *inputs: Path) -> Path:
    options = {param.name for param in main.commands["extract"].params}
    args = ["extract", *map(str, inputs), "--out", str(out), *(["--no-cache"] if "no_cache" in options else [])]
    result = CliRunner().invoke(main, args)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return out


@pytest.fixture(scope="module")
def single_report_dataset(tmp_path_factory) -> Path:
    """A dataset of one report: the markdown report of the bundled sample alone."""
    markdown = sorted(RAW_DIR.glob("*.md"))
    assert markdown, f"no markdown report in {RAW_DIR}"
    out = extract_to(tmp_path_factory.mktemp("single") / "processed", markdown[0])
    assert len(read_tables(out)["reports"]) == 1
    return out


@pytest.fixture(scope="module")
def sample_runs(extracted, tmp_path_factory) -> dict[str, nbformat.NotebookNode]:
    workdir = tmp_path_factory.mktemp("notebooks_sample")
    return {path.stem: execute_notebook(path, extracted.out, workdir) for path in (LOAD_AND_JOIN, COMPARE)}


def test_notebooks_are_jupytext_percent_files():
    for path in (LOAD_AND_JOIN, COMPARE):
        text = path.read_text(encoding="utf-8")
        assert "format_name: percent" in text
        assert text.count("# %%") >= 5


def test_kernel_is_this_interpreter(sample_runs):
    for notebook in sample_runs.values():
        assert f"{PREFIX_MARKER}{sys.prefix}\n" in printed(notebook)


def test_load_and_join_overview_matches_the_tables(sample_runs, extracted):
    output = printed(sample_runs[LOAD_AND_JOIN.stem])
    tables = extracted.tables
    kinds = Counter(row["kind"] for row in tables["findings"])
    assert f"dataset: {extracted.out}\n" in output
    assert f"pandas and duckdb agree on {len(tables['areas'])} area scores" in output
    assert (f"overview: {len(tables['reports'])} reports, {kinds['strength']} strengths, "
            f"{kinds['improvement']} improvements") in output
    assert "failed documents: 0" in output
    # read with dtype_backend="pyarrow": integers stay integers, though the sample's 2015 report has no total
    assert [row["total_score"] for row in tables["reports"]].count(None) == 1
    assert "score types: total_score int16[pyarrow], area score int16[pyarrow]\n" in output
    assert len(tables["reports"]) == 3


def test_compare_draws_radar_distribution_panel_and_lemmas(sample_runs, extracted):
    notebook = sample_runs[COMPARE.stem]
    output = printed(notebook)
    assert "municipalities with several evaluations: ['Sollentuna']" in output
    totals: dict[str, list[str]] = {}
    for row in sorted(extracted.tables["panel"], key=lambda row: row["year"]):
        if row["municipality"] == "Sollentuna" and row["area_id"] == "total":
            totals.setdefault(row["comparison_group"], []).append(f"{row['year']} {row['score']}")
    assert len(totals) == 2  # 2015 (criteria 2.0) and 2018 (2.1): totals that do not compare
    printed_totals = [line for line in output.splitlines() if line.startswith("totals Sollentuna ")]
    assert printed_totals == [f"totals Sollentuna {group}: {', '.join(scores)}"  # whole numbers
                              for group, scores in sorted(totals.items())]
    assert image_count(notebook) == 4  # radars, distribution, Sollentuna's panel, lemmas
    figures = Path(output.split("figure: ")[1].splitlines()[0]).parent
    assert sorted(path.name for path in figures.iterdir()) == [
        "area_distribution.png", "lemmas.png", "panel_Sollentuna.png", "radar.png"]
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in figures.iterdir())
    def kind(row):
        return row["kind"] if row["kind"] != "unknown" else row["kind_guess"]

    lemma_total = sum(len(row["lemmas"]) for row in extracted.tables["findings"]
                      if kind(row) in ("strength", "improvement"))
    assert f"lemmas: {lemma_total} in 3 reports" in output
    radar_source = next(cell.source for cell in notebook.cells if "projection" in cell.source)
    assert "polar" in radar_source


def test_notebooks_run_on_a_single_report(single_report_dataset, tmp_path):
    load = execute_notebook(LOAD_AND_JOIN, single_report_dataset, tmp_path)
    compare = execute_notebook(COMPARE, single_report_dataset, tmp_path)
    assert "overview: 1 reports" in printed(load)
    assert "municipalities with several evaluations: none" in printed(compare)
    assert image_count(compare) == 3  # no panel figure without a second evaluation


def test_notebooks_default_to_the_repositorys_dataset():
    for path in (LOAD_AND_JOIN, COMPARE):
        text = path.read_text(encoding="utf-8")
        assert 'os.environ.get("KOMPASS_DATASET")' in text
        assert '/ "data" / "processed"' in text


def test_notebooks_read_the_dataset_through_the_python_api():
    for path in (LOAD_AND_JOIN, COMPARE):
        text = path.read_text(encoding="utf-8")
        assert "kompass.load(DATASET)" in text and "read_parquet" not in text
    assert "data.to_duckdb()" in LOAD_AND_JOIN.read_text(encoding="utf-8")
