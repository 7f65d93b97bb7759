"""parsers.pdf_layout on built PDFs: an appended earlier evaluation ("Bilaga – 2015 års Kommunkompass")."""
from __future__ import annotations

from helpers.pdfbuild import BOLD, LEFT, document, report
from helpers.runs import run_extract_cli
from parsers import parse
from parsers.blocks import Heading, ScoreTable
from parsers.pdf_layout import read_pdf_layout

EARLIER = [("1. Offentlighet och demokrati", "65", "60"), ("2. Tillgänglighet och brukarorientering", "66", "58"),
           ("3. Politisk styrning och kontroll", "75", "71")]


def _report_with_appendix(pdf, rows=EARLIER, total=("Totalt", "551", "500")) -> None:
    pdf.heading("3 Detaljerad genomgång per område", size=16)
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Kommunen har förbättrat sitt resultat sedan förra utvärderingen.")
    pdf.new_page()
    pdf.heading("Bilaga – 2015 års Kommunkompass", size=16)
    pdf.line("Resultatet från den förra utvärderingen, och den dessförinnan:")
    pdf.skip(8)
    pdf.row((LEFT, "Område"), (400, "2015"), (460, "2013"), font=BOLD)
    for label, first, second in [*rows, total]:
        pdf.row((LEFT, label), (404, first), (464, second))
    pdf.skip(20)
    pdf.heading("Kommentar", size=11)
    pdf.line("Kriterierna har reviderats mellan utvärderingarna.")
    pdf.filler_pages()


def test_appendix_table_gives_prior_scores_from_the_appendix(tmp_path):
    pdf = report(year=2018)
    _report_with_appendix(pdf)
    doc = document(pdf.save(tmp_path / "report.pdf"))
    layout = read_pdf_layout(doc)
    assert Heading("Bilaga – 2015 års Kommunkompass", 3) in layout.blocks
    table, = [block for block in layout.blocks if isinstance(block, ScoreTable)]
    assert (table.title, table.columns, table.page) == ("Område", ["2015", "2013"], 3)
    assert [(row.label, row.values) for row in table.rows] == [
        *((label, [first, second]) for label, first, second in EARLIER), ("Totalt", ["551", "500"])]
    raw = parse(doc)
    assert sorted((p.ref_year, p.area_no, p.score, p.source) for p in raw.prior_scores
                  if p.area_no is not None) == [
        (2013, 1, 60, "appendix"), (2013, 2, 58, "appendix"), (2013, 3, 71, "appendix"),
        (2015, 1, 65, "appendix"), (2015, 2, 66, "appendix"), (2015, 3, 75, "appendix")]
    assert sorted((p.ref_year, p.score, p.source) for p in raw.prior_scores if p.area_no is None) == [
        (2013, 500, "appendix"), (2015, 551, "appendix")]
    assert [area.area_no for area in raw.areas] == [1]  # the appended evaluation is no second report


def test_appendix_rows_named_by_title_only(tmp_path):
    pdf = report(year=2018)
    _report_with_appendix(pdf, rows=[("Offentlighet och demokrati", "65", "60"),
                                     ("Resultat och effektivitet", "85", "80")], total=("Summa", "551", "500"))
    raw = parse(document(pdf.save(tmp_path / "report.pdf")))
    assert sorted((p.ref_year, p.area_no or 0, p.score) for p in raw.prior_scores if p.source == "appendix") == [
        (2013, 0, 500), (2013, 1, 60), (2013, 5, 80), (2015, 0, 551), (2015, 1, 65), (2015, 5, 85)]


def test_prior_scores_are_published_with_source_appendix(tmp_path):
    pdf = report(year=2018)
    _report_with_appendix(pdf)
    (tmp_path / "in").mkdir()
    run = run_extract_cli(pdf.save(tmp_path / "in" / "report.pdf"), out=tmp_path / "out")
    rows = sorted((r["ref_year"], r["area_no"] or 0, r["score"], r["source"]) for r in run.tables["prior_scores"])
    assert rows == [(2013, 0, 500, "appendix"), (2013, 1, 60, "appendix"), (2013, 2, 58, "appendix"),
                    (2013, 3, 71, "appendix"), (2015, 0, 551, "appendix"), (2015, 1, 65, "appendix"),
                    (2015, 2, 66, "appendix"), (2015, 3, 75, "appendix")]
