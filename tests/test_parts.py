"""parsers.parts: a report cut into its main evaluation and its appended parts, by its headings."""
from __future__ import annotations

from parsers.blocks import Heading, Paragraph, RubricBox
from parsers.parts import Part, part_year, split_parts


def _area(n: int, title: str = "Titel") -> list:
    return [Heading(f"Område {n} {title}", n), RubricBox(["Rubrik"], 50 + n, n), Paragraph("Text om området.", n)]


def _headings(blocks: list) -> list[str]:
    return [block.text for block in blocks if isinstance(block, Heading)]


def test_a_bilaga_heading_before_the_areas_heads_no_part():
    blocks = [Heading("2 Lerum i förhållande till Kommunkompassen", 1), Heading("Bilaga 1 Enkätresultat", 1),
              Paragraph("Enkäten besvarades av 300 invånare.", 1), *_area(1), *_area(2)]
    main, parts = split_parts(blocks)
    assert (main, parts) == (blocks, [])


def test_an_appended_evaluation_after_the_areas_is_a_part_of_its_own():
    appended = [Heading("Bilaga: 2012 års Kommunkompass", 9), *_area(1), *_area(2)]
    main, parts = split_parts([*_area(1), *_area(2), Heading("5 Kortfakta om Lerums kommun", 8), *appended])
    assert _headings(main) == ["Område 1 Titel", "Område 2 Titel", "5 Kortfakta om Lerums kommun"]
    assert [part.heading for part in parts] == ["Bilaga: 2012 års Kommunkompass"]
    assert parts[0].blocks == appended
    assert part_year(parts[0], 2015, None) == 2012


def test_areas_that_start_over_open_an_earlier_evaluation_dated_by_its_cover():
    cover = Paragraph("KommunKompassen ANALYS AV LERUMS KOMMUN 2011 Anna Berg, SKL", 7)
    main, parts = split_parts([*_area(1), *_area(2), cover, *_area(1), *_area(2)])
    assert _headings(main) == ["Område 1 Titel", "Område 2 Titel"]
    assert len(parts) == 1 and _headings(parts[0].blocks) == ["Område 1 Titel", "Område 2 Titel"]
    assert part_year(parts[0], 2015, None) == 2011


def test_a_bilaga_heading_the_main_areas_go_on_after_heads_no_part():
    main, parts = split_parts([*_area(1), Heading("Bilaga 2 Enkätsvar", 1), Paragraph("Svaren.", 1), *_area(2)])
    assert parts == []
    assert _headings(main) == ["Område 1 Titel", "Bilaga 2 Enkätsvar", "Område 2 Titel"]


def test_without_a_year_anywhere_an_appended_evaluation_takes_the_previous_evaluations():
    assert part_year(Part("Bilaga 1", [Paragraph("Den förra rapporten.", 9)]), 2015, 2011) == 2011
    assert part_year(Part("Bilaga 1", []), 2015, None) is None


def test_area_headings_before_the_evaluation_that_name_no_evaluated_area_are_front_matter():
    """Issue 17, class 3: a contents list without its heading names the areas before chapter 1; the cut at
    chapter 1 would leave the report without areas, so it is redone and the list is the report's front matter."""
    listed = [Heading(f"Område {n} Titel ........ {n + 3}", 2) for n in (1, 2)]
    body = [Heading("1 Vad är Kommunkompassen?", 3), Paragraph("Ett verktyg.", 3), *_area(1), *_area(2)]
    main, parts = split_parts([*listed, *body])
    assert parts == []
    assert main == [Paragraph(block.text, block.page) for block in listed] + body


def test_a_summary_by_area_before_the_detailed_areas_opens_no_part():
    summary = [Heading("2 Lerum i förhållande till Kommunkompassen", 2),
               Heading("Område 1 Titel", 2), Paragraph("Kort om området.", 2),
               Heading("Område 2 Titel", 2), Paragraph("Kort om området.", 2)]
    areas = [Heading("3 Detaljerad genomgång per område", 3), *_area(1), *_area(2)]
    main, parts = split_parts([*summary, *areas])
    assert parts == []
    assert _headings(main) == ["2 Lerum i förhållande till Kommunkompassen", "3 Detaljerad genomgång per område",
                               "Område 1 Titel", "Område 2 Titel"]


def test_an_appended_evaluation_after_evaluated_areas_stays_a_part():
    appended = [Heading("1 Vad är Kommunkompassen?", 9), *_area(1), *_area(2)]
    main, parts = split_parts([*_area(1), *_area(2), *appended])
    assert _headings(main) == ["Område 1 Titel", "Område 2 Titel"]
    assert [part.blocks for part in parts] == [appended]
