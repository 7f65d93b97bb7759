"""parsers.lined (and the report grammar over it): small hand-made markdown and HTML reports."""
from __future__ import annotations

from datetime import date

import pytest

from extract.html import read_html
from extract.markdown import read_markdown
from extract.model import Document
from parsers import parse

MINI_HTML = """<html><body>
<p>KOMMUNKOMPASSEN ANALYS AV TÄBY KOMMUN 2017</p><p>2017-05-02</p>
<p>UTVÄRDERARE: ANNA BERG, SKL OCH PER EK, SOLNA STAD</p>
<h1>1 Vad är Kommunkompassen?</h1>
<p>Kommunkompassen är ett verktyg. Utvärderingen genomfördes i mars 2017 och var kommunens första utvärdering.</p>
<h1>3. Detaljerad genomgång per område</h1>
<h2>Område 1 OFFENTLIGHET OCH DEMOKRATI</h2>
<table><tr><td>Rubriker</td><td>Poäng</td></tr>
<tr><td><ul><li>Strategi för demokrati</li><li>Information till medborgare</li></ul></td><td>64</td></tr></table>
<h3>Allmänt</h3><p>En kommun är en politiskt styrd organisation.</p>
<table><tr><th>Styrkor</th><th>Förbättringsmöjligheter</th></tr>
<tr><td><ul><li>Öppna nämndsmöten</li><li>Webbsändningar av KF</li></ul></td><td><ul><li>Medborgardialog</li></ul></td></tr>
</table>
<h1>4. Översikt av poängfördelning</h1>
<table><tr><td>1.</td><td>Offentlighet och demokrati</td><td>Uppnått</td><td>Max</td><td>Procent</td></tr>
<tr><td>1.1</td><td>Finns en plan/strategi för demokratiutveckling och information?</td><td>11</td><td>15</td><td>75 %</td></tr>
<tr><td></td><td></td><td>64</td><td>100</td><td>64 %</td></tr></table>
</body></html>"""


def _markdown(text: str) -> Document:
    return Document("mini.md", "0" * 64, "markdown", "markdown", read_markdown(text))


def test_markdown_report_metadata(mini_markdown):
    report = parse(_markdown(mini_markdown))
    assert (report.municipality, report.year, report.report_date) == ("TÄBY", 2017, date(2017, 5, 2))
    assert report.evaluators == ["ANNA BERG, SKL", "PER EK, SOLNA STAD"]
    assert (report.evaluation_number, report.evaluation_period) == (1, "mars 2017")
    assert report.page_count is None
    assert report.named_areas[7] == ["STÄNDIGA FÖRBÄTTRINGAR", "Ständiga förbättringar"]
    assert "evaluators_not_found" not in [found.code for found in report.problems]


def test_a_cover_without_evaluators_is_named_not_published_as_none(mini_markdown):
    without = mini_markdown.replace("UTVÄRDERARE: ANNA BERG, SKL OCH PER EK, SOLNA STAD\n", "")
    assert without != mini_markdown
    report = parse(_markdown(without))
    assert report.evaluators == [] and report.municipality == "TÄBY"
    assert [(found.code, found.severity, found.page) for found in report.problems
            if found.code == "evaluators_not_found"] == [("evaluators_not_found", "warning", 1)]


def test_markdown_report_areas_rubrics_findings_sections(mini_markdown):
    report = parse(_markdown(mini_markdown))
    assert [(a.area_no, a.title, a.score, a.rubrics) for a in report.areas] == [
        (1, "OFFENTLIGHET OCH DEMOKRATI", 64, ["Strategi för demokrati", "Information till medborgare"]),
        (7, "STÄNDIGA FÖRBÄTTRINGAR", 55, ["Kvalitetsarbete"])]
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Webbsändningar av KF"),
        ("improvement", "Medborgardialog"), ("improvement", "Synpunktshantering")]
    assert all(a.findings_present for a in report.areas)
    assert [(s.heading, s.text) for s in report.areas[0].sections] == [
        ("Allmänt", "En kommun är en politiskt styrd organisation med många uppgifter att sköta.")]


def test_markdown_pipe_table_findings(mini_markdown):
    text = mini_markdown.replace(
        "Styrkor\tFörbättringsmöjligheter\n"
        '<ul style="list-style-type: none"> • Öppna nämndsmöten • Webbsändningar av KF\t'
        '<ul style="list-style-type: none"> • Medborgardialog • Synpunktshantering',
        "| Styrkor | Förbättringsmöjligheter |\n|---|---|\n"
        "| <ul>• Öppna nämndsmöten • Webbsändningar av KF</ul> | • Medborgardialog • Synpunktshantering |")
    assert text != mini_markdown
    report = parse(_markdown(text))
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Webbsändningar av KF"),
        ("improvement", "Medborgardialog"), ("improvement", "Synpunktshantering")]


def test_markdown_headed_bullet_lists_are_findings(mini_markdown):
    text = mini_markdown.replace(
        "Styrkor\tFörbättringsmöjligheter\n"
        '<ul style="list-style-type: none"> • Öppna nämndsmöten • Webbsändningar av KF\t'
        '<ul style="list-style-type: none"> • Medborgardialog • Synpunktshantering',
        "STYRKOR\n\n- Öppna nämndsmöten\n- Webbsändningar av KF\n\n"
        "FÖRBÄTTRINGSOMRÅDEN\n\n- Medborgardialog\n- Synpunktshantering")
    assert text != mini_markdown
    report = parse(_markdown(text))
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Webbsändningar av KF"),
        ("improvement", "Medborgardialog"), ("improvement", "Synpunktshantering")]


def test_html_report():
    report = parse(Document("mini.html", "0" * 64, "html", "html", read_html(MINI_HTML)))
    assert (report.municipality, report.year, report.report_date) == ("TÄBY", 2017, date(2017, 5, 2))
    assert [(a.area_no, a.title, a.score, a.rubrics) for a in report.areas] == [
        (1, "OFFENTLIGHET OCH DEMOKRATI", 64, ["Strategi för demokrati", "Information till medborgare"])]
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Webbsändningar av KF"), ("improvement", "Medborgardialog")]
    assert [(sq.code, sq.achieved, sq.max, sq.percent) for sq in report.subquestions] == [("1.1", 11, 15, 75.0)]
    assert [(t.area_no, t.achieved) for t in report.area_totals] == [(1, 64)]


@pytest.mark.parametrize("cell", ["64 p", "64 poäng", "64/100"])
def test_html_rubric_box_score_printed_with_its_unit_is_the_score(cell):
    """Issue 17, class 5: the unit is no rubric, the number is the area's score."""
    html = MINI_HTML.replace("<td>64</td></tr></table>", f"<td>{cell}</td></tr></table>")
    assert html != MINI_HTML
    report = parse(Document("mini.html", "0" * 64, "html", "html", read_html(html)))
    assert [(a.area_no, a.score, a.rubrics) for a in report.areas] == [
        (1, 64, ["Strategi för demokrati", "Information till medborgare"])]
