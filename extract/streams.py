"""A PDF's compressed streams measured before a reader decodes them, so that a decompression bomb is refused.

PDFium and pdfminer inflate a page's content streams whole into memory before
they parse them: a stream of a megabyte that inflates to a gigabyte costs them
two gigabytes (and PDFium aborts, taking its process with it, where the memory
limit stops it), and eight streams of 200 MB on one page keep PDFium busy for
many minutes. The Flate streams are inflated here first, in pieces whose
output is counted and dropped, and a PDF whose streams inflate to more than
its budget in all is the document's `stream_too_large` error. The budget is
MOST_INFLATED or MOST_RATIO times the file's size, whichever is more: a
report's text inflates about tenfold (a few MB in all), a scan's images less,
a bomb a thousandfold. What this costs is one more inflation of the streams
(about 10 ms for a report of text), in bounded memory whatever the file.

A stream is found by its `stream` keyword alone, not by its dictionary's
/Length (which may be an indirect reference, or a lie): the inflater stops at
the end of the Flate data, at the first byte that is not Flate (an image in
JPEG, a stream in another filter), or where the budget is spent.
"""
from __future__ import annotations

import re
import zlib

from extract.errors import ExtractionError

MOST_INFLATED = 256 * 2 ** 20
MOST_RATIO = 100
_STREAM = re.compile(rb"stream\r?\n")
_PIECE = 1 << 16  # compressed bytes given to the inflater at a time
_OUTPUT = 1 << 22  # inflated bytes taken from it at a time


def check_streams(data: bytes, name: str) -> None:
    """Raises stream_too_large when the streams of the PDF `data` inflate to more than its budget in all."""
    budget = max(MOST_INFLATED, MOST_RATIO * len(data))
    view = memoryview(data)
    for found in _STREAM.finditer(data):
        budget -= _inflated_size(view, found.end(), budget)
        if budget < 0:
            raise ExtractionError("stream_too_large", f"{name}: the compressed streams of the PDF inflate to more "
                                                      f"than {max(MOST_INFLATED, MOST_RATIO * len(data)) >> 20} MB "
                                                      f"(at byte {found.end()} the budget was spent), as a "
                                                      "decompression bomb does; the PDF was not read.")


def _inflated_size(view: memoryview, start: int, most: int) -> int:
    """What the Flate data at `start` inflates to, counted up to just past `most`; 0 if it is no Flate."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    try:
        while not inflater.eof and position < len(view) and size <= most:
            size += len(inflater.decompress(view[position:position + _PIECE], _OUTPUT))
            position += _PIECE
            while inflater.unconsumed_tail and not inflater.eof and size <= most:
                size += len(inflater.decompress(inflater.unconsumed_tail, _OUTPUT))
    except zlib.error:
        pass  # not Flate, or damaged: the reader will say so
    return size
