"""Text layers that lie (issue 17, class 1): what each PDF reader finds of a page's text drawn over a page image,
and extract.text_layer's verdict per page; what reading does with such pages where OCR cannot run."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from extract import ExtractionError, OcrSettings, read_document
from extract.model import Line, Page, ScanLayer
from extract.pdf import read_pdf
from extract.text_layer import LayerFaults, layer_faults
from helpers.pdfbuild import LEFT, report
from helpers.textlayers import garbled_fonts, text_over_scan

WIDTH, HEIGHT = A4
SENTENCE = "Kommunen har ett tydligt arbete inom information till medborgare och följer upp det varje år."


def _paper() -> ImageReader:
    return ImageReader(Image.new("L", (120, 170), 235))


def _canvas_pdf(path: Path, *pages) -> Path:
    """A PDF whose pages are drawn by the given functions of a reportlab canvas."""
    c = Canvas(str(path), pagesize=A4)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


def _text(c: Canvas, mode: int = 0, y: float = 700) -> None:
    c.setFont("Helvetica", 11)
    c.drawString(LEFT, y, SENTENCE, mode=mode)


def _layers(path: Path, reader: str) -> list[ScanLayer | None]:
    return [page.scan_layer for page in read_pdf(path.read_bytes(), path.name, reader)]


def test_each_reader_counts_the_text_over_a_page_image_by_how_it_is_drawn(tmp_path, reader):
    def invisible(c):
        c.drawImage(_paper(), 0, 0, WIDTH, HEIGHT)
        _text(c, mode=3)

    def under_the_image(c):
        _text(c)
        c.drawImage(_paper(), 0, 0, WIDTH, HEIGHT)

    def over_the_image(c):
        c.drawImage(_paper(), 0, 0, WIDTH, HEIGHT)
        _text(c)

    def beside_a_logo(c):
        c.drawImage(_paper(), LEFT, 600, 120, 170)
        _text(c, mode=3)

    def under_a_transparent_image(c):  # a watermark: the text shows through it
        _text(c)
        c.drawImage(ImageReader(Image.new("RGBA", (120, 170), (200, 200, 200, 60))), 0, 0, WIDTH, HEIGHT,
                    mask="auto")

    path = _canvas_pdf(tmp_path / "layers.pdf", invisible, under_the_image, over_the_image, beside_a_logo,
                       under_a_transparent_image)
    characters = len(SENTENCE)
    assert _layers(path, reader) == [ScanLayer(characters, characters, 0), ScanLayer(characters, 0, characters),
                                     ScanLayer(characters, 0, 0), None, ScanLayer(characters, 0, 0)]


def test_an_image_and_a_text_layer_drawn_in_forms_are_found_in_them(tmp_path, reader):
    """ocrmypdf draws its text layer as a form over the page; the image may be a scaled form's, too."""
    def in_forms(c):
        c.beginForm("scan")
        c.drawImage(_paper(), 0, 0, WIDTH / 2, HEIGHT / 2)  # a quarter of the page, in the form's space
        c.endForm()
        c.beginForm("layer")
        _text(c, mode=3)
        c.endForm()
        c.saveState()
        c.scale(2, 2)  # the form drawn twice as large: the whole page
        c.doForm("scan")
        c.restoreState()
        c.doForm("layer")

    assert _layers(_canvas_pdf(tmp_path / "forms.pdf", in_forms), reader) == [
        ScanLayer(len(SENTENCE), len(SENTENCE), 0)]


def _page(number: int, text: str = SENTENCE, layer: ScanLayer | None = None, images: bool = False) -> Page:
    return Page(number, [Line(text, number)] * 3 if text else [], has_images=images or layer is not None,
                scan_layer=layer)


HIDDEN, OVER = ScanLayer(300, 300, 0), ScanLayer(300, 0, 0)


def test_a_hidden_layer_is_a_scans_wherever_it_is_and_text_over_an_image_only_in_a_scanned_document():
    """Visible text over a page image is a scan's layer where most pages are images; a text PDF's cover set over
    a picture is printed text."""
    assert layer_faults([_page(1, layer=OVER), _page(2), _page(3, layer=HIDDEN), _page(4)]) == LayerFaults(
        scan=(3,), hidden=(3,))
    assert layer_faults([_page(1, layer=OVER), _page(2, layer=OVER), _page(3, text="", images=True),
                         _page(4)]) == LayerFaults(scan=(1, 2))


def test_letters_that_make_no_swedish_words_and_junk_characters_are_unusable_and_a_reports_text_is_not():
    garbage = "$G6C:86D z@>>F?6C @49 {2?5DE:?8 a_`a\\_e\\`g d WhX ~>Cµ56 a %:==8´?8=:896E @49 3CF<2C@C:6?E6C:?8"
    controls = SENTENCE.replace("ä", "\x01").replace("å", "\x02")  # a font without Unicode for its accents
    private = SENTENCE.replace("ö", "\uf0f6")
    bullets = "\uf0b7 " + SENTENCE  # a symbol font's bullet stands alone: Word's lists
    pages = [_page(1, garbage * 2), _page(2, controls), _page(3, private), _page(4, bullets), _page(5, SENTENCE)]
    assert layer_faults(pages).unusable == (1, 2, 3)
    assert layer_faults([_page(1, "Kommunkompassen"), _page(2, garbage * 2), _page(3, garbage * 2)]).unusable == (
        1, 2, 3)  # a page too short to judge goes with most of the document
    assert layer_faults([_page(1, "Kommunkompassen"), _page(2, garbage * 2), _page(3), _page(4)]).unusable == (2,)
    spaced = "K o m m u n K o m p a s s e n A N A L Y S A V H E L S I N G B O R G S S T A D 2 0 1 8 " * 3
    assert layer_faults([_page(1, spaced), _page(2), _page(3)]).unusable == ()  # a letter-spaced cover is words


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory) -> Path:
    pdf = report("Täby", 2018)
    for line in ("Område 1 Offentlighet och demokrati", SENTENCE, SENTENCE):
        pdf.line(line)
    pdf.filler_pages(2)
    return pdf.save(tmp_path_factory.mktemp("text_layer") / "taby.pdf")


@pytest.mark.parametrize("hidden_under", [False, True], ids=["invisible", "under_the_image"])
def test_without_ocr_a_scans_layer_is_read_as_a_scans_text_and_says_so(tmp_path, text_pdf, reader, hidden_under):
    path = text_over_scan(text_pdf, tmp_path / "layer.pdf", hidden_under=hidden_under)
    document = read_document(path, path.name, pdf_reader=reader, ocr=OcrSettings(mode="never"))
    plain = read_document(text_pdf, text_pdf.name, pdf_reader=reader)
    assert document.reader == f"{reader}:ocr-layer"
    assert [line.text for page in document.pages for line in page.lines] == \
        [line.text for page in plain.pages for line in page.lines]
    assert {line.bold for page in document.pages for line in page.lines} == {None}  # the OCR layout's rules
    assert [(p.code, p.severity, p.page) for p in document.problems] == [("scan_text_layer_read", "warning", None)]
    assert document.problems[0].message.startswith("Pages 1-4 are scanned images with a text layer of their own")
    assert "OCR is off (--ocr never)" in document.problems[0].message


def test_without_tesseract_the_warning_says_how_to_install_it(tmp_path, text_pdf, monkeypatch):
    monkeypatch.setattr("extract.scanned.tesseract_available", lambda: False)
    path = text_over_scan(text_pdf, tmp_path / "layer.pdf")
    problem, = read_document(path, path.name).problems
    assert problem.code == "scan_text_layer_read" and "apt-get install tesseract-ocr" in problem.message


def test_without_ocr_a_layer_that_is_no_language_is_a_clear_error_never_not_a_report(tmp_path, text_pdf, reader):
    path = garbled_fonts(text_pdf, tmp_path / "garbled.pdf")
    with pytest.raises(ExtractionError) as raised:
        read_document(path, path.name, pdf_reader=reader, ocr=OcrSettings(mode="never"))
    assert raised.value.code == "text_layer_broken"
    assert raised.value.message.startswith("garbled.pdf: The text layer of pages 1-4 is broken: its fonts map to no "
                                           "Unicode")


def test_without_ocr_an_unusable_page_among_good_ones_is_left_out_with_an_error_naming_it(tmp_path, text_pdf):
    garbled = garbled_fonts(text_pdf, tmp_path / "garbled.pdf")
    mixed = PdfWriter()
    for source, pages in ((text_pdf, [0, 1]), (garbled, [2]), (text_pdf, [3])):
        mixed.append(source, pages=pages)
    path = tmp_path / "mixed.pdf"
    mixed.write(path)
    document = read_document(path, path.name, ocr=OcrSettings(mode="never"))
    assert [bool(page.lines) for page in document.pages] == [True, True, False, True]
    assert [(p.code, p.severity, p.page) for p in document.problems] == [("text_layer_broken", "error", 3)]
    assert document.reader == "pdfium"
