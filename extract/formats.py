"""The one registry of source formats: a format's suffixes, its reader, its renderings and their layout family,
and its rank among copies of one report.

Everything that names a format or a suffix (the input walk, fetch, the CLI's messages, the schema's enums, the
parsers' choice of layout, the pipeline's choice among duplicates) reads it from here, so a new source format is
one reader and one entry in FORMATS.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from domain.problems import Problem
from extract.encoding import decode
from extract.html import read_html
from extract.markdown import read_markdown
from extract.model import Document, Page
from extract.ocr import OcrSettings, OcrStore
from extract.pdf import DEFAULT_READER, looks_like_pdf, read_pdf
from extract.text import read_text

PDF = "pdf"


@dataclass(frozen=True)
class Source:
    """One file to read, with the settings a reader may need."""
    name: str  # the file's name, for messages
    source_path: str
    data: bytes
    sha256: str
    pdf_reader: str = DEFAULT_READER
    ocr: OcrSettings = OcrSettings()
    ocr_store: OcrStore | None = None


@dataclass(frozen=True)
class SourceFormat:
    name: str  # documents.source_format, Document.format
    suffixes: tuple[str, ...]  # the first is the one a downloaded file of this format is given
    content_type: str  # the MIME type a server sends it as
    read: Callable[[Source], Document]  # raises ExtractionError when the file cannot be read
    renderings: tuple[str, ...]  # the ways its reader may lay a report out (Document.rendering)
    layout: str  # the parsers' layout family of those renderings (parsers.LAYOUT_FAMILIES)
    preference: int  # among copies of one report otherwise alike, the lowest is published
    decoded: bool  # read as text (a text copy), not as bytes


def _read_pdf_source(source: Source) -> Document:
    from extract.scanned import read_scanned  # Tesseract is only looked for when a PDF is read

    problems: list[Problem] = []
    pages = read_pdf(source.data, source.name, source.pdf_reader, problems)
    document = Document(source.source_path, source.sha256, PDF, PDF, pages, reader=source.pdf_reader,
                        problems=problems)
    return read_scanned(document, source.data, source.name, source.ocr, source.ocr_store)


def _text_copy(name: str, suffixes: tuple[str, ...], content_type: str,
               read: Callable[[str], tuple[str, list[Page]]], renderings: tuple[str, ...], layout: str,
               preference: int) -> SourceFormat:
    """A format of text copies: its bytes decoded, then laid out by `read` (rendering, pages); what read it is
    the format's name."""
    def read_copy(source: Source) -> Document:
        text, problems = decode(source.data)
        rendering, pages = read(text)
        return Document(source.source_path, source.sha256, name, rendering, pages, reader=name, problems=problems)
    return SourceFormat(name, suffixes, content_type, read_copy, renderings, layout, preference, decoded=True)


FORMATS: tuple[SourceFormat, ...] = (
    SourceFormat(PDF, (".pdf",), "application/pdf", _read_pdf_source, (PDF,), "pdf", 0, decoded=False),
    _text_copy("text", (".txt",), "text/plain", read_text, ("flat", "transcript", "paged"), "flat", 2),
    _text_copy("markdown", (".md",), "text/markdown", lambda text: ("markdown", read_markdown(text)), ("markdown",),
               "lined", 1),
    _text_copy("html", (".html", ".htm"), "text/html", lambda text: ("html", read_html(text)), ("html",), "lined", 1),
)
BY_NAME = {source_format.name: source_format for source_format in FORMATS}
BY_SUFFIX = {suffix: source_format for source_format in FORMATS for suffix in source_format.suffixes}
PDF_SUFFIXES = BY_NAME[PDF].suffixes
RENDERINGS = tuple(rendering for source_format in FORMATS for rendering in source_format.renderings)


def format_of(path: Path) -> SourceFormat | None:
    """The format a file's suffix declares; None for a suffix of no source format."""
    return BY_SUFFIX.get(path.suffix.lower())


def declares_pdf(path: Path) -> bool:
    """Whether the file's name says it is a PDF."""
    return path.suffix.lower() in PDF_SUFFIXES


def is_pdf(path: Path, data: bytes) -> bool:
    """Whether the file is read as a PDF: named .pdf, or a PDF by its bytes whatever its name."""
    return declares_pdf(path) or looks_like_pdf(data)


def named_suffixes() -> str:
    """The formats' main suffixes as a sentence says them: `.pdf, .txt, .md or .html`."""
    suffixes = [source_format.suffixes[0] for source_format in FORMATS]
    return ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}"
