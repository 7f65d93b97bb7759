"""End to end findings against the gold files: segmentation exact, kinds mostly right, unknowns declared."""
from __future__ import annotations

import re
from collections import Counter

from helpers.runs import report_for_gold, rows_of

MAX_WRONG_KIND_SHARE = 0.10
MIN_KIND_CREDIT = 0.85


def _gold_items(area: dict) -> list[tuple[str, str]]:
    return ([(text, "strength") for text in area["strengths"]]
            + [(text, "improvement") for text in area["improvements"]]
            + [(text, "ambiguous") for text in area["ambiguous"]])


def test_finding_texts_match_gold_exactly(extracted, gold):
    report_id = report_for_gold(extracted.tables, gold)["report_id"]
    for area in gold["areas"]:
        got = Counter(r["text"] for r in rows_of(extracted.tables, "findings", report_id, area["area_no"]))
        want = Counter(text for text, _ in _gold_items(area))
        assert got == want, f"area {area['area_no']}: missing {sorted(want - got)}, extra {sorted(got - want)}"


def _kind_tally(extracted, gold_all) -> tuple[int, int, float]:
    """(gold items, wrong definite kinds, credit) over the whole sample.

    Credit: 1 for a right kind (any kind for an item gold marks ambiguous), 0.5 for `unknown`, 0 when wrong.
    """
    total, wrong, credit = 0, 0, 0.0
    for gold in gold_all:
        report_id = report_for_gold(extracted.tables, gold)["report_id"]
        for area in gold["areas"]:
            pool = [(r["text"], r["kind"]) for r in rows_of(extracted.tables, "findings", report_id, area["area_no"])]
            for text, want in _gold_items(area):
                total += 1
                candidates = [i for i, (t, _) in enumerate(pool) if t == text]
                if not candidates:
                    continue
                best = next((i for i in candidates if want in ("ambiguous", pool[i][1])), candidates[0])
                got = pool.pop(best)[1]
                if want == "ambiguous" or got == want:
                    credit += 1
                elif got == "unknown":
                    credit += 0.5
                else:
                    wrong += 1
    return total, wrong, credit


def test_kinds_are_rarely_wrong(extracted, gold_all):
    total, wrong, _ = _kind_tally(extracted, gold_all)
    assert total > 0
    assert wrong / total <= MAX_WRONG_KIND_SHARE, f"{wrong} of {total} findings have the wrong kind"


def test_kind_credit(extracted, gold_all):
    total, _, credit = _kind_tally(extracted, gold_all)
    assert credit / total >= MIN_KIND_CREDIT, f"credit {credit} of {total}"


def test_kinds_are_from_the_contract(extracted):
    assert {r["kind"] for r in extracted.tables["findings"]} <= {"strength", "improvement", "unknown"}


def test_markdown_table_cells_leave_no_kind_unknown(extracted):
    markdown = {r["report_id"] for r in extracted.tables["reports"] if r["rendering"] == "markdown"}
    assert markdown
    assert not [r for r in extracted.tables["findings"] if r["report_id"] in markdown and r["kind"] == "unknown"]


def test_every_unknown_is_declared_by_a_warning(extracted):
    unknown = Counter((r["report_id"], r["area_no"]) for r in extracted.tables["findings"] if r["kind"] == "unknown")
    assert unknown, "the flat sample has flattened tables, so some kinds must stay unknown"
    declared: Counter = Counter()
    for problem in extracted.tables["problems"]:
        if problem["code"] == "findings_columns_lost":
            assert problem["severity"] == "warning"
            match = re.match(r"Område (\d): .*?(\d+) of its \d+ items", problem["message"])
            assert match, problem["message"]
            declared[(problem["report_id"], int(match.group(1)))] += int(match.group(2))
    assert declared == unknown


def test_finding_texts_are_clean(extracted):
    for row in extracted.tables["findings"]:
        text = row["text"]
        assert text == text.strip() and "  " not in text
        assert not text.startswith(("•", "▪", "●", "- "))
