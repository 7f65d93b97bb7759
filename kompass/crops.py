"""A small picture of where a value is printed: the page around its box, the box outlined.

Rendered from the source PDF with pypdfium2 at about 100 dpi, as PNG bytes, so
that `kompass show` can write it and the QA report can embed it (no network).
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

DPI = 100
MARGIN = 40.0  # points of the page shown around the box
_OUTLINE = (220, 30, 30)
_POINTS_PER_INCH = 72


class CropFailed(Exception):
    """The source cannot be rendered: not a PDF this machine can read, or the page is not in it."""


def crop_png(pdf: Path, page: int, bbox: Sequence[float], dpi: int = DPI, margin: float = MARGIN) -> bytes:
    """PNG of page `page` (1-based) of `pdf` around `bbox` ([x0, top, x1, bottom] in points from the top left),
    the box outlined."""
    import pypdfium2 as pdfium  # only the commands that draw load PDFium's bindings
    from PIL import ImageDraw

    try:
        document = pdfium.PdfDocument(str(pdf))
    except (pdfium.PdfiumError, OSError) as error:
        raise CropFailed(f"{pdf} cannot be read as a PDF ({error})") from None
    try:
        if not 1 <= page <= len(document):
            raise CropFailed(f"{pdf} has no page {page}")
        scale = dpi / _POINTS_PER_INCH
        image = document[page - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    x0, top, x1, bottom = (value * scale for value in bbox)
    pad = margin * scale
    area = (max(0, int(x0 - pad)), max(0, int(top - pad)), min(image.width, int(x1 + pad) + 1),
            min(image.height, int(bottom + pad) + 1))
    ImageDraw.Draw(image).rectangle((x0 - 2, top - 2, x1 + 2, bottom + 2), outline=_OUTLINE, width=2)
    buffer = io.BytesIO()
    image.crop(area).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
