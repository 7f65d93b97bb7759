"""In the text copies every placed row has a source_span, whose slice of the decoded source holds the value."""
from __future__ import annotations

import pytest
from test_provenance_pdf import VALUE_OF, _squeezed

from extract.encoding import decode
from extract.html import read_html
from helpers.paths import RAW_DIR


def _source(row: dict) -> str:
    return decode((RAW_DIR / row["source_path"]).read_bytes())[0]


@pytest.mark.parametrize("table", VALUE_OF)
def test_every_row_of_a_text_copy_has_a_span_that_holds_its_value(extracted, table):
    sources = {row["report_id"]: _source(row) for row in extracted.tables["reports"]}
    rows = extracted.tables[table]
    assert rows
    assert all(row["bbox"] is None and row["page"] is not None for row in rows)
    for row in rows:
        start, end = row["source_span"]
        assert _squeezed(VALUE_OF[table](row)) in _squeezed(sources[row["report_id"]][start:end]), row


def test_the_metadata_of_a_text_copy_is_placed(extracted):
    sources = {row["report_id"]: _source(row) for row in extracted.tables["reports"]}
    reports = {row["report_id"]: row for row in extracted.tables["reports"]}
    placed = extracted.tables["provenance"]
    assert {"municipality", "year", "total_score"} <= {row["field"] for row in placed}
    for row in placed:
        value = reports[row["report_id"]][row["field"]]
        if row["field"] in ("municipality", "year", "total_score"):
            start, end = row["source_span"]
            assert _squeezed(value) in _squeezed(sources[row["report_id"]][start:end]), row


def test_an_html_copys_lines_know_where_their_words_stand():
    source = ("<html><head><style>p{}</style></head><body><h1>Område 1 Offentlighet</h1>"
              "<p>Kommunen fick &amp; har <b>76</b> poäng.</p><ul><li>Öppna nämndsmöten</li></ul></body></html>")
    lines = read_html(source)[0].lines
    assert [line.text for line in lines] == ["Område 1 Offentlighet", "Kommunen fick & har 76 poäng.",
                                            "• Öppna nämndsmöten"]
    for line in lines:
        start, end = line.source_span(0, len(line.text))
        assert all(word in source[start:end] for word in line.text.split() if word not in ("&", "•"))
    score = lines[1].text.index("76")
    assert source[slice(*lines[1].source_span(score, score + 2))] == "76"
