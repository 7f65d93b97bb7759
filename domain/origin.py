"""Where a value stands in its source: its page, its box on the page, its characters in the decoded text.

Parsers carry an Origin from the document model through the blocks into the
records, so that every published value can be shown where it was printed.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin at the page's top left
Span = tuple[int, int]  # [start, end) character offsets into the decoded source text


@dataclass(frozen=True)
class Origin:
    page: int | None
    bbox: Box | None = None  # None for a source without geometry (a text copy)
    span: Span | None = None


def joined(origins: Iterable[Origin | None]) -> Origin | None:
    """The origin around several: on the first one's page, the box around the boxes on that page (a value
    that runs onto the next page is shown where it starts) and the span from the first start to the last end."""
    present = [origin for origin in origins if origin is not None]
    if not present:
        return None
    page = present[0].page
    boxes = [origin.bbox for origin in present if origin.bbox is not None and origin.page == page]
    spans = [origin.span for origin in present if origin.span is not None]
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
           max(b[3] for b in boxes)) if boxes else None
    span = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    return Origin(page, box, span)


def unturned(box: Box, turned: int, width: float, height: float) -> Box:
    """A box on a page that was turned `turned` degrees clockwise to be read (`width` and `height` are the
    page's turned), as it stands on the page as the PDF shows it."""
    x0, top, x1, bottom = box
    if turned == 180:
        return (width - x1, height - bottom, width - x0, height - top)
    if turned == 90:  # the page as shown is `width` high: a point (u, v) read stands at (v, width - u)
        return (top, width - x1, bottom, width - x0)
    if turned == 270:  # the page as shown is `height` wide: a point (u, v) read stands at (height - v, u)
        return (height - bottom, x0, height - top, x1)
    return box
