"""extract.geometry's word and line rules on characters given as columns, and the PDFium reader's codes."""
from __future__ import annotations

import ctypes

from extract import pdfium_reader
from extract.geometry import Char, Chars, chars_to_words, words_to_lines


def _row(texts: list[tuple[str, float, float]], top: float = 100.0, size: float = 10.0, bold: bool = False,
         font: str = "F") -> list[Char]:
    return [Char(text, x0, x1, top, top + size, font, size, bold) for text, x0, x1 in texts]


def _words(chars: list[Char]) -> list[str]:
    return chars_to_words(Chars.of(chars)).text


def test_texts_of_other_lengths_than_one_letter_keep_their_text():
    chars = _row([("(cid:5)", 0, 5), ("a", 5, 10), ("ﬁ", 10, 15), ("  ", 15, 16), ("", 20, 25), ("b", 25, 30),
                  (" ", 30, 32), ("𝐀", 32, 40), ("ß", 40, 45)])
    assert _words(chars) == ["(cid:5)afi", "b", "𝐀ß"]


def test_a_gap_wider_than_the_tolerance_starts_a_word_and_drawing_order_does_not_matter():
    chars = _row([("e", 23, 25), ("a", 0, 5), ("b", 5, 10), ("c", 13.5, 18), ("d", 18, 20)])
    assert _words(chars) == ["ab", "cde"]  # 3.5 points after "b", 3 after "d"


def test_a_change_of_font_or_size_ends_a_word():
    chars = _row([("a", 0, 5)]) + _row([("b", 5, 10)], font="G") + _row([("c", 10, 15)], font="G", size=12)
    assert _words(chars) == ["a", "b", "c"]


def test_rotated_characters_are_read_top_to_bottom():
    chars = [Char(letter, 50, 60, top, top + 5, "F", 10, False, False)
             for letter, top in (("c", 110), ("a", 100), ("b", 105))]
    assert _words(chars) == ["abc"]


def test_lines_take_the_size_and_weight_of_most_of_their_letters_and_split_at_column_gaps():
    chars = (_row([(letter, 10 + 5 * i, 15 + 5 * i) for i, letter in enumerate("Rubrik")], bold=True)
             + _row([(" ", 40, 43)]) + _row([(letter, 43 + 5 * i, 48 + 5 * i) for i, letter in enumerate("ok")],
                                            size=10.04)
             + _row([(letter, 300 + 5 * i, 305 + 5 * i) for i, letter in enumerate("55")], size=12))
    first, second = words_to_lines(chars_to_words(Chars.of(chars)), page=3)
    assert (first.text, first.size, first.bold, first.x0, first.x1, first.page) == ("Rubrik ok", 10.0, True, 10, 53, 3)
    assert [(word.text, word.x0, word.x1) for word in first.words] == [("Rubrik", 10, 40), ("ok", 43, 53)]
    assert (second.text, second.size, second.bold) == ("55", 12.0, False)


def test_no_characters_make_no_lines():
    assert words_to_lines(chars_to_words(Chars.of([])), page=1) == []
    assert words_to_lines(chars_to_words(Chars.of(_row([(" ", 0, 3)]))), page=1) == []


def test_codes_outside_the_basic_plane_are_asked_one_by_one_and_impossible_ones_replaced(monkeypatch):
    units = [0xD835, 0xDC00, 0x41]  # U+1D400 as a surrogate pair, then "A"
    unicode_of = {0: 0x1D400, 1: 0x110000, 2: 0x41}  # PDFium's codes per character; the second no character
    monkeypatch.setattr(pdfium_reader.pdfium, "FPDFText_CountChars", lambda page: 3)

    def get_text(page, start, count, buffer):
        for index, unit in enumerate(units):
            ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))[index] = unit
        return len(units) + 1

    monkeypatch.setattr(pdfium_reader.pdfium, "FPDFText_GetText", get_text)
    monkeypatch.setattr(pdfium_reader.pdfium, "FPDFText_GetUnicode", lambda page, index: unicode_of[index])
    assert pdfium_reader._codes(None).tolist() == [0x1D400, 0xFFFD, 0x41]
