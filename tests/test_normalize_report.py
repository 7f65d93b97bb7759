"""normalize.rows.normalize_report: a raw record becomes the rows of the published tables."""
from __future__ import annotations

from datetime import date

from domain.origin import Origin
from domain.records import RawArea, RawFinding, RawPriorScore, RawReport, RawSubquestion
from normalize.rows import normalize_report


def _raw(**fields) -> RawReport:
    report = RawReport("sub/r.txt", "ab" * 32, "text", "flat", municipality="SOLLENTUNA", year=2018,
                       report_date=date(2018, 6, 19), evaluators=["Anna  Berg,\u00a0SKL"], complete=True)
    report.named_areas = {7: ["Ständiga förbättringar"]}
    for name, value in fields.items():
        setattr(report, name, value)
    return report


def test_no_area_is_unknown_layout_error():
    result = normalize_report(_raw(), "9.9")
    assert result.report_id is None
    assert result.rows == {}
    assert [(p.severity, p.code) for p in result.problems] == [("error", "unknown_layout")]


def test_no_municipality_is_published_under_an_id_from_its_source_with_a_warning():
    result = normalize_report(_raw(municipality=None, areas=[RawArea(1, "T", score=50)]), "9.9")
    assert result.report_id == "unidentified-r-2018"
    assert result.rows["reports"][0]["municipality"] == "unidentified"
    assert result.rows["reports"][0]["municipality_code"] is None
    assert ("warning", "report_unidentified") in [(p.severity, p.code) for p in result.problems]


def test_no_year_is_report_year_unknown_error():
    result = normalize_report(_raw(year=None, areas=[RawArea(1, "T", score=50)]), "9.9")
    assert result.report_id is None
    assert [(p.severity, p.code) for p in result.problems] == [("error", "report_year_unknown")]


def test_report_row():
    areas = [RawArea(n, f"Titel {n}", score=70) for n in range(1, 9)]
    result = normalize_report(_raw(areas=areas), "9.9")
    assert result.report_id == "sollentuna-2018"
    [row] = result.rows["reports"]
    assert row["municipality"] == "Sollentuna"
    assert row["municipality_code"] == "0163"
    assert row["evaluators"] == ["Anna Berg, SKL"]
    assert row["criteria_version"] == "2.1"
    assert row["total_score"] == 560  # no stated total: the sum of the eight areas
    assert (row["source_path"], row["source_format"], row["extractor_version"]) == ("sub/r.txt", "text", "9.9")


def test_stated_total_wins_and_fewer_than_eight_areas_give_no_sum():
    assert normalize_report(_raw(areas=[RawArea(1, "T", score=70)], stated_total=602), "1").rows["reports"][0][
        "total_score"] == 602
    assert normalize_report(_raw(areas=[RawArea(1, "T", score=70)]), "1").rows["reports"][0]["total_score"] is None


def test_unresolved_municipality_keeps_its_name_without_code():
    result = normalize_report(_raw(municipality="NORRA DJURSHOLM", areas=[RawArea(1, "T", score=50)]), "1")
    assert result.report_id == "norra-djursholm-2018"
    assert result.rows["reports"][0]["municipality_code"] is None
    assert "municipality_unresolved" in [p.code for p in result.problems]


def test_findings_positions_per_kind_and_cleaned_text():
    area = RawArea(7, "STÄNDIGA FÖRBÄTTRINGAR", score=62, findings=[
        RawFinding("strength", "Stort utbud av e- tjänster", 30), RawFinding("improvement", "Mer utveck- ling", 30),
        RawFinding("strength", "Lean", 31), RawFinding("unknown", "Oklart", 31)])
    rows = normalize_report(_raw(areas=[area]), "1").rows
    assert [(r["kind"], r["position"], r["text"], r["page"], r["area_id"]) for r in rows["findings"]] == [
        ("strength", 1, "Stort utbud av e-tjänster", 30, "continuous_improvement"),
        ("improvement", 1, "Mer utveckling", 30, "continuous_improvement"),
        ("strength", 2, "Lean", 31, "continuous_improvement"),
        ("unknown", 1, "Oklart", 31, "continuous_improvement")]
    assert rows["areas"] == [{"report_id": "sollentuna-2018", "area_no": 7, "area_id": "continuous_improvement",
                              "comparison_group": "continuous_improvement/2.1", "title": "STÄNDIGA FÖRBÄTTRINGAR",
                              "score": 62, "max_score": 100, "page": None, "bbox": None, "source_span": None}]


def test_rows_say_where_their_values_stand_and_the_metadata_where_it_is_printed():
    score = Origin(6, (459.2, 166.2, 479.4, 186.2))
    areas = [RawArea(n, f"Titel {n}", page=2 * n, score=70) for n in range(1, 9)]
    areas[0].score_origin, areas[0].rubrics, areas[0].rubric_origins = score, ["A", "B"], [Origin(6, span=(3, 4))]
    priors = [RawPriorScore(2015, 1, 65, "text", origin=Origin(7, (71.0, 476.0, 484.4, 487.0)))]
    origins = {"municipality": Origin(1, (60.0, 238.6, 387.6, 266.6)), "total_score": Origin(4, span=(40, 43))}
    rows = normalize_report(_raw(areas=areas, prior_scores=priors, origins=origins), "1").rows
    assert [(r["page"], r["bbox"], r["source_span"]) for r in rows["areas"][:2]] == [
        (6, [459.2, 166.2, 479.4, 186.2], None), (4, None, None)]  # an area without a box: its heading's page
    assert [(r["text"], r["page"], r["source_span"]) for r in rows["rubrics"]] == [("A", 6, [3, 4]), ("B", 2, None)]
    assert [(r["page"], r["bbox"]) for r in rows["prior_scores"]] == [(7, [71.0, 476.0, 484.4, 487.0])]
    # the total is the sum of the eight areas, printed nowhere: its origin (of a statement not taken) is left out
    assert rows["provenance"] == [{"report_id": "sollentuna-2018", "field": "municipality", "page": 1,
                                   "bbox": [60.0, 238.6, 387.6, 266.6], "source_span": None}]


def test_boxes_on_a_page_read_turned_stand_where_the_pdf_shows_them():
    # page 6 was read turned 180°, page 7 turned 90° clockwise (595 x 842 as read): a box read near the top left
    # stands near the bottom right of the upside-down page, and on the sideways page (842 x 595 as shown) at
    # the top right
    areas = [RawArea(n, f"Titel {n}", page=n, score=70) for n in range(1, 9)]
    areas[0].score_origin = Origin(6, (10.0, 20.0, 30.0, 40.0))
    areas[1].score_origin = Origin(7, (10.0, 20.0, 30.0, 40.0))
    areas[2].score_origin = Origin(8, (10.0, 20.0, 30.0, 40.0))
    raw = _raw(areas=areas, turned_pages={6: (180, 595.0, 842.0), 7: (90, 595.0, 842.0), 8: (270, 595.0, 842.0)})
    rows = normalize_report(raw, "1").rows
    assert [r["bbox"] for r in rows["areas"][:4]] == [
        [565.0, 802.0, 585.0, 822.0],  # 180°: (595 - x1, 842 - bottom, 595 - x0, 842 - top)
        [20.0, 565.0, 40.0, 585.0],  # 90°: a point (u, v) read stands at (v, 595 - u)
        [802.0, 10.0, 822.0, 30.0],  # 270°: a point (u, v) read stands at (842 - v, u)
        None]


def test_area_without_score_has_no_area_row():
    rows = normalize_report(_raw(areas=[RawArea(1, "T"), RawArea(2, "U", score=60)]), "1").rows
    assert [r["area_no"] for r in rows["areas"]] == [2]


def test_prior_scores_keep_the_first_of_each_year_and_area():
    priors = [RawPriorScore(2015, 1, 65, "text"), RawPriorScore(2015, 1, 60, "text"),
              RawPriorScore(2015, None, 551, "text")]
    rows = normalize_report(_raw(areas=[RawArea(1, "T", score=76)], prior_scores=priors), "1").rows
    assert [(r["ref_year"], r["area_no"], r["score"], r["source"]) for r in rows["prior_scores"]] == [
        (2015, 1, 65, "text"), (2015, None, 551, "text")]


def test_a_score_out_of_range_is_named_and_never_published():
    areas = [RawArea(n, f"Titel {n}", score=70) for n in range(1, 9)]
    areas[2].score = 170  # a misreading: no area has more than 100 points
    result = normalize_report(_raw(areas=areas, prior_scores=[RawPriorScore(2015, 1, 650, "appendix")]), "9.9")
    assert [row["area_no"] for row in result.rows["areas"]] == [1, 2, 4, 5, 6, 7, 8]
    assert result.rows["reports"][0]["total_score"] is None  # no sum of eight trustworthy scores
    assert result.rows["prior_scores"] == []
    out_of_range = [p.message for p in result.problems if p.code == "score_out_of_range"]
    assert len(out_of_range) == 2 and "170" in out_of_range[0] and "650" in out_of_range[1]


def test_percent_stays_as_printed_beside_the_share_of_the_points():
    # reports work the percent out from points before rounding: 11 of 15 points printed as 75 %
    subquestions = [RawSubquestion(1, "1.1", "Finns en plan?", 11, 15, 75.0),
                    RawSubquestion(1, "1.2", "Informeras invånarna?", 20, 20, 100.0),
                    RawSubquestion(1, "1.3", "En fråga utan poäng?", 0, 0, 0.0)]
    rows = normalize_report(_raw(areas=[RawArea(1, "T", score=76)], subquestions=subquestions), "1").rows
    assert [(r["percent"], r["percent_computed"]) for r in rows["subquestions"]] == [
        (75.0, 73.3), (100.0, 100.0), (0.0, None)]
