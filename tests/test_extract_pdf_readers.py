"""The PDF readers agree: on every PDF of the test corpus and on built reports, PDFium's pages
parse into the same records as pdfplumber's (the reference), line for line."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from extract import read_document
from helpers.paths import PDF_DIR
from helpers.pdfbuild import BOLD, LEFT, report
from parsers import parse

pytestmark = pytest.mark.slow  # every PDF reader on every fixture

CORPUS = sorted(PDF_DIR.rglob("*.pdf"))


def _both(path: Path) -> tuple:
    return tuple(read_document(path, path.name, pdf_reader=reader) for reader in ("pdfium", "pdfplumber"))


def _lines(document) -> list[tuple]:
    return [(line.page, line.text, line.size, line.bold) for page in document.pages for line in page.lines]


def _boxes(document) -> list[float]:
    return [edge for page in document.pages for line in page.lines
            for edge in (line.x0, line.x1, line.top, line.bottom)]


@pytest.mark.parametrize("path", CORPUS, ids=[f"{path.parent.name}/{path.name}" for path in CORPUS])
def test_the_corpus_parses_into_the_same_records(path):
    fast, reference = _both(path)
    assert [line.text for page in fast.pages for line in page.lines] == \
        [line.text for page in reference.pages for line in page.lines]
    # PDFium sets a line of the corpus's italic diagram captions 3 points lower than pdfplumber: a statement's
    # box that takes one in (a sentence running into it) differs that much
    _assert_same_records(fast, reference, slack=4.0)


def _scaled(x: float, y: float, text: str, scale: float):
    """Text drawn at 10 pt under a scaled coordinate system, as some writers size text."""
    def draw(c: Canvas) -> None:
        c.saveState()
        c.translate(x, c._pagesize[1] - y)
        c.scale(scale, scale)
        c.setFont("Helvetica", 10)
        c.drawString(0, 0, text)
        c.restoreState()
    return draw


def _spaced(x: float, y: float, text: str, spacing: float):
    """Letter-spaced text, as on report covers."""
    def draw(c: Canvas) -> None:
        line = c.beginText(x, c._pagesize[1] - y)
        line.setFont("Helvetica", 16)
        line.setCharSpace(spacing)
        line.textOut(text)
        c.drawText(line)
    return draw


def _built_report(tmp_path) -> Path:
    pdf = report()
    pdf.pages[0].append(_spaced(LEFT, 160, "ANALYS AV", 2))
    pdf.heading("Område 1 Offentlighet och demokrati")
    pdf.row((LEFT, "Rubriker"), (450, "Poäng"), font=BOLD)
    pdf.row((76, "– Information till medborgarna"), (450, "64"))
    pdf.justified("Kommunen arbetar aktivt och systematiskt med information till medborgarna på webben.")
    pdf.line("Styrkor", font=BOLD)
    pdf.row((76, "• Öppna nämndsmöten med"), (304, "▪ Tydligare mål för"))
    pdf.row((86, "webbsändning"), (314, "medborgardialogen"))
    pdf.line("Times i kursiv stil på en egen rad", font="Times-Italic")
    pdf.pages[-1].append(_scaled(LEFT, pdf.y + 10, "Skalad text i femton punkter", 1.5))
    pdf.image(LEFT, pdf.y + 30, 100, 60)
    pdf.filler_pages()
    return pdf.save(tmp_path / "built.pdf")


def test_a_built_report_reads_the_same_line_for_line(tmp_path):
    fast, reference = _both(_built_report(tmp_path))
    assert _lines(fast) == _lines(reference)
    assert _boxes(fast) == pytest.approx(_boxes(reference), abs=0.01)  # PDFium's coordinates are 32-bit floats
    assert "Skalad text i femton punkter" in [line.text for line in fast.pages[1].lines]
    assert [page.has_images for page in fast.pages] == [page.has_images for page in reference.pages] == \
        [False, True, False, False]
    _assert_same_records(fast, reference)


def _assert_same_records(fast, reference, slack: float = 0.01) -> None:
    """The two readers' documents parse into the same records, their boxes alike within `slack` points (a
    hundredth by default: PDFium's coordinates are 32-bit floats); the reader is the one field that may differ."""
    records = [dataclasses.asdict(parse(document)) for document in (fast, reference)]
    assert [record.pop("reader") for record in records] == ["pdfium", "pdfplumber"]
    (fast_shape, fast_numbers), (reference_shape, reference_numbers) = map(_numbers_apart, records)
    assert fast_shape == reference_shape
    assert fast_numbers == pytest.approx(reference_numbers, abs=slack)


def _numbers_apart(value: object) -> tuple[object, list[float]]:
    """A record with each float in it replaced by a mark, and the floats in order."""
    numbers: list[float] = []

    def shape(item: object) -> object:
        if isinstance(item, float):
            numbers.append(item)
            return float
        if isinstance(item, dict):
            return {key: shape(entry) for key, entry in item.items()}
        if isinstance(item, (list, tuple)):
            return [shape(entry) for entry in item]
        return item

    return shape(value), numbers
