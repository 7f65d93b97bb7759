"""The PDFium PDF reader (pypdfium2's raw C API): the default, ten times faster than pdfplumber.

Every character's code, origin and text object come from PDFium one call
each; what belongs to a text object or a font (name, weight, size, scale,
descent, advance widths) is asked once and kept. The characters get the boxes
pdfminer would give them (from the origin, the advance width, the font's
descent and size), so extract.geometry makes the same words and lines of them
as of pdfplumber's. Each page and its text page are closed once read.

A page PDFium cannot load is left empty instead of losing the report; a
document is damaged when PDFium cannot open it or had to rebuild a file cut
short (no %%EOF at its end), as a truncated download is.
"""
from __future__ import annotations

import ctypes
from collections.abc import Callable

import pypdfium2.raw as pdfium

from extract.errors import ExtractionError
from extract.geometry import Char, chars_to_words, is_bold, words_to_lines
from extract.model import Page
from domain.problems import Problem
from extract.pdf_errors import damaged, encrypted, not_a_pdf, unreadable_page

_BOLD_WEIGHT = 700
# the standard fonts' descents in their Adobe metrics, which pdfminer uses for a font not embedded; PDFium
# measures the face it substitutes instead
_STANDARD_DESCENTS = {"Courier": -0.194, "Helvetica": -0.207, "Arial": -0.207, "Times": -0.217, "Symbol": 0.0,
                      "ZapfDingbats": 0.0}
_SPACE = 0x20
_SAME_POINT = 0.01  # points
# PDFium's codes for a hyphen that ends a line (FPDFText_GetUnicode's, FPDFText_GetText's); the page shows "-"
_HYPHEN_MARKS = (0x02, 0xFFFE)
_IMAGE, _FORM = pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_FORM


def _unconverted(function: Callable[..., object], restype: type) -> Callable[..., object]:
    """`function` called with its arguments as given: ctypes checks and converts none of them.

    For the calls made once per character, which are most of the reader's time: converting
    the arguments to the declared types costs as much as the call itself. The caller passes
    pointers as c_void_p objects and ints as Python ints.
    """
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


# a text object as a plain address, so it can key a dict without building a ctypes pointer per character
_text_object_of = _unconverted(pdfium.FPDFText_GetTextObject, ctypes.c_void_p)
_origin_of = _unconverted(pdfium.FPDFText_GetCharOrigin, ctypes.c_int)


def read_pages(data: bytes, name: str, problems: list[Problem]) -> list[Page]:
    document = pdfium.FPDF_LoadMemDocument64(data, len(data), None)  # `data` outlives the document
    if not document:
        raise _open_error(pdfium.FPDF_GetLastError(), name, b"%PDF" in data[:1024])
    try:
        if not pdfium.FPDF_DocumentHasValidCrossReferenceTable(document) and b"%%EOF" not in data[-1024:]:
            raise damaged(name, "the PDF is cut short (it has no end of file mark) and cannot be read whole")
        fonts: dict[int, _Font] = {}
        return [_read_page(document, index, fonts, name, problems)
                for index in range(pdfium.FPDF_GetPageCount(document))]
    finally:
        pdfium.FPDF_CloseDocument(document)


def _open_error(code: int, name: str, pdf_header: bool) -> ExtractionError:
    if code in (pdfium.FPDF_ERR_PASSWORD, pdfium.FPDF_ERR_SECURITY):
        return encrypted(name)
    if not pdf_header:
        return not_a_pdf(name)
    return damaged(name, f"the PDF is damaged and cannot be read (PDFium error {code})")


def _read_page(document, index: int, fonts: dict[int, _Font], name: str, problems: list[Problem]) -> Page:
    number = index + 1
    page = pdfium.FPDF_LoadPage(document, index)
    if not page:  # unreadable: the other pages still make the report
        problems.append(unreadable_page(name, number, f"PDFium error {pdfium.FPDF_GetLastError()}"))
        return Page(number=number)
    try:
        text_page = pdfium.FPDFText_LoadPage(page)
        try:
            chars = _chars(text_page, _page_top(page), fonts) if text_page else []
        finally:
            if text_page:
                pdfium.FPDFText_ClosePage(text_page)
        return Page(number=number, lines=words_to_lines(chars_to_words(chars), number),
                    width=pdfium.FPDF_GetPageWidthF(page), height=pdfium.FPDF_GetPageHeightF(page),
                    has_images=_has_images(page, pdfium.FPDFPage_CountObjects, pdfium.FPDFPage_GetObject))
    finally:
        pdfium.FPDF_ClosePage(page)


def _page_top(page) -> float:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium.FPDFPage_GetMediaBox(page, left, bottom, right, top)
    return top.value


class _Font:
    """A font's name, weight, descent and advance widths (per character code, at size 1)."""

    def __init__(self, font):
        self.font = font
        buffer = ctypes.create_string_buffer(256)
        length = pdfium.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
        self.name = buffer.value.decode("utf-8", "replace") if length else ""
        self.bold = is_bold(self.name) or pdfium.FPDFFont_GetWeight(font) >= _BOLD_WEIGHT
        self.descent = self._descent()
        self.widths: dict[int, float | None] = {}

    def _descent(self) -> float:
        if not pdfium.FPDFFont_GetIsEmbedded(self.font):
            standard = next((d for family, d in _STANDARD_DESCENTS.items() if self.name.startswith(family)), None)
            if standard is not None:
                return standard
        descent = ctypes.c_float()
        return descent.value if pdfium.FPDFFont_GetDescent(self.font, 1.0, descent) else 0.0

    def width(self, code: int) -> float | None:
        if code not in self.widths:
            width = ctypes.c_float()
            self.widths[code] = width.value if pdfium.FPDFFont_GetGlyphWidth(self.font, code, 1.0, width) else None
        return self.widths[code]


class _Run:
    """What the characters of one text object share: their font, size, scale and direction."""

    def __init__(self, address: int, fonts: dict[int, _Font]):
        text_object = ctypes.cast(address, pdfium.FPDF_PAGEOBJECT)
        font = pdfium.FPDFTextObj_GetFont(text_object)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in fonts:
            fonts[key] = _Font(font)
        self.font = fonts[key]
        matrix, size = pdfium.FS_MATRIX(), ctypes.c_float()
        pdfium.FPDFPageObj_GetMatrix(text_object, matrix)
        pdfium.FPDFTextObj_GetFontSize(text_object, size)
        self.advance = size.value * matrix.a  # points per unit of width, along the line
        self.size = size.value * matrix.d  # pdfminer's character height, its "size"
        self.below = -self.font.descent * self.size  # from the baseline to the bottom of the box
        self.upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0


def _chars(text_page, page_top: float, fonts: dict[int, _Font]) -> list[Char]:
    chars: list[Char] = []
    runs: dict[int, _Run] = {}
    page = ctypes.c_void_p(ctypes.cast(text_page, ctypes.c_void_p).value)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_at, y_at = ctypes.c_void_p(ctypes.addressof(x)), ctypes.c_void_p(ctypes.addressof(y))
    box = pdfium.FS_RECTF()
    last_object = None
    new_char = tuple.__new__  # a third of Char(...)'s cost, which checks no field names; once per character
    for index, code in enumerate(_codes(text_page)):
        text_object = _text_object_of(page, index)
        if not text_object:
            continue  # what PDFium adds between runs (spaces, line breaks) is not on the page
        if text_object != last_object:
            run = runs.get(text_object) or runs.setdefault(text_object, _Run(text_object, fonts))
            last_object, font, widths = text_object, run.font, run.font.widths
            advance, below, size, bold, upright = run.advance, run.below, run.size, font.bold, run.upright
        if code in _HYPHEN_MARKS:
            code = 0x2D
        _origin_of(page, index, x_at, y_at)
        left = x.value
        if code == _SPACE and _inserted(text_page, index, left):
            continue
        width = widths[code] if code in widths else font.width(code)
        # a ligature ("ff", "fi") is one glyph that PDFium gives as several characters at one origin: each of
        # them spans the whole glyph, so that no gap opens inside the word after it
        if width is None or (chars and chars[-1].x0 == left):
            pdfium.FPDFText_GetLooseCharBox(text_page, index, box)
            right = box.right
        else:
            right = left + width * advance
        bottom = page_top - y.value + below
        chars.append(new_char(Char, (chr(code), left, right, bottom - size, bottom, font, size, bold, upright)))
    return chars


def _codes(text_page) -> list[int]:
    """Every character's code, in one call when the page's text is all in the Basic Multilingual Plane."""
    count = pdfium.FPDFText_CountChars(text_page)
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(text_page, 0, count, buffer)
    codes = buffer[:count]
    if any(0xD800 <= code < 0xE000 for code in codes):  # surrogate pairs: one character, two units
        return [pdfium.FPDFText_GetUnicode(text_page, index) for index in range(count)]
    return codes


def _inserted(text_page, index: int, left: float) -> bool:
    """Whether the space at `index` is one PDFium put between spaced-out letters, not one of the content's.

    PDFium replaces a space of the content with a generated one where the
    space stands (before the gap it spans), and generates one where letters
    are spaced out at the next letter's origin.
    """
    if not pdfium.FPDFText_IsGenerated(text_page, index):
        return False
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium.FPDFText_GetCharOrigin(text_page, index + 1, x, y):
        return False
    return abs(x.value - left) < _SAME_POINT


def _has_images(container, count_of, object_of) -> bool:
    """Whether the page (or a form drawn on it) shows a raster image."""
    for index in range(count_of(container)):
        item = object_of(container, index)
        kind = pdfium.FPDFPageObj_GetType(item)
        if kind == _IMAGE or (kind == _FORM and _has_images(item, pdfium.FPDFFormObj_CountObjects,
                                                            pdfium.FPDFFormObj_GetObject)):
            return True
    return False
