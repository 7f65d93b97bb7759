"""The rules the project keeps, checked by the tools that keep them: ruff (style, imports, pathlib, complexity
of at most 10), the stages' import layers (import-linter) and the types (mypy), as configured in pyproject.toml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.paths import REPO_ROOT


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    executable = Path(sys.executable).parent / tool
    if not executable.exists():  # installed with the tests (pip install -e '.[test]')
        pytest.fail(f"{tool} is not installed beside {sys.executable}: pip install -e '.[test]'")
    return subprocess.run([str(executable), *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    checked = _run("ruff", "check", "--no-cache", ".")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_stages_import_downwards_only():
    checked = _run("lint-imports", "--no-cache")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.slow  # half a minute on a busy machine
def test_mypy_finds_nothing():
    checked = _run("mypy")
    assert checked.returncode == 0, checked.stdout + checked.stderr
