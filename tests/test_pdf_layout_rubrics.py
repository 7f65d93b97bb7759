"""parsers.pdf_layout on built PDFs: the "Rubriker | Poäng" box under an area heading."""
from __future__ import annotations

import pytest

from helpers.pdfbuild import BOLD, LEFT, document, report
from parsers import parse
from parsers.blocks import Heading, RubricBox
from parsers.pdf_layout import read_pdf_layout

RUBRICS = ["Strategi för demokratiutveckling och information", "Information till medborgare",
           "Dialog och medborgarmedverkan", "Etik motverkan av korruption"]


def _box(pdf, score_beside: int | None, score: str = "76") -> None:
    """The box: its header row, the rubric lines, and the score printed large beside line `score_beside`."""
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.skip(6)
    pdf.row((LEFT, "Rubriker"), (455, "Poäng"), font=BOLD, size=10.5)
    top = pdf.y
    pdf.lines(RUBRICS, size=10.5)
    if score_beside is not None:
        pdf.text(459, top + 13.7 * score_beside + 4, score, font=BOLD, size=20)


def _read(pdf, tmp_path):
    pdf.skip(18)
    pdf.line("Allmänt", font=BOLD, size=11.5)
    pdf.line("En kommun är en politiskt styrd organisation.")
    pdf.filler_pages()
    doc = document(pdf.save(tmp_path / "report.pdf"))
    return read_pdf_layout(doc), parse(doc)


@pytest.mark.parametrize("score_beside", [0, 1, 2])
def test_rubrics_and_the_score_printed_large_beside_them(tmp_path, score_beside):
    pdf = report()
    _box(pdf, score_beside)
    layout, raw = _read(pdf, tmp_path)
    boxes = [block for block in layout.blocks if isinstance(block, RubricBox)]
    assert boxes == [RubricBox(RUBRICS, 76, 2)]
    assert layout.blocks[layout.blocks.index(boxes[0]) + 1] == Heading("Allmänt", 2)
    assert (raw.areas[0].score, raw.areas[0].rubrics) == (76, RUBRICS)
    assert [section.heading for section in raw.areas[0].sections] == ["Allmänt"]


@pytest.mark.parametrize("line", ["Poäng: 76", "Poäng: 76 p", "Poäng 76/100"])
def test_score_on_a_points_line_under_the_rubrics(tmp_path, line):
    """Issue 17, class 5: the points line may print the unit after the score."""
    pdf = report()
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.line("Rubriker", font=BOLD)
    pdf.lines(RUBRICS)
    pdf.line(line, font=BOLD)
    _, raw = _read(pdf, tmp_path)
    assert (raw.areas[0].score, raw.areas[0].rubrics) == (76, RUBRICS)


def test_bulleted_rubrics_lose_their_bullets(tmp_path):
    pdf = report()
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.row((LEFT, "Rubriker"), (455, "Poäng"), font=BOLD)
    top = pdf.y
    for text in RUBRICS:
        pdf.line(f"• {text}", x=76)
    pdf.text(459, top + 18, "64", font=BOLD, size=20)
    _, raw = _read(pdf, tmp_path)
    assert (raw.areas[0].score, raw.areas[0].rubrics) == (64, RUBRICS)


def test_a_bold_heading_close_under_the_box_is_no_rubric(tmp_path):
    pdf = report()
    _box(pdf, 1)
    pdf.skip(8)  # a heading with 8 pt space before it
    pdf.line("Allmänt", font=BOLD, size=11.5)
    pdf.line("En kommun är en politiskt styrd organisation.")
    pdf.filler_pages()
    raw = parse(document(pdf.save(tmp_path / "report.pdf")))
    assert raw.areas[0].rubrics == RUBRICS
