"""A small PDF builder for tests: text at given positions, fonts, bullets, rules, images, pages.

Coordinates are PDF points measured from the top left of the page, like
extract.pdf's: `y` is the baseline's distance from the page top. Drawing is
recorded per page and rendered on `save()`, so running heads and footers may
name the page count ("{page} ({pages})").

Fonts are the standard Type 1 fonts (Helvetica, Helvetica-Bold, Times-Roman,
Times-Bold, ...). Their encoding has no usable "•" and no "▪", so those two
glyphs are drawn with a subset of DejaVu Sans shipped in fixtures/fonts;
"–" is in the standard encoding.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.model import Document
from extract.pdf import read_pdf

BULLET_FONT = "KompassTestBullets"
BULLET_GLYPHS = "•▪"
FONTS = Path(__file__).resolve().parent.parent / "fixtures" / "fonts"
pdfmetrics.registerFont(TTFont(BULLET_FONT, str(FONTS / "bullets.ttf")))

LEFT, RIGHT = 72.0, 523.0  # margins of the text block
BODY, BOLD = "Helvetica", "Helvetica-Bold"
HEAD = "Sveriges Kommuner och Landsting {date} {page} ({pages})"


def width(text: str, font: str = BODY, size: float = 11) -> float:
    """How wide `text` is drawn, in points."""
    return sum(pdfmetrics.stringWidth(run, run_font, size) for run, run_font in _runs(text, font))


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """The text cut into runs of one font: bullet glyphs in the bullet font, the rest in `font`."""
    runs: list[tuple[str, str]] = []
    for char in text:
        char_font = BULLET_FONT if char in BULLET_GLYPHS else font
        if runs and runs[-1][1] == char_font:
            runs[-1] = (runs[-1][0] + char, char_font)
        else:
            runs.append((char, char_font))
    return runs


class PdfBuilder:
    """Pages of positioned text. `y` is a cursor for flowing lines; `text()` draws anywhere."""

    def __init__(self, head: str | None = None, foot: str | None = None, head_from: int = 2,
                 foot_x: float = LEFT, pagesize: tuple[float, float] = A4):
        self.width, self.height = pagesize
        self.head, self.foot, self.head_from, self.foot_x = head, foot, head_from, foot_x
        self.pages: list[list[Callable[[canvas.Canvas], None]]] = [[]]
        self.y = 100.0

    # -- drawing -------------------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, font: str = BODY, size: float = 11) -> float:
        """Draws `text` with its baseline `y` points below the page top; returns where it ends."""
        def draw(c: canvas.Canvas) -> None:
            left = x
            for run, run_font in _runs(text, font):
                c.setFont(run_font, size)
                c.drawString(left, self.height - y, run)
                left += pdfmetrics.stringWidth(run, run_font, size)
        self.pages[-1].append(draw)
        return x + width(text, font, size)

    def rule(self, x0: float, x1: float, y: float, line_width: float = 0.5) -> None:
        """A horizontal rule from x0 to x1, `y` points below the page top."""
        def draw(c: canvas.Canvas) -> None:
            c.setLineWidth(line_width)
            c.line(x0, self.height - y, x1, self.height - y)
        self.pages[-1].append(draw)

    def image(self, x: float, y: float, w: float, h: float) -> None:
        """A grey raster image with its top left corner at (x, y), as a scanner would leave it."""
        picture = Image.new("RGB", (60, 80), (200, 200, 200))
        for i in range(60):
            picture.putpixel((i, i), (0, 0, 0))
        reader = ImageReader(picture)
        self.pages[-1].append(lambda c: c.drawImage(reader, x, self.height - y - h, w, h))

    def new_page(self, y: float = 100.0) -> None:
        self.pages.append([])
        self.y = y

    # -- flowing lines at the cursor -----------------------------------------------------------

    def line(self, text: str, x: float = LEFT, font: str = BODY, size: float = 11,
             leading: float | None = None) -> float:
        """Draws one line at the cursor and moves the cursor down; returns where the text ends."""
        end = self.text(x, self.y, text, font, size)
        self.y += leading if leading is not None else round(size * 1.3, 1)
        return end

    def row(self, *cells: tuple[float, str], font: str = BODY, size: float = 11,
            leading: float | None = None) -> None:
        """Several texts on one baseline, each at its x (table cells)."""
        for x, text in cells:
            if text:
                self.text(x, self.y, text, font, size)
        self.y += leading if leading is not None else round(size * 1.3, 1)

    def lines(self, texts: list[str], x: float = LEFT, font: str = BODY, size: float = 11) -> None:
        for text in texts:
            self.line(text, x, font, size)

    def heading(self, text: str, size: float = 14) -> None:
        """A bold heading with the space before and after that a word processor gives it."""
        self.y += 16
        self.line(text, font=BOLD, size=size)
        self.y += 4

    def skip(self, points: float) -> None:
        self.y += points

    def justified(self, text: str, x0: float = LEFT, x1: float = RIGHT, font: str = BODY, size: float = 11) -> None:
        """One line at the cursor, its words spread so that it runs from x0 to x1 (justified body text)."""
        words = text.split()
        spare = (x1 - x0 - sum(width(word, font, size) for word in words)) / max(1, len(words) - 1)
        x = x0
        for word in words:
            x = self.text(x, self.y, word, font, size) + spare
        self.y += round(size * 1.3, 1)

    def filler_pages(self, count: int = 2) -> None:
        """Pages of justified body text, so that a short report's running heads repeat often enough
        and its body text has the full width of a real report's."""
        for number in range(count):
            self.new_page()
            for _ in range(3):
                self.justified("Fyllnadstext som står här bara för att ge rapporten fler sidor och en full bredd.")
            self.line(f"Slut på extrasida {number + 1}.")

    # -- output --------------------------------------------------------------------------------

    def save(self, path: Path, order: list[int] | None = None) -> Path:
        """Writes the PDF (uncompressed, so tests can cut it at a keyword) and returns its path.

        `order` lists the pages drawn, by the number their heads print (default: every page once): a
        page left out or drawn twice keeps the numbering of the others, as a page lost or printed twice.
        """
        # invariant: the same drawing gives the same bytes (no creation date, a fixed ID), so built documents
        # can be kept by their recipe (helpers.built)
        c = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        c.setPageCompression(0)
        total = len(self.pages)
        for number in order or range(1, total + 1):
            for operation in self.pages[number - 1]:
                operation(c)
            if number >= self.head_from:
                for template, x, y in ((self.head, LEFT, 40.0), (self.foot, self.foot_x, self.height - 40.0)):
                    if template:
                        c.setFont(BODY, 9)
                        c.drawString(x, self.height - y, template.format(page=number, pages=total))
            c.showPage()
        c.save()
        return path


def report(municipality: str = "Täby", year: int = 2018, date: str | None = "2018-06-19",
           evaluators: tuple[str, ...] = ("Anna Berg, SKL", "Per Ek, Solna stad"), **options) -> PdfBuilder:
    """A KommunKompassen report's cover on page 1, the cursor at the top of page 2.

    By default every page after the cover has the head "Sveriges Kommuner och
    Landsting <date> N (M)"; pass head=/foot= for other running heads, and the
    date is printed on the cover instead.
    """
    dated_heads = "head" not in options and "foot" not in options
    if dated_heads:
        options["head"] = HEAD.format(date=date, page="{page}", pages="{pages}")
    pdf = PdfBuilder(**options)
    pdf.y = 200
    pdf.line("KommunKompassen", font=BOLD, size=28, leading=40)
    pdf.line("ANALYS AV", font=BOLD, size=16, leading=24)
    pdf.line(f"{municipality.upper()} KOMMUN {year}", font=BOLD, size=20, leading=60)
    for person in evaluators:
        pdf.line(person)
    if date and not dated_heads:
        pdf.line(date)
    pdf.new_page()
    return pdf


def document(path: Path) -> Document:
    """The built PDF read back by extract.pdf, as the pipeline would see it."""
    return Document(path.name, "0" * 64, "pdf", "pdf", read_pdf(path.read_bytes(), path.name))


def scanned(source: Path, target: Path, pages: list[int] | None = None, dpi: int = 200,
            degrees: float = 0.0) -> Path:
    """An image-only PDF of some pages (all by default) of a text PDF, as a scanner would make it, optionally
    skewed."""
    images = page_images(source, pages, dpi, degrees)
    images[0].save(target, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return target


def page_images(source: Path, pages: list[int] | None = None, dpi: int = 200, degrees: float = 0.0
                ) -> list[Image.Image]:
    """Grey images of some pages (all by default) of a PDF, as a scanner sees them, optionally skewed."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(source)
    images = []
    for number in pages or range(1, len(pdf) + 1):
        image = pdf[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
        images.append(image.rotate(degrees, resample=Image.Resampling.BICUBIC, fillcolor=255) if degrees else image)
    pdf.close()
    return images
