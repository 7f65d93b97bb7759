"""parsers.running_heads: heads found by repetition, removed from the body, read for date and page count."""
from __future__ import annotations

from datetime import date

from extract.model import Document, Line, Page
from parsers.running_heads import PageMark, head_date, page_mark, split_running_heads

HEAD = "Sveriges Kommuner och Landsting 2018-06-19 {} (6)"


def _document(pages: list[list[str]]) -> Document:
    return Document("x.txt", "0" * 64, "text", "flat",
                    [Page(number, [Line(text, number) for text in lines]) for number, lines in enumerate(pages, 1)])


def _pages() -> list[list[str]]:
    return [
        ["KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2018"],
        [HEAD.format(2), "Innehåll", "Område 1 Offentlighet"],
        [HEAD.format(3), "Första stycket", "Andra stycket"],
        [HEAD.format(4), "Tredje stycket"],
        [HEAD.format(5), "Fjärde stycket", "Sveriges Kommuner och Landsting nämns i texten"],
        [HEAD.format(6), "Femte stycket"],
    ]


def test_repeated_heads_are_removed_from_every_page():
    body = split_running_heads(_document(_pages()))
    assert body.pages[3] == [Line("Första stycket", 3), Line("Andra stycket", 3)]
    assert [line.text for line in body.pages[2]] == ["Innehåll", "Område 1 Offentlighet"]
    assert [line.text for line in body.pages[1]] == ["KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2018"]


def test_heads_are_kept_in_order_and_give_the_page_count():
    body = split_running_heads(_document(_pages()))
    assert body.heads == [HEAD.format(n) for n in range(2, 7)]
    assert body.declared_page_count == 6


def test_text_that_does_not_repeat_is_not_a_head():
    body = split_running_heads(_document(_pages()))
    assert "Sveriges Kommuner och Landsting nämns i texten" in [line.text for line in body.pages[5]]


def test_bare_page_number_footer_is_a_head():
    pages = [["Omslag"]] + [["Text på sidan " + word, str(n)] for n, word in
                            zip(range(2, 6), ["ett", "två", "tre", "fyra"])]
    body = split_running_heads(_document(pages))
    assert body.heads == ["2", "3", "4", "5"]
    assert [line.text for line in body.pages[4]] == ["Text på sidan tre"]


def test_fewer_than_three_pages_have_no_heads():
    body = split_running_heads(_document([[HEAD.format(1), "a"], [HEAD.format(2), "b"]]))
    assert body.heads == []
    assert [line.text for line in body.pages[1]] == [HEAD.format(1), "a"]
    assert body.declared_page_count is None


def test_head_date_is_the_most_frequent_valid_date():
    assert head_date([HEAD.format(n) for n in range(2, 5)]) == date(2018, 6, 19)
    assert head_date(["2018-13-45 a", "2018-13-45 b", "2018-13-45 c", "SKL 2018-06-19"]) == date(2018, 6, 19)
    assert head_date(["2017-01-01 x", "2018-06-19 a", "2018-06-19 b"]) == date(2018, 6, 19)


def test_head_date_none_without_dates():
    assert head_date(["Sveriges Kommuner och Landsting (32)"]) is None
    assert head_date([]) is None


def test_head_date_reads_a_date_written_in_words():
    """Issue 17, class 8: "den 19 juni 2018" in the heads is the report's date."""
    heads = [f"Sveriges Kommuner och Landsting den 19 juni 2018 {n} (34)" for n in range(2, 5)]
    assert head_date(heads) == date(2018, 6, 19)


def test_each_page_keeps_what_its_heads_print_of_its_number():
    body = split_running_heads(_document(_pages()))
    assert body.marks == {number: PageMark(number, 6) for number in range(2, 7)}
    assert page_mark(["Sveriges Kommuner och Regioner 2019/04/09 Sida 7 av 34"]) == PageMark(7, 34)
    assert page_mark(["2018/06/19 7/34"]) == PageMark(7, 34)  # the last: the date reads like one
    assert page_mark(["Sveriges Kommuner och Landsting (32)"]) == PageMark(None, 32)
    assert page_mark(["KommunKompassen 2015", "- 7 -"]) == PageMark(7, None)
    assert page_mark(["KommunKompassen – Sollentuna kommun 2015"]) is None


def _paged(pages: list[list[str]]) -> Document:
    return Document("x.txt", "0" * 64, "text", "paged",
                    [Page(number, [Line(text, number) for text in lines]) for number, lines in enumerate(pages, 1)])


def test_pieces_of_a_head_that_pdftotext_put_anywhere_on_the_page_are_heads():
    pages = [["KommunKompassen", "ANALYS AV SOLLENTUNA KOMMUN", "2018-05-02"]]
    subjects = ("demokrati", "service", "styrning", "ledarskap", "resultat", "personal")
    for number, subject in zip(range(2, 8), subjects):
        body = [f"Stycke om {subject}", str(60 + number), f"• Styrkor i arbetet med {subject}"]
        pieces = ["Sveriges Kommuner och Landsting", "2018-06-19", f"{number} (7)"]
        # on a page with a table, pdftotext reads the date and page number after the body
        pages.append([pieces[0], *body, *pieces[1:]] if number % 2 else [*pieces, *body])
    body = split_running_heads(_paged(pages))
    assert [[line.text for line in body.pages[number]] for number in (2, 3)] == [
        ["Stycke om demokrati", "62", "• Styrkor i arbetet med demokrati"],
        ["Stycke om service", "63", "• Styrkor i arbetet med service"]]
    assert body.marks[3] == PageMark(3, 7)
    assert head_date(body.heads) == date(2018, 6, 19)
    assert "2018-05-02" in [line.text for line in body.pages[1]]  # the cover's own date is none of the head's
