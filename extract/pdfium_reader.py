"""The PDFium PDF reader (pypdfium2's raw C API): the default, ten times faster than pdfplumber.

Every character's code, origin and text object come from PDFium one call
each; what belongs to a text object or a font (name, weight, size, scale,
descent, advance widths) is asked once and applied to all of a page's
characters as arrays (numpy). The characters get the boxes
pdfminer would give them (from the origin, the advance width, the font's
descent and size), so extract.geometry makes the same words and lines of them
as of pdfplumber's. Each page and its text page are closed once read.

On a page an image covers, how its text is drawn (render modes, and whether
before the image) is noted as its ScanLayer, from which extract.text_layer
tells a scan's OCR layer from printed text.

A page PDFium cannot load, or a page-tree entry that is no page, is left empty
instead of losing the report; a document is damaged when PDFium cannot open it
or had to rebuild a file cut short (no %%EOF at its end), as a truncated
download is.
"""
from __future__ import annotations

import ctypes
from array import array
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium

from domain.problems import Problem
from extract.errors import ExtractionError, damaged, encrypted, not_a_pdf, unreadable_page
from extract.geometry import Chars, chars_to_words, is_bold, words_to_lines
from extract.model import Page, ScanLayer
from extract.pdf import looks_like_pdf
from extract.text_layer import covers_page

_BOLD_WEIGHT = 700
# the standard fonts' descents in their Adobe metrics, which pdfminer uses for a font not embedded; PDFium
# measures the face it substitutes instead
_STANDARD_DESCENTS = {"Courier": -0.194, "Helvetica": -0.207, "Arial": -0.207, "Times": -0.217, "Symbol": 0.0,
                      "ZapfDingbats": 0.0}
_SPACE = 0x20
_LAST_CODE_POINT, _REPLACEMENT = 0x10FFFF, 0xFFFD
_CODES = 1 << 21  # above every Unicode code point: a font's number times this plus a code keys a (font, code)
_SAME_POINT = 0.01  # points
# PDFium's codes for a hyphen that ends a line (FPDFText_GetUnicode's, FPDFText_GetText's); the page shows "-"
_HYPHEN_MARKS = (0x02, 0xFFFE)
_IMAGE, _FORM, _TEXT = pdfium.FPDF_PAGEOBJ_IMAGE, pdfium.FPDF_PAGEOBJ_FORM, pdfium.FPDF_PAGEOBJ_TEXT
_UNPAINTED = (pdfium.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium.FPDF_TEXTRENDERMODE_CLIP)  # text neither filled nor stroked
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _unconverted(function: Any, restype: type) -> Callable[..., Any]:
    """`function` called with its arguments as given: ctypes checks and converts none of them.

    For the calls made once per character, which are most of the reader's time: converting
    the arguments to the declared types costs as much as the call itself. The caller passes
    pointers as c_void_p objects and ints as Python ints.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise RuntimeError(f"PDFium has no {function.__name__}")
    return ctypes.CFUNCTYPE(restype)(address)


# a text object as a plain address (0 for none), so characters are grouped by it in an array
_text_object_of = _unconverted(pdfium.FPDFText_GetTextObject, ctypes.c_size_t)  # 0 where there is none
_origin_of = _unconverted(pdfium.FPDFText_GetCharOrigin, ctypes.c_int)
# once per text object, of which a page has dozens: a font as its address, to key the document's fonts
_font_of = _unconverted(pdfium.FPDFTextObj_GetFont, ctypes.c_size_t)
_matrix_of = _unconverted(pdfium.FPDFPageObj_GetMatrix, ctypes.c_int)
_font_size_of = _unconverted(pdfium.FPDFTextObj_GetFontSize, ctypes.c_int)


def read_pages(data: bytes, name: str, problems: list[Problem]) -> list[Page]:
    document = pdfium.FPDF_LoadMemDocument64(data, len(data), None)  # `data` outlives the document
    if not document:
        raise _open_error(pdfium.FPDF_GetLastError(), name, looks_like_pdf(data))
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
        if not pdfium.FPDFPage_CountObjects(page) and not _has_media_box(page):
            # what PDFium loads from a page-tree entry that is no page: a Letter-sized blank
            problems.append(unreadable_page(name, number, "its entry in the page tree is no page"))
            return Page(number=number)
        text_page = pdfium.FPDFText_LoadPage(page)
        try:
            lines = words_to_lines(chars_to_words(_chars(text_page, _page_top(page), fonts)), number) if text_page \
                else []
            has_images = any(kind == _IMAGE for kind, _, _ in _painted(page))
            scan_layer = _scan_layer(document, page, text_page) if text_page and has_images else None
        finally:
            if text_page:
                pdfium.FPDFText_ClosePage(text_page)
        return Page(number=number, lines=lines,
                    width=pdfium.FPDF_GetPageWidthF(page), height=pdfium.FPDF_GetPageHeightF(page),
                    has_images=has_images, scan_layer=scan_layer)
    finally:
        pdfium.FPDF_ClosePage(page)


def _has_media_box(page) -> bool:
    """Whether the page's own dictionary gives its size, as the pages of word processors and scanners do."""
    box = [ctypes.c_float() for _ in range(4)]
    return bool(pdfium.FPDFPage_GetMediaBox(page, *box))


def _page_top(page) -> float:
    return _media_box(page)[3]


def _media_box(page) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the page in PDF space."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium.FPDFPage_GetMediaBox(page, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


class _Font:
    """A font's name, weight, descent and advance widths (per character code, at size 1)."""

    def __init__(self, font, number: int):
        self.font, self.number = font, number
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
        text_object = ctypes.c_void_p(address)
        key = _font_of(text_object)
        if key not in fonts:
            fonts[key] = _Font(ctypes.cast(key, pdfium.FPDF_FONT), len(fonts))
        self.font = fonts[key]
        matrix, size = pdfium.FS_MATRIX(), ctypes.c_float()
        _matrix_of(text_object, ctypes.byref(matrix))
        _font_size_of(text_object, ctypes.byref(size))
        self.advance = size.value * matrix.a  # points per unit of width, along the line
        self.size = size.value * matrix.d  # pdfminer's character height, its "size"
        self.below = -self.font.descent * self.size  # from the baseline to the bottom of the box
        self.upright = matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0


def _chars(text_page, page_top: float, fonts: dict[int, _Font]) -> Chars:
    """The page's characters: PDFium is asked, per character, only its text object and origin; the rest is
    worked out per text object and per font, and applied to all characters at once."""
    code = _codes(text_page)
    page = ctypes.c_void_p(ctypes.cast(text_page, ctypes.c_void_p).value)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_at, y_at = ctypes.c_void_p(ctypes.addressof(x)), ctypes.c_void_p(ctypes.addressof(y))
    # arrays numpy takes over without a copy; `Q` holds an address, 0 where a character has no text object
    objects, lefts, baselines = array("Q"), array("d"), array("d")
    # the one loop per character: names bound locally, as every lookup in it is paid a few hundred thousand times
    text_object_of, origin_of, add_object, add_left, add_baseline = (
        _text_object_of, _origin_of, objects.append, lefts.append, baselines.append)
    for character in range(len(code)):
        add_object(text_object_of(page, character))
        origin_of(page, character, x_at, y_at)
        add_left(x.value)
        add_baseline(y.value)
    code[(code == _HYPHEN_MARKS[0]) | (code == _HYPHEN_MARKS[1])] = 0x2D
    left = np.frombuffer(lefts, dtype=float)
    # what PDFium adds between runs (spaces, line breaks) has no text object and is not on the page
    text_object = np.frombuffer(objects, dtype=np.uint64)
    kept = text_object != 0
    kept[_inserted_spaces(text_page, code, left, kept)] = False
    index = np.flatnonzero(kept)
    addresses, run_of = np.unique(text_object[index], return_inverse=True)
    runs = [_Run(int(address), fonts) for address in addresses.tolist()]
    code, left = code[index], left[index]  # the characters on the page
    run_font = np.array([run.font.number for run in runs], dtype=np.int64)
    advance, size, below = (np.array([getattr(run, field) for run in runs], dtype=float)[run_of]
                            for field in ("advance", "size", "below"))
    bottom = page_top - np.frombuffer(baselines, dtype=float)[index] + below
    right = left + _widths(run_font[run_of], code, fonts) * advance
    # a ligature ("ff", "fi") is one glyph that PDFium gives as several characters at one origin: each of
    # them spans the whole glyph, so that no gap opens inside the word after it
    boxed = np.isnan(right)
    boxed[1:] |= left[1:] == left[:-1]
    box = pdfium.FS_RECTF()
    for position in np.flatnonzero(boxed).tolist():
        pdfium.FPDFText_GetLooseCharBox(text_page, int(index[position]), box)
        right[position] = box.right
    return Chars(code=code, x0=left, x1=right, top=bottom - size, bottom=bottom,
                 font=run_font[run_of], size=size,
                 bold=np.array([run.font.bold for run in runs], dtype=bool)[run_of],
                 upright=np.array([run.upright for run in runs], dtype=bool)[run_of])


def _widths(font: np.ndarray, code: np.ndarray, fonts: dict[int, _Font]) -> np.ndarray:
    """Each character's advance width at size 1 (NaN where its font has none), asked once per font and code."""
    by_number = {known.number: known for known in fonts.values()}
    pairs, pair_of = np.unique(font * _CODES + code, return_inverse=True)
    widths = [by_number[pair // _CODES].width(pair % _CODES) for pair in pairs.tolist()]
    return np.array([np.nan if width is None else width for width in widths], dtype=float)[pair_of]


def _codes(text_page) -> np.ndarray:
    """Every character's code, in one call when the page's text is all in the Basic Multilingual Plane."""
    count = pdfium.FPDFText_CountChars(text_page)
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium.FPDFText_GetText(text_page, 0, count, buffer)
    codes = np.frombuffer(buffer, dtype=np.uint16, count=count).astype(np.int64)
    if ((codes >= 0xD800) & (codes < 0xE000)).any():  # surrogate pairs: one character, two units
        codes = np.array([pdfium.FPDFText_GetUnicode(text_page, index) for index in range(count)], dtype=np.int64)
        codes[codes > _LAST_CODE_POINT] = _REPLACEMENT  # a damaged font's code is no character
    return codes


def _inserted_spaces(text_page, code: np.ndarray, left: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """The spaces PDFium put between spaced-out letters, not the content's (their indices).

    PDFium replaces a space of the content with a generated one where the
    space stands (before the gap it spans), and generates one where letters
    are spaced out at the next letter's origin.
    """
    spaces = np.flatnonzero(kept[:-1] & (code[:-1] == _SPACE))
    spaces = spaces[np.abs(left[spaces + 1] - left[spaces]) < _SAME_POINT]
    generated = [bool(pdfium.FPDFText_IsGenerated(text_page, index)) for index in spaces.tolist()]
    return spaces[np.array(generated, dtype=bool)] if generated else spaces


def _painted(container, count_of=pdfium.FPDFPage_CountObjects, object_of=pdfium.FPDFPage_GetObject,
             matrix: tuple[float, ...] = _IDENTITY) -> Iterator[tuple[int, object, tuple[float, ...]]]:
    """(kind, object, matrix to page space) of every object the page paints, in the order it paints them: a
    form's objects in the form's place."""
    for index in range(count_of(container)):
        item = object_of(container, index)
        kind = pdfium.FPDFPageObj_GetType(item)
        yield kind, item, matrix
        if kind == _FORM:
            form = pdfium.FS_MATRIX()
            pdfium.FPDFPageObj_GetMatrix(item, form)
            yield from _painted(item, pdfium.FPDFFormObj_CountObjects, pdfium.FPDFFormObj_GetObject,
                                _then((form.a, form.b, form.c, form.d, form.e, form.f), matrix))


def _then(first: tuple[float, ...], second: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies `first`, then `second` (PDF's row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2)


def _scan_layer(document, page, text_page) -> ScanLayer | None:
    """How the page's text is drawn when an image covers the page; None where none does or there is no text.

    The characters are counted only here, on a page an image covers: asking every text object of a text
    PDF would cost a tenth of its reading.
    """
    painted = list(_painted(page))
    box = _media_box(page)
    covering = [index for index, (kind, item, matrix) in enumerate(painted)
                if kind == _IMAGE and _covers(item, matrix, box)]
    if not covering:
        return None
    first_text = next((index for index, (kind, _, _) in enumerate(painted) if kind == _TEXT), len(painted))
    # text painted before an opaque page image is under it (a watermark's image lets it show)
    hiding = next((index for index in reversed(covering)
                   if index > first_text and _opaque(document, page, painted[index][1])), -1)
    characters = invisible = covered = 0
    for index, (kind, item, _) in enumerate(painted):
        if kind == _TEXT:
            count = max(0, pdfium.FPDFTextObj_GetText(item, text_page, None, 0) // 2 - 1)  # UTF-16, its NUL
            characters += count
            if pdfium.FPDFTextObj_GetTextRenderMode(item) in _UNPAINTED:
                invisible += count
            elif index < hiding:
                covered += count
    return ScanLayer(characters, invisible, covered) if characters else None


def _opaque(document, page, image) -> bool:
    """Whether the image hides what is under it: no transparency in its graphics state, no soft mask (an
    alpha channel below full in the image PDFium renders of it)."""
    if pdfium.FPDFPageObj_HasTransparency(image):
        return False
    bitmap = pdfium.FPDFImageObj_GetRenderedBitmap(document, page, image)
    if not bitmap:
        return True
    try:
        rows, stride = pdfium.FPDFBitmap_GetHeight(bitmap), pdfium.FPDFBitmap_GetStride(bitmap)
        buffer = ctypes.cast(pdfium.FPDFBitmap_GetBuffer(bitmap), ctypes.POINTER(ctypes.c_ubyte * (rows * stride)))
        pixels = np.frombuffer(buffer.contents, dtype=np.uint8).reshape(rows, stride)
        width = pdfium.FPDFBitmap_GetWidth(bitmap)
        return pdfium.FPDFBitmap_GetFormat(bitmap) != pdfium.FPDFBitmap_BGRA or bool(
            (pixels[:, 3:4 * width:4] == 255).all())
    finally:
        pdfium.FPDFBitmap_Destroy(bitmap)


def _covers(image, matrix: tuple[float, ...], box: tuple[float, float, float, float]) -> bool:
    """Whether the image covers most of the page box."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium.FPDFPageObj_GetBounds(image, left, bottom, right, top):
        return False
    a, b, c, d, e, f = matrix
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (left.value, right.value)
               for y in (bottom.value, top.value)]
    return covers_page([x for x, _ in corners], [y for _, y in corners], box)
