"""parsers.pdf_layout on built PDFs: headings told from body text by weight and size."""
from __future__ import annotations

from helpers.pdfbuild import BODY, BOLD, document, report
from parsers import parse
from parsers.blocks import Heading, Paragraph
from parsers.pdf_layout import read_pdf_layout


def _blocks(pdf, tmp_path) -> list[tuple[str, str]]:
    pdf.filler_pages()
    layout = read_pdf_layout(document(pdf.save(tmp_path / "report.pdf")))
    return [(type(block).__name__, block.text) for block in layout.blocks if isinstance(block, (Heading, Paragraph))]


def _body(pdf, lines: int = 4) -> None:
    for n in range(lines):
        pdf.line(f"Brödtext i stycke nummer {n + 1} som beskriver hur kommunen arbetar.")


def test_bold_and_large_lines_are_headings_and_body_lines_paragraphs(tmp_path):
    pdf = report()
    pdf.line("3 Detaljerad genomgång per område", font=BOLD, size=16)
    pdf.line("Område 1 Offentlighet och demokrati", font=BOLD, size=14)
    pdf.line("Allmänt", font=BOLD, size=11)
    _body(pdf, 2)
    pdf.line("Information till medborgarna", font=BODY, size=14)  # larger but not bold
    _body(pdf, 2)
    assert _blocks(pdf, tmp_path)[:8] == [
        ("Heading", "3 Detaljerad genomgång per område"), ("Heading", "Område 1 Offentlighet och demokrati"),
        ("Heading", "Allmänt"),
        ("Paragraph", "Brödtext i stycke nummer 1 som beskriver hur kommunen arbetar."),
        ("Paragraph", "Brödtext i stycke nummer 2 som beskriver hur kommunen arbetar."),
        ("Heading", "Information till medborgarna"),
        ("Paragraph", "Brödtext i stycke nummer 1 som beskriver hur kommunen arbetar."),
        ("Paragraph", "Brödtext i stycke nummer 2 som beskriver hur kommunen arbetar.")]


def test_bold_sentences_numbers_and_slightly_larger_text_are_no_headings(tmp_path):
    pdf = report()
    _body(pdf, 3)
    pdf.line("Kommunen bör se över sin delegationsordning.", font=BOLD)  # a sentence, not a heading
    pdf.line("64", font=BOLD)
    pdf.line("Något större brödtext utan fetstil", size=11.5)
    _body(pdf, 3)
    kinds = {text: kind for kind, text in _blocks(pdf, tmp_path)}
    assert kinds["Kommunen bör se över sin delegationsordning."] == "Paragraph"
    assert kinds["64"] == "Paragraph"
    assert kinds["Något större brödtext utan fetstil"] == "Paragraph"


def test_a_heading_wrapped_onto_a_second_line_is_one_heading(tmp_path):
    pdf = report()
    pdf.line("3 Detaljerad genomgång i förhållande till Kommunkompassens åtta", font=BOLD, size=16)
    pdf.line("områden", font=BOLD, size=16)
    pdf.heading("Område 1 Offentlighet och demokrati")
    _body(pdf, 3)
    assert _blocks(pdf, tmp_path)[:2] == [
        ("Heading", "3 Detaljerad genomgång i förhållande till Kommunkompassens åtta områden"),
        ("Heading", "Område 1 Offentlighet och demokrati")]


def test_area_headings_give_the_area_titles_as_printed(tmp_path):
    pdf = report()
    pdf.heading("3 Detaljerad genomgång per område", size=16)
    pdf.heading("Område 1 OFFENTLIGHET OCH DEMOKRATI")
    _body(pdf, 2)
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    _body(pdf, 2)
    pdf.heading("Översikt", size=11)
    _body(pdf, 1)
    pdf.filler_pages()
    raw = parse(document(pdf.save(tmp_path / "report.pdf")))
    assert [(area.area_no, area.title, area.page) for area in raw.areas] == [
        (1, "OFFENTLIGHET OCH DEMOKRATI", 2), (2, "Tillgänglighet och brukarorientering", 2)]
    assert [section.heading for section in raw.areas[1].sections] == ["", "Översikt"]


def test_a_heading_that_wraps_after_a_comma_is_one_heading(tmp_path):
    pdf = report()
    pdf.line("Område 2 Tillgänglighet och brukarorientering", font=BOLD, size=14)
    pdf.line("System för service-/kvalitetsdeklarationer,", font=BOLD, size=11)
    pdf.line("synpunkts-/klagomålshantering", font=BOLD, size=11)
    _body(pdf, 2)
    pdf.line("Kommunen har mål, planer,", font=BODY, size=11)  # body text ending in a comma stays body text
    _body(pdf, 1)
    assert _blocks(pdf, tmp_path)[:6] == [
        ("Heading", "Område 2 Tillgänglighet och brukarorientering"),
        ("Heading", "System för service-/kvalitetsdeklarationer, synpunkts-/klagomålshantering"),
        ("Paragraph", "Brödtext i stycke nummer 1 som beskriver hur kommunen arbetar."),
        ("Paragraph", "Brödtext i stycke nummer 2 som beskriver hur kommunen arbetar."),
        ("Paragraph", "Kommunen har mål, planer,"),
        ("Paragraph", "Brödtext i stycke nummer 1 som beskriver hur kommunen arbetar.")]
