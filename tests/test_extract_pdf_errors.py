"""PDFs that cannot be read: each gives its ExtractionError code, whichever the reader."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from extract import OcrSettings, ocr, read_document
from extract.errors import ExtractionError
from extract.pdf import read_pdf
from helpers.pdfbuild import LEFT, PdfBuilder


def _text_pdf(path: Path, pages: int = 3) -> Path:
    pdf = PdfBuilder()
    for number in range(1, pages + 1):
        pdf.text(LEFT, 100, f"Sida {number} av rapporten om Täby kommun")
        if number < pages:
            pdf.new_page()
    return pdf.save(path)


def _code(data: bytes, reader: str, name: str = "x.pdf") -> str:
    with pytest.raises(ExtractionError) as raised:
        read_pdf(data, name, reader)
    assert name in raised.value.message
    return raised.value.code


def _image_only(path: Path) -> Path:
    pdf = PdfBuilder()
    pdf.image(LEFT, 72, 400, 600)
    pdf.new_page()
    pdf.image(LEFT, 72, 400, 600)
    return pdf.save(path)


def _no_text_layer(path: Path, ocr: OcrSettings, reader: str = "pdfium") -> str:
    with pytest.raises(ExtractionError) as raised:
        read_document(path, path.name, pdf_reader=reader, ocr=ocr)
    assert raised.value.code == "no_text_layer"
    return raised.value.message


def test_image_only_pdf_without_ocr_has_no_text_layer(tmp_path, reader):
    assert "OCR is off" in _no_text_layer(_image_only(tmp_path / "scan.pdf"), OcrSettings(mode="never"), reader)


def test_without_tesseract_no_text_layer_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    assert "apt-get install tesseract-ocr tesseract-ocr-swe" in _no_text_layer(_image_only(tmp_path / "scan.pdf"),
                                                                               OcrSettings())


def test_pdf_without_text_or_images_has_no_text_layer(tmp_path, reader):
    pdf = PdfBuilder()
    pdf.rule(LEFT, 500, 200)
    pdf.new_page()
    assert "contains no text" in _no_text_layer(pdf.save(tmp_path / "blank.pdf"), OcrSettings(), reader)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_a_user_password_is_encrypted(tmp_path, algorithm, reader):
    writer = PdfWriter(clone_from=_text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="hemligt", owner_password="ägarens", algorithm=algorithm)
    writer.write(tmp_path / "locked.pdf")
    assert _code((tmp_path / "locked.pdf").read_bytes(), reader) == "encrypted_pdf"


@pytest.mark.parametrize("share", [0.1, 0.5])
def test_truncated_pdf_is_damaged(tmp_path, share, reader):
    data = _text_pdf(tmp_path / "whole.pdf").read_bytes()
    assert _code(data[:int(len(data) * share)], reader) == "damaged_pdf"


def test_pdf_truncated_before_its_cross_reference_table_is_damaged(tmp_path, reader):
    data = _text_pdf(tmp_path / "whole.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert _code(data[:data.rindex(b"\nxref")], reader) == "damaged_pdf"


def test_text_file_named_pdf_is_not_a_pdf(reader):
    assert _code("Det här är ingen PDF utan en textfil.\n".encode(), reader) == "not_a_pdf"


def test_html_named_pdf_is_not_a_pdf(reader):
    assert _code(b"<html><body><p>Sidan kunde inte hittas</p></body></html>", reader) == "not_a_pdf"


def test_read_document_passes_the_code_on(tmp_path, reader):
    path = tmp_path / "rapport.pdf"
    path.write_text("inte en pdf\n", encoding="utf-8")
    with pytest.raises(ExtractionError) as raised:
        read_document(path, "rapport.pdf", pdf_reader=reader)
    assert raised.value.code == "not_a_pdf"
