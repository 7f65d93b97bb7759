"""House-style variants seen when rendering reports in other styles: each once broke the PDF reader."""
from __future__ import annotations

from extract.model import Line, Word
from helpers.pdfbuild import BOLD, LEFT, document, report
from parsers import parse
from parsers.blocks import Heading, ScoreTable
from parsers.cover import read_cover
from parsers.patterns import BULLET_START
from parsers.pdf_items import column_items
from parsers.pdf_layout import read_pdf_layout


def _read(pdf, tmp_path):
    pdf.filler_pages()
    doc = document(pdf.save(tmp_path / "report.pdf"))
    return read_pdf_layout(doc), parse(doc)


def _line(text: str, x0: float) -> Line:
    return Line(text, 2, x0, x0 + 100, 100, 110, 11, False, (Word(text.split()[0], x0, x0 + 5),))


def test_words_symbol_font_bullet_starts_items():
    # Word's Symbol-font bullet comes out of the PDF as the private-use character U+F0B7
    assert BULLET_START.match("\uf0b7 Av KF antagen demokratistrategi")
    lines = [_line("\uf0b7 Av KF antagen", 60), _line("demokratistrategi", 72), _line("\uf0a7 Websändningar av KF", 60)]
    assert [text for text, _ in column_items(lines)] == ["Av KF antagen demokratistrategi", "Websändningar av KF"]


def test_a_header_cell_wrapped_onto_a_second_line_is_still_the_header(tmp_path):
    pdf = report(year=2011, date="2011-05-10")
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Text om området.")
    pdf.skip(8)
    pdf.row((LEFT, "Styrkor"), (300, "Förbättringsmöjligheter"), font=BOLD)
    pdf.row((300, "Svagheter"), font=BOLD)
    pdf.row((76, "– Bra webbplats"), (304, "– Svarstider i telefon"))
    pdf.new_page()
    pdf.row((LEFT, "Styrkor"), (300, "Förbättringsmöjligheter"), font=BOLD)
    pdf.row((300, "Svagheter"), font=BOLD)
    pdf.row((314, "och e-post"))
    pdf.row((304, "– Etikfrågor"))
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    pdf.line("Text.")
    _, raw = _read(pdf, tmp_path)
    assert [(f.kind, f.text, f.page) for f in raw.areas[0].findings] == [
        ("strength", "Bra webbplats", 2), ("improvement", "Svarstider i telefon och e-post", 2),
        ("improvement", "Etikfrågor", 3)]


def test_letter_spaced_cover_words_are_read_as_words():
    cover = read_cover(["KommunKompassen", "A N A L Y S A V", "HELSINGBORGS STAD", "2018",
                        "Anders Dryselius, Hylte kommun"])
    assert (cover.municipality, cover.year, cover.evaluators) == ("HELSINGBORGS", 2018,
                                                                 ["Anders Dryselius, Hylte kommun"])


def test_an_area_heading_that_wraps_after_a_dash_keeps_its_whole_title(tmp_path):
    pdf = report()
    pdf.y += 16
    pdf.line("Område 6 KOMMUNEN SOM ARBETSGIVARE –", font=BOLD, size=15, leading=18)
    pdf.line("PERSONALPOLITIK", font=BOLD, size=15)
    pdf.line("Text om personalpolitiken.")
    layout, raw = _read(pdf, tmp_path)
    assert Heading("Område 6 KOMMUNEN SOM ARBETSGIVARE – PERSONALPOLITIK", 2) in layout.blocks
    assert raw.areas[0].title == "KOMMUNEN SOM ARBETSGIVARE – PERSONALPOLITIK"


def test_the_section_after_the_score_tables_is_not_read_into_them(tmp_path):
    pdf = report()
    pdf.heading("4. Översikt av poängfördelning", size=15)
    pdf.row((LEFT, "8."), (100, "Kommunen som samhällsbyggare"), (380, "Uppnått"), (440, "Max"), (480, "Procent"),
            font=BOLD)
    pdf.row((LEFT, "8.1"), (100, "Finns övergripande plan?"), (400, "9"), (450, "15"), (485, "57%"))
    pdf.row((400, "68"), (445, "100"), (485, "68%"), font=BOLD)
    pdf.new_page()
    pdf.line("5 Kortfakta om Malung-Sälen kommun", font=BOLD, size=15)
    pdf.row((LEFT, "Antal invånare 31 december 2016"), (270, "10 100"))
    pdf.row((LEFT, "Styrande partier"), (270, "S, C och MP"))
    layout, _ = _read(pdf, tmp_path)
    [table] = [block for block in layout.blocks if isinstance(block, ScoreTable)]
    assert [(row.code, row.values) for row in table.rows] == [("8.1", ["9", "15", "57%"]), (None, ["68", "100", "68%"])]
    assert Heading("5 Kortfakta om Malung-Sälen kommun", 3) in layout.blocks
