"""Shared fixtures: the gold files, the PDF readers, and runs of `kompass extract` made once per session.

What the tests share besides fixtures (paths, runs, tools, built documents) is the `helpers` package.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from extract.pdf import READERS
from helpers.mini_reports import MINI_FLAT, MINI_MARKDOWN
from helpers.paths import GOLD_DIR, GOLD_FILES, PDF_DIR, PDF_GOLD_FILES, RAW_DIR, REPO_ROOT, TEXT_SAMPLE
from helpers.runs import CommandRun, Run, kompass_command, load_gold, run_extract_cli


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tiers follow what a test needs: Tesseract makes it `ocr`, the robustness cases (built and extracted
    once, minutes) make it `slow`, and `ocr` and `lab` tests are slow too; `pytest -m "not slow"` is the quick loop."""
    for item in items:
        if "tesseract" in item.fixturenames:
            item.add_marker(pytest.mark.ocr)
        if "robust" in item.fixturenames or item.get_closest_marker("ocr") or item.get_closest_marker("lab"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def tesseract() -> None:
    """Tests that OCR need Tesseract with its Swedish model: skipped where it is missing, failed under CI."""
    missing = shutil.which("tesseract") is None or "swe" not in subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    if missing:
        reason = "Tesseract with its Swedish model is not installed (apt-get install tesseract-ocr tesseract-ocr-swe)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, but CI must run the OCR tests: .ci/run installs it")
        pytest.skip(reason)


@pytest.fixture(scope="session", autouse=True)
def cache_outside_the_repo(tmp_path_factory):
    """Runs that keep a cache keep it in a temporary directory, not in the working tree."""
    os.environ["KOMPASS_CACHE"] = str(tmp_path_factory.mktemp("kompass-cache"))


@pytest.fixture(params=sorted(READERS))
def reader(request) -> str:
    """Each PDF reader in turn (tests using it run once per reader)."""
    return request.param


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW_DIR


@pytest.fixture(scope="session")
def gold_all() -> list[dict]:
    assert GOLD_FILES, f"no gold files in {GOLD_DIR}"
    return [load_gold(path) for path in GOLD_FILES]


@pytest.fixture(params=GOLD_FILES, ids=[path.stem for path in GOLD_FILES])
def gold(request) -> dict:
    """One gold document at a time (tests using it run once per gold file)."""
    return load_gold(request.param)


@pytest.fixture(scope="session")
def extracted(tmp_path_factory) -> Run:
    """`kompass extract <the text sample> --out <tmp>` run once in-process for the whole session."""
    return run_extract_cli(*TEXT_SAMPLE, out=tmp_path_factory.mktemp("extract") / "processed")


@pytest.fixture(scope="session")
def pdf_extracted(tmp_path_factory):
    """`kompass extract tests/fixtures/pdf/<group> --out <tmp>`: run(group) runs it at most once per session."""
    runs: dict[str, Run] = {}

    def run(group: str) -> Run:
        if group not in runs:
            runs[group] = run_extract_cli(PDF_DIR / group, out=tmp_path_factory.mktemp(f"pdf_{group}") / "processed")
        return runs[group]

    return run


@pytest.fixture(params=PDF_GOLD_FILES, ids=[f"{path.parent.name}/{path.stem}" for path in PDF_GOLD_FILES])
def pdf_gold(request) -> tuple[str, dict]:
    """One gold document of the PDF fixtures at a time, with its group ("a" or "b")."""
    return request.param.parent.name, load_gold(request.param)


@pytest.fixture(scope="session")
def robust(tmp_path_factory):
    """Every case the robustness modules registered, built and extracted once (tests/robustness.py)."""
    from helpers.robustness import extract_cases
    return extract_cases(tmp_path_factory.mktemp("robustness"), run_extract_cli)


@pytest.fixture(scope="session")
def extracted_subprocess(tmp_path_factory) -> CommandRun:
    """`kompass extract --out <tmp>` run as a subprocess from the repo root (default input data/raw)."""
    work = tmp_path_factory.mktemp("extract_cli")
    out = work / "processed"
    completed = subprocess.run([*kompass_command(), "extract", "--out", str(out), "--cache", str(work / "cache")],
                               cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=600)
    return CommandRun(out, completed.returncode, completed.stdout, completed.stderr)


@pytest.fixture
def mini_markdown() -> str:
    return MINI_MARKDOWN


@pytest.fixture
def mini_flat() -> str:
    return MINI_FLAT
