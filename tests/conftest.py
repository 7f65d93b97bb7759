"""Shared fixtures: where things are, the gold files, and one run of `kompass extract` on data/raw.

Everything is located relative to this directory, so the suite runs from any clone.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from extract.pdf import READERS
from kompass.cli import main

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
RAW_DIR = REPO_ROOT / "data" / "raw"
# The text copies of the bundled sample: most tests run on these alone, as reading the sample's PDF (a copy of
# one of them, which the README's first command shows) takes seconds; the PDF tests use tests/fixtures/pdf.
TEXT_SAMPLE = sorted(path for path in RAW_DIR.iterdir() if path.suffix.lower() != ".pdf")
SAMPLE_PDF = RAW_DIR / "kk-0aecb26ddfde.pdf"
FIXTURES = TESTS_DIR / "fixtures"
GOLD_DIR = FIXTURES / "gold" / "text"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
PDF_DIR = FIXTURES / "pdf"
PDF_GOLD_FILES = sorted((FIXTURES / "gold" / "pdf").glob("*/*.json"))

TABLE_NAMES = ("reports", "areas", "subquestions", "findings", "rubrics", "prior_scores", "sections", "panel",
               "catalog_areas", "catalog_questions", "problems", "problem_codes", "documents", "corrections", "scores")


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_tables(out_dir: Path) -> dict[str, list[dict]]:
    """Every published table of a dataset directory, as lists of row dicts."""
    return {name: pq.read_table(out_dir / f"{name}.parquet").to_pylist() for name in TABLE_NAMES}


@dataclass
class Run:
    out: Path
    exit_code: int
    output: str
    tables: dict[str, list[dict]]


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


def run_extract_cli(*inputs: Path, out: Path, options: tuple[str, ...] = ()) -> Run:
    """`kompass extract INPUTS --out OUT [OPTIONS]` in-process, reading every input afresh (no cache)."""
    result = CliRunner().invoke(main, ["extract", *map(str, inputs), "--out", str(out), "--no-cache", *options])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(out, result.exit_code, result.output, read_tables(out))


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
    from robustness import extract_cases
    return extract_cases(tmp_path_factory.mktemp("robustness"), run_extract_cli)


def require_tool(name: str, install_hint: str) -> str:
    """The path of the command-line tool `name`; skips the test where it is not installed, with the hint.

    Under CI (`$CI` set) a missing tool fails the test instead: CI installs every tool, so a skip there
    would hide a broken set-up.
    """
    found = shutil.which(name)
    if found is not None:
        return found
    reason = f"{name} is not installed ({install_hint})"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; under CI every tool the tests use must be installed")
    pytest.skip(reason)


def kompass_command() -> list[str]:
    """The installed `kompass` console script of the interpreter running the tests."""
    script = Path(sys.executable).parent / ("kompass.exe" if os.name == "nt" else "kompass")
    if script.exists():
        return [str(script)]
    found = shutil.which("kompass")
    if found is None:
        pytest.fail("the kompass console script is not installed (pip install -e .)")
    return [found]


@dataclass
class CommandRun:
    out: Path
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def extracted_subprocess(tmp_path_factory) -> CommandRun:
    """`kompass extract --out <tmp>` run as a subprocess from the repo root (default input data/raw)."""
    work = tmp_path_factory.mktemp("extract_cli")
    out = work / "processed"
    completed = subprocess.run([*kompass_command(), "extract", "--out", str(out), "--cache", str(work / "cache")],
                               cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=600)
    return CommandRun(out, completed.returncode, completed.stdout, completed.stderr)


def rows_of(tables: dict[str, list[dict]], name: str, report_id: str, area_no: int | None = None) -> list[dict]:
    return [row for row in tables[name] if row["report_id"] == report_id
            and (area_no is None or row["area_no"] == area_no)]


def report_for_gold(tables: dict[str, list[dict]], gold: dict) -> dict:
    """The reports row made from the gold document's source file."""
    source = gold["source"]["file"]
    matches = [row for row in tables["reports"] if Path(row["source_path"]).name == source]
    assert len(matches) == 1, f"expected one report from {source}, got {len(matches)}"
    return matches[0]


# Small hand-made reports, used by the layout, pipeline and duplicate tests.

MINI_MARKDOWN = """KOMMUNKOMPASSEN ANALYS AV TÄBY KOMMUN 2017

2017-05-02

UTVÄRDERARE: ANNA BERG, SKL OCH PER EK, SOLNA STAD

Innehåll

1. Vad är Kommunkompassen?\t3
3. Detaljerad genomgång per område\t4
Område 1 Offentlighet och demokrati\t4
Område 7 Ständiga förbättringar\t5

1 Vad är Kommunkompassen?

Kommunkompassen är ett verktyg. Utvärderingen genomfördes i mars 2017 och var kommunens första utvärdering.

3. Detaljerad genomgång per område

Område 1 OFFENTLIGHET OCH DEMOKRATI

Rubriker\tPoäng
<ul style="list-style-type: none">• Strategi för demokrati• Information till medborgare\t64

Allmänt

En kommun är en politiskt styrd organisation med många uppgifter att sköta.

Styrkor\tFörbättringsmöjligheter
<ul style="list-style-type: none"> • Öppna nämndsmöten • Webbsändningar av KF\t<ul style="list-style-type: none"> • Medborgardialog • Synpunktshantering

Område 7 STÄNDIGA FÖRBÄTTRINGAR

Rubriker\tPoäng
<ul style="list-style-type: none">• Kvalitetsarbete\t55

Allmänt

Kommunen arbetar med ständiga förbättringar i hela organisationen.

Styrkor\tFörbättringsmöjligheter
<ul style="list-style-type: none"> • Lean i vården\t<ul style="list-style-type: none"> • Innovationer
"""

_HEAD = "Sveriges Kommuner och Landsting 2017-05-02 {} (6)"
MINI_FLAT_PAGES = [
    "KommunKompassen ANALYS AV TÄBY KOMMUN 2017 Anna Berg, SKL Per Ek, Solna stad",
    _HEAD.format(2) + " Innehåll 1 Vad är Kommunkompassen?... 3 3 Detaljerad genomgång per område... 4 "
    "Område 1 Offentlighet och demokrati... 4 Område 7 Ständiga förbättringar... 5 "
    "4. Översikt av poängfördelning... 6",
    _HEAD.format(3) + " 1 Vad är Kommunkompassen? Kommunkompassen är ett verktyg. Utvärderingen genomfördes "
    "i mars 2017 och var kommunens första utvärdering.",
    _HEAD.format(4) + " 3 Detaljerad genomgång per område Område 1 Offentlighet och demokrati Rubriker "
    "Strategi för demokrati Information till medborgare Poäng 64 Allmänt En kommun är en politiskt styrd "
    "organisation. Resultatet har ökat jämfört med 2014 (55 poäng). Styrkor Öppna nämndsmöten "
    "Webbsändningar av KF Förbättringsmöjligheter Medborgardialog via webben Synpunktshantering",
    _HEAD.format(5) + " Område 7 Ständiga förbättringar Rubriker Kvalitetsarbete Poäng 55 Allmänt Kommunen "
    "arbetar med förbättringar. Styrkor Lean i vården Förbättringsmöjligheter Innovationer",
    _HEAD.format(6) + " 4. Översikt av poängfördelning Tabellerna nedan visar resultatet. 1. Offentlighet och "
    "demokrati Uppnått Max Procent 1.1 Finns en plan/strategi för demokratiutveckling och information? "
    "11 15 75 % 1.2 Informeras invånarna om aktuella frågor i politiken? 17 20 87 % 64 100 64 %",
]
MINI_FLAT = "\n".join(MINI_FLAT_PAGES) + "\n"


@pytest.fixture
def mini_markdown() -> str:
    return MINI_MARKDOWN


@pytest.fixture
def mini_flat() -> str:
    return MINI_FLAT
