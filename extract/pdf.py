"""PDF reports: every page's words with positions and fonts, grouped into lines.

One `extract_words` pass per page (pdfplumber) and nothing else that is costly;
each page is closed as soon as its lines are built, so memory stays flat
however long the report. Words that share a baseline form a row; a row is cut
into separate Lines where the gap between two words is far wider than a space
(table columns), and every Line keeps its words' extents so a parser can cut
it again at a column edge it has learned from a table header.
"""
from __future__ import annotations

import io
from collections import Counter

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from domain.problems import Problem, problem
from extract.errors import ExtractionError
from extract.model import Line, Page, Word

_BOLD_MARKS = ("bold", "black", "heavy", "semibold", "demi")
_ROW_TOLERANCE = 0.35  # share of the font size within which two words stand on one row
_COLUMN_GAP = 1.6  # a gap wider than this many font sizes separates columns


def read_pdf(data: bytes, name: str, problems: list[Problem] | None = None) -> list[Page]:
    """The PDF's pages; pages that cannot be read stay empty and, when `problems` is given, are said there."""
    problems = [] if problems is None else problems
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PdfminerException, PDFSyntaxError, PSException, PDFEncryptionError, PDFPasswordIncorrect,
            ValueError, TypeError, KeyError) as error:
        raise _open_error(error, name, b"%PDF" in data[:1024]) from error
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as error:  # pdfminer raises many types on broken page trees
            raise ExtractionError("damaged_pdf", f"{name}: the PDF's page tree cannot be read ({error}).") from error
        if count == 0:
            raise ExtractionError("damaged_pdf", f"{name}: the PDF has no pages.")
        declared = _declared_page_count(pdf)
        if declared is not None and declared > count:
            problems.append(problem("pages_missing", f"{name}: the PDF declares {declared} pages but its page "
                                                     f"tree leads to {count}; the others are lost."))
        pages = [_read_page(pdf, index, name, problems) for index in range(count)]
    unreadable = [p for p in problems if p.code == "page_unreadable"]
    if len(unreadable) == count:
        raise ExtractionError("damaged_pdf", f"{name}: no page of the PDF can be read ({unreadable[0].message})")
    if not any(page.lines for page in pages):
        if any(page.has_images for page in pages):
            raise ExtractionError("no_text_layer", f"{name}: the pages are images without a text layer "
                                                   "(a scan); it needs OCR before kompass can read it.")
        raise ExtractionError("no_text_layer", f"{name}: the PDF contains no text.")
    return pages


def _open_error(error: Exception, name: str, pdf_header: bool) -> ExtractionError:
    # pdfplumber wraps pdfminer's exception as its first argument
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args and \
        isinstance(error.args[0], Exception) else error
    text = f"{type(cause).__name__} {cause}".lower()
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in text or "encrypt" in text:
        return ExtractionError("encrypted_pdf",
                               f"{name}: the PDF is encrypted and cannot be read without its password.")
    if not pdf_header:
        return ExtractionError("not_a_pdf", f"{name}: the file is not a PDF (it does not start with %PDF).")
    return ExtractionError("damaged_pdf", f"{name}: the PDF is damaged and cannot be read "
                                          f"({type(cause).__name__}: {cause}).")


def _declared_page_count(pdf: pdfplumber.PDF) -> int | None:
    """The /Count of the page tree's root: what a loop or a dangling reference in the tree cannot change."""
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:  # noqa: BLE001 - a tree too broken to say; the pages found are all we know
        return None
    return count if isinstance(count, int) else None


def _read_page(pdf: pdfplumber.PDF, index: int, name: str, problems: list[Problem]) -> Page:
    number = index + 1
    try:
        page = pdf.pages[index]
        words = page.extract_words(extra_attrs=["fontname", "size"])
        result = Page(number=number, lines=_lines(words, number), width=float(page.width),
                      height=float(page.height), has_images=bool(page.images))
        page.close()
        return result
    except MemoryError:
        raise  # the run's memory limit, not damage: the worker labels it extraction_memory
    except Exception as error:  # one unreadable page must not lose the others
        problems.append(problem("page_unreadable", f"{name}: page {number} cannot be read "
                                                   f"({type(error).__name__}: {error}); it was left out.", number))
        return Page(number=number)


def _is_bold(fontname: str) -> bool:
    return any(mark in fontname.lower() for mark in _BOLD_MARKS)


def _lines(words: list[dict], page: int) -> list[Line]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) <= _ROW_TOLERANCE * word["size"]:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segment = [row[0]]
        for word in row[1:]:
            if word["x0"] - segment[-1]["x1"] > _COLUMN_GAP * max(word["size"], segment[-1]["size"]):
                lines.append(_line(segment, page))
                segment = [word]
            else:
                segment.append(word)
        lines.append(_line(segment, page))
    return lines


def _line(words: list[dict], page: int) -> Line:
    sizes: Counter[float] = Counter()
    bold = 0
    for word in words:
        sizes[round(word["size"], 1)] += len(word["text"])
        bold += len(word["text"]) if _is_bold(word["fontname"]) else 0
    letters = sum(len(word["text"]) for word in words)
    return Line(text=" ".join(word["text"] for word in words), page=page,
                x0=float(words[0]["x0"]), x1=float(words[-1]["x1"]),
                top=float(min(w["top"] for w in words)), bottom=float(max(w["bottom"] for w in words)),
                size=sizes.most_common(1)[0][0], bold=bold * 2 > letters,
                words=tuple(Word(w["text"], float(w["x0"]), float(w["x1"])) for w in words))
