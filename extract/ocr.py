"""Scanned PDF pages: rendered with pypdfium2 and read by Tesseract, word by word.

Tesseract runs as a subprocess with TSV output (no Python binding to install,
and a hung or crashed engine is a process to time out): every word with its
box, its confidence and its place in Tesseract's block/paragraph/line
structure. A page scanned slightly askew is turned straight first
(extract.deskew), so the boxes are those of the straight page, a
photocopy's grey page is made black on white (extract.photocopy), and a
contents page's dot leaders are erased (extract.leaders). Tesseract
drops some list dashes as specks; a mark left of a line that it did not
read is looked at in the image and kept as a bullet.

What Tesseract read is cached per page (see `OcrStore`), keyed by the file,
the engine, the model, the language, the resolution and the code of this
module, extract.deskew, extract.photocopy, extract.leaders and extract.score_cells:
OCR costs seconds a page, building lines from its words (extract.ocr_lines)
milliseconds.
"""
from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import shutil
import subprocess
import threading
from collections.abc import Collection
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from extract.deskew import skew_degrees, straightened
from extract.errors import ExtractionError
from extract.leaders import without_leaders
from extract.model import Page
from extract.ocr_turn import looks_turned, reads_better, turn_said
from extract.photocopy import black_on_white
from extract.score_cells import unread_points_cells, unread_score_cells

if TYPE_CHECKING:
    import numpy
    import pypdfium2
    from PIL.Image import Image

INSTALL_HINT = ("install Tesseract with its Swedish model "
                "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-swe)")
BULLET_GLYPHS = "-–—•"
_DOT_READINGS = frozenset("e«»°*·o+")  # what Tesseract makes of a round bullet, alone before a line's text
_POINTS_PER_INCH = 72
_INK = 128  # grey level below which a pixel is ink
_SURE_CELL = 60.0  # confidence a number read again in a section 4 cell must have to be kept
# the code that makes what Tesseract is given and what is kept of its answer: a change to it is a cache miss
_CODE = hashlib.sha256(b"".join((Path(__file__).parent / name).read_bytes()
                                for name in ("ocr.py", "ocr_turn.py", "deskew.py", "photocopy.py", "leaders.py",
                                             "score_cells.py"))).hexdigest()[:16]


# OcrSettings.mode: pages without a text layer, every page, or none
OCR_AUTO, OCR_NEVER, OCR_ALWAYS = "auto", "never", "always"
OCR_MODES = (OCR_AUTO, OCR_NEVER, OCR_ALWAYS)


@dataclass(frozen=True)
class OcrSettings:
    """When and how to OCR. `mode`: one of OCR_MODES."""

    mode: str = OCR_AUTO
    language: str = "swe"
    dpi: int = 200
    page_timeout: float = 120.0  # seconds Tesseract may take on one page before it counts as hung
    # pages read at once: a run with more job slots than documents lends its idle slots to a scan's pages
    page_workers: int = 1


class OcrStore(Protocol):
    """Where recognized pages are kept between runs (kompass.cache.Cache is one)."""

    def load(self, kind: str, key: str) -> Any | None: ...

    def store(self, kind: str, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class OcrWord:
    """A word as Tesseract reports it, in pixels of the rendered page."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float | None  # None for a bullet found in the image, which Tesseract did not read
    line: tuple[int, int, int]  # block, paragraph, line


@dataclass(frozen=True)
class OcrPage:
    number: int
    width: float  # points
    height: float
    words: tuple[OcrWord, ...]
    failure: str | None = None  # why Tesseract gave no words for the page
    skew: float = 0.0  # degrees (counter-clockwise) the scan was askew, turned straight before OCR
    leaders: int = 0  # bands of dot leaders erased before OCR: the page is a table of contents
    # degrees (clockwise: 90, 180 or 270) a page scanned sideways or upside down was turned to be read; its words,
    # width and height are those of the page turned
    turned: int = 0


def is_dot_reading(text: str) -> bool:
    """Whether a word is Tesseract's reading of a round bullet: one or two glyphs such as "e", "«" or "e«"."""
    return len(text) <= 2 and set(text) <= _DOT_READINGS


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


@cache
def engine_version() -> str:
    """"tesseract-5.3.0": the engine's version, as the reader's name and part of the cache key."""
    completed = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30)
    first = (completed.stdout or completed.stderr).split()
    return f"tesseract-{first[1]}" if len(first) > 1 else "tesseract"


@cache
def model_digest(language: str) -> str:
    """A digest of the language model file, so a new model is a cache miss."""
    completed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    header = (completed.stdout or completed.stderr).splitlines()[0]
    folder = header[header.find('"') + 1:header.rfind('"')]
    model = Path(folder) / f"{language}.traineddata"
    if not model.is_file():
        raise ExtractionError("no_text_layer", f"Tesseract has no {language!r} model in {folder}: {INSTALL_HINT}.")
    return hashlib.sha256(model.read_bytes()).hexdigest()[:16]


def pages_to_ocr(pages: list[Page], settings: OcrSettings, false_layers: Collection[int] = ()) -> list[int]:
    """Numbers of the pages to OCR: with `auto`, pages that are images without a text layer, and those whose text
    layer is not their printed text (`false_layers`, extract.text_layer).

    Read off the pages the PDF reader made, so the PDF is parsed once, by the reader, in the worker.
    """
    if settings.mode == OCR_NEVER:
        return []
    return [page.number for page in pages if settings.mode == OCR_ALWAYS or (not page.lines and page.has_images)
            or page.number in false_layers]


def ocr_pages(data: bytes, page_numbers: list[int], settings: OcrSettings,
              store: OcrStore | None = None) -> list[OcrPage]:
    """The words Tesseract reads on the given pages (1-based), from the store where it has them.

    With `settings.page_workers` above one, that many pages are read at once, each by a Tesseract process of
    its own; threads suffice, as the time goes to Tesseract and to numpy, which let go of the interpreter.
    """
    prefix = (hashlib.sha256(data).hexdigest(), engine_version(), model_digest(settings.language),
              settings.language, str(settings.dpi), _CODE)
    import pypdfium2  # only a scan needs it; text sources are read without loading it

    pdf = _SharedPdf(pypdfium2.PdfDocument(data))
    workers = min(settings.page_workers, len(page_numbers))
    try:
        if workers <= 1:
            return [_cached_page(pdf, number, settings, store, prefix) for number in page_numbers]
        with ThreadPoolExecutor(workers, thread_name_prefix="ocr") as pool:
            return list(pool.map(lambda number: _cached_page(pdf, number, settings, store, prefix), page_numbers))
    finally:
        pdf.close()


class _SharedPdf:
    """A PDF whose pages threads render one at a time: PDFium is not thread-safe."""

    def __init__(self, pdf: pypdfium2.PdfDocument) -> None:
        self._pdf = pdf
        self._lock = threading.Lock()

    def image(self, number: int, dpi: int) -> tuple[float, float, Image]:
        """Page `number`'s size in points and its greyscale picture at `dpi`."""
        with self._lock:
            page = self._pdf[number - 1]
            try:
                width, height = page.get_size()
                return width, height, page.render(scale=dpi / _POINTS_PER_INCH, grayscale=True).to_pil()
            finally:
                page.close()

    def close(self) -> None:
        self._pdf.close()


def _cached_page(pdf: _SharedPdf, number: int, settings: OcrSettings, store: OcrStore | None,
                 prefix: tuple[str, ...]) -> OcrPage:
    key = hashlib.sha256("\0".join((*prefix, str(number))).encode()).hexdigest()
    page = store.load("ocr", key) if store else None
    if page is None:
        page = _recognize(pdf, number, settings)
        if store and page.failure is None:
            store.store("ocr", key, page)
    return page


def _recognize(pdf: _SharedPdf, number: int, settings: OcrSettings) -> OcrPage:
    """The page read as it lies, or, where that reading looks like a page scanned sideways or upside down
    (extract.ocr_turn), read again turned the way Tesseract's orientation model says, if that reads better."""
    width, height, image = pdf.image(number, settings.dpi)
    read = _read_image(image, width, height, number, settings)
    if not looks_turned(read):
        return read
    turn = _orientation(image, settings, number)
    if not turn:
        return read
    size = (height, width) if turn in (90, 270) else (width, height)
    again = dataclasses.replace(_read_image(image.rotate(-turn, expand=True), *size, number, settings), turned=turn)
    return again if reads_better(again, read) else read


def _read_image(image: Image, width: float, height: float, number: int, settings: OcrSettings) -> OcrPage:
    skew = skew_degrees(image)
    if skew:
        image = straightened(image, skew)
    image = black_on_white(image)
    import numpy  # only a scan needs it: `kompass --help` imports this module

    pixels, leaders = without_leaders(numpy.asarray(image))
    # a contents page is read as one block, so that an entry's page number stays on its line (extract.leaders)
    completed = _tesseract(_ppm(pixels), ["--psm", "6" if leaders else "3"], settings, number)
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip().splitlines()
        return OcrPage(number, width, height, (), message[-1] if message else f"exit status {completed.returncode}",
                       skew)
    words = _words(completed.stdout.decode("utf-8", errors="replace"))
    words = _with_score_cells(words, pixels, settings, number)
    return OcrPage(number, width, height, words + _bullets(words, pixels), skew=skew, leaders=leaders)


def _orientation(image: Image, settings: OcrSettings, number: int) -> int:
    """Degrees (clockwise) Tesseract's orientation model says to turn the page to read it (extract.ocr_turn)."""
    import numpy

    completed = _tesseract(_ppm(numpy.asarray(image)), ["--psm", "0"], settings, number, orientation=True)
    return turn_said(completed.stdout.decode(errors="replace"))


def _tesseract(image: bytes, options: list[str], settings: OcrSettings, number: int,
               orientation: bool = False) -> subprocess.CompletedProcess:
    """Tesseract's TSV answer for an image (with `orientation`, what its orientation model says of the page); a
    hung or crashed engine is an ExtractionError for the page."""
    # one thread per Tesseract: the workers already keep every core busy
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        # the orientation model alone: with a language's, Tesseract answers with a confidence of 250 at random
        language, output = ("osd", []) if orientation else (settings.language, ["tsv"])
        completed = subprocess.run(["tesseract", "stdin", "stdout", "-l", language, *options, *output],
                                   input=image, capture_output=True, timeout=settings.page_timeout, env=environment)
    except subprocess.TimeoutExpired as error:
        raise ExtractionError("ocr_failed", f"Tesseract did not finish page {number} within "
                                            f"{settings.page_timeout:g} seconds.", number) from error
    if completed.returncode < 0:
        raise ExtractionError("ocr_failed", f"Tesseract crashed on page {number} "
                                            f"(signal {-completed.returncode}).", number)
    return completed


def _ppm(pixels: numpy.ndarray) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PPM")  # uncompressed: nothing to encode or decode
    return buffer.getvalue()


def _with_score_cells(words: tuple[OcrWord, ...], pixels: numpy.ndarray, settings: OcrSettings,
                      number: int) -> tuple[OcrWord, ...]:
    """The words with the numbers of the score cells Tesseract left unread (extract.score_cells) read again as
    digits, each a line of its own (block 0, which Tesseract does not number). A rubric box's cell is read as
    sparse text; a section 4 "Uppnått" cell as one line, and only a number Tesseract is sure of is kept (sparse
    text reads "17" as "47", unsure): it stands on its row's line and replaces the letters read in the cell."""
    found: list[OcrWord] = []
    for cell in unread_score_cells(words):
        found += _cell_digits(cell, "11", pixels, settings, number, len(found))
    replaced: set[int] = set()
    for points in unread_points_cells(words):
        read = [word for word in _cell_digits(points.box, "7", pixels, settings, number, len(found))
                if (word.confidence or 0) >= _SURE_CELL]
        if read:
            row = points.row
            found += [OcrWord(word.text, word.left, row.top, word.width, row.height, word.confidence, word.line)
                      for word in read]
            replaced |= {id(word) for word in points.misread}
    return tuple(word for word in words if id(word) not in replaced) + tuple(found)


def _cell_digits(box: tuple[int, int, int, int], psm: str, pixels: numpy.ndarray, settings: OcrSettings,
                 number: int, lines_before: int) -> list[OcrWord]:
    """The digits Tesseract reads in one cell of the page, in page pixels, numbered after `lines_before` lines."""
    left, top, right, bottom = box
    left, top = max(0, left), max(0, top)
    completed = _tesseract(_ppm(pixels[top:bottom, left:right]),
                           ["--psm", psm, "-c", "tessedit_char_whitelist=0123456789"], settings, number)
    read = _words(completed.stdout.decode("utf-8", errors="replace")) if completed.returncode == 0 else ()
    return [OcrWord(word.text, left + word.left, top + word.top, word.width, word.height, word.confidence,
                    (0, 0, lines_before + index + 1)) for index, word in enumerate(read)]


def _words(tsv: str) -> tuple[OcrWord, ...]:
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row["level"] != "5" or not text:
            continue
        words.append(OcrWord(text, int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]),
                             float(row["conf"]), (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))))
    return tuple(words)


def _bullets(words: tuple[OcrWord, ...], image: numpy.ndarray) -> tuple[OcrWord, ...]:
    """A "–" or "•" for every line or cell that Tesseract read without the bullet printed left of it.

    Tesseract's line may run across table columns, so a cell starts at every
    gap wider than one and a half line heights as well as at the line's start.
    """
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    found = []
    for key, line in lines.items():
        line.sort(key=lambda w: w.left)
        top, bottom = min(w.top for w in line), max(w.top + w.height for w in line)
        height = bottom - top
        for previous, first in zip([None, *line], line):
            end = previous.left + previous.width if previous else 0
            if (previous and first.left - end < 1.5 * height) or first.text[0] in BULLET_GLYPHS \
                    or is_dot_reading(first.text):
                continue
            start = max(end + 1, first.left - 2 * height)
            glyph = _mark(image[top:bottom, start:max(start, first.left - 2)], height)
            if glyph:
                found.append(OcrWord(glyph[0], start + glyph[1], top, glyph[2], height, None, key))
    return tuple(found)


def _mark(strip: numpy.ndarray, height: int) -> tuple[str, int, int] | None:
    """(glyph, left, width) of a dash or dot nearest the line in the strip left of it, else None.

    The ink is cut into runs of inked columns; the run nearest the text is
    the bullet when it is a dash (wide and thin) or a dot (about as wide as
    high), about half-way up the line. Table borders are runs of their own.
    """
    import numpy  # loaded already: the page image is an array

    inked = numpy.flatnonzero((strip < _INK).any(axis=0))
    if len(inked) == 0:
        return None
    breaks = (inked[1:] - inked[:-1] > 1).nonzero()[0]
    left = int(inked[breaks[-1] + 1]) if len(breaks) else int(inked[0])
    run = strip[:, left:int(inked[-1]) + 1] < _INK
    rows = numpy.flatnonzero(run.any(axis=1))
    wide, high = run.shape[1], int(rows[-1] - rows[0] + 1)
    middle = rows.mean() / height
    if not 0.25 < middle < 0.75 or run[rows[0]:rows[-1] + 1].mean() < 0.6:
        return None
    if 0.25 * height <= wide <= height and high <= 0.2 * height:
        return "–", left, wide
    if 0.15 * height <= wide <= 0.6 * height and 0.6 < wide / high < 1.6:
        return "•", left, wide
    return None
