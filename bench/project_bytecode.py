"""The project's modules compiled to bytecode before a benchmark, as `pip install` compiles an installed package.

A checkout run with PYTHONDONTWRITEBYTECODE set (as on this project's
machine) would otherwise compile every module again in every process, 0.2 CPU s
a `kompass extract` run, which is not the cost a user of an installed kompass pays.
"""
from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("domain", "extract", "parsers", "normalize", "kompass")


def compile_project() -> None:
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)
