"""Why a source file could not be turned into a document."""
from __future__ import annotations


class ExtractionError(Exception):
    """A source that cannot be read; `code` is the stable problem code."""

    def __init__(self, code: str, message: str, page: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.page = page
