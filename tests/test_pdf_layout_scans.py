"""parsers.pdf_layout on hand-built OCR lines (no fonts: bold None, sizes estimated), no Tesseract needed."""
from __future__ import annotations

import pytest

from extract.model import Document, Line, Page, Word
from parsers.blocks import Heading, ScoreTable
from parsers.pdf_layout import read_pdf_layout
from parsers.tables import misread_percent


def _line(text: str, page: int, y: float, x0: float = 72, size: float = 9.5) -> Line:
    words, x = [], x0
    for word in text.split():
        words.append(Word(word, x, x + 5 * len(word), 95.0))
        x += 5 * len(word) + 3
    return Line(text, page, x0, words[-1].x1, y - 0.72 * size, y + 0.21 * size, size, None, tuple(words), 95.0)


def _page(number: int, texts: list[str], x0: float = 72, size: float = 9.5) -> Page:
    return Page(number, [_line(text, number, 100 + 14 * i, x0, size) for i, text in enumerate(texts)], 595, 842,
                has_images=True)


BODY = ["Kommunkompassen är ett verktyg för att analysera och utvärdera hur en kommun leds, styrs och utvecklas.",
        "Verktyget växte fram under 1990-talet i ett nordiskt samarbete mellan forskare och kommunala organisationer",
        "och har sedan dess använts i ett stort antal kommuner i Norden och i Sverige sedan år 2002 och framåt."]


def test_contents_entries_whose_page_numbers_ocr_lost_go_on_until_body_text_starts():
    """A photocopy lost three entries' page numbers in a row: the contents ended there, and the rest of them
    (areas 2-8, "… 9" and on) were read as the body's headings."""
    contents = _page(2, ["Innehåll", "1 Vad är Kommunkompassen? … 4", "Område 1 Offentlighet och demokrati … 7",
                         "Allmänt … 7", "Strategi för demokratiutveckling och information",
                         "Information till medborgarna", "Information om resultat", "Motverka korruption … 8",
                         "Område 2 Tillgänglighet och brukarorientering … 9", "Kortfakta om kommunen … 28"])
    body = _page(3, ["1 Vad är Kommunkompassen?", *BODY])
    document = Document("scan.pdf", "0" * 64, "pdf", "pdf", [_page(1, ["KommunKompassen"]), contents, body])
    layout = read_pdf_layout(document)
    assert layout.contents == ["1 Vad är Kommunkompassen?", "Område 1 Offentlighet och demokrati", "Allmänt",
                               "Strategi för demokratiutveckling och information", "Information till medborgarna",
                               "Information om resultat", "Motverka korruption",
                               "Område 2 Tillgänglighet och brukarorientering", "Kortfakta om kommunen"]
    assert [(type(block).__name__, block.page) for block in layout.blocks[:2]] == [("Heading", 3), ("Paragraph", 3)]
    assert isinstance(layout.blocks[0], Heading) and layout.blocks[0].text == "1 Vad är Kommunkompassen?"


def test_contents_end_with_their_page_when_the_next_page_starts_without_a_page_number():
    """A rubric line beside its box's score ("Information till medborgare 65") on the page after the contents
    looked like a numbered entry: the contents took in the area's heading and the area was lost."""
    contents = _page(2, ["Innehåll", "Område 1 Offentlighet och demokrati … 7", "Kortfakta om kommunen … 28"])
    area = _page(3, ["3. Detaljerad genomgång per område", "Område 1 OFFENTLIGHET OCH DEMOKRATI",
                     "— Strategi för demokratiutveckling", "— Information till medborgare 65", *BODY])
    document = Document("scan.pdf", "0" * 64, "pdf", "pdf", [_page(1, ["KommunKompassen"]), contents, area])
    layout = read_pdf_layout(document)
    assert layout.contents == ["Område 1 Offentlighet och demokrati", "Kortfakta om kommunen"]
    assert [block.text for block in layout.blocks[:2]] == ["3. Detaljerad genomgång per område",
                                                            "Område 1 OFFENTLIGHET OCH DEMOKRATI"]


def _cells(page: int, y: float, *cells: tuple[float, str]) -> list[Line]:
    return [_line(text, page, y, x0) for x0, text in cells]


def test_a_score_table_of_a_photocopy_with_misread_codes_and_percent_signs_keeps_its_rows():
    """A photocopy's section 4 table: "2.1" read as "21", "2.5" as "125" (a border before it), and every "%"
    as digits or letters; the table ended at its first row and no subquestion was read."""
    rows = [_cells(2, 100, (72, "2."), (108, "Tillgänglighet och brukarorientering"), (395, "Uppnått"),
                   (453, "Max"), (495, "Procent")),
            _cells(2, 118, (72, "21"), (108, "Finns en strategi?"), (419, "14"), (461, "15"), (507, "902")),
            _cells(2, 136, (72, "2.2"), (108, "Arbetar kommunen med bemötande?"), (419, "20"), (461, "25"),
                   (507, "7220")),
            _cells(2, 154, (72, "2.3"), (108, "Informerar kommunen?"), (419, "15"), (461, "20"), (507, "74”")),
            _cells(2, 172, (72, "2.4"), (108, "Arbetar kommunen med undersökningar?"), (419, "12"), (461, "20"),
                   (507, "59"), (527, "AK")),
            _cells(2, 190, (66, "125"), (108, "Arbetar kommunen med tjänsterna?"), (419, "15"), (461, "20"),
                   (507, "75 %"))]
    document = Document("scan.pdf", "0" * 64, "pdf", "pdf",
                        [_page(1, ["KommunKompassen"]), Page(2, [line for row in rows for line in row], width=595,
                                                              height=842, has_images=True)])
    table = next(block for block in read_pdf_layout(document).blocks if isinstance(block, ScoreTable))
    assert [(row.code, row.values) for row in table.rows] == [
        ("2.1", ["14", "15", "902"]), ("2.2", ["20", "25", "7220"]), ("2.3", ["15", "20", "74”"]),
        ("2.4", ["12", "20", "59 AK"]), ("2.5", ["15", "20", "75 %"])]


@pytest.mark.parametrize("text, achieved, maximum, percent", [
    ("7220", 7, 10, 72.0), ("902", 14, 15, 90.0), ("59 AK", 12, 20, 59.0), ("9596", 10, 10, 95.0),
    ("1002", 15, 15, 100.0), ("92", 1, 10, 9.0), ("B6", 13, 15, 86.0), ("Z5 %", 3, 10, 25.0), ("Rx", 5, 10, None),
    ("4020", 10, 10, None)])
def test_a_misread_percent_is_cut_where_it_is_nearest_its_rows_points(text, achieved, maximum, percent):
    assert misread_percent(text, achieved, maximum) == percent


def test_a_page_number_ocr_misread_on_the_running_heads_row_is_part_of_the_head():
    """"12 (28)" read as "12:28)" repeats on no other page: it stayed in the body and was joined to a finding."""
    pages = [_page(1, ["KommunKompassen"])]
    for number in range(2, 6):
        head = [_line("Sveriges Kommuner och Landsting", number, 40), _line("2019-04-09", number, 40, 285),
                _line(f"{number} (28)" if number != 4 else "4:28)", number, 40, 360)]
        pages.append(Page(number, [*head, *_page(number, BODY).lines], width=595, height=842, has_images=True))
    layout = read_pdf_layout(Document("scan.pdf", "0" * 64, "pdf", "pdf", pages))
    assert "4:28)" in layout.running_heads
    assert not any("28)" in getattr(block, "text", "") for block in layout.blocks)


def _area_1_table(codes: list[str]) -> ScoreTable:
    """A scan's section 4 table of area 1, its rows' codes as OCR read them, and its sum row."""
    rows = [_cells(2, 100, (72, "1."), (108, "Offentlighet och demokrati"), (395, "Uppnått"), (453, "Max"),
                   (495, "Procent"))]
    points = [("10", "15", "67 %"), ("13", "20", "65 %"), ("16", "25", "64 %"), ("19", "30", "63 %"),
              ("6", "10", "60 %")]
    for place, (code, (achieved, maximum, percent)) in enumerate(zip(codes, points)):
        rows.append(_cells(2, 118 + 18 * place, (72, code), (108, f"Fråga nummer {place + 1}?"), (419, achieved),
                           (461, maximum), (507, percent)))
    rows.append(_cells(2, 118 + 18 * len(codes), (419, "64"), (458, "100"), (507, "64 %")))
    document = Document("scan.pdf", "0" * 64, "pdf", "pdf",
                        [_page(1, ["KommunKompassen"]), Page(2, [line for row in rows for line in row], width=595,
                                                              height=842, has_images=True)])
    return next(block for block in read_pdf_layout(document).blocks if isinstance(block, ScoreTable))


def test_issue_17_a_scans_rows_whose_codes_ocr_could_not_read_take_the_code_of_their_place():
    """150 dpi: "1.1" read as "dal", "1.2" as "122"; they were taken for sum rows, and the subquestions lost."""
    table = _area_1_table(["dal", "122", "1.3", "1.4", "1.5"])
    assert [(row.code, row.values[0]) for row in table.rows] == [
        ("1.1", "10"), ("1.2", "13"), ("1.3", "16"), ("1.4", "19"), ("1.5", "6"), (None, "64")]
    assert [row.label for row in table.rows[:2]] == ["Fråga nummer 1?", "Fråga nummer 2?"]  # "dal" is no word of it
    assert table.problems == []


def test_issue_17_a_row_whose_code_neither_ocr_nor_its_place_tells_is_named_and_left_out():
    """The codes read disagree with their places (the row printed "1.2" is the third): no row is shifted."""
    table = _area_1_table(["1.1", "dal", "1.2", "1.4", "1.5"])
    assert [(row.code, row.values[0]) for row in table.rows] == [
        ("1.1", "10"), ("1.2", "16"), ("1.4", "19"), ("1.5", "6"), (None, "64")]
    assert [(found.code, found.page) for found in table.problems] == [("subquestion_code_unread", 2)]
    assert "Fråga nummer 2?" in table.problems[0].message
