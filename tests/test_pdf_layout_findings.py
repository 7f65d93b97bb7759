"""parsers.pdf_layout: the two-column findings table ("Styrkor | Förbättringsmöjligheter") on built PDFs."""
from __future__ import annotations

import pytest

from helpers.pdfbuild import BOLD, LEFT, PdfBuilder, document, report, width
from parsers.blocks import FindingsBlock, Heading, Paragraph
from parsers.pdf_layout import read_pdf_layout

RIGHT_HEADER = 300.0  # x of "Förbättringsmöjligheter"; the column edge lies just left of it
EDGE = RIGHT_HEADER - 4  # parsers.pdf_rows.header_edges cuts rows this far left of the right header
L_BULLET, L_TEXT, R_BULLET, R_TEXT = 76.0, 86.0, 304.0, 314.0


def _header(pdf: PdfBuilder, right: str = "Förbättringsmöjligheter") -> None:
    pdf.skip(8)
    pdf.row((LEFT, "Styrkor"), (RIGHT_HEADER, right), font=BOLD)


def _area(pdf: PdfBuilder, number: int = 1, title: str = "Offentlighet och demokrati") -> None:
    pdf.heading(f"Område {number} {title}")
    pdf.line("Kommunen arbetar aktivt med frågorna inom området.")


def _table() -> PdfBuilder:
    """A report at its first area's findings header."""
    pdf = report()
    _area(pdf)
    _header(pdf)
    return pdf


def _layout(pdf: PdfBuilder, tmp_path):
    pdf.filler_pages()
    return read_pdf_layout(document(pdf.save(tmp_path / "report.pdf")))


def _after_table(layout, count: int = 2) -> list:
    """The blocks that follow the (last) findings block."""
    last = max(i for i, block in enumerate(layout.blocks) if isinstance(block, FindingsBlock))
    return layout.blocks[last + 1:last + 1 + count]


def _findings(layout) -> list[list[tuple[str, str, int]]]:
    """(kind, text, page) of each findings block's items."""
    return [[(item.kind, item.text, item.page) for item in block.items]
            for block in layout.blocks if isinstance(block, FindingsBlock)]


def test_left_column_is_strengths_and_right_column_improvements(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog"))
    pdf.row((L_BULLET, "• Webbsändningar av KF"), (R_BULLET, "• Synpunktshantering"))
    pdf.row((L_BULLET, "• Etikpolicy"))
    assert _findings(_layout(pdf, tmp_path)) == [[
        ("strength", "Öppna nämndsmöten", 2), ("strength", "Webbsändningar av KF", 2), ("strength", "Etikpolicy", 2),
        ("improvement", "Medborgardialog", 2), ("improvement", "Synpunktshantering", 2)]]


def test_items_wrapped_onto_indented_lines_stay_one_item(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Kommunens strategiska val av"), (R_BULLET, "• Uppdatera eller ta bort appar"))
    pdf.row((L_TEXT, "sociala medier och internutbildning"), (R_TEXT, "och länkar som inte används"))
    pdf.row((L_TEXT, "för alla chefer"), (R_BULLET, "• Samla länkarna på en sida"))
    pdf.row((L_BULLET, "• Öppna nämndsmöten"))
    assert _findings(_layout(pdf, tmp_path)) == [[
        ("strength", "Kommunens strategiska val av sociala medier och internutbildning för alla chefer", 2),
        ("strength", "Öppna nämndsmöten", 2),
        ("improvement", "Uppdatera eller ta bort appar och länkar som inte används", 2),
        ("improvement", "Samla länkarna på en sida", 2)]]


def test_a_dash_opening_a_continuation_line_does_not_start_an_item(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "– Uppföljning av insatserna"), (R_BULLET, "– Kontaktcenter"))
    pdf.row((L_TEXT, "– har de någon effekt?"), (R_TEXT, "– från ax till limpa"))
    pdf.row((L_BULLET, "– Lean i vården"), (R_BULLET, "– Innovationer"))
    assert _findings(_layout(pdf, tmp_path)) == [[
        ("strength", "Uppföljning av insatserna – har de någon effekt?", 2), ("strength", "Lean i vården", 2),
        ("improvement", "Kontaktcenter – från ax till limpa", 2), ("improvement", "Innovationer", 2)]]


def test_a_left_item_reaching_close_to_the_right_column_is_cut_at_the_header_edge(tmp_path):
    left = "Systematisk uppföljning av verksamhetens mål"
    pdf = _table()
    pdf.row((L_BULLET, f"• {left}"), (R_BULLET, "• Medborgardialog"), size=10)
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Synpunktshantering"), size=10)
    pdf.filler_pages()
    doc = document(pdf.save(tmp_path / "report.pdf"))
    # the reader sees no column gap: one Line runs across both columns, its last left word ends near the edge
    merged = next(line for line in doc.pages[1].lines if line.text.startswith("• Systematisk"))
    assert merged.text == f"• {left} • Medborgardialog"
    last_left = next(word for word in merged.words if word.text == "mål")
    assert last_left.x1 == pytest.approx(L_BULLET + width(f"• {left}", size=10), abs=0.1)
    assert EDGE - 4 < last_left.x1 < EDGE
    assert _findings(read_pdf_layout(doc)) == [[
        ("strength", left, 2), ("strength", "Öppna nämndsmöten", 2),
        ("improvement", "Medborgardialog", 2), ("improvement", "Synpunktshantering", 2)]]


def test_the_table_continues_on_the_next_page_without_a_header(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog om"))
    pdf.row((L_TEXT, "med webbsändning"), (R_TEXT, "budgeten"))
    pdf.new_page()
    pdf.row((L_BULLET, "• Lean i vården"), (R_BULLET, "• Innovationer"))
    pdf.row((L_BULLET, "• Etikpolicy"))
    pdf.heading("Område 2 Tillgänglighet och brukarorientering")
    layout = _layout(pdf, tmp_path)
    assert _findings(layout) == [[
        ("strength", "Öppna nämndsmöten med webbsändning", 2), ("strength", "Lean i vården", 3),
        ("strength", "Etikpolicy", 3),
        ("improvement", "Medborgardialog om budgeten", 2), ("improvement", "Innovationer", 3)]]
    assert Heading("Område 2 Tillgänglighet och brukarorientering", 3) in layout.blocks


def test_an_item_wrapped_across_the_page_break_stays_one_item(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog om"))
    pdf.new_page()
    pdf.row((L_BULLET, "• Lean i vården"), (R_TEXT, "budgeten"))
    assert _findings(_layout(pdf, tmp_path)) == [[
        ("strength", "Öppna nämndsmöten", 2), ("strength", "Lean i vården", 3),
        ("improvement", "Medborgardialog om budgeten", 2)]]


def test_the_table_continues_on_the_next_page_under_a_repeated_header(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog"))
    pdf.new_page()
    _header(pdf)
    pdf.row((L_BULLET, "• Lean i vården"), (R_BULLET, "• Innovationer"))
    pdf.heading("Sammanfattning", size=11)
    pdf.line("Kommunen har goda förutsättningar.")
    layout = _layout(pdf, tmp_path)
    assert _findings(layout) == [[
        ("strength", "Öppna nämndsmöten", 2), ("strength", "Lean i vården", 3),
        ("improvement", "Medborgardialog", 2), ("improvement", "Innovationer", 3)]]
    assert _after_table(layout) == [Heading("Sammanfattning", 3), Paragraph("Kommunen har goda förutsättningar.", 3)]


def test_the_table_ends_at_the_next_heading(tmp_path):
    pdf = _table()
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog"))
    pdf.line("Allmänt", font=BOLD)  # a bold heading right under the last row, no space before it
    pdf.line("En kommun är en politiskt styrd organisation.")
    layout = _layout(pdf, tmp_path)
    assert _findings(layout) == [[("strength", "Öppna nämndsmöten", 2), ("improvement", "Medborgardialog", 2)]]
    assert _after_table(layout) == [Heading("Allmänt", 2),
                                    Paragraph("En kommun är en politiskt styrd organisation.", 2)]


def _paragraph_after_table(pdf: PdfBuilder, text: str) -> None:
    _area(pdf)
    _header(pdf)
    pdf.row((L_BULLET, "• Öppna nämndsmöten"), (R_BULLET, "• Medborgardialog"))
    pdf.row((L_BULLET, "• Lean i vården"))
    pdf.skip(6)
    pdf.line(text)
    pdf.line("Nästa rad i samma stycke.")


def _words_at_edge(text: str) -> list[str]:
    """The words of a line drawn at LEFT that reach across the column edge."""
    words, x = [], LEFT
    for word in text.split():
        if x < EDGE - 4 and x + width(word) > EDGE:
            words.append(word)
        x += width(word + " ")
    return words


@pytest.mark.parametrize("text, at_edge", [
    ("Efter tabellen följer en vanlig textrad som sträcker sig över hela sidans bredd.", ["sträcker"]),
    # a word space, not a word, falls on the column edge
    ("Efter tabellen följer en vanlig textrad som går över hela sidans bredd och längre än så.", []),
])
def test_the_table_ends_at_a_full_width_paragraph(tmp_path, text, at_edge):
    assert _words_at_edge(text) == at_edge
    pdf = report()
    _paragraph_after_table(pdf, text)
    layout = _layout(pdf, tmp_path)
    assert _findings(layout) == [[("strength", "Öppna nämndsmöten", 2), ("strength", "Lean i vården", 2),
                                  ("improvement", "Medborgardialog", 2)]]
    assert _after_table(layout) == [Paragraph(text, 2), Paragraph("Nästa rad i samma stycke.", 2)]
