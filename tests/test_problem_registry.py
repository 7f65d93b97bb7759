"""The problem-code registry and the code agree: every code raised is registered, every registered code is raised."""
from __future__ import annotations

import ast
from pathlib import Path

from domain.problems import problem_codes

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("domain", "extract", "parsers", "normalize", "kompass")
_RAISERS = {"problem", "ExtractionError"}  # called with the code as their first argument


def _trees() -> list[ast.AST]:
    return [ast.parse(path.read_text(encoding="utf-8")) for package in PACKAGES
            for path in sorted((ROOT / package).rglob("*.py"))]


def _called_name(node: ast.Call) -> str | None:
    return node.func.id if isinstance(node.func, ast.Name) else \
        node.func.attr if isinstance(node.func, ast.Attribute) else None


def test_every_code_a_stage_raises_is_registered():
    raised = {node.args[0].value for tree in _trees() for node in ast.walk(tree)
              if isinstance(node, ast.Call) and _called_name(node) in _RAISERS and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}
    assert raised, "no problem raised with a literal code: the scan of the sources is broken"
    assert sorted(raised - set(problem_codes())) == []


def test_every_registered_code_is_raised_somewhere():
    constants = {node.value for tree in _trees() for node in ast.walk(tree)
                 if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert sorted(set(problem_codes()) - constants) == []


def test_severities_and_stages_are_from_their_lists():
    codes = problem_codes().values()
    assert {code.severity for code in codes} <= {"error", "warning", "info"}
    assert all(code.meaning.strip() for code in codes)
