"""Why a source file could not be turned into a document, and the errors of a PDF that cannot be read
and the warning of a page that cannot, worded alike whichever reader met them."""
from __future__ import annotations

from domain.problems import Problem, problem


class ExtractionError(Exception):
    """A source that cannot be read; `code` is the stable problem code."""

    def __init__(self, code: str, message: str, page: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.page = page


def encrypted(name: str) -> ExtractionError:
    return ExtractionError("encrypted_pdf", f"{name}: the PDF is encrypted and cannot be read without its password.")


def not_a_pdf(name: str) -> ExtractionError:
    return ExtractionError("not_a_pdf", f"{name}: the file is not a PDF (it does not start with %PDF).")


def damaged(name: str, detail: str, page: int | None = None) -> ExtractionError:
    return ExtractionError("damaged_pdf", f"{name}: {detail}.", page)


def unreadable_page(name: str, number: int, detail: str) -> Problem:
    """A page that cannot be read: a warning; the document keeps its other pages."""
    return problem("page_unreadable", f"{name}: page {number} cannot be read ({detail}); it was left out.", number)
