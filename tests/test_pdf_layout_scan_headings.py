"""Sub-headings of a scan, where OCR gives no weight and sizes only within a point: told by the space around a
line and by the area's rubrics. Hand-built OCR lines (bold None), so no Tesseract is needed."""
from __future__ import annotations

from extract.model import Document, Line, Page, Word
from parsers import parse
from parsers.blocks import FindingsBlock, Heading, Paragraph, RubricBox
from parsers.pdf_layout import read_pdf_layout
from parsers.rubric_names import names_rubric

BODY_SIZE = 11.0
LINE_GAP = 4.0
RIGHT = 520.0
RUBRICS = ["Strategi för demokratiutveckling och information", "Information till medborgare",
           "Dialog och medborgarmedverkan", "Etik motverkan av korruption"]
PARAGRAPH = ["Sollentuna har inte tagit fram någon tydlig strategi för hur man vill utveckla arbetet på",
             "bredden, utan dessa ambitioner återfinns i olika styrdokument som kommunen har antagit och",
             "som skulle kunna samlas för att förtydliga hur man vill arbeta med frågan framöver i hela",
             "organisationen och dess förvaltningar."]


def _line(text: str, page: int, top: float, x0: float = 72, x1: float | None = None, size: float = BODY_SIZE,
          bold: bool | None = None) -> Line:
    """A line of words; with `x1` its words are spread to end there, as a justified line of running text."""
    texts = text.split()
    natural = [5.0 * len(word) for word in texts]
    space = 3.0 if x1 is None or len(texts) == 1 else (x1 - x0 - sum(natural)) / (len(texts) - 1)
    words, x = [], x0
    for word, width in zip(texts, natural):
        words.append(Word(word, x, x + width, 95.0))
        x += width + space
    return Line(text, page, x0, words[-1].x1, top, top + 0.93 * size, size, bold, tuple(words), 95.0)


class _Page:
    """Lines set down a page: each `add` leaves `gap` points under the line before."""

    def __init__(self, number: int, bold: bool | None = None):
        self.number, self.bold = number, bold
        self.lines: list[Line] = []
        self.bottom = 60.0

    def add(self, text: str, gap: float = LINE_GAP, full: bool = False, size: float = BODY_SIZE,
            x0: float = 72) -> _Page:
        top = self.bottom + gap
        self.lines.append(_line(text, self.number, top, x0, RIGHT if full else None, size, self.bold))
        self.bottom = top + 0.93 * size
        return self

    def paragraph(self, gap: float = 2 * LINE_GAP) -> _Page:
        for index, text in enumerate(PARAGRAPH):
            self.add(text, gap if index == 0 else LINE_GAP, full=index < len(PARAGRAPH) - 1)
        return self

    def header(self, left: str, left_x1: float, right: str, right_x0: float, right_x1: float,
               gap: float) -> _Page:
        """A table's header row: two words far apart."""
        top = self.bottom + gap
        self.lines.append(Line(f"{left} {right}", self.number, 72, right_x1, top, top + 0.93 * BODY_SIZE, BODY_SIZE,
                               self.bold, (Word(left, 72, left_x1, 95.0), Word(right, right_x0, right_x1, 95.0)),
                               95.0))
        self.bottom = top + 0.93 * BODY_SIZE
        return self

    def findings_header(self) -> _Page:
        return self.header("Styrkor", 107, "Förbättringsmöjligheter", 300, 420, 6 * LINE_GAP)

    def rubric_box(self) -> _Page:
        self.header("Rubriker", 112, "Poäng", 455, 480, 3 * LINE_GAP)
        for rubric in RUBRICS:
            self.add(rubric, 1.5 * LINE_GAP)
        return self

    def built(self) -> Page:
        return Page(self.number, self.lines, 595, 842, has_images=self.bold is None)


def _document(*pages: _Page) -> Document:
    cover = Page(1, [_line("KommunKompassen", 1, 100, size=30)], 595, 842, has_images=True)
    return Document("scan.pdf", "0" * 64, "pdf", "pdf", [cover, *(page.built() for page in pages)])


def _area(bold: bool | None = None) -> _Page:
    page = _Page(2, bold).add("Område 1 Offentlighet och demokrati", size=14.5).rubric_box()
    return page.add("Allmänt", 8 * LINE_GAP, size=11.5).paragraph()


def _kinds(document: Document) -> list[tuple[str, str]]:
    return [(type(block).__name__, block.text[:30]) for block in read_pdf_layout(document).blocks
            if isinstance(block, (Heading, Paragraph))]


def test_a_line_set_apart_above_running_text_is_a_heading_though_ocr_reads_it_no_larger():
    page = _area().add("Medborgardialog och deltagande", 3.5 * LINE_GAP, size=11.5).paragraph(1.8 * LINE_GAP)
    assert _kinds(_document(page)) == [
        ("Heading", "Område 1 Offentlighet och demo"), ("Heading", "Allmänt"), *[("Paragraph", PARAGRAPH[0][:30])],
        *[("Paragraph", text[:30]) for text in PARAGRAPH[1:]],
        ("Heading", "Medborgardialog och deltagande"), *[("Paragraph", text[:30]) for text in PARAGRAPH]]


def test_sections_of_a_scan_take_their_headings():
    page = _area().add("Strategi for demokratiutveckling och information", 3.5 * LINE_GAP).paragraph()
    page.add("Motverka korruption", 3.5 * LINE_GAP).paragraph()
    area = parse(_document(page)).areas[0]
    assert area.rubrics == RUBRICS
    assert [section.heading for section in area.sections] == [
        "Allmänt", "Strategi for demokratiutveckling och information", "Motverka korruption"]
    assert area.sections[2].text.startswith("Sollentuna har inte tagit fram")


def test_short_lines_spaced_like_paragraphs_are_no_headings():
    """A paragraph of one short line has a paragraph's space above and below, a caption as much below as above;
    a list's lines have a line's."""
    page = _area().add("Detta gäller även för de kommunala bolagen", 2 * LINE_GAP).paragraph()
    page.add("Diagram 2 Resultat per område", 4 * LINE_GAP).paragraph(4 * LINE_GAP)
    page.add("Kommunen har följande styrdokument", 2 * LINE_GAP)
    page.add("Information till medborgarna", LINE_GAP).paragraph(LINE_GAP)
    kinds = dict((text, kind) for kind, text in _kinds(_document(page)))
    assert kinds["Detta gäller även för de kommu"] == "Paragraph"
    assert kinds["Diagram 2 Resultat per område"] == "Paragraph"
    assert kinds["Kommunen har följande styrdoku"] == "Paragraph"
    assert kinds["Information till medborgarna"] == "Paragraph"  # names a rubric, but runs on in the text


def test_a_line_naming_a_rubric_at_the_top_of_a_page_is_a_heading():
    """At the top of a page no space above tells; that the line names one of the area's rubrics does."""
    second = _Page(3).add("Information till medborgarna", 0).paragraph().add("Jämförelser med andra", 0)
    second.paragraph()
    kinds = _kinds(_document(_area(), second))
    assert ("Heading", "Information till medborgarna") in kinds
    assert ("Paragraph", "Jämförelser med andra") in kinds


def test_a_sub_heading_any_area_may_have_at_the_top_of_a_page_is_a_heading_a_sentence_starting_so_is_not():
    """"Sammanfattning" is in no Rubriker box; at a page's top only the whole title makes a heading."""
    second = _Page(3).add("Sammanfattning", 0).paragraph()
    third = _Page(4).add("Sammanfattningsvis gott arbete", 0).paragraph()
    kinds = _kinds(_document(_area(), second, third))
    assert ("Heading", "Sammanfattning") in kinds
    assert ("Paragraph", "Sammanfattningsvis gott arbete") in kinds


def test_rubrics_in_their_box_and_findings_naming_a_rubric_are_no_headings():
    page = _area().paragraph().findings_header()
    page.add("Motverka korruption", 3 * LINE_GAP).add("Information till medborgare", 3 * LINE_GAP)
    blocks = read_pdf_layout(_document(page)).blocks
    assert [block.items for block in blocks if isinstance(block, RubricBox)] == [RUBRICS]
    assert [finding.text for block in blocks if isinstance(block, FindingsBlock) for finding in block.items] == [
        "Motverka korruption", "Information till medborgare"]
    assert [block.text for block in blocks if isinstance(block, Heading)] == [
        "Område 1 Offentlighet och demokrati", "Allmänt"]


def test_a_text_layer_tells_headings_by_weight_not_by_space():
    """A PDF with fonts says which lines are bold: a plain line is body text however it is spaced."""
    page = _area(bold=False).add("Medborgardialog och deltagande", 3.5 * LINE_GAP).paragraph()
    assert ("Paragraph", "Medborgardialog och deltagande") in _kinds(_document(page))


def test_a_heading_names_a_rubric_inflected_shortened_compounded_or_misread():
    rubrics = ["Information till medborgare", "Politiska mål", "Enheternas ansvar", "Valfrihet",
               "Deklarationer och synpunkts-/klagomålshantering", "Brukarundersökningar"]
    for heading in ["Information till medborgarna", "Tydliga politiska mål", "Resultatenheternas ansvar",
                    "Valfrihet och påverkan", "Brukarundersökningar", "Brucarundersökningar",
                    "Systemför service-/kvalitetsdeklarationer och synpunkts-/klagomålshantering"]:
        assert names_rubric(heading, rubrics), heading
    for other in ["Information om resultat", "Medborgardialog och deltagande", "Allmänt", "Kommunens ekonomi"]:
        assert not names_rubric(other, rubrics), other
    assert not names_rubric("Information till medborgarna", [])


def test_a_full_line_of_running_text_that_ocr_sizes_a_point_larger_is_no_heading():
    """Glyph boxes of a line heavy in capitals and descenders make it look a point larger than the body."""
    chapter = "3 Detaljerad genomgång i förhållande till Kommunkompassens"
    page = _Page(2).add(chapter, 0, full=True, size=16.5).add("åtta områden", size=16.5)
    page.add("Område 1 Offentlighet och demokrati", size=14.5).rubric_box().add("Allmänt", 8 * LINE_GAP)
    page.paragraph().add("Tre gånger om året följs samtliga mål och åtaganden upp. I årsredovisningen återfinns",
                         2 * LINE_GAP, full=True, size=12.5).add(PARAGRAPH[3])
    kinds = _kinds(_document(page))
    assert kinds[0] == ("Heading", chapter[:30])
    assert ("Paragraph", "Tre gånger om året följs samtl") in kinds


def test_a_scan_rubric_in_lower_case_under_a_short_rubric_is_a_rubric_of_its_own():
    """OCR reads a capital S as s; a rubric that went on would have filled the line above it."""
    page = _Page(2).add("Område 8 Kommunen som samhällsbyggare", size=14.5)
    page.header("Rubriker", 112, "Poäng", 455, 480, 3 * LINE_GAP)
    page.add("Samarbete med kulturlivet", 1.5 * LINE_GAP).add("stöd till näringslivet", 1.5 * LINE_GAP)
    top = page.bottom + 1.5 * LINE_GAP
    page.lines.append(_line("Planer och strategier för samhällsbyggande och", 2, top, 72, 440))
    page.bottom = top + 0.93 * BODY_SIZE
    page.add("hållbar utveckling", 1.5 * LINE_GAP).add("Allmänt", 8 * LINE_GAP).paragraph()
    [box] = [block for block in read_pdf_layout(_document(page)).blocks if isinstance(block, RubricBox)]
    assert box.items == ["Samarbete med kulturlivet", "Stöd till näringslivet",
                         "Planer och strategier för samhällsbyggande och hållbar utveckling"]


def test_a_scan_findings_line_whose_bullet_ocr_lost_starts_an_item_when_the_line_above_had_room():
    """An item that went on would have filled the line above; the column's longest line shows its edge."""
    page = _area().paragraph().findings_header()
    for text, x0, x1 in [("• Kompetensutveckling", 72, None),
                         ("Fundera på ett bredare program", 82, None),  # its bullet lost
                         ("• Systematiskt och tydligt arbetsmiljöarbete med", 72, 280),
                         ("uppföljning", 82, None),  # wrapped: the line above is full
                         ("• - Chefsstöd", 72, None)]:  # a second bullet read beside the first
        top = page.bottom + LINE_GAP
        page.lines.append(_line(text, 2, top, x0, x1))
        page.bottom = top + 0.93 * BODY_SIZE
    [block] = [block for block in read_pdf_layout(_document(page)).blocks if isinstance(block, FindingsBlock)]
    assert [finding.text for finding in block.items] == [
        "Kompetensutveckling", "Fundera på ett bredare program",
        "Systematiskt och tydligt arbetsmiljöarbete med uppföljning", "Chefsstöd"]
