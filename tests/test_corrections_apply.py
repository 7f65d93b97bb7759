"""Corrections on tables: each applies only while its cell holds `old`, is typed by its column, and what is worked
out from a corrected value follows it."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from kompass.corrections import CORRECTION_COLUMNS, Corrections, CorrectionsError, apply_corrections, read_corrections

REPORT = "lerum-2012"


def _tables() -> dict[str, list[dict]]:
    base = {"report_id": REPORT}
    return {
        "reports": [{**base, "source_path": "lerum.txt", "total_score": 410, "evaluation_period": "maj 2012",
                     "report_date": date(2012, 5, 2), "evaluators": ["Anna Berg, SKL"], "complete": True,
                     "evaluation_number": None}],
        "areas": [{**base, "area_no": number, "score": 50} for number in range(1, 9)],
        "subquestions": [{**base, "area_no": 1, "code": "1.1", "achieved": 5, "max": 10, "percent": 50.0,
                          "percent_computed": 50.0}],
        "findings": [{**base, "area_no": 2, "kind": "unknown", "position": 1, "text": "Tydlig strategi",
                      "lemmas": ["tydlig", "strategi"], "kind_guess": None, "kind_guess_reason": None}],
        "prior_scores": [{**base, "ref_year": 2008, "area_no": None, "score": 380},
                         {**base, "ref_year": 2008, "area_no": 1, "score": 45}],
        "rubrics": [], "sections": [],
    }


def _apply(tables: dict, *rows: tuple[str, ...]) -> list[dict]:
    corrections = Corrections("corrections.csv", "0" * 64,
                              tuple(dict(zip(CORRECTION_COLUMNS, (*row, "why"))) for row in rows))
    return apply_corrections(corrections, tables).rows


def _one(table: str, key: str, field: str, old: str, new: str, report_id: str = REPORT) -> tuple[dict, dict]:
    tables = _tables()
    [row] = _apply(tables, (report_id, table, key, field, old, new))
    return row, tables


@pytest.mark.parametrize(("table", "key", "field", "old", "new", "index", "value"), [
    ("areas", "area_no=3", "score", "50", "55", 2, 55),
    ("reports", "", "evaluation_period", "maj 2012", "april 2012", 0, "april 2012"),
    ("reports", "", "report_date", "2012-05-02", "2012-04-30", 0, date(2012, 4, 30)),
    ("reports", "", "evaluators", '["Anna Berg, SKL"]', '["Anna Berg, SKL", "Per Ek, Solna stad"]', 0,
     ["Anna Berg, SKL", "Per Ek, Solna stad"]),
    ("reports", "", "complete", "true", "false", 0, False),
    ("reports", "", "evaluation_number", "", "2", 0, 2),  # empty: the null it holds
    ("prior_scores", "ref_year=2008;area_no=", "score", "380", "385", 0, 385),  # the total: area_no null
    ("prior_scores", " ref_year = 2008 ; area_no=1 ", "score", "45", "46", 1, 46),
])
def test_a_correction_of_the_value_it_was_written_against_is_applied_with_the_columns_type(
        table, key, field, old, new, index, value):
    row, tables = _one(table, key, field, old, new)
    assert (row["status"], row["value_before"]) == ("applied", old)
    expected = _tables()
    expected[table][index][field] = value
    assert tables == expected


@pytest.mark.parametrize(("table", "key", "field", "new", "detail"), [
    ("panel", "area_no=1", "score", "1", "'panel' is not a table corrections apply to"),
    ("scores", "", "area_1", "1", "'scores' is not a table corrections apply to"),
    ("areas", "area_no=1", "points", "1", "areas has no column 'points'"),
    ("areas", "area_no=1", "area_no", "2", "areas.area_no names the row"),
    ("subquestions", "code=1.1", "percent_computed", "60.0", "worked out from achieved and max"),
    ("areas", "area_no=1", "area_id", "x", "the catalog's mapping gives it"),
    ("reports", "", "source_sha256", "x", "how the source was read"),
    ("findings", "area_no=2;position=1", "text", "x", "the key of a findings row is area_no=…;kind=…;position=…"),
    ("areas", "area_no=1;area_no=1", "score", "1", "the key of a areas row is area_no=…"),
    ("areas", "area_no", "score", "1", "not 'area_no'"),
    ("reports", "area_no=1", "total_score", "1", "the key of a reports row is nothing (an empty key)"),
    ("areas", "area_no=1", "score", "femtio", "'femtio' is not a whole number for score"),
    ("areas", "area_no=1", "score", "101", "score is 0-100, not 101"),
    ("areas", "area_no=1", "score", "", "score may not be empty"),
    ("reports", "", "report_date", "2012-13-01", "not a date (YYYY-MM-DD)"),
    ("reports", "", "evaluators", "Anna Berg", "not a JSON list of strings"),
    ("reports", "", "complete", "ja", "not true or false"),
    ("findings", "area_no=2;kind=okänd;position=1", "text", "x", "kind is one of strength, improvement, unknown"),
])
def test_a_correction_that_cannot_be_made_is_invalid_and_changes_nothing(table, key, field, new, detail):
    row, tables = _one(table, key, field, "50", new)
    assert row["status"] == "invalid" and row["value_before"] is None
    assert detail in row["detail"]
    assert tables == _tables()


def test_an_old_value_that_is_not_of_the_columns_type_is_invalid():
    row, _ = _one("areas", "area_no=1", "score", "fifty", "55")
    assert (row["status"], row["detail"]) == ("invalid", "'fifty' is not a whole number for score")


@pytest.mark.parametrize(("report_id", "table", "key", "detail"), [
    ("lerum-2013", "areas", "area_no=1", "the dataset has no report 'lerum-2013'"),
    (REPORT, "prior_scores", "ref_year=2009;area_no=1", "lerum-2012 has no row of prior_scores with "
                                                        "ref_year=2009;area_no=1"),
    (REPORT, "subquestions", "code=9.1", "lerum-2012 has no row of subquestions with code=9.1"),
])
def test_a_correction_of_a_report_or_row_the_dataset_lacks_has_its_target_missing(report_id, table, key, detail):
    row, tables = _one(table, key, "score" if table != "subquestions" else "achieved", "50", "55", report_id)
    assert (row["status"], row["detail"], row["value_before"]) == ("target_missing", detail, None)
    assert tables == _tables()


def test_a_correction_written_against_another_value_is_stale_and_names_the_value_the_extraction_gives():
    row, tables = _one("areas", "area_no=1", "score", "48", "52")
    assert (row["status"], row["value_before"]) == ("stale", "50")
    assert row["detail"] == "the extraction gives '50', not '48'"
    assert tables == _tables()
    again, _ = _one("areas", "area_no=1", "score", "45", "50")
    assert again["detail"].endswith("(its new value: the extraction now gives what the correction sets)")


def test_a_second_correction_of_the_same_value_is_invalid_whatever_the_order():
    tables = _tables()
    first, second = _apply(tables, (REPORT, "areas", "area_no=1", "score", "50", "60"),
                           (REPORT, "areas", "area_no=1", "score", "50", "70"))
    assert (first["status"], second["status"]) == ("applied", "invalid")
    assert second["detail"] == "correction 1 corrects the same value"
    assert tables["areas"][0]["score"] == 60


def test_every_correction_is_checked_against_the_extracted_values_not_the_corrected_ones():
    tables = _tables()
    tables["reports"][0]["total_score"] = 400  # the sum of the areas, which would follow them
    rows = _apply(tables, (REPORT, "areas", "area_no=1", "score", "50", "60"),
                  (REPORT, "reports", "", "total_score", "400", "420"))
    assert [row["status"] for row in rows] == ["applied", "applied"]
    assert tables["reports"][0]["total_score"] == 420  # corrected itself: it does not follow the area


def test_a_total_that_was_the_sum_of_the_areas_follows_their_corrections():
    tables = _tables()
    tables["reports"][0]["total_score"] = 400
    first, second = _apply(tables, (REPORT, "areas", "area_no=1", "score", "50", "60"),
                           (REPORT, "areas", "area_no=2", "score", "50", "45"))
    assert tables["reports"][0]["total_score"] == 405
    assert first["detail"] == "'50' became '60'; the total, their sum, followed: 400 became 405"
    assert second["detail"] == "'50' became '45'; the total, their sum, followed: 400 became 405"


def test_a_stated_total_that_is_not_the_sum_of_the_areas_stays_as_stated():
    tables = _tables()
    [row] = _apply(tables, (REPORT, "areas", "area_no=1", "score", "50", "60"))
    assert (row["detail"], tables["reports"][0]["total_score"]) == ("'50' became '60'", 410)


def test_percent_computed_follows_achieved_and_max():
    _, tables = _one("subquestions", "code=1.1", "achieved", "5", "7")
    assert tables["subquestions"][0]["percent_computed"] == 70.0
    _, tables = _one("subquestions", "code=1.1", "max", "10", "0")
    assert tables["subquestions"][0]["percent_computed"] is None


def test_a_findings_lemmas_and_kind_guess_follow_its_corrected_text():
    _, tables = _one("findings", "area_no=2;kind=unknown;position=1", "text", "Tydlig strategi",
                     "Utveckla uppföljningen av målen")
    [finding] = tables["findings"]
    assert "mål" in finding["lemmas"] and "strategi" not in finding["lemmas"]
    assert finding["kind_guess"] == "improvement" and "Utveckla" in finding["kind_guess_reason"]


def test_the_rows_given_are_copied_not_changed():
    tables = _tables()
    given = tables["areas"][0]
    kept = copy.deepcopy(given)
    _apply(tables, (REPORT, "areas", "area_no=1", "score", "50", "60"))
    assert given == kept and tables["areas"][0]["score"] == 60


def _written(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "corrections.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_the_file_is_read_with_a_byte_order_mark_spaced_header_and_quoted_commas(tmp_path):
    path = _written(tmp_path, "\ufeffreport_id, table, key, field, old, new, reason\r\n"
                              'lerum-2012,findings,area_no=2;kind=unknown;position=1,text,"a, b","a; b","per p. 3"\r\n')
    corrections = read_corrections(path)
    assert corrections.rows == ({"report_id": "lerum-2012", "table": "findings",
                                 "key": "area_no=2;kind=unknown;position=1", "field": "text", "old": "a, b",
                                 "new": "a; b", "reason": "per p. 3"},)
    assert corrections.path == str(path) and len(corrections.sha256) == 64


@pytest.mark.parametrize(("text", "encoding", "said"), [
    ("", "utf-8", "must begin with the comma-separated header report_id,table,key,field,old,new,reason "
                  "(it is empty)"),
    ("report_id;table;key;field;old;new;reason\n", "utf-8", "(it begins with 'report_id;table;key;field;old;new"),
    ("report_id,table,key,field,old,new\n", "utf-8", "must begin with the comma-separated header"),
    ("report_id,table,key,field,old,new,reason\nlerum-2012,areas,area_no=1,score,50,55\n", "utf-8",
     "line 2: 6 fields, not the 7 of the header"),
    ("report_id,table,key,field,old,new,reason\nlerum-2012,reports,,municipality,Lerum,Lärum,\n", "latin-1",
     "is not UTF-8 text"),
])
def test_a_file_that_is_not_a_corrections_csv_is_refused_with_a_sentence(tmp_path, text, encoding, said):
    with pytest.raises(CorrectionsError) as refused:
        read_corrections(_written(tmp_path, text, encoding))
    assert said in str(refused.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CorrectionsError, match="cannot read the corrections file .*: No such file"):
        read_corrections(tmp_path / "none.csv")
