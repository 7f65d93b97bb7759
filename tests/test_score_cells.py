"""extract.score_cells on Tesseract words written by hand: the cell under "Poäng" where no number was read."""
from __future__ import annotations

from extract.ocr import OcrWord
from extract.score_cells import unread_score_cells

HEADER = [OcrWord("Rubriker", 168, 337, 123, 36, 96.0, (5, 1, 1)), OcrWord("Poäng", 1317, 341, 90, 28, 96.0, (5, 1, 1)),
          OcrWord("|", 1474, 331, 1, 46, 86.0, (5, 1, 1))]
RUBRICS = [OcrWord("Strategi", 207, 393 + 41 * i, 101, 29, 94.0, (6, 1, i + 1)) for i in range(4)]
BODY = [OcrWord("organisation", 1200, 600, 171, 30, 96.0, (7, 2, 1))]  # running text reaching under the header


def test_the_cell_under_poang_runs_down_to_the_first_word_read_under_it():
    assert unread_score_cells((*HEADER, *RUBRICS, *BODY)) == [(1227, 376, 1497, 600)]


def test_a_cell_whose_score_was_read_is_not_read_again():
    score = OcrWord("76", 1339, 470, 48, 31, 97.0, (5, 2, 1))
    assert unread_score_cells((*HEADER, *RUBRICS, score, *BODY)) == []


def test_a_cell_with_nothing_below_it_is_ten_header_heights_deep_and_a_page_without_poang_has_none():
    assert unread_score_cells((*HEADER, *RUBRICS)) == [(1227, 376, 1497, 656)]
    assert unread_score_cells((*RUBRICS, *BODY)) == []
