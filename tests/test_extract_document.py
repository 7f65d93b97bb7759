"""extract.read_document: format by suffix, digest, and the errors that stop a document."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extract import ExtractionError, read_document


@pytest.mark.parametrize("name, content", [("tom.txt", b""), ("blank.md", b" \n\n\t\n")])
def test_empty_or_blank_file_is_empty_file_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as error:
        read_document(path, name)
    assert error.value.code == "empty_file"


def test_unknown_suffix_is_unsupported_format(tmp_path):
    path = tmp_path / "rapport.docx"
    path.write_bytes(b"KommunKompassen")
    with pytest.raises(ExtractionError) as error:
        read_document(path, "rapport.docx")
    assert error.value.code == "unsupported_format"
    assert "rapport.docx" in error.value.message


def test_pdf_suffix_without_pdf_content_is_an_extraction_error(tmp_path):
    path = tmp_path / "falsk.pdf"
    path.write_bytes("det här är ingen pdf\n".encode())
    with pytest.raises(ExtractionError) as error:
        read_document(path, "falsk.pdf")
    assert error.value.code == "not_a_pdf"


def test_text_file_gets_format_rendering_and_digest(tmp_path):
    data = "Rad ett\nRad två\n".encode()
    path = tmp_path / "a.TXT"
    path.write_bytes(data)
    document = read_document(path, "sub/a.TXT")
    assert (document.format, document.rendering, document.source_path) == ("text", "flat", "sub/a.TXT")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.text() == "Rad ett\nRad två"


def test_markdown_and_html_suffixes_pick_their_readers(tmp_path):
    markdown = read_document(Path("r.md"), "r.md", b"# Rubrik\nText\n")
    html = read_document(Path("r.html"), "r.html", b"<h1>Rubrik</h1><p>Text</p>")
    assert (markdown.format, markdown.rendering) == ("markdown", "markdown")
    assert (html.format, html.rendering) == ("html", "html")
    assert [(line.text, line.bold) for line in markdown.pages[0].lines] == [("Rubrik", True), ("Text", False)]
    assert [(line.text, line.bold) for line in html.pages[0].lines] == [("Rubrik", True), ("Text", False)]


def test_sample_renderings_are_detected(raw_dir):
    renderings = {path.name: read_document(path, path.name).rendering for path in sorted(raw_dir.iterdir())}
    assert renderings == {
        "000_c7b2db4eead6c9d1.txt": "flat",
        "002_d672a9d94e7ca625.txt": "transcript",
        "004_829abb5bcc1b2b04.md": "markdown",
        "kk-0aecb26ddfde.pdf": "pdf",
    }
