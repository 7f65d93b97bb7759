"""Lines from Tesseract words written by hand (no Tesseract needed): cells, bullets, numbers, leaders,
and the low-confidence warnings drawn from them."""
from __future__ import annotations

from domain.records import RawArea, RawFinding, RawReport
from extract.model import Document, Line, Page, Word
from extract.ocr import OcrPage, OcrWord
from extract.ocr_lines import to_page
from parsers.ocr_confidence import low_confidence

DPI = 200  # 1 pixel = 0.36 points


def _words(line: tuple[int, int, int], top: int, *spec: tuple[str, int, int, float | None]) -> list[OcrWord]:
    """Words of one Tesseract line: (text, left, width, confidence), 28 pixels high (about 11 points)."""
    return [OcrWord(text, left, top, width, 28, confidence, line) for text, left, width, confidence in spec]


def _texts(words: list[OcrWord], leaders: int = 0) -> list[tuple[str, int]]:
    page = OcrPage(1, 595, 842, tuple(words), leaders=leaders)
    return [(line.text, round(line.x0)) for line in to_page(page, DPI).lines]


def test_a_line_across_two_columns_is_two_lines_and_each_cell_keeps_its_bullet():
    words = _words((1, 1, 1), 500, ("e", 200, 10, 40.0), ("Öppna", 230, 80, 96.0), ("möten", 320, 80, 95.0),
                   ("«", 850, 10, 30.0), ("Medborgardialog", 880, 200, 93.0))
    assert _texts(words) == [("• Öppna möten", 72), ("• Medborgardialog", 306)]


def test_a_number_cut_in_two_is_one_and_specks_are_dropped():
    words = _words((1, 1, 1), 500, ("Poäng", 200, 80, 96.0), ("7", 1270, 20, 97.0), ("6", 1293, 20, 97.0)) + \
        _words((1, 1, 2), 600, ("Ledarskap", 200, 130, 95.0), ("d", 1400, 12, 11.0))
    assert _texts(words) == [("Poäng", 72), ("76", 457), ("Ledarskap", 72)]


def test_dot_leaders_and_the_junk_read_in_them_are_dropped():
    words = _words((1, 1, 1), 500, ("Område", 200, 90, 97.0), ("5", 300, 14, 96.0),
                   ("effektivitet.........ssrrr", 330, 600, 0.0), ("rr", 940, 30, 0.0), ("17", 1400, 28, 97.0))
    assert _texts(words) == [("Område 5 effektivitet", 72), ("17", 504)]


def test_on_a_page_whose_leaders_were_erased_an_entry_keeps_its_page_number_behind_a_leader():
    entry = _words((1, 1, 1), 500, ("Område", 200, 90, 97.0), ("5", 300, 14, 96.0), ("Resultat", 330, 100, 96.0),
                   ("18", 1456, 32, 97.0))
    wrapped = _words((1, 1, 2), 545, ("Kommunikation", 230, 160, 96.0), ("kring", 400, 60, 96.0))
    table = _words((1, 1, 3), 590, ("Information", 200, 130, 96.0), ("medborgare", 1000, 130, 96.0))
    assert _texts(entry + wrapped + table, leaders=3) == [
        ("Område 5 Resultat … 18", 72), ("Kommunikation kring", 83), ("Information", 72), ("medborgare", 360)]


def test_a_finding_read_with_low_confidence_is_a_warning_with_its_page():
    weak = Line("– Medborgardialog via webben", 6, 72, 300, 100, 111, 11, None,
                (Word("–", 72, 78, None), Word("Medborgardialog", 86, 180, 41.0), Word("via", 184, 200, 96.0),
                 Word("webben", 204, 240, 95.0)), 77.0)
    document = Document("scan.pdf", "0" * 64, "pdf", "pdf", [Page(6, [weak])])
    area = RawArea(1, "Offentlighet och demokrati", page=6,
                   findings=[RawFinding("strength", "Medborgardialog via webben", 6)])
    report = RawReport("scan.pdf", "0" * 64, "pdf", "pdf", areas=[area])
    problems = low_confidence(document, report)
    assert [(p.severity, p.code, p.page) for p in problems] == [("warning", "ocr_low_confidence", 6)]
    assert "77 %" in problems[0].message


def test_a_text_pdf_gets_no_confidence_warnings():
    line = Line("Medborgardialog via webben", 6, 72, 300, 100, 111, 11, False,
                (Word("Medborgardialog", 86, 180),))
    document = Document("a.pdf", "0" * 64, "pdf", "pdf", [Page(6, [line])])
    area = RawArea(1, "Offentlighet", page=6, score=64,
                   findings=[RawFinding("strength", "Medborgardialog via webben", 6)])
    assert low_confidence(document, RawReport("a.pdf", "0" * 64, "pdf", "pdf", areas=[area])) == []


def test_a_square_bullet_read_as_an_equals_sign_is_a_bullet_and_table_borders_are_no_words():
    words = _words((1, 1, 1), 500, ("|", 180, 6, 91.0), ("=", 200, 14, 88.0), ("Chefskontrakt", 230, 160, 96.0),
                   ("|", 800, 6, 93.0))
    assert _texts(words) == [("▪ Chefskontrakt", 72)]


def _sized(words: list[OcrWord]) -> list[tuple[str, float]]:
    page = OcrPage(1, 595, 842, tuple(words))
    return [(line.text, line.size) for line in to_page(page, DPI).lines]


def test_a_dash_bullet_a_pixel_or_two_high_neither_sets_the_size_nor_cuts_its_item():
    """A 2 pixel dash made "— Valfrihet" a 2 point line, cut at the dash and joined to the rubric above."""
    rubric = [OcrWord("—", 173, 368, 17, 2, 80.0, (3, 1, 1)), OcrWord("Valfrihet", 207, 342, 110, 28, 96.0, (3, 1, 1))]
    assert _sized(rubric) == [("— Valfrihet", 14.0)]


def test_a_table_border_and_a_box_shaded_tall_do_not_set_a_header_rows_size():
    """Tesseract read "Rubriker" 57 pixels high in its shaded cell, beside a border: the row was 28.5 points and
    took in the first rubric below it."""
    header = [OcrWord("Rubriker", 168, 271, 123, 57, 96.0, (3, 1, 1)),
              OcrWord("Poäng", 1317, 288, 90, 28, 57.0, (3, 1, 1)),
              OcrWord("—", 1435, 272, 12, 61, 30.0, (3, 1, 1)), OcrWord("|", 1474, 276, 1, 53, 85.0, (3, 1, 1))]
    rubric = [OcrWord("—", 173, 353, 17, 3, 80.0, (3, 1, 2)), OcrWord("System", 207, 341, 98, 27, 96.0, (3, 1, 2)),
              OcrWord("för", 316, 340, 35, 23, 96.0, (3, 1, 2))]
    page = to_page(OcrPage(1, 595, 842, tuple(header + rubric)), DPI)
    assert [(line.text, line.size) for line in page.lines] == [("Rubriker", 11.0), ("Poäng", 11.0),
                                                               ("— System för", 10.5)]
    assert page.lines[2].bottom - page.lines[0].bottom > 10


def test_a_dash_bullet_read_as_two_dashes_is_one_and_starts_its_item():
    """"—- Mångfald" was no item start: the rubric was joined to the one above it ("Arbetsmiljöarbete -- Mångfald")."""
    words = _words((1, 1, 1), 500, ("—-", 173, 20, 54.0), ("Mångfald", 207, 110, 96.0))
    assert _texts(words) == [("— Mångfald", 62)]


def test_table_borders_read_as_glyphs_are_dropped_and_a_sentence_opening_i_is_kept():
    # A cell's text with its left border ("|", as tall as the cell), its right one ("I", thin and alone) and
    # one read as "]" after the score; a sentence opening "I" (letter width, its word close behind) stays.
    finding = [OcrWord("|", 182, 490, 2, 38, 89.0, (1, 1, 1)), *_words((1, 1, 1), 500, ("Tydliga", 200, 80, 96.0),
               ("mål", 290, 40, 96.0)), OcrWord("I", 700, 502, 1, 20, 70.0, (1, 1, 1))]
    score = _words((1, 2, 1), 600, ("Poäng", 200, 80, 96.0), ("2", 290, 14, 96.0)) + \
        [OcrWord("]", 360, 598, 8, 38, 59.0, (1, 2, 1))]
    sentence = _words((1, 3, 1), 700, ("I", 200, 4, 97.0), ("detta", 214, 60, 96.0), ("sammanhang.", 284, 130, 96.0),
                      ("I", 424, 4, 97.0), ("Vallentuna", 438, 120, 96.0))
    dotted = _words((1, 4, 1), 800, ("Resurser", 200, 100, 96.0)) + [OcrWord("|.", 420, 810, 1, 4, 46.0, (1, 4, 1))]
    assert [text for text, _ in _texts(finding + score + sentence + dotted)] == [
        "Tydliga mål", "Poäng 2", "I detta sammanhang. I Vallentuna", "Resurser"]


def test_a_horizontal_rule_read_as_letters_is_dropped_and_sets_no_size_but_a_dash_bullet_stays():
    header = [OcrWord("[Rubriker", 182, 423, 110, 28, 55.0, (1, 1, 1)), OcrWord("SR", 878, 440, 38, 2, 22.0, (1, 1, 1)),
              OcrWord("SA", 1071, 440, 90, 2, 21.0, (1, 1, 1)), OcrWord("Poäng", 1312, 423, 75, 28, 75.0, (1, 1, 1))]
    item = [OcrWord("—", 173, 520, 18, 3, 49.0, (1, 2, 1)), *_words((1, 2, 1), 507, ("Chefsstöd", 207, 134, 92.0))]
    page = to_page(OcrPage(1, 595, 842, tuple(header + item)), DPI)
    assert [line.text for line in page.lines] == ["Rubriker", "Poäng", "— Chefsstöd"]
    assert page.lines[0].size == page.lines[1].size > 9


def test_a_lowercase_i_between_words_is_kept_even_in_a_tall_box_but_a_thin_one_at_the_cell_edge_is_a_border():
    words = _words((1, 1, 1), 500, ("Fokusområden", 200, 189, 89.0), ("som", 400, 52, 96.0)) + \
        [OcrWord("i", 450, 491, 13, 37, 96.0, (1, 1, 1))] + _words((1, 1, 1), 500, ("större", 476, 76, 96.0)) + \
        _words((1, 2, 1), 600, ("System", 200, 75, 96.0)) + [OcrWord("i", 1474, 590, 1, 34, 74.0, (1, 2, 1))]
    assert [text for text, _ in _texts(words)] == ["Fokusområden som i större", "System"]


def test_a_weak_two_digit_number_in_a_table_cell_is_kept_but_the_misread_sign_after_it_is_dropped():
    """A photocopy's "64 %" read as "64" and "Rx", both weak: the percent was dropped and its row with it."""
    words = _words((1, 1, 1), 500, ("1.3", 200, 40, 96.0), ("16", 1150, 30, 96.0), ("25", 1270, 30, 95.0),
                   ("64", 1409, 25, 38.0), ("Rx", 1442, 17, 0.0)) + \
        _words((1, 1, 2), 600, ("Ledarskap", 200, 130, 95.0), ("d", 1400, 12, 11.0), ("7", 1500, 14, 30.0))
    assert _texts(words) == [("1.3", 72), ("16", 414), ("25", 457), ("64", 507), ("Ledarskap", 72)]


def test_a_round_bullet_read_into_its_items_first_word_is_a_bullet_again():
    """"«Samla länkarna" in a findings cell: the item was joined to the one above it."""
    words = _words((1, 1, 1), 500, ("«Samla", 850, 90, 90.0), ("länkarna", 950, 110, 92.0)) + \
        _words((1, 1, 2), 600, ("»", 850, 10, 60.0), ("Möjlighet", 880, 120, 93.0)) + \
        _words((1, 1, 3), 700, ("”Visselblåsarfunktion”", 880, 260, 93.0))
    assert _texts(words) == [("• Samla länkarna", 306), ("• Möjlighet", 306), ("”Visselblåsarfunktion”", 317)]
