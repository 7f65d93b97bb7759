"""Scanned PDF pages: rendered with pypdfium2, read by Tesseract, built into the document model.

Tesseract runs as a subprocess with TSV output (no Python binding to install or
to crash the worker): every word with its box, its confidence and its place in
Tesseract's block/paragraph/line structure. A Tesseract line becomes a Line;
a row of lines is cut again where words stand far apart (table columns), as
extract.pdf does, so the PDF layout family reads a scan like a text PDF. OCR
knows no fonts: `bold` stays None and `size` is estimated from the glyph boxes.

What Tesseract read is cached per page (see `OcrStore`): OCR costs seconds a
page, building lines from its words milliseconds.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from extract.errors import ExtractionError
from extract.model import Line, Page, Word

if TYPE_CHECKING:
    import pypdfium2

INSTALL_HINT = "install Tesseract with its Swedish model (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-swe)"
_POINTS_PER_INCH = 72
_COLUMN_GAP = 1.6  # a gap wider than this many font sizes separates columns, as in extract.pdf
_ROW_TOLERANCE = 0.35
# Share of the font size a word's box spans, by the glyphs it has: capitals, digits and
# ascenders reach ~0.72 above the baseline, descenders ~0.21 below, x-height ~0.52.
_ASCENT, _X_HEIGHT, _DESCENT = 0.72, 0.52, 0.21
_ASCENDERS = set("bdfhiklt0123456789ÅÄÖåäö") | {chr(c) for c in range(ord("A"), ord("Z") + 1)} | set("ÉÜ()/%&?!")
_DESCENDERS = set("gjpqy(),;")


@dataclass(frozen=True)
class OcrSettings:
    """When and how to OCR. `mode`: auto (pages without a text layer), always, never."""

    mode: str = "auto"
    language: str = "swe"
    dpi: int = 200
    page_timeout: float = 120.0  # seconds Tesseract may take on one page before it counts as hung


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
    confidence: float
    line: tuple[int, int, int]  # block, paragraph, line


@dataclass(frozen=True)
class OcrPage:
    number: int
    width: float  # points
    height: float
    words: tuple[OcrWord, ...]
    failure: str | None = None  # why Tesseract gave no words for the page


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


@lru_cache(maxsize=None)
def engine_version() -> str:
    """"tesseract-5.3.0": the engine's version, as the reader's name and part of the cache key."""
    completed = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30)
    first = (completed.stdout or completed.stderr).split()
    return f"tesseract-{first[1]}" if len(first) > 1 else "tesseract"


@lru_cache(maxsize=None)
def model_digest(language: str) -> str:
    """A digest of the language model file, so a new model is a cache miss."""
    completed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    header = (completed.stdout or completed.stderr).splitlines()[0]
    folder = header[header.find('"') + 1:header.rfind('"')]
    model = Path(folder) / f"{language}.traineddata"
    if not model.is_file():
        raise ExtractionError("no_text_layer", f"Tesseract has no {language!r} model in {folder}: {INSTALL_HINT}.")
    return hashlib.sha256(model.read_bytes()).hexdigest()[:16]


def pages_to_ocr(data: bytes, settings: OcrSettings) -> list[int]:
    """Numbers of the pages to OCR: with `auto`, pages that are images without a text layer.

    Cheap (pypdfium2 counts characters and image objects, milliseconds a page),
    so a run can also ask it to give a scan the time its OCR needs.
    """
    if settings.mode == "never":
        return []
    import pypdfium2
    import pypdfium2.raw

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return []  # the PDF reader says what is wrong with the file
    numbers = []
    with pdf:
        for index, page in enumerate(pdf):
            if settings.mode == "always":
                numbers.append(index + 1)
                continue
            text = page.get_textpage()
            empty = text.count_chars() == 0
            text.close()
            if empty and any(True for _ in page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
                numbers.append(index + 1)
    return numbers


def ocr_pages(data: bytes, page_numbers: list[int], settings: OcrSettings,
              store: OcrStore | None = None) -> list[OcrPage]:
    """The words Tesseract reads on the given pages (1-based), from the store where it has them."""
    prefix = (hashlib.sha256(data).hexdigest(), engine_version(), model_digest(settings.language),
              settings.language, str(settings.dpi))
    import pypdfium2  # only a scan needs it; text sources are read without loading it

    pdf = pypdfium2.PdfDocument(data)
    try:
        return [_cached_page(pdf, number, settings, store, prefix) for number in page_numbers]
    finally:
        pdf.close()


def _cached_page(pdf: pypdfium2.PdfDocument, number: int, settings: OcrSettings, store: OcrStore | None,
                 prefix: tuple[str, ...]) -> OcrPage:
    key = hashlib.sha256("\0".join((*prefix, str(number))).encode()).hexdigest()
    page = store.load("ocr", key) if store else None
    if page is None:
        page = _recognize(pdf, number, settings)
        if store and page.failure is None:
            store.store("ocr", key, page)
    return page


def _recognize(pdf: pypdfium2.PdfDocument, number: int, settings: OcrSettings) -> OcrPage:
    page = pdf[number - 1]
    width, height = page.get_size()
    image = page.render(scale=settings.dpi / _POINTS_PER_INCH, grayscale=True).to_pil()
    page.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed: nothing to encode or decode
    # one thread per Tesseract: the workers already keep every core busy
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        completed = subprocess.run(["tesseract", "stdin", "stdout", "-l", settings.language, "--psm", "3", "tsv"],
                                   input=buffer.getvalue(), capture_output=True, timeout=settings.page_timeout,
                                   env=environment)
    except subprocess.TimeoutExpired as error:
        raise ExtractionError("ocr_failed", f"Tesseract did not finish page {number} within "
                                            f"{settings.page_timeout:g} seconds.", number) from error
    if completed.returncode < 0:
        raise ExtractionError("ocr_failed", f"Tesseract crashed on page {number} "
                                            f"(signal {-completed.returncode}).", number)
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace").strip().splitlines()
        return OcrPage(number, width, height, (), message[-1] if message else f"exit status {completed.returncode}")
    return OcrPage(number, width, height, _words(completed.stdout.decode("utf-8", errors="replace")))


def _words(tsv: str) -> tuple[OcrWord, ...]:
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row["level"] != "5" or not text:
            continue
        words.append(OcrWord(text, int(row["left"]), int(row["top"]), int(row["width"]), int(row["height"]),
                             float(row["conf"]), (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))))
    return tuple(words)


def to_page(ocr: OcrPage, dpi: int) -> Page:
    """The document model's page: Tesseract's lines, in reading order of rows, cut at column gaps."""
    scale = _POINTS_PER_INCH / dpi
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for word in ocr.words:
        lines.setdefault(word.line, []).append(word)
    built = [line for words in lines.values() for line in _cut(words, ocr.number, scale)]
    return Page(number=ocr.number, lines=_in_rows(built), width=ocr.width, height=ocr.height, has_images=True)


def _cut(words: list[OcrWord], page: int, scale: float) -> list[Line]:
    """One Tesseract line as Lines, cut where a gap is wider than a column gap."""
    words = sorted(words, key=lambda w: w.left)
    size = _font_size(words, scale)
    segments = [[words[0]]]
    for word in words[1:]:
        previous = segments[-1][-1]
        if (word.left - previous.left - previous.width) * scale > _COLUMN_GAP * size:
            segments.append([word])
        else:
            segments[-1].append(word)
    return [_line(segment, page, size, scale) for segment in segments]


def _line(words: list[OcrWord], page: int, size: float, scale: float) -> Line:
    return Line(text=" ".join(w.text for w in words), page=page,
                x0=words[0].left * scale, x1=(words[-1].left + words[-1].width) * scale,
                top=min(w.top for w in words) * scale, bottom=max(w.top + w.height for w in words) * scale,
                size=size, bold=None, confidence=statistics.fmean(w.confidence for w in words),
                words=tuple(Word(w.text, w.left * scale, (w.left + w.width) * scale, w.confidence) for w in words))


def _font_size(words: list[OcrWord], scale: float) -> float:
    """The font size in points, from how tall the words' boxes are for the glyphs they hold.

    Rounded to half points: the estimate wavers by a pixel or two, and a
    heading is told from body text by a point or more.
    """
    estimates = []
    for word in words:
        letters = set(word.text)
        share = (_ASCENT if letters & _ASCENDERS else _X_HEIGHT) + (_DESCENT if letters & _DESCENDERS else 0)
        estimates.append(word.height * scale / share)
    return round(statistics.median(estimates) * 2) / 2


def _in_rows(lines: list[Line]) -> list[Line]:
    """Lines sorted into rows top to bottom, left to right, as extract.pdf orders them.

    Tesseract gives a table's columns as separate blocks; the layout family
    expects the cells of a row next to each other.
    """
    ordered = sorted(lines, key=lambda line: (line.bottom, line.x0))
    rows: list[list[Line]] = []
    for line in ordered:
        if rows and abs(rows[-1][0].bottom - line.bottom) <= _ROW_TOLERANCE * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda line: line.x0)]


def mean_confidence(pages: list[Page]) -> float | None:
    """The mean confidence (0-100) of the OCR words of a document; None when nothing was OCR'd."""
    scores = [word.confidence for page in pages for line in page.lines for word in line.words
              if word.confidence is not None]
    return statistics.fmean(scores) if scores else None
