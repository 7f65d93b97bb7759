"""Stage 1: a source file becomes a Document (pages, lines, tables)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from domain.problems import Problem
from extract.errors import ExtractionError
from extract.html import read_html
from extract.markdown import read_markdown
from extract.model import Cell, Document, Line, Page, Table
from extract.text import decode, read_text

SOURCE_SUFFIXES = {".pdf": "pdf", ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}

__all__ = ["Cell", "Document", "ExtractionError", "Line", "Page", "Table", "SOURCE_SUFFIXES",
           "read_document", "sha256_of"]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, source_path: str, data: bytes | None = None) -> Document:
    """Read one source file; raises ExtractionError when it cannot be read."""
    if data is None:
        data = path.read_bytes()
    digest = sha256_of(data)
    declared = SOURCE_SUFFIXES.get(path.suffix.lower())
    if declared is None:
        raise ExtractionError("unsupported_format", f"{path.name}: not a .pdf, .txt, .md or .html file.")
    if not data.strip():
        raise ExtractionError("empty_file", f"{path.name} is empty.")
    if b"%PDF" in data[:1024] or declared == "pdf":  # readers allow bytes before the header
        from extract.pdf import read_pdf  # pdfplumber is only imported when a PDF is read

        problems: list[Problem] = []
        pages = read_pdf(data, path.name, problems)
        return Document(source_path, digest, "pdf", "pdf", pages, problems)
    text = decode(data)
    if declared == "markdown":
        return Document(source_path, digest, "markdown", "markdown", read_markdown(text))
    if declared == "html":
        return Document(source_path, digest, "html", "html", read_html(text))
    rendering, pages = read_text(text)
    return Document(source_path, digest, "text", rendering, pages)
