"""parsers.pdf_layout on built PDFs: findings as headed lists, and the 2011 header
"Förbättringsmöjligheter Svagheter"."""
from __future__ import annotations

import pytest

from helpers.pdfbuild import BOLD, LEFT, document, report
from parsers import parse
from parsers.blocks import FindingsBlock, Heading, Paragraph
from parsers.pdf_layout import read_pdf_layout


def _area(pdf) -> None:
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Kommunen arbetar aktivt med demokratifrågor.")
    pdf.skip(8)


def _read(pdf, tmp_path):
    pdf.filler_pages()
    doc = document(pdf.save(tmp_path / "report.pdf"))
    return read_pdf_layout(doc), parse(doc)


@pytest.mark.parametrize("strengths, improvements", [("STYRKOR", "FÖRBÄTTRINGSOMRÅDEN"),
                                                     ("Styrkor", "Förbättringsområden"),
                                                     ("Styrkor:", "Förbättringsmöjligheter:")])
def test_headed_lists_give_strengths_and_improvements(tmp_path, strengths, improvements):
    pdf = report()
    _area(pdf)
    pdf.line(strengths, font=BOLD)
    pdf.line("▪ Öppna nämndsmöten med", x=76)
    pdf.line("webbsändning", x=86)
    pdf.line("▪ Etikpolicy", x=76)
    pdf.skip(6)
    pdf.line(improvements, font=BOLD)
    pdf.line("▪ Medborgardialog", x=76)
    pdf.line("▪ Uppföljning av insatserna", x=76)
    pdf.line("– har de någon effekt?", x=86)
    pdf.heading("Allmänt", size=11)
    pdf.line("Text efter listorna.")
    layout, raw = _read(pdf, tmp_path)
    findings = [block for block in layout.blocks if isinstance(block, FindingsBlock)]
    assert [[(f.kind, f.text, f.page) for f in block.items] for block in findings] == [[
        ("strength", "Öppna nämndsmöten med webbsändning", 2), ("strength", "Etikpolicy", 2),
        ("improvement", "Medborgardialog", 2), ("improvement", "Uppföljning av insatserna – har de någon effekt?", 2)]]
    after = layout.blocks[layout.blocks.index(findings[0]) + 1:]
    assert after[:2] == [Heading("Allmänt", 2), Paragraph("Text efter listorna.", 2)]
    assert raw.areas[0].findings_present
    assert [(f.kind, f.text) for f in raw.areas[0].findings][:1] == [("strength", "Öppna nämndsmöten med webbsändning")]


def test_a_strengths_list_alone_has_no_improvements(tmp_path):
    pdf = report()
    _area(pdf)
    pdf.line("STYRKOR", font=BOLD)
    pdf.line("• Öppna nämndsmöten", x=76)
    pdf.line("• Etikpolicy", x=76)
    pdf.skip(10)
    pdf.line("Kommunen har i övrigt inte lyft fram några förbättringsområden.")
    layout, _ = _read(pdf, tmp_path)
    findings = [block for block in layout.blocks if isinstance(block, FindingsBlock)]
    assert [[(f.kind, f.text) for f in block.items] for block in findings] == [[
        ("strength", "Öppna nämndsmöten"), ("strength", "Etikpolicy")]]
    assert Paragraph("Kommunen har i övrigt inte lyft fram några förbättringsområden.", 2) in layout.blocks


def test_the_2011_header_forbattringsmojligheter_svagheter_heads_the_improvements(tmp_path):
    pdf = report(year=2011, date="2011-05-10")
    _area(pdf)
    pdf.row((LEFT, "Styrkor"), (300, "Förbättringsmöjligheter Svagheter"), font=BOLD)
    pdf.row((76, "– Bra webbplats"), (304, "– Svarstider i telefon"))
    pdf.row((86, "med sökfunktion"), (314, "och e-post"))
    pdf.row((76, "– Öppna nämndsmöten"))
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    pdf.line("Text.")
    _, raw = _read(pdf, tmp_path)
    assert raw.year == 2011
    assert [(f.kind, f.text) for f in raw.areas[0].findings] == [
        ("strength", "Bra webbplats med sökfunktion"), ("strength", "Öppna nämndsmöten"),
        ("improvement", "Svarstider i telefon och e-post")]
    assert raw.areas[1].findings == []
