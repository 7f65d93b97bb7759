"""parsers.pdf_layout on built PDFs: running heads and footers leave the text but give the date and page count."""
from __future__ import annotations

from datetime import date

from helpers.pdfbuild import BOLD, document, report
from parsers import parse
from parsers.blocks import Heading, Paragraph
from parsers.pdf_layout import read_pdf_layout


def _three_pages(pdf) -> None:
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Kommunen arbetar aktivt med demokratifrågor.")
    pdf.new_page()
    pdf.line("Sveriges Kommuner och Landsting 2018-06-19 nämns också i brödtexten.")
    pdf.line("Andra stycket på sidan tre.")
    pdf.new_page()
    pdf.line("Sista sidans text.")


def _texts(layout) -> list[str]:
    return [block.text for block in layout.blocks if isinstance(block, (Heading, Paragraph))]


def test_skl_heads_are_removed_and_give_date_and_page_count(tmp_path):
    pdf = report(date="2018-06-19")
    _three_pages(pdf)
    doc = document(pdf.save(tmp_path / "report.pdf"))
    layout = read_pdf_layout(doc)
    assert layout.running_heads == [f"Sveriges Kommuner och Landsting 2018-06-19 {n} (4)" for n in (2, 3, 4)]
    assert _texts(layout) == ["Område 1 Offentlighet och demokrati", "Kommunen arbetar aktivt med demokratifrågor.",
                              "Sveriges Kommuner och Landsting 2018-06-19 nämns också i brödtexten.",
                              "Andra stycket på sidan tre.", "Sista sidans text."]
    assert (layout.page_count, layout.last_page) == (4, 4)
    raw = parse(doc)
    assert (raw.report_date, raw.page_count) == (date(2018, 6, 19), 4)
    assert (raw.municipality, raw.year) == ("TÄBY", 2018)


def test_running_title_and_bare_page_number_are_removed(tmp_path):
    pdf = report(date="2019-04-09", head="KommunKompassen – Täby kommun 2018", foot="{page}", foot_x=290)
    _three_pages(pdf)
    pdf.new_page()
    pdf.line("En femte sida.")
    doc = document(pdf.save(tmp_path / "report.pdf"))
    layout = read_pdf_layout(doc)
    assert sorted(layout.running_heads) == sorted(["KommunKompassen – Täby kommun 2018"] * 4 + ["2", "3", "4", "5"])
    assert _texts(layout)[-3:] == ["Andra stycket på sidan tre.", "Sista sidans text.", "En femte sida."]
    assert not any(text.isdigit() or text.startswith("KommunKompassen –") for text in _texts(layout))
    raw = parse(doc)
    assert (raw.report_date, raw.page_count) == (date(2019, 4, 9), 5)


def test_page_count_counts_pages_without_text(tmp_path):
    pdf = report()
    _three_pages(pdf)
    pdf.new_page()
    pdf.rule(72, 500, 300)  # a last page with a rule only; the running head is still printed on it
    doc = document(pdf.save(tmp_path / "report.pdf"))
    assert parse(doc).page_count == 5
    assert read_pdf_layout(doc).running_heads[-1] == "Sveriges Kommuner och Landsting 2018-06-19 5 (5)"


def test_a_bold_line_at_the_top_of_one_page_is_no_running_head(tmp_path):
    pdf = report()
    pdf.line("Område 1 Offentlighet och demokrati", font=BOLD, size=14)
    pdf.line("Text.")
    pdf.new_page()
    pdf.line("Text på sidan tre.")
    pdf.new_page()
    pdf.line("Text på sidan fyra.")
    layout = read_pdf_layout(document(pdf.save(tmp_path / "report.pdf")))
    assert Heading("Område 1 Offentlighet och demokrati", 2) in layout.blocks
