"""Stage 1: a source file becomes a Document (pages, lines, tables).

Each kind of source has its reader, registered in TEXT_READERS (decoded text
in, rendering and pages out) or, for PDFs, in extract.pdf.READERS (bytes in,
pages out; chosen by name, PDFium by default).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from domain.problems import Problem
from extract.errors import ExtractionError
from extract.html import read_html
from extract.markdown import read_markdown
from extract.model import Cell, Document, Line, Page, Table
from extract.ocr import OcrSettings, OcrStore
from extract.pdf import DEFAULT_READER, READERS, read_pdf
from extract.encoding import decode
from extract.text import read_text

SOURCE_SUFFIXES = {".pdf": "pdf", ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
TEXT_READERS: dict[str, Callable[[str], tuple[str, list[Page]]]] = {
    "text": read_text,
    "markdown": lambda text: ("markdown", read_markdown(text)),
    "html": lambda text: ("html", read_html(text)),
}

__all__ = ["Cell", "Document", "ExtractionError", "Line", "OcrSettings", "Page", "Table", "SOURCE_SUFFIXES",
           "DEFAULT_READER", "READERS", "read_document", "sha256_of"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, source_path: str, data: bytes | None = None, pdf_reader: str = DEFAULT_READER,
                  ocr: OcrSettings | None = None, ocr_store: OcrStore | None = None) -> Document:
    """Read one source file (a PDF with the named reader, its scanned pages by OCR); raises ExtractionError
    when it cannot be read."""
    if data is None:
        data = path.read_bytes()
    digest = sha256_of(data)
    declared = SOURCE_SUFFIXES.get(path.suffix.lower())
    if declared is None:
        raise ExtractionError("unsupported_format", f"{path.name}: not a .pdf, .txt, .md or .html file.")
    if not data.strip():
        raise ExtractionError("empty_file", f"{path.name} is empty.")
    if b"%PDF" in data[:1024] or declared == "pdf":  # readers allow bytes before the header
        from extract.scanned import read_scanned  # Tesseract is only looked for when a PDF is read

        problems: list[Problem] = []
        pages = read_pdf(data, path.name, pdf_reader, problems)
        document = Document(source_path, digest, "pdf", "pdf", pages, reader=pdf_reader, problems=problems)
        return read_scanned(document, data, path.name, ocr or OcrSettings(), ocr_store)
    text, problems = decode(data)
    rendering, pages = TEXT_READERS[declared](text)
    return Document(source_path, digest, declared, rendering, pages, reader=declared, problems=problems)
