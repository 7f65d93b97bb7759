"""normalize.questions.question_id_for: subquestions matched to the catalog's canonical ids."""
from __future__ import annotations

from domain.records import RawSubquestion
from normalize.questions import question_id_for


def _sq(code: str, text: str, maximum: int = 10) -> RawSubquestion:
    return RawSubquestion(int(code.split(".")[0]), code, text, 1, maximum, 10.0, page=35)


def test_same_code_with_line_break_hyphen():
    assert question_id_for("2.1", _sq("1.1", "Finns en plan/strategi för demokrati-utveckling och information?", 15)) \
        == ("openness_democracy.strategy", [])


def test_a_max_unlike_the_catalogs_is_a_warning():
    question_id, problems = question_id_for("2.1", _sq("1.1", "Finns en plan/strategi för demokratiutveckling och "
                                                              "information?", 20))
    assert question_id == "openness_democracy.strategy"
    assert [(p.code, p.page) for p in problems] == [("max_differs_from_catalog", 35)]
    assert "printed 20" in problems[0].message and "15 points" in problems[0].message


def test_leading_hur_is_ignored():
    question_id, problems = question_id_for("2.1", _sq("1.4", "Hur främjas invånardialog och deltagande?", 30))
    assert (question_id, problems) == ("openness_democracy.dialogue", [])


def test_wrong_code_matched_by_wording_is_an_info():
    question_id, problems = question_id_for("2.1", _sq("1.9", "Informeras invånare om resultat?"))
    assert question_id == "openness_democracy.results_information"
    assert [(p.severity, p.code, p.page) for p in problems] == [("info", "question_matched_by_text", 35)]


def test_unknown_question_is_unmatched_with_a_warning():
    question_id, problems = question_id_for("2.1", _sq("1.1", "Hur arbetar kommunen med något helt annat?"))
    assert question_id == "unmatched.2.1.1.1"
    assert [(p.severity, p.code) for p in problems] == [("warning", "question_unmatched")]


def test_every_subquestion_of_the_sample_is_in_the_catalog(extracted):
    ids = [row["question_id"] for row in extracted.tables["subquestions"]]
    assert ids and not [i for i in ids if i.startswith("unmatched.")]
    assert len(set(ids)) == len(ids)
