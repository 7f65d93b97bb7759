"""PDF reports: the registry of PDF readers and what holds for every one of them.

A reader is a module with `read_pages(data, name) -> list[Page]` that turns a
PDF's bytes into pages of Lines (via extract.geometry) or raises an
ExtractionError (extract.errors). Readers are imported only when a PDF is
read with them, so neither library costs anything to a run without PDFs.
"""
from __future__ import annotations

from importlib import import_module

from domain.problems import Problem, code_of
from extract.errors import ExtractionError
from extract.model import Page
from extract.streams import check_streams

READERS = {"pdfium": "extract.pdfium_reader", "pdfplumber": "extract.pdfplumber_reader"}
DEFAULT_READER = "pdfium"
_HEADER_WITHIN = 1024  # readers allow bytes before the %PDF header, within its first kilobyte


def looks_like_pdf(data: bytes) -> bool:
    """Whether the bytes (a file's first kilobyte will do) are a PDF's: the %PDF header near their start."""
    return b"%PDF" in data[:_HEADER_WITHIN]


def read_pdf(data: bytes, name: str, reader: str = DEFAULT_READER, problems: list[Problem] | None = None
             ) -> list[Page]:
    """Every page of the PDF, read with the named reader; raises ExtractionError when it cannot be read (or holds
    a decompression bomb: extract.streams).

    Pages that cannot be read stay empty and are said in `problems` (when given) as warnings.
    """
    problems = [] if problems is None else problems
    check_streams(data, name)  # before any reader inflates a bomb
    pages = import_module(READERS[reader]).read_pages(data, name, problems)
    if not pages:
        raise ExtractionError("damaged_pdf", f"{name}: the PDF has no pages.")
    unreadable = [p for p in problems if code_of(p).page_lost]
    if len(unreadable) == len(pages):
        raise ExtractionError("damaged_pdf", f"{name}: no page of the PDF can be read ({unreadable[0].message})")
    return pages


def require_text(pages: list[Page], name: str, ocr_hint: str) -> None:
    """Raises no_text_layer when no page has text, saying what OCR would need (`ocr_hint`)."""
    if not any(page.lines for page in pages):
        if any(page.has_images for page in pages):
            raise ExtractionError("no_text_layer", f"{name}: the pages are images without a text layer "
                                                   f"(a scan); {ocr_hint}.")
        raise ExtractionError("no_text_layer", f"{name}: the PDF contains no text.")
