"""The pdfplumber (pdfminer.six) PDF reader: thorough and slow, kept as the reference reader.

Its characters go through extract.geometry like every reader's; each page is
closed as soon as its lines are built, so memory stays flat however long the
report.
"""
from __future__ import annotations

import io

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from domain.problems import Problem, problem
from extract.errors import ExtractionError, damaged, encrypted, not_a_pdf, unreadable_page
from extract.geometry import Char, Chars, chars_to_words, is_bold, words_to_lines
from extract.model import Page
from extract.pdf import looks_like_pdf
from extract.pdfminer_layer import scan_layer


def read_pages(data: bytes, name: str, problems: list[Problem]) -> list[Page]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect,
            ValueError, TypeError, KeyError) as error:
        raise _open_error(error, name, looks_like_pdf(data)) from error
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:  # pdfminer raises many types on broken page trees
            raise damaged(name, f"the PDF's page tree cannot be read ({error})") from error
        declared = _declared_page_count(pdf)
        if declared is not None and declared > count:
            problems.append(problem("pages_missing", f"{name}: the PDF declares {declared} pages but its page "
                                                     f"tree leads to {count}; the others are lost."))
        return [_read_page(pdf, index, name, problems) for index in range(count)]


def _declared_page_count(pdf: pdfplumber.PDF) -> int | None:
    """The /Count of the page tree's root: what a loop or a dangling reference in the tree cannot change."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # noqa: BLE001 - a tree too broken to say; the pages found are all we know
        return None
    return count if isinstance(count, int) else None


def _open_error(error: Exception, name: str, pdf_header: bool) -> ExtractionError:
    # pdfplumber wraps pdfminer's exception as its first argument
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args and \
        isinstance(error.args[0], Exception) else error
    text = f"{type(cause).__name__} {cause}".lower()
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in text or "encrypt" in text:
        return encrypted(name)
    if not pdf_header:
        return not_a_pdf(name)
    return damaged(name, f"the PDF is damaged and cannot be read ({type(cause).__name__}: {cause})")


def _read_page(pdf: pdfplumber.PDF, index: int, name: str, problems: list[Problem]) -> Page:
    number = index + 1
    try:
        page = pdf.pages[index]
        chars = Chars.of([Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["fontname"], c["size"],
                               is_bold(c["fontname"]), c["upright"]) for c in page.chars])
        width, height = float(page.width), float(page.height)
        result = Page(number=number, lines=words_to_lines(chars_to_words(chars), number), width=width,
                      height=height, has_images=bool(page.images),
                      scan_layer=scan_layer(pdf.rsrcmgr, page.page_obj, width, height, page.images)
                      if page.chars else None)
        page.close()
        return result
    except MemoryError:
        raise  # the run's memory limit, not damage: the worker labels it extraction_memory
    except Exception as error:  # pdfminer's many error types: one damaged page must not lose the others
        problems.append(unreadable_page(name, number, f"{type(error).__name__}: {error}"))
        return Page(number=number)
