"""Subquestions matched to the criteria catalog's canonical question_id.

Reports print the catalog's questions with small differences: typos, a
hyphen left from a line break ("demokrati-utveckling"), "Hur arbetar
kommunen ..." for "Arbetar kommunen ...". A question matches when its text is
close to the catalog's text for the same code, or, failing that, close to any
question of the catalog; otherwise it is reported and keeps an id that says so.
"""
from __future__ import annotations

from difflib import SequenceMatcher

import regex as re

from domain.catalog import Question, questions, title_key
from domain.problems import Problem, problem
from domain.records import RawSubquestion

_SAME_CODE = 0.75
_ANY_CODE = 0.88
_LEADING_HOW = re.compile(r"^(?:hur|på vilket sätt)\s+")


def _key(text: str) -> str:
    return _LEADING_HOW.sub("", title_key(text.replace("-", "")))


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _key(a), _key(b)).ratio()


def question_id_for(version: str, sq: RawSubquestion) -> tuple[str, list[Problem]]:
    same_code = [q for q in questions() if q.criteria_version == version and q.code == sq.code]
    for question in same_code:
        if similarity(question.text, sq.text) >= _SAME_CODE:
            return question.question_id, _max_differs(question, sq)
    best = max(questions(), key=lambda q: (similarity(q.text, sq.text), q.criteria_version == version), default=None)
    if best is not None and similarity(best.text, sq.text) >= _ANY_CODE:
        return best.question_id, [problem(
            "question_matched_by_text",
            f"Subquestion {sq.code} (\"{sq.text}\") matches the catalog's "
            f"{best.criteria_version} question {best.code} by its wording.", sq.page)]
    return f"unmatched.{version}.{sq.code}", [problem(
        "question_unmatched",
        f"Subquestion {sq.code} (\"{sq.text}\") is not in the {version} criteria catalog.", sq.page)]


def _max_differs(question: Question, sq: RawSubquestion) -> list[Problem]:
    if question.max_points == sq.max:
        return []
    return [problem(
        "max_differs_from_catalog",
        f"Subquestion {sq.code}: Max is printed {sq.max}, the {question.criteria_version} criteria give "
        f"{question.max_points} points.", sq.page)]
