"""extract.pdf.read_pdf on small built PDFs, with each reader: words into lines, positions and fonts."""
from __future__ import annotations

import pytest

from extract import read_document
from extract.model import Word
from extract.pdf import read_pdf
from helpers.pdfbuild import BODY, BOLD, LEFT, PdfBuilder, width


def _read(pdf: PdfBuilder, tmp_path, reader: str, name: str = "built.pdf"):
    return read_pdf(pdf.save(tmp_path / name).read_bytes(), name, reader)


def test_lines_carry_page_position_size_and_weight(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Område 1 Offentlighet", font=BOLD, size=16)
    pdf.text(LEFT, 130, "Brödtext på första sidan", font=BODY, size=11)
    pdf.new_page()
    pdf.text(100, 200, "Andra sidan i Times", font="Times-Roman", size=12)
    pdf.text(100, 230, "Fet Times", font="Times-Bold", size=12)
    pages = _read(pdf, tmp_path, reader)

    assert [page.number for page in pages] == [1, 2]
    assert (pages[0].width, pages[0].height) == pytest.approx((595.28, 841.89), abs=0.01)
    assert not any(page.has_images for page in pages)
    assert [(line.text, line.page, line.size, line.bold) for page in pages for line in page.lines] == [
        ("Område 1 Offentlighet", 1, 16, True), ("Brödtext på första sidan", 1, 11, False),
        ("Andra sidan i Times", 2, 12, False), ("Fet Times", 2, 12, True)]
    heading, body = pages[0].lines
    assert heading.x0 == pytest.approx(LEFT, abs=0.01)
    assert heading.x1 == pytest.approx(LEFT + width("Område 1 Offentlighet", BOLD, 16), abs=0.1)
    assert heading.top < 100 < heading.bottom  # the baseline lies within the line's box
    assert heading.bottom - heading.top == pytest.approx(16, abs=0.5)
    assert body.top > heading.bottom
    times = pages[1].lines[0]
    assert (times.x0, times.top < 200 < times.bottom) == (pytest.approx(100, abs=0.01), True)


def test_lines_are_in_reading_order(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(300, 150, "höger")  # drawn first, stands right of "vänster" on the same row
    pdf.text(LEFT, 150, "vänster")
    pdf.text(LEFT, 120, "överst")
    lines = _read(pdf, tmp_path, reader)[0].lines
    assert [line.text for line in lines] == ["överst", "vänster", "höger"]


def test_a_wide_gap_splits_a_row_into_two_lines(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Öppna nämndsmöten")
    pdf.text(300, 100, "Medborgardialog")
    lines = _read(pdf, tmp_path, reader)[0].lines
    assert [line.text for line in lines] == ["Öppna nämndsmöten", "Medborgardialog"]
    assert lines[0].top == lines[1].top
    assert lines[0].x1 == pytest.approx(LEFT + width("Öppna nämndsmöten"), abs=0.1)
    assert lines[1].x0 == pytest.approx(300, abs=0.01)


def test_a_gap_narrower_than_the_column_gap_keeps_one_line(tmp_path, reader):
    pdf = PdfBuilder()
    end = pdf.text(LEFT, 100, "Tydlig ansvarsfördelning")
    pdf.text(end + 12, 100, "mellan nämnder")  # 12 pt: wider than a space, narrower than 1.6 font sizes
    lines = _read(pdf, tmp_path, reader)[0].lines
    assert [line.text for line in lines] == ["Tydlig ansvarsfördelning mellan nämnder"]


def test_line_words_keep_their_extents(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Styrkor och svagheter")
    line, = _read(pdf, tmp_path, reader)[0].lines
    assert [word.text for word in line.words] == ["Styrkor", "och", "svagheter"]
    assert " ".join(word.text for word in line.words) == line.text
    first, second, third = line.words
    assert isinstance(first, Word)
    assert first.x0 == pytest.approx(LEFT, abs=0.01)
    assert first.x1 == pytest.approx(LEFT + width("Styrkor"), abs=0.1)
    assert second.x0 == pytest.approx(LEFT + width("Styrkor "), abs=0.1)
    assert third.x1 == pytest.approx(line.x1, abs=0.01)
    assert all(w.x0 < w.x1 <= n.x0 for w, n in zip(line.words, line.words[1:]))


def test_split_lines_keep_only_their_own_words(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Rubriker", font=BOLD)
    pdf.text(450, 100, "Poäng", font=BOLD)
    left, right = _read(pdf, tmp_path, reader)[0].lines
    assert [(w.text, round(w.x0)) for w in left.words] == [("Rubriker", 72)]
    assert [(w.text, round(w.x0)) for w in right.words] == [("Poäng", 450)]


@pytest.mark.parametrize("bullet", ["•", "▪", "–"])
def test_a_bullet_from_another_font_stays_on_its_line(tmp_path, bullet, reader):
    pdf = PdfBuilder()
    pdf.text(76, 100, f"{bullet} Öppna nämndsmöten med")
    pdf.text(86, 114, "webbsändning")
    lines = _read(pdf, tmp_path, reader)[0].lines
    assert [(line.text, round(line.x0)) for line in lines] == [
        (f"{bullet} Öppna nämndsmöten med", 76), ("webbsändning", 86)]
    assert lines[0].words[0].text == bullet
    assert lines[0].size == 11 and lines[0].bold is False


def test_a_line_is_bold_when_most_of_its_letters_are(tmp_path, reader):
    pdf = PdfBuilder()
    end = pdf.text(LEFT, 100, "Poäng:", font=BOLD)
    pdf.text(end + 3, 100, "64")
    end = pdf.text(LEFT, 130, "Obs:", font=BOLD)
    pdf.text(end + 3, 130, "detta är vanlig brödtext")
    lines = _read(pdf, tmp_path, reader)[0].lines
    assert [(line.text, line.bold) for line in lines] == [("Poäng: 64", True),
                                                        ("Obs: detta är vanlig brödtext", False)]


def test_a_line_takes_the_size_of_most_of_its_letters(tmp_path, reader):
    pdf = PdfBuilder()
    end = pdf.text(LEFT, 100, "Kommunkompassen", size=12)
    pdf.text(end + 3, 100, "1", size=8)  # a footnote mark
    line, = _read(pdf, tmp_path, reader)[0].lines
    assert (line.text, line.size) == ("Kommunkompassen 1", 12)


def test_a_page_without_text_has_no_lines(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Första sidan")
    pdf.new_page()
    pdf.rule(LEFT, 500, 300)
    pdf.new_page()
    pdf.text(LEFT, 100, "Tredje sidan")
    pages = _read(pdf, tmp_path, reader)
    assert [(page.number, [line.text for line in page.lines]) for page in pages] == [
        (1, ["Första sidan"]), (2, []), (3, ["Tredje sidan"])]


def test_images_are_noted_on_their_page(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Logotyp nedan")
    pdf.image(LEFT, 120, 100, 60)
    pdf.new_page()
    pdf.text(LEFT, 100, "Ingen bild här")
    assert [page.has_images for page in _read(pdf, tmp_path, reader)] == [True, False]


def test_read_document_reads_a_pdf(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.text(LEFT, 100, "Sveriges Kommuner och Landsting")
    path = pdf.save(tmp_path / "rapport.pdf")
    document = read_document(path, "sub/rapport.pdf", pdf_reader=reader)
    assert (document.source_path, document.format, document.rendering) == ("sub/rapport.pdf", "pdf", "pdf")
    assert document.text() == "Sveriges Kommuner och Landsting"
