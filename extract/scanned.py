"""A PDF's pages without a text layer, or with one that lies, read by OCR into the same document.

A document with some scanned pages gets OCR on those pages only; its reader
names both ("pdfplumber+ocr:tesseract-5.3.0"). A page whose text layer is not
its printed text (extract.text_layer: a scan's OCR layer, or fonts that map
to no Unicode) is OCR'd as well, and a problem says so; where OCR cannot run,
a scan's layer is read as a scan's text (reader "pdfium:ocr-layer", with a
warning) and an unusable one is left out, the document's error when nothing
else has text. Where Tesseract is not installed nothing else changes, except
that a document without any text says how to install it. A scan OCR read but found no text in (blank pages) is a
document like any other: the parsers find no report in it. A page Tesseract
refuses is a warning; when it refuses every page and nothing else has text,
the engine is the problem, and the document's error is `ocr_failed`.
"""
from __future__ import annotations

from dataclasses import replace

from domain.problems import problem
from extract.errors import ExtractionError
from extract.model import Document
from extract.ocr import (
    INSTALL_HINT,
    OCR_NEVER,
    OcrPage,
    OcrSettings,
    OcrStore,
    engine_version,
    ocr_pages,
    pages_to_ocr,
    tesseract_available,
)
from extract.ocr_lines import mean_confidence, to_page
from extract.ocr_spelling import mend_spelling
from extract.pdf import require_text
from extract.text_layer import LAYER_READER, LayerFaults, layer_faults, read_as_laid, replaced

_SHOWN = 5  # mended words named in the message


def read_scanned(document: Document, data: bytes, name: str, settings: OcrSettings,
                 store: OcrStore | None) -> Document:
    """The document with its scanned pages, and those whose text layer lies (extract.text_layer), OCR'd.

    Raises no_text_layer when a scan could not be OCR'd, text_layer_broken when no page has a usable text layer
    and OCR could not run, ocr_failed when Tesseract hung, crashed or read no page.
    """
    faults = layer_faults(document.pages)
    numbers = pages_to_ocr(document.pages, settings, faults.pages)
    if not numbers or not tesseract_available():
        hint = (INSTALL_HINT if settings.mode != OCR_NEVER else "OCR is off (--ocr never)")
        document = _as_laid(document, faults, [], hint, name)
        require_text(document.pages, name, f"it needs OCR: {hint}")
        return document
    recognized = ocr_pages(data, numbers, settings, store)
    failed = [page for page in recognized if page.failure]
    read = [page.number for page in recognized if not page.failure]
    by_number = {page.number: to_page(page, settings.dpi) for page in recognized}
    pages = [by_number.get(page.number, page) if page.number not in faults.pages or page.number in read else page
             for page in document.pages]
    laid = _as_laid(replace(document, pages=pages), faults, read, "Tesseract failed (ocr_page_failed)", name)
    pages, mended = mend_spelling(laid.pages)
    if len(failed) == len(recognized) and not any(page.lines for page in pages):
        raise ExtractionError("ocr_failed", f"Tesseract could not read any of the {len(failed)} scanned "
                                            f"pages ({failed[0].failure}).", failed[0].number)
    engine = f"ocr:{engine_version()}"
    every_page = len(numbers) == len(document.pages) and laid.reader == document.reader
    reader = engine if every_page else f"{laid.reader}+{engine}"
    confidence = mean_confidence(pages)
    problems = [problem("ocr_page_failed", f"Tesseract could not read page {page.number}: {page.failure}.",
                        page.number) for page in failed]
    problems += replaced(document.pages, faults, read)
    found = f"mean word confidence {confidence:.1f} %" if confidence is not None else "no text found"
    if mended:
        shown = ", ".join(f"{read!r} -> {made!r}" for read, made in mended[:_SHOWN])
        problems.append(problem("ocr_words_mended", f"{len(mended)} word{'s' * (len(mended) > 1)} read by OCR "
                                                    f"{'were' if len(mended) > 1 else 'was'} mended from the "
                                                    f"document's own clearly read words: {shown}"
                                                    f"{' ...' if len(mended) > _SHOWN else ''}."))
    problems.append(problem("ocr_used", f"{len(numbers)} of {len(pages)} pages were read by OCR "
                                        f"({engine_version()}, {settings.language}, {settings.dpi} dpi); "
                                        f"{found}{_straightened(recognized)}{_turned(recognized)}."))
    return replace(laid, pages=pages, reader=reader, problems=[*laid.problems, *problems])


def _as_laid(document: Document, faults: LayerFaults, read: list[int], why: str, name: str) -> Document:
    """The document with the faulty pages OCR did not read as their layers allow (extract.text_layer), its reader
    saying where a scan's layer was read ("pdfium+pdfium:ocr-layer")."""
    pages, problems = read_as_laid(document.pages, faults, read, why, name)
    layered = {number for number in faults.scan if number not in read}
    if not layered:
        return replace(document, pages=pages, problems=[*document.problems, *problems])
    printed = any(page.lines for page in pages if page.number not in layered and page.number not in read)
    reader = f"{document.reader}:{LAYER_READER}"
    return replace(document, pages=pages, reader=f"{document.reader}+{reader}" if printed else reader,
                   problems=[*document.problems, *problems])


def _straightened(recognized: list[OcrPage]) -> str:
    """"; 2 pages turned straight (up to 1.0°)": what deskewing did, for a reader who doubts a value."""
    turned = [abs(page.skew) for page in recognized if page.skew]
    return f"; {len(turned)} pages turned straight (up to {max(turned):.1f}°)" if turned else ""


def _turned(recognized: list[OcrPage]) -> str:
    """"; page 7 read turned 180°": pages scanned sideways or upside down, read turned upright."""
    turned = [f"{page.number} read turned {page.turned}°" for page in recognized if page.turned]
    return f"; page{'s' if len(turned) > 1 else ''} {', '.join(turned)}" if turned else ""
