"""The pdfplumber reader's ScanLayer: how a page an image covers draws its text, as pdfminer interprets it.

pdfplumber's characters carry neither their text render mode nor where they
stand in the page's painting order, so a page that an image covers (as
pdfplumber's images say) is interpreted once more by a device that counts,
in painting order, the characters of each render mode and the images that
cover the page. Text PDFs have no such page and pay nothing.
"""
from __future__ import annotations

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.utils import apply_matrix_pt

from extract.model import ScanLayer
from extract.text_layer import covers_page

_UNPAINTED = (3, 7)  # render modes that neither fill nor stroke


class _Painting(PDFTextDevice):
    """What a page paints, in order: ("text", characters, render mode) and ("image", opaque) for an image that
    covers the page."""

    def __init__(self, resources: PDFResourceManager, box: tuple[float, float, float, float]):
        super().__init__(resources)
        self.box = box
        self.painted: list[tuple[str, int, int]] = []
        self.characters = 0

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        self.characters = 0
        super().render_string(textstate, seq, ncs, graphicstate)
        self.painted.append(("text", self.characters, textstate.render))

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        self.characters += 1
        return font.char_width(cid) * fontsize * scaling  # the advance, as pdfminer's layout has it

    def render_image(self, name, stream) -> None:
        assert self.ctm is not None  # pdfminer sets it when a page begins
        corners = [apply_matrix_pt(self.ctm, point) for point in ((0, 0), (0, 1), (1, 0), (1, 1))]
        if covers_page([x for x, _ in corners], [y for _, y in corners], self.box):
            self.painted.append(("image", int("SMask" not in stream.attrs and "Mask" not in stream.attrs), 0))


def scan_layer(resources: PDFResourceManager, page: PDFPage, width: float, height: float,
               images: list[dict]) -> ScanLayer | None:
    """How the page's text is drawn when an image covers the page; None where none does or there is no text.

    `images` are pdfplumber's (x0, x1, top, bottom): a page none of which covers is not interpreted again.
    """
    box = (0.0, 0.0, width, height)
    if not any(covers_page((image["x0"], image["x1"]), (height - image["bottom"], height - image["top"]), box)
               for image in images):
        return None
    device = _Painting(resources, box)
    PDFPageInterpreter(resources, device).process_page(page)
    painted = device.painted
    if not any(kind == "image" for kind, _, _ in painted):
        return None
    # text painted before an opaque page image is under it
    hiding = max((index for index, (kind, opaque, _) in enumerate(painted) if kind == "image" and opaque),
                 default=-1)
    texts = [(index, count, mode) for index, (kind, count, mode) in enumerate(painted) if kind == "text"]
    characters = sum(count for _, count, _ in texts)
    invisible = sum(count for _, count, mode in texts if mode in _UNPAINTED)
    covered = sum(count for index, count, mode in texts if mode not in _UNPAINTED and index < hiding)
    return ScanLayer(characters, invisible, covered) if characters else None
