"""A PDF's pages without a text layer, read by OCR into the same document.

A document with some scanned pages gets OCR on those pages only; its reader
names both ("pdfplumber+ocr:tesseract-5.3.0"). Where Tesseract is not
installed nothing changes, except that a document without any text says how
to install it. A scan OCR read but found no text in (blank pages) is a
document like any other: the parsers find no report in it. A page Tesseract
refuses is a warning; when it refuses every page and nothing else has text,
the engine is the problem, and the document's error is `ocr_failed`.
"""
from __future__ import annotations

from dataclasses import replace

from domain.problems import problem
from extract.errors import ExtractionError
from extract.model import Document
from extract.ocr import (INSTALL_HINT, OcrPage, OcrSettings, OcrStore, engine_version, ocr_pages, pages_to_ocr,
                         tesseract_available)
from extract.ocr_lines import mean_confidence, to_page
from extract.ocr_spelling import mend_spelling
from extract.pdf import require_text

_SHOWN = 5  # mended words named in the message


def read_scanned(document: Document, data: bytes, name: str, settings: OcrSettings,
                 store: OcrStore | None) -> Document:
    """The document with its scanned pages OCR'd.

    Raises no_text_layer when a scan could not be OCR'd, ocr_failed when Tesseract hung, crashed or read no page.
    """
    numbers = pages_to_ocr(document.pages, settings)
    if not numbers or not tesseract_available():
        hint = (INSTALL_HINT if settings.mode != "never" else "OCR is off (--ocr never)")
        require_text(document.pages, name, f"it needs OCR: {hint}")
        return document
    recognized = ocr_pages(data, numbers, settings, store)
    by_number = {page.number: to_page(page, settings.dpi) for page in recognized}
    pages, mended = mend_spelling([by_number.get(page.number, page) for page in document.pages])
    failed = [page for page in recognized if page.failure]
    if len(failed) == len(recognized) and not any(page.lines for page in pages):
        raise ExtractionError("ocr_failed", f"Tesseract could not read any of the {len(failed)} scanned "
                                            f"pages ({failed[0].failure}).", failed[0].number)
    engine = f"ocr:{engine_version()}"
    reader = engine if len(numbers) == len(document.pages) else f"{document.reader}+{engine}"
    confidence = mean_confidence(pages)
    problems = [problem("ocr_page_failed", f"Tesseract could not read page {page.number}: {page.failure}.",
                        page.number) for page in failed]
    found = f"mean word confidence {confidence:.1f} %" if confidence is not None else "no text found"
    if mended:
        shown = ", ".join(f"{read!r} -> {made!r}" for read, made in mended[:_SHOWN])
        problems.append(problem("ocr_words_mended", f"{len(mended)} word{'s' * (len(mended) > 1)} read by OCR "
                                                    f"{'were' if len(mended) > 1 else 'was'} mended from the "
                                                    f"document's own clearly read words: {shown}"
                                                    f"{' ...' if len(mended) > _SHOWN else ''}."))
    problems.append(problem("ocr_used", f"{len(numbers)} of {len(pages)} pages were read by OCR "
                                        f"({engine_version()}, {settings.language}, {settings.dpi} dpi); "
                                        f"{found}{_straightened(recognized)}."))
    return replace(document, pages=pages, reader=reader, problems=[*document.problems, *problems])


def _straightened(recognized: list[OcrPage]) -> str:
    """"; 2 pages turned straight (up to 1.0°)": what deskewing did, for a reader who doubts a value."""
    turned = [abs(page.skew) for page in recognized if page.skew]
    return f"; {len(turned)} pages turned straight (up to {max(turned):.1f}°)" if turned else ""
