"""Line-break hyphenation in PDF findings: undone for a split word, kept for "e-tjänster" and "Kompetens- och"."""
from __future__ import annotations

from helpers.pdfbuild import BOLD, LEFT, report
from helpers.runs import run_extract_cli


def test_findings_hyphenation_is_undone_only_where_a_word_was_split(tmp_path):
    pdf = report()
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Kommunen arbetar aktivt med demokratifrågor.")
    pdf.skip(8)
    pdf.row((LEFT, "Styrkor"), (300, "Förbättringsmöjligheter"), font=BOLD)
    pdf.row((76, "• Strategi för e-"), (304, "• Analys av utveck-"))
    pdf.row((86, "tjänster"), (314, "lingstrender"))
    pdf.row((76, "• Kompetens-"), (304, "• Uppföljning av verksam-"))
    pdf.row((86, "och medarbetarutveckling"), (314, "heternas resultat"))
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    pdf.line("Text.")
    pdf.filler_pages()
    (tmp_path / "in").mkdir()
    run = run_extract_cli(pdf.save(tmp_path / "in" / "rapport.pdf"), out=tmp_path / "out")
    rows = sorted(run.tables["findings"], key=lambda r: (r["area_no"], r["kind"], r["position"]))
    assert [(r["area_no"], r["kind"], r["position"], r["text"], r["page"]) for r in rows] == [
        (1, "improvement", 1, "Analys av utvecklingstrender", 2),
        (1, "improvement", 2, "Uppföljning av verksamheternas resultat", 2),
        (1, "strength", 1, "Strategi för e-tjänster", 2),
        (1, "strength", 2, "Kompetens- och medarbetarutveckling", 2)]
