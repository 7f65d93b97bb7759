"""The panel joins reports with the earlier scores they quote, and flags contradictions."""
from __future__ import annotations

from normalize.panel import build_panel


def _report(report_id, municipality, year, version="2.1", total=None):
    return {"report_id": report_id, "municipality": municipality, "municipality_code": "0163", "year": year,
            "criteria_version": version, "total_score": total, "source_path": f"{report_id}.pdf"}


def _area(report_id, area_no, area_id, score, group=None):
    return {"report_id": report_id, "area_no": area_no, "area_id": area_id, "comparison_group": group or area_id,
            "score": score}


def _prior(report_id, ref_year, area_no, score):
    return {"report_id": report_id, "ref_year": ref_year, "area_no": area_no, "score": score, "source": "text"}


def test_quoted_evaluation_without_a_report_is_recovered():
    result = build_panel([_report("s-2018", "Sollentuna", 2018, total=602)],
                         [_area("s-2018", 1, "openness_democracy", 76)],
                         [_prior("s-2018", 2015, 1, 65), _prior("s-2018", 2015, None, 551)])
    rows = {(r["year"], r["area_id"]): r for r in result.rows}
    assert rows[(2015, "openness_democracy")]["score"] == 65
    assert rows[(2015, "openness_democracy")]["source"] == "quoted"
    assert rows[(2015, "openness_democracy")]["criteria_version"] == "2.0"
    assert rows[(2015, "openness_democracy")]["report_id"] == "s-2018"
    assert rows[(2015, "total")]["score"] == 551 and rows[(2015, "total")]["area_no"] is None
    assert rows[(2018, "total")]["source"] == "report"
    assert result.problems == []


def test_report_wins_over_a_quote_and_a_contradiction_is_a_problem_of_the_quoting_report():
    reports = [_report("s-2015", "Sollentuna", 2015, "2.0"), _report("s-2018", "Sollentuna", 2018)]
    areas = [_area("s-2015", 1, "openness_democracy", 65), _area("s-2018", 1, "openness_democracy", 76)]
    result = build_panel(reports, areas, [_prior("s-2018", 2015, 1, 60)])
    row = next(r for r in result.rows if r["year"] == 2015)
    assert (row["score"], row["source"], row["report_id"]) == (65, "report", "s-2015")
    [(source_path, report_id, problem)] = result.problems
    assert (source_path, report_id, problem.code, problem.severity) == ("s-2018.pdf", "s-2018",
                                                                         "prior_score_conflict", "warning")
    assert "60" in problem.message and "65" in problem.message


def test_two_reports_quoting_the_same_evaluation_differently_is_flagged():
    reports = [_report("s-2018", "Sollentuna", 2018), _report("s-2021", "Sollentuna", 2021, "2020")]
    result = build_panel(reports, [], [_prior("s-2018", 2015, 2, 66), _prior("s-2021", 2015, 2, 64)])
    assert [p.code for _, _, p in result.problems] == ["prior_score_conflict"]
    assert [r["score"] for r in result.rows] == [66]


def test_totals_of_different_criteria_versions_never_share_a_comparison_group():
    reports = [_report("s-2015", "Sollentuna", 2015, "2.0", 551), _report("s-2018", "Sollentuna", 2018, total=602),
               _report("s-2021", "Sollentuna", 2021, "2020", 610)]
    result = build_panel(reports, [], [_prior("s-2018", 2008, None, 480), _prior("s-2018", 2012, None, 530)])
    groups = {(r["year"], r["criteria_version"]): r["comparison_group"] for r in result.rows}
    assert groups == {(2008, "1.0"): "total/1.0", (2012, "2.0"): "total/2.0", (2015, "2.0"): "total/2.0",
                      (2018, "2.1"): "total/2.1", (2021, "2020"): "total/2020"}


def test_a_quoted_evaluation_before_2010_has_the_original_criteria_and_their_groups():
    result = build_panel([_report("s-2011", "Sollentuna", 2011, "2.0")],
                         [_area("s-2011", 1, "openness_democracy", 70)], [_prior("s-2011", 2007, 1, 62)])
    quoted = next(r for r in result.rows if r["source"] == "quoted")
    assert (quoted["criteria_version"], quoted["comparison_group"]) == ("1.0", "openness_democracy/1.0")


def test_bundled_sample_panel_includes_the_quoted_earlier_evaluation(extracted):
    panel = extracted.tables["panel"]
    quoted = [(r["municipality"], r["year"], r["area_id"], r["score"]) for r in panel if r["source"] == "quoted"]
    assert ("Sollentuna", 2015, "total", 551) in quoted
    assert {r["report_id"] for r in panel if r["source"] == "report"} == {r["report_id"]
                                                                           for r in extracted.tables["reports"]}
    totals = {(r["year"], r["criteria_version"]): r["comparison_group"] for r in panel
              if r["municipality"] == "Sollentuna" and r["area_id"] == "total"}
    assert totals == {(2015, "2.0"): "total/2.0", (2018, "2.1"): "total/2.1"}  # area 7 changed in 2016
