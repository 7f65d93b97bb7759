"""parsers.findings: kinds of the items of a findings table, and when they must stay unknown."""
from __future__ import annotations

from parsers.findings import column_findings, flattened_findings
from domain.origin import Origin
from domain.records import Problem


def _kinds(block) -> list[tuple[str, str, int | None]]:
    return [(item.kind, item.text, item.page) for item in block.items]


def test_column_findings_keep_their_columns():
    block = column_findings([("A", Origin(3)), ("B", Origin(3))], [("C", Origin(4))], 3)
    assert _kinds(block) == [("strength", "A", 3), ("strength", "B", 3), ("improvement", "C", 4)]
    assert block.page == 3
    assert block.problems == []


def test_only_a_strength_header_gives_a_list_of_strengths():
    block = flattened_findings([("A", Origin(1)), ("B", Origin(1))], [], has_right_header=False, page=1)
    assert _kinds(block) == [("strength", "A", 1), ("strength", "B", 1)]
    assert block.problems == []


def test_items_between_headers_are_the_left_column_and_as_many_after_are_the_right():
    block = flattened_findings([("A", Origin(1)), ("B", Origin(1))], [("C", Origin(1)), ("D", Origin(2))],
                               has_right_header=True, page=1)
    assert _kinds(block) == [("strength", "A", 1), ("strength", "B", 1),
                             ("improvement", "C", 1), ("improvement", "D", 2)]
    assert block.problems == []


def test_right_items_beyond_the_left_count_are_unknown_with_a_warning():
    block = flattened_findings([("A", Origin(1)), ("B", Origin(1))],
                               [("C", Origin(1)), ("D", Origin(1)), ("E", Origin(2))], has_right_header=True, page=1)
    assert _kinds(block) == [("strength", "A", 1), ("strength", "B", 1),
                             ("improvement", "C", 1), ("improvement", "D", 1), ("unknown", "E", 2)]
    assert len(block.problems) == 1
    problem = block.problems[0]
    assert isinstance(problem, Problem)
    assert (problem.severity, problem.code, problem.page) == ("warning", "findings_columns_lost", 1)
    assert "1 of its 5 items" in problem.message


def test_header_row_alone_leaves_every_item_unknown():
    block = flattened_findings([], [("A", Origin(7)), ("B", Origin(8)), ("C", Origin(8))], has_right_header=True,
                               page=7)
    assert _kinds(block) == [("unknown", "A", 7), ("unknown", "B", 8), ("unknown", "C", 8)]
    assert [(p.severity, p.code, p.page) for p in block.problems] == [("warning", "findings_columns_lost", 7)]
    assert "3 of its 3 items" in block.problems[0].message


def test_fewer_right_items_than_left_are_all_improvements():
    block = flattened_findings([("A", Origin(1)), ("B", Origin(1))], [("C", Origin(1))], has_right_header=True, page=1)
    assert [item.kind for item in block.items] == ["strength", "strength", "improvement"]
    assert block.problems == []


def test_empty_table_has_no_items_and_no_warning():
    block = flattened_findings([], [], has_right_header=True, page=2)
    assert block.items == []
    assert block.problems == []


def test_a_longer_left_column_continues_after_the_right_one_and_stays_unknown():
    # Left items beside the right column fill 4 lines; the right column's first two items fill as many, so the
    # two after them may be the left column's end (which a flattening prints last) and are not called improvements.
    left = [("Öppna nämndsmöten", Origin(1)), ("Tydlig vision", Origin(1)), ("Goda resultat", Origin(1)),
            ("Aktivt arbete", Origin(1))]
    right = [("Utveckla dialogen med unga invånare och med föreningslivet i kommunen", Origin(1)),
             ("Tydligare koppling mellan mål och resurser i budgeten och i uppföljningen", Origin(1)),
             ("Återkommande medborgarundersökningar", Origin(1)), ("Fungerande internkontroll", Origin(1))]
    block = flattened_findings(left, right, has_right_header=True, page=1)
    assert [f.kind for f in block.items] == ["strength"] * 4 + ["improvement"] * 2 + ["unknown"] * 2
    assert [p.code for p in block.problems] == ["findings_columns_lost"]
