"""The characters of a text file: its encoding told from its bytes, and the few bytes that break it mended.

A text copy is UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32
(with one), or Windows-1252 (older Swedish exports). A UTF-8 file may hold a
few bytes that are not UTF-8: letters pasted from a Windows-1252 file, a
character cut in two, a stray byte. Read as Windows-1252 the whole file
would turn every "ä" into "Ã¤" and be no report, so a file with more UTF-8
characters than such bytes stays UTF-8: a byte that Windows-1252 makes a
Swedish letter, a dash, a quotation mark or a bullet is read so (what a paste
from an older export leaves), any other becomes U+FFFD; a warning names the
lines.
"""
from __future__ import annotations

import codecs

import regex as re

from domain.problems import Problem, problem

# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_PASTED = frozenset("åäöÅÄÖéÉüÜ–—‘’“”…•")  # what a Windows-1252 byte in a Swedish UTF-8 text most likely is
_ESCAPED = 0xDC00  # Python's surrogateescape puts a byte that is no UTF-8 at this code point plus the byte
_SHOWN = 5  # lines named in the warning


def decode(data: bytes) -> tuple[str, list[Problem]]:
    """The file's text, and a warning when a few of its bytes were not of its encoding."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return data.decode(encoding, errors="replace"), []
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    stray = [index for index, char in enumerate(text) if 0xDC80 <= ord(char) <= 0xDCFF]
    if not stray:
        return text, []
    if len(_UTF8_CHARACTER.findall(data)) > len(stray):
        return _mended(text, stray)
    for encoding in ("cp1252", "latin-1"):  # latin-1 for the five bytes Windows-1252 leaves undefined
        try:
            return data.decode(encoding), []
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")


def _mended(text: str, stray: list[int]) -> tuple[str, list[Problem]]:
    chars = list(text)
    pasted = 0
    for index in stray:
        char = bytes([ord(chars[index]) - _ESCAPED]).decode("cp1252", errors="replace")
        pasted += char in _PASTED
        chars[index] = char if char in _PASTED else "\ufffd"
    lines = sorted({text.count("\n", 0, index) + 1 for index in stray})
    shown = ", ".join(map(str, lines[:_SHOWN])) + (f" and {len(lines) - _SHOWN} more" if len(lines) > _SHOWN else "")
    message = (f"The file is UTF-8 but for {len(stray)} byte{'s' * (len(stray) > 1)} on line"
               f"{'s' * (len(lines) > 1)} {shown}: {pasted} read as the Windows-1252 letters or marks they are "
               f"(a paste from an older export), {len(stray) - pasted} replaced by U+FFFD.")
    return "".join(chars), [problem("text_encoding_mended", message)]
