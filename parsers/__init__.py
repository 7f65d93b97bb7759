"""Stage 2: a Document becomes a raw report record, by the layout family of its source."""
from __future__ import annotations

from domain.records import RawReport
from extract.formats import FORMATS
from extract.model import Document
from parsers.blocks import Layout
from parsers.flat import read_flat
from parsers.grammar import build_report
from parsers.lined import read_lined
from parsers.page_sequence import check_pages
from parsers.pdf_layout import read_pdf_layout

# layout family -> its reader; which renderings each family reads is the formats' registry's (extract.formats)
LAYOUT_FAMILIES = {"flat": read_flat, "lined": read_lined, "pdf": read_pdf_layout}
_BY_RENDERING = {rendering: LAYOUT_FAMILIES[source_format.layout] for source_format in FORMATS
                 for rendering in source_format.renderings}


def read_layout(document: Document) -> Layout:
    return _BY_RENDERING[document.rendering](document)


def parse(document: Document) -> RawReport:
    """The report record of a document, read with each of its pages once (parsers.page_sequence)."""
    pages = check_pages(document)
    return build_report(pages.document, read_layout(pages.document), pages)
