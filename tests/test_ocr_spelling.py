"""OCR misreadings mended from the document's own clearly read words (extract.ocr_spelling), on hand-built pages."""
from __future__ import annotations

from extract.model import Line, Page, Word
from extract.ocr_spelling import mend_spelling

CLEAR, UNSURE = 96.0, 80.0


def _line(*words: tuple[str, float | None]) -> Line:
    built = tuple(Word(text, 10.0 * index, 10.0 * index + 8, confidence)
                  for index, (text, confidence) in enumerate(words))
    return Line(" ".join(word.text for word in built), 2, 0, 100, 100, 110, 11.0, None, built)


def _page(*lines: Line, number: int = 2) -> Page:
    return Page(number, list(lines), width=595, height=842, has_images=True)


# what the rest of the report prints clearly, twice each
PRINTED = _page(*[_line(("avvikelser", CLEAR), ("uppföljning", CLEAR), ("Tillgänglighet", CLEAR),
                        ("fokusområden", CLEAR), ("intervjuerna", CLEAR), ("kommunen", CLEAR),
                        ("kommunens", CLEAR), ("förvaltning", CLEAR), ("förvaltnung", CLEAR))] * 2, number=1)


def _mended(*words: tuple[str, float | None]) -> tuple[str, list[tuple[str, str]]]:
    pages, mended = mend_spelling([PRINTED, _page(_line(*words))])
    return pages[1].lines[0].text, mended


def test_an_unsure_word_one_letter_from_a_printed_word_is_that_word_in_its_case_and_punctuation():
    text, mended = _mended(("Analys", CLEAR), ("av", CLEAR), ("awvikelser,", UNSURE), ("UPPFÖTLJNING", UNSURE),
                           ("tillganglighet", UNSURE), ("(ommunens)", UNSURE))
    assert text == "Analys av avvikelser, UPPFÖLJNING tillgänglighet (kommunens)"
    assert mended == [("awvikelser,", "avvikelser,"), ("UPPFÖTLJNING", "UPPFÖLJNING"),
                      ("tillganglighet", "tillgänglighet"), ("(ommunens)", "(kommunens)")]


def test_words_left_as_read():
    text, mended = _mended(
        ("fokusområdena", UNSURE),  # another form: the two differ in the ending
        ("intervjuarna", UNSURE),  # a Swedish form of its own, one letter from a printed word
        ("förvaltnxng", UNSURE),  # one letter from two printed words: which is not known
        ("awvikelser", CLEAR),  # read clearly: as printed
        ("awvikelser", None),  # a text layer's word: as printed
        ("awvikels-", UNSURE),  # the start of a compound
        ("awvik", UNSURE),  # too short to tell
    )
    assert (text, mended) == ("fokusområdena intervjuarna förvaltnxng awvikelser awvikelser awvikels- awvik", [])


def test_a_period_before_a_lower_case_word_is_a_comma_read_as_a_period():
    text, mended = _mended(("Strategi", CLEAR), ("för", CLEAR), ("ledarskap.", CLEAR), ("ansvar", CLEAR),
                           ("t.ex.", UNSURE), ("kommunen", CLEAR), ("slutet.", UNSURE), ("Nästa", CLEAR),
                           ("resultat.", UNSURE))
    assert text == "Strategi för ledarskap, ansvar t.ex. kommunen slutet. Nästa resultat."
    assert mended == [("ledarskap.", "ledarskap,")]
    text, _ = _mended(("mål.", UNSURE), ("som", CLEAR), ("(digitalisering).", UNSURE), ("men", CLEAR),
                      ("inkl.", UNSURE), ("moms", CLEAR), ("kr.", UNSURE), ("per", CLEAR))
    assert text == "mål, som (digitalisering), men inkl. moms kr. per"
    assert [word.text for word in mend_spelling([PRINTED, _page(_line(("ledarskap.", CLEAR), ("ansvar", CLEAR)))])
            [0][1].lines[0].words] == ["ledarskap,", "ansvar"]


def test_a_period_ending_a_line_is_a_comma_when_the_line_under_it_in_its_column_goes_on_in_lower_case():
    def at(line: Line, x0: float, top: float) -> Line:
        return Line(line.text, 2, x0, x0 + 100, top, top + 10, 11.0, None, tuple(
            Word(word.text, x0 + word.x0, x0 + word.x1, word.confidence) for word in line.words))

    left = at(_line(("kring", CLEAR), ("systematik.", UNSURE)), 70, 100)
    beside = at(_line(("Mål", CLEAR)), 300, 100)  # the other column's line on the same row
    under = at(_line(("resultat", CLEAR), ("och", CLEAR)), 70, 114)
    pages, _ = mend_spelling([PRINTED, _page(left, beside, under)])
    assert pages[1].lines[0].text == "kring systematik,"
    pages, _ = mend_spelling([PRINTED, _page(left, at(_line(("Resultat", CLEAR)), 70, 114))])
    assert pages[1].lines[0].text == "kring systematik."


def test_a_colon_before_a_conjunction_is_a_shortened_compounds_hyphen():
    text, mended = _mended(("Kommun:", UNSURE), ("och", CLEAR), ("förvaltningschefer", CLEAR), ("gäller:", CLEAR),
                           ("Alla", CLEAR))
    assert text == "Kommun- och förvaltningschefer gäller: Alla"
    assert mended == [("Kommun:", "Kommun-")]


def test_an_ellipsis_ocr_blurred_at_a_lines_start_before_lower_case_is_an_ellipsis():
    assert _mended(("»", UNSURE), ("utveckla:", CLEAR), ("många", CLEAR))[0] == "... utveckla: många"
    assert _mended(("..", UNSURE), ("fullfölja", CLEAR))[0] == "... fullfölja"
    assert _mended(("«", UNSURE), ("Samla", CLEAR))[0] == "« Samla"  # a bullet before an item: no ellipsis
    assert _mended(("•", UNSURE), ("..", UNSURE), ("fullfölja", CLEAR))[0] == "• ... fullfölja"
