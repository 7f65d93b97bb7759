"""parsers.pdf_layout on built PDFs: the section 4 tables "<area> | Uppnått | Max | Procent"."""
from __future__ import annotations

from helpers.pdfbuild import BOLD, LEFT, document, report
from parsers import parse
from parsers.blocks import ScoreRow, ScoreTable
from parsers.pdf_layout import read_pdf_layout

ACHIEVED, MAX, PERCENT = 380.0, 430.0, 480.0
QUESTION = 100.0


def _header(pdf, title: str) -> None:
    pdf.skip(8)
    pdf.row((LEFT, title), (ACHIEVED, "Uppnått"), (MAX, "Max"), (PERCENT, "Procent"), font=BOLD)


def _row(pdf, code: str, text: str, achieved: str = "", maximum: str = "", percent: str = "", **style) -> None:
    pdf.row((LEFT, code), (QUESTION, text), (ACHIEVED + 12, achieved), (MAX + 4, maximum), (PERCENT + 8, percent),
            **style)


def _section(pdf) -> None:
    pdf.heading("3 Detaljerad genomgång per område", size=16)
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Text om området.")
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    pdf.line("Text om området.")
    pdf.heading("4 Översikt av poängfördelning", size=16)
    pdf.line("Tabellerna visar poängen per delfråga.")


def _read(pdf, tmp_path):
    pdf.heading("5 Kortfakta om Täby kommun", size=16)
    pdf.line("Täby har 70 000 invånare.")
    pdf.filler_pages()
    doc = document(pdf.save(tmp_path / "report.pdf"))
    return read_pdf_layout(doc), parse(doc)


def test_rows_with_wrapped_questions_percent_forms_and_a_sum_row(tmp_path):
    pdf = report()
    _section(pdf)
    _header(pdf, "1. Offentlighet och demokrati")
    _row(pdf, "1.1", "Finns en plan/strategi för demokratiutveckling", "11", "15", "75 %")
    _row(pdf, "", "och information?")
    _row(pdf, "1.2", "Informeras invånarna om aktuella frågor?", "17", "20", "85%")
    _row(pdf, "1.3", "Finns former för dialog med invånarna", "9", "15", "60 %")
    _row(pdf, "", "och för deras medverkan i")
    _row(pdf, "", "beslutsprocessen?")
    _row(pdf, "", "", "37", "50", "74 %", font=BOLD)
    layout, raw = _read(pdf, tmp_path)
    tables = [block for block in layout.blocks if isinstance(block, ScoreTable)]
    assert tables == [ScoreTable("1. Offentlighet och demokrati", ["Uppnått", "Max", "Procent"], [
        ScoreRow("1.1", "Finns en plan/strategi för demokratiutveckling och information?", ["11", "15", "75 %"], 2),
        ScoreRow("1.2", "Informeras invånarna om aktuella frågor?", ["17", "20", "85%"], 2),
        ScoreRow("1.3", "Finns former för dialog med invånarna och för deras medverkan i beslutsprocessen?",
                 ["9", "15", "60 %"], 2),
        ScoreRow(None, "", ["37", "50", "74 %"], 2)], 2)]
    assert [(s.area_no, s.code, s.text, s.achieved, s.max, s.percent, s.page) for s in raw.subquestions] == [
        (1, "1.1", "Finns en plan/strategi för demokratiutveckling och information?", 11, 15, 75.0, 2),
        (1, "1.2", "Informeras invånarna om aktuella frågor?", 17, 20, 85.0, 2),
        (1, "1.3", "Finns former för dialog med invånarna och för deras medverkan i beslutsprocessen?", 9, 15, 60.0, 2)]
    assert [(t.area_no, t.achieved, t.max, t.percent) for t in raw.area_totals] == [(1, 37, 50, 74.0)]


def test_numbers_printed_on_the_last_line_of_a_wrapped_question(tmp_path):
    pdf = report()
    _section(pdf)
    _header(pdf, "2. Tillgänglighet och brukarorientering")
    _row(pdf, "2.1", "Finns servicedeklarationer för")
    _row(pdf, "", "kommunens verksamheter?", "8", "10", "80 %")
    _row(pdf, "2.2", "Mäts brukarnas nöjdhet?", "12", "15", "80%")
    _row(pdf, "", "", "20", "25", "80 %", font=BOLD)
    _, raw = _read(pdf, tmp_path)
    assert [(s.code, s.text, s.achieved, s.max, s.percent) for s in raw.subquestions] == [
        ("2.1", "Finns servicedeklarationer för kommunens verksamheter?", 8, 10, 80.0),
        ("2.2", "Mäts brukarnas nöjdhet?", 12, 15, 80.0)]


def test_a_table_continued_on_a_new_page_under_its_repeated_title_row(tmp_path):
    pdf = report()
    _section(pdf)
    _header(pdf, "1. Offentlighet och demokrati")
    _row(pdf, "1.1", "Finns en plan/strategi för demokratiutveckling", "11", "15", "75 %")
    _row(pdf, "", "och information?")
    _row(pdf, "1.2", "Informeras invånarna om aktuella frågor?", "17", "20", "85 %")
    pdf.new_page()
    _header(pdf, "1. Offentlighet och demokrati")
    _row(pdf, "1.3", "Finns former för dialog med invånarna?", "9", "15", "60 %")
    _row(pdf, "", "", "37", "50", "74 %", font=BOLD)
    _header(pdf, "2. Tillgänglighet och brukarorientering")
    _row(pdf, "2.1", "Finns servicedeklarationer?", "8", "10", "80%")
    _row(pdf, "", "", "8", "10", "80%", font=BOLD)
    layout, raw = _read(pdf, tmp_path)
    assert [(t.title, t.page, [r.code for r in t.rows]) for t in layout.blocks if isinstance(t, ScoreTable)] == [
        ("1. Offentlighet och demokrati", 2, ["1.1", "1.2"]), ("1. Offentlighet och demokrati", 3, ["1.3", None]),
        ("2. Tillgänglighet och brukarorientering", 3, ["2.1", None])]
    assert [(s.area_no, s.code, s.achieved, s.max, s.percent, s.page) for s in raw.subquestions] == [
        (1, "1.1", 11, 15, 75.0, 2), (1, "1.2", 17, 20, 85.0, 2), (1, "1.3", 9, 15, 60.0, 3),
        (2, "2.1", 8, 10, 80.0, 3)]
    assert [(t.area_no, t.achieved, t.max) for t in raw.area_totals] == [(1, 37, 50), (2, 8, 10)]
    assert raw.subquestions[0].text == "Finns en plan/strategi för demokratiutveckling och information?"


def test_a_question_wrapped_after_a_hyphen_keeps_the_hyphen_and_no_space(tmp_path):
    pdf = report()
    _section(pdf)
    _header(pdf, "1. Offentlighet och demokrati")
    _row(pdf, "1.1", "Finns en plan/strategi för demokrati-", "11", "15", "75 %")
    _row(pdf, "", "utveckling och information?")
    _row(pdf, "1.2", "Läggs vikt vid kompetens-", "17", "20", "85%")  # a shortened compound: "kompetens- och"
    _row(pdf, "", "och medarbetarutveckling?")
    _, raw = _read(pdf, tmp_path)
    assert [(s.code, s.text) for s in raw.subquestions] == [
        ("1.1", "Finns en plan/strategi för demokrati-utveckling och information?"),
        ("1.2", "Läggs vikt vid kompetens- och medarbetarutveckling?")]
