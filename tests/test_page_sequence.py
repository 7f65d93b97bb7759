"""parsers.page_sequence: the pages a document holds against the page numbers its heads and contents print."""
from __future__ import annotations

from extract.model import Document, Line, Page
from parsers.blocks import Heading, Layout
from parsers.page_sequence import Gap, check_pages, contents_gaps

HEAD = "Sveriges Kommuner och Landsting 2018-06-19 {page} ({pages})"
WORDS = ("kommunen", "arbetar", "med", "styrning", "uppföljning", "dialog", "ledarskap", "resultat", "mål",
         "invånare", "service", "kvalitet", "strategi", "budget", "personal", "samverkan")


def _text(number: int) -> str:
    """A page's body text, its own: the words of the page's number."""
    return " ".join(f"{WORDS[(number + index) % len(WORDS)]}{number}" for index in range(24))


def _document(printed: list[int | None], pages: int | None = None, head: str = HEAD,
              bodies: dict[int, str] | None = None) -> Document:
    """Pages in source order, each with the head of its printed number (None: the cover, without a head).

    Ten pages or more: a text on two of fewer pages would repeat as often as a running head must."""
    total = pages or max(number for number in printed if number)
    made = []
    for place, number in enumerate(printed, start=1):
        lines = [head.format(page=number, pages=total)] if number else []
        lines.append((bodies or {}).get(place, _text(number or 100 + place)))
        made.append(Page(place, [Line(text, place) for text in lines]))
    return Document("r.txt", "0" * 64, "text", "flat", made)


def _codes(check) -> list[tuple[str, int | None]]:
    return [(found.code, found.page) for found in check.problems]


def test_a_gap_in_the_numbering_is_the_missing_page_named_by_its_printed_number():
    check = check_pages(_document([None, 2, 3, 4, 5, 7, 8, 9, 10]))
    assert check.gaps == [Gap(5, 7, 1)]
    assert _codes(check) == [("page_missing", 6)]  # where the page after the gap stands
    assert "skips from 5 to 7: printed page 6 is missing" in check.problems[0].message
    assert not check.ends_early


def test_several_missing_pages_are_named_together():
    check = check_pages(_document([None, 2, 3, 7, 8, 9, 10]))
    assert check.gaps == [Gap(3, 7, 3)]
    assert "printed pages 4–6 are missing" in check.problems[0].message


def test_the_offset_between_place_and_number_is_learnt_from_the_document():
    # cover and contents unnumbered, the numbering starting at 1 on the third page
    whole = check_pages(_document([None, None, 1, 2, 3, 4, 5, 6], pages=6))
    assert (whole.gaps, whole.problems, whole.ends_early) == ([], [], False)
    lacking = check_pages(_document([None, None, 1, 2, 4, 5, 6], pages=6))
    assert lacking.gaps == [Gap(2, 4, 1)]


def test_a_misread_page_number_is_no_witness():
    check = check_pages(_document([None, 2, 3, 4, 18, 6, 7, 8], pages=8))
    assert (check.gaps, check.problems) == ([], [])


def test_a_gap_next_to_the_first_or_last_numbered_page_is_found():
    assert check_pages(_document([None, 2, 4, 5, 6, 7])).gaps == [Gap(2, 4, 1)]
    assert check_pages(_document([None, 2, 3, 4, 5, 7])).gaps == [Gap(5, 7, 1)]


def test_unnumbered_pages_between_numbered_ones_leave_open_which_page_is_missing():
    bodies = {4: _text(40)}
    document = _document([None, 2, 3, None, 6, 7, 8], pages=8, bodies=bodies)
    check = check_pages(document)
    assert check.gaps == [Gap(3, 6, 1)]
    assert "1 of printed pages 4–5 is missing" in check.problems[0].message


def test_an_appended_document_numbering_its_own_pages_is_no_gap():
    main = _document([None, 2, 3, 4, 5, 6])
    appended = _document([None, 2, 3, 4], pages=12)
    pages = [*main.pages, *(Page(6 + page.number, [Line(line.text, 6 + page.number) for line in page.lines])
                            for page in appended.pages)]
    check = check_pages(Document("r.txt", "0" * 64, "text", "flat", pages))
    assert (check.gaps, check.problems) == ([], [])


def test_a_page_printed_twice_is_read_once_and_named():
    document = _document([None, 2, 3, 4, 4, *range(5, 11)])
    check = check_pages(document)
    assert _codes(check) == [("page_repeated", 5)]
    assert check.problems[0].message == "Page 5 repeats page 4 (printed page 4): it was read once."
    assert [page.number for page in check.document.pages] == list(range(1, 12))  # the source's places kept
    assert check.document.pages[4].lines == [] and check.document.pages[3].lines == document.pages[3].lines
    assert document.pages[4].lines  # the document read is not changed
    assert check.gaps == []


def test_two_ocr_readings_of_one_page_are_one_page():
    misread = _text(4).replace("styrning4", "styming4", 1).replace("dialog4", "dia1og4", 1)
    check = check_pages(_document([None, 2, 3, 4, 4, *range(5, 11)], bodies={5: misread}))
    assert _codes(check) == [("page_repeated", 5)]


def test_a_page_of_another_text_under_the_same_number_is_no_repeat():
    check = check_pages(_document([None, 2, 3, 4, 4, *range(5, 11)], bodies={5: _text(40)}))
    assert [found.code for found in check.problems] == []
    assert all(page.lines for page in check.document.pages)


def test_an_unnumbered_page_repeats_the_one_before_only_word_for_word_and_with_text_enough():
    head = "Sveriges Kommuner och Landsting ({pages})"  # a web transcript's head: the count alone
    printed = [None, 2, 3, 3, *range(4, 11)]
    repeated = check_pages(_document(printed, head=head, bodies={4: _text(3)}))
    assert _codes(repeated) == [("page_repeated", 4)]
    short = {3: "Anteckningar", 4: "Anteckningar"}
    assert check_pages(_document(printed, head=head, bodies=short)).problems == []
    changed = {4: _text(3) + " och mer"}
    assert check_pages(_document(printed, head=head, bodies=changed)).problems == []


def test_a_page_without_any_text_among_headed_pages_is_named_with_the_number_it_should_print():
    document = _document([None, 2, 3, 4, 5, 6, 7])
    document.pages[3] = Page(4)  # nothing read: not even its head
    check = check_pages(document)
    assert _codes(check) == [("page_empty", 4)]
    assert check.problems[0].message.startswith("Page 4 (printed page 4) has no text")
    assert check.gaps == []


def test_a_page_with_its_head_alone_is_a_blank_page_not_an_empty_one():
    document = _document([None, 2, 3, 4, 5, 6])
    document.pages[2] = Page(3, [Line(HEAD.format(page=3, pages=6), 3)])
    assert check_pages(document).problems == []


def test_a_page_without_text_after_the_last_headed_page_is_not_named():
    document = _document([None, 2, 3, 4, 5])
    document.pages.append(Page(6))
    assert check_pages(document).problems == []


def test_a_numbering_that_stops_short_of_its_count_ends_early():
    assert check_pages(_document([None, 2, 3, 4, 5], pages=8)).ends_early
    assert not check_pages(_document([None, 2, 3, 4, 5, 6, 7, 8], pages=8)).ends_early
    # numbered from 1 after the cover, counting the cover: its last page prints one less than the count
    assert not check_pages(_document([None, 1, 2, 3, 4, 5], pages=6)).ends_early


def _layout(entries: list[tuple[str, int | None]], headings: list[tuple[str, int]], page_count: int) -> Layout:
    return Layout(cover=[], contents=[entry for entry, _ in entries], blocks=[Heading(text, page) for text, page
                                                                             in headings],
                  running_heads=[], page_count=page_count, last_page=None,
                  contents_pages=[number for _, number in entries])


CONTENTS = [("1 Vad är Kommunkompassen?", 3), ("Område 1 Offentlighet och demokrati", 4), ("Allmänt", 4),
            ("Område 2 Tillgänglighet och brukarorientering", 5), ("Område 3 Politisk styrning och kontroll", 6),
            ("Område 4 Ledarskap, ansvar och delegation", 7), ("Område 5 Resultat och effektivitet", 8)]


def _unnumbered(pages: int, declared: int = 9):
    """`pages` pages whose heads print the count alone, `declared`."""
    head = "Sveriges Kommuner och Landsting ({pages})"
    return check_pages(_document([None, *range(2, pages + 1)], pages=declared, head=head))


def test_without_page_numbers_the_contents_witness_a_gap_between_headings():
    # printed page 6 (area 3) is missing: area 4 stands on the sixth page of the source
    headings = [("1 Vad är Kommunkompassen?", 3), ("Område 1 OFFENTLIGHET OCH DEMOKRATI", 4),
                ("Område 2 Tillgänglighet och brukarorientering", 5), ("Område 4 Ledarskap, ansvar och delegation", 6),
                ("Område 5 Resultat och effektivitet", 7)]
    pages = _unnumbered(8)
    gaps, problems = contents_gaps(_layout(CONTENTS, headings, page_count=9), pages)
    assert gaps == [Gap(5, 7, 1)]
    assert [(found.code, found.page) for found in problems] == [("page_missing", None)]
    assert "printed page 6 is missing" in problems[0].message


def test_the_contents_witness_nothing_when_the_pages_are_all_there_or_numbered():
    headings = [("Område 1 Offentlighet och demokrati", 4), ("Område 2 Tillgänglighet och brukarorientering", 5),
                ("Område 4 Ledarskap, ansvar och delegation", 6), ("Område 5 Resultat och effektivitet", 7)]
    assert contents_gaps(_layout(CONTENTS, headings, page_count=8), _unnumbered(8, declared=8)) == ([], [])
    numbered = check_pages(_document([None, *range(2, 9)], pages=9))
    assert contents_gaps(_layout(CONTENTS, headings, page_count=9), numbered) == ([], [])


def test_one_contents_entry_out_of_line_is_no_witness():
    # a flattened contents ran the last entry into the next, which carried that one's page number
    entries = [*CONTENTS[:-1], ("Område 5 Resultat och effektivitet Översikt av poängfördelning", 12)]
    headings = [("Område 1 Offentlighet och demokrati", 4), ("Område 2 Tillgänglighet och brukarorientering", 5),
                ("Område 3 Politisk styrning och kontroll", 6), ("Område 4 Ledarskap, ansvar och delegation", 7),
                ("Område 5 Resultat och effektivitet", 8)]
    assert contents_gaps(_layout(entries, headings, page_count=12), _unnumbered(8)) == ([], [])
