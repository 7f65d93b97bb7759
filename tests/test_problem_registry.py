"""The problem-code registry and the code agree: every code raised is registered, every registered code is raised."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

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



def _literals(node: ast.AST) -> list[str]:
    """The strings a comparison's operand spells out: a literal, or the literals of a tuple, list or set."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [value for element in node.elts for value in _literals(element)]
    return []


def _code_comparisons(source: str, codes: set[str]) -> list[str]:
    """The comparisons in `source` with a problem-code literal on either side."""
    return [f"{node.lineno}: {ast.unparse(node)}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Compare)
            and codes & {value for operand in (node.left, *node.comparators) for value in _literals(operand)}]


def test_no_stage_compares_problem_codes_of_its_own():
    """What the run does on a code is a column of the registry (in_cache, environment, page_lost): a comparison
    with a code literal (`p.code == "ocr_failed"`, `code in ("a", "b")`) anywhere else is a second registry."""
    codes = set(problem_codes())
    found = [f"{path.relative_to(ROOT)}:{comparison}" for package in PACKAGES
             for path in sorted((ROOT / package).rglob("*.py"))
             for comparison in _code_comparisons(path.read_text(encoding="utf-8"), codes)]
    assert found == []


def test_the_scan_finds_code_comparisons_of_every_shape():
    source = ("if p.code == 'ocr_failed': pass\n"
              "keep = [p for p in ps if p['code'] not in ('empty_file', 'other')]\n"
              "same = 'not_a_pdf' != code\n"
              "fine = kind == 'strength' and p.code == CODE\n")
    assert sorted(line.split(":")[0] for line in _code_comparisons(source, {"ocr_failed", "empty_file", "not_a_pdf"})) \
        == ["1", "2", "3"]


def test_behaviour_columns_hold_what_the_run_relies_on():
    """The codes whose handling the pipeline and the publish rule read from the registry."""
    codes = problem_codes()
    assert codes["ocr_failed"].in_cache == "never" and codes["cache_entry_invalid"].in_cache == "dropped"
    assert {code for code, row in codes.items() if row.environment == "always"} == \
        {"unreadable_file", "worker_unavailable", "extraction_memory"}
    assert {code for code, row in codes.items() if row.page_lost} == {"page_unreadable"}
    # a failure of the environment is never cached: the next run, in a mended environment, must read the file
    assert all(row.in_cache == "never" for row in codes.values() if row.environment == "always")


def test_a_value_outside_its_columns_choices_is_refused(tmp_path, monkeypatch):
    import domain.problems as problems

    monkeypatch.setattr(problems, "data_rows", lambda name: [
        {"code": "x", "severity": "error", "stage": "run", "meaning": "m", "in_cache": "sometimes",
         "environment": "no", "page_lost": "no"}])
    problems.problem_codes.cache_clear()
    try:
        with pytest.raises(ValueError, match="in_cache 'sometimes'"):
            problems.problem_codes()
    finally:
        problems.problem_codes.cache_clear()
