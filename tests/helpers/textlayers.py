"""Text layers that lie, made of a built report: the forms of issue 17's first class, as real tools make them.

- `searchable`: each page rendered and given to Tesseract's PDF output (an
  image with its OCR text invisible over it), the pages joined, as libraries,
  scanners and ocrmypdf make "searchable PDFs";
- `text_over_scan`: the report's own text drawn invisibly (render mode 3) over
  an image of its page, or visibly under it (hidden);
- `garbled_fonts`: Helvetica replaced by an embedded TrueType font (Liberation
  Sans, Helvetica's metric twin) addressed by codes that map to no Unicode: the
  pages show the report, the text layer is no language;
- `mis_encoded`: a UTF-8 text copy with some lines in Windows-1252, as lines
  pasted from an older export leave them.
"""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from helpers.built import built, program_version
from helpers.pdfbuild import page_images, scanned

FONTS = Path(__file__).parent.parent / "fixtures" / "fonts"
_TRUETYPE = {"/Helvetica": FONTS / "liberation-sans.ttf", "/Helvetica-Bold": FONTS / "liberation-sans-bold.ttf"}
_GARBLED = "/Garbled"  # the name the replaced fonts start with
_SHOWING = (b"Tj", b"TJ", b"'", b'"')
_SYMBOLIC = 4  # FontDescriptor flag: the font's own (3,0) cmap maps codes to glyphs, no encoding names them


def searchable(source: Path, target: Path, dpi: int = 200) -> Path:
    """Tesseract's searchable PDF of every page of `source` (image and invisible OCR text), joined."""
    return built(target, ["searchable", source.read_bytes(), str(dpi), program_version("tesseract")],
                 lambda path: _searchable(source, path, dpi))


def _searchable(source: Path, target: Path, dpi: int) -> None:
    writer = PdfWriter()
    with tempfile.TemporaryDirectory() as work:
        for number, image in enumerate(page_images(source, dpi=dpi), start=1):
            image.save(Path(work) / f"{number}.png", dpi=(dpi, dpi))
            subprocess.run(["tesseract", str(Path(work) / f"{number}.png"), str(Path(work) / str(number)), "-l",
                            "swe", "pdf"], check=True, capture_output=True, timeout=300)
            writer.append(Path(work) / f"{number}.pdf")
        writer.write(target)


def text_over_scan(source: Path, target: Path, dpi: int = 150, hidden_under: bool = False) -> Path:
    """The pages as images with the source's own text over them, invisible (render mode 3), or, `hidden_under`,
    visible but painted before the image, which hides it."""
    with tempfile.TemporaryDirectory() as work:
        images = PdfReader(scanned(source, Path(work) / "scan.pdf", dpi=dpi))
        texts = PdfWriter(clone_from=source)
        if hidden_under:
            for text, image in zip(texts.pages, images.pages):
                text.merge_page(image)
            texts.write(target)
            return target
        writer = PdfWriter(clone_from=images)
        for image, text in zip(writer.pages, texts.pages):
            invisible = DecodedStreamObject()
            invisible.set_data(b"q 3 Tr\n" + text.get_contents().get_data() + b"\nQ\n")
            text.replace_contents(invisible)
            image.merge_page(text)
        writer.write(target)
    return target


def garbled_fonts(source: Path, target: Path) -> Path:
    """The source with its Helvetica text set in an embedded TrueType font whose codes are shifted (ROT47 and
    the like): each code draws its letter, but no encoding or ToUnicode says which letter it is."""
    writer = PdfWriter(clone_from=source)
    fonts: dict[str, object] = {}
    for page in writer.pages:
        resources = page["/Resources"]["/Font"]  # pages may share it: replaced fonts are known by their name
        garbled = {name for name, font in resources.items() if font.get_object()["/BaseFont"] in _TRUETYPE
                   or font.get_object()["/BaseFont"].startswith(_GARBLED)}
        for name in garbled:
            base = resources[name].get_object()["/BaseFont"]
            if base in _TRUETYPE:
                fonts.setdefault(base, writer._add_object(_symbolic_font(writer, _TRUETYPE[base], base)))
                resources[NameObject(name)] = fonts[base]
        content = ContentStream(page.get_contents(), writer)
        operations, font = content.operations, None
        for operands, operator in operations:
            if operator == b"Tf":
                font = operands[0]
            elif operator in _SHOWING and font in garbled:
                operands[-1] = _shifted(operands[-1])
        content.operations = operations  # serialized anew
        page.replace_contents(content)
    writer.write(target)
    return target


def mis_encoded(source: Path, target: Path, every: int = 4) -> Path:
    """The UTF-8 text with every `every`-th of its lines that are not ASCII in Windows-1252 where it can be:
    lines pasted from an older export."""
    lines = source.read_text(encoding="utf-8").split("\n")
    accented = [index for index, line in enumerate(lines) if not line.isascii()][every - 1::every]
    target.write_bytes(b"\n".join(_pasted(line) if index in accented else line.encode()
                                  for index, line in enumerate(lines)))
    return target


def _pasted(line: str) -> bytes:
    try:
        return line.encode("cp1252")
    except UnicodeEncodeError:  # a character Windows-1252 lacks: the line stays UTF-8
        return line.encode()


def _code(byte: int) -> int:
    """The code a byte of Windows-1252 text is shifted to: ROT47 over printable ASCII, a half turn over the
    upper half (Swedish letters), a half turn over 0x80-0x9F (dashes, quotes)."""
    if 0x21 <= byte <= 0x7E:
        return 0x21 + (byte - 0x21 + 47) % 94
    if 0xA0 <= byte <= 0xFF:
        return 0xA0 + (byte - 0xA0 + 48) % 96
    if 0x80 <= byte <= 0x9F:
        return 0x80 + (byte - 0x80 + 16) % 32
    return byte


def _shifted(operand):
    if isinstance(operand, ArrayObject):  # TJ: strings and kerning numbers
        return ArrayObject(_shifted(item) for item in operand)
    if isinstance(operand, (TextStringObject, ByteStringObject)):
        raw = operand.original_bytes if isinstance(operand, TextStringObject) else bytes(operand)
        return ByteStringObject(bytes(_code(byte) for byte in raw))
    return operand


def _symbolic_font(writer: PdfWriter, path: Path, base: str) -> DictionaryObject:
    """A simple TrueType font dictionary drawing code `_code(b)` with the glyph of Windows-1252 byte b, through
    a (3,0) cmap of its own; no /Encoding and no /ToUnicode."""
    font = TTFont(path)
    unicode_cmap = font.getBestCmap()
    glyphs = {}
    for byte in range(0x20, 0x100):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
        if ord(char) in unicode_cmap:
            glyphs[_code(byte)] = unicode_cmap[ord(char)]
    cmap = font["cmap"]
    subtable = next(table for table in cmap.tables if table.platformID == 3 and table.platEncID == 1)
    subtable.platEncID = 0
    subtable.cmap = {0xF000 + code: glyph for code, glyph in glyphs.items()}
    cmap.tables = [subtable]
    program = io.BytesIO()
    font.save(program)
    scale = 1000 / font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    file_stream = StreamObject()
    file_stream.set_data(program.getvalue())
    file_stream[NameObject("/Length1")] = NumberObject(len(program.getvalue()))
    file_stream = writer._add_object(file_stream)  # a stream is an indirect object
    name = NameObject(f"{_GARBLED}{base.strip('/').replace('-', '')}")
    descriptor = DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): name,
        NameObject("/Flags"): NumberObject(_SYMBOLIC),
        NameObject("/FontBBox"): ArrayObject(NumberObject(int(v * scale)) for v in (
            font["head"].xMin, font["head"].yMin, font["head"].xMax, font["head"].yMax)),
        NameObject("/ItalicAngle"): NumberObject(0),
        NameObject("/Ascent"): NumberObject(int(font["hhea"].ascent * scale)),
        NameObject("/Descent"): NumberObject(int(font["hhea"].descent * scale)),
        NameObject("/CapHeight"): NumberObject(int(font["OS/2"].sCapHeight * scale)),
        NameObject("/StemV"): NumberObject(140 if "Bold" in base else 80),
        NameObject("/FontFile2"): file_stream})
    widths = [FloatObject(round(metrics[glyphs[code]][0] * scale, 1)) if code in glyphs else FloatObject(0)
              for code in range(256)]
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/TrueType"),
        NameObject("/BaseFont"): name, NameObject("/FirstChar"): NumberObject(0),
        NameObject("/LastChar"): NumberObject(255), NameObject("/Widths"): ArrayObject(widths),
        NameObject("/FontDescriptor"): descriptor})
