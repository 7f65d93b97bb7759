"""Stage 1: a source file becomes a Document (pages, lines, tables).

Each source format has its reader, registered in extract.formats.FORMATS with
its suffixes; a PDF's reader reads bytes with the library chosen by name in
extract.pdf.READERS (PDFium by default), a text copy's its decoded text.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extract.errors import ExtractionError
from extract.formats import BY_NAME, PDF, Source, format_of, is_pdf, named_suffixes
from extract.model import Cell, Document, Line, Page, ScanLayer, Table, Word
from extract.ocr import OcrPage, OcrSettings, OcrStore, OcrWord
from extract.pdf import DEFAULT_READER, READERS

# what the cache may hold of this stage: document models and their OCR pages
CACHEABLE_TYPES = (Word, Line, Cell, Table, Page, ScanLayer, Document, OcrWord, OcrPage)

__all__ = ["CACHEABLE_TYPES", "Cell", "Document", "ExtractionError", "Line", "OcrSettings", "Page", "Table",
           "DEFAULT_READER", "READERS", "read_document", "sha256_of"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, source_path: str, data: bytes | None = None, pdf_reader: str = DEFAULT_READER,
                  ocr: OcrSettings | None = None, ocr_store: OcrStore | None = None) -> Document:
    """Read one source file (a PDF with the named reader, its scanned pages by OCR); raises ExtractionError
    when it cannot be read."""
    if data is None:
        data = path.read_bytes()
    declared = format_of(path)
    if declared is None:
        raise ExtractionError("unsupported_format", f"{path.name}: not a {named_suffixes()} file.")
    if not data.strip():
        raise ExtractionError("empty_file", f"{path.name} is empty.")
    source_format = BY_NAME[PDF] if is_pdf(path, data) else declared
    return source_format.read(Source(path.name, source_path, data, sha256_of(data), pdf_reader, ocr or OcrSettings(),
                                     ocr_store))
