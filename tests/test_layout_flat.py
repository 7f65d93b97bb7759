"""parsers.flat (and the report grammar over it): a small hand-made flattened report."""
from __future__ import annotations

from datetime import date

import pytest

from extract.model import Document
from extract.text import read_text
from parsers import parse, read_layout
from parsers.blocks import FindingsBlock, Heading, RubricBox


@pytest.fixture
def flat_document(mini_flat) -> Document:
    rendering, pages = read_text(mini_flat)
    assert rendering == "flat"
    return Document("mini.txt", "0" * 64, "text", rendering, pages)


def test_layout_cover_contents_and_pages(flat_document):
    layout = read_layout(flat_document)
    assert layout.cover == ["KommunKompassen ANALYS AV TÄBY KOMMUN 2017 Anna Berg, SKL Per Ek, Solna stad"]
    assert layout.contents == ["1 Vad är Kommunkompassen?", "3 Detaljerad genomgång per område",
                               "Område 1 Offentlighet och demokrati", "Område 7 Ständiga förbättringar",
                               "4. Översikt av poängfördelning"]
    assert (layout.page_count, layout.last_page) == (6, 6)
    assert len(layout.running_heads) == 5


def test_layout_blocks_have_no_running_heads(flat_document):
    layout = read_layout(flat_document)
    texts = [getattr(block, "text", "") for block in layout.blocks]
    assert not any("Landsting 2017-05-02" in text for text in texts)


def test_layout_area_heading_rubric_box_and_findings(flat_document):
    blocks = read_layout(flat_document).blocks
    headings = [block.text for block in blocks if isinstance(block, Heading)]
    assert "Område 1 Offentlighet och demokrati" in headings
    assert "Område 7 Ständiga förbättringar" in headings
    boxes = [block for block in blocks if isinstance(block, RubricBox)]
    assert [(box.items, box.score, box.page) for box in boxes] == [
        (["Strategi för demokrati", "Information till medborgare"], 64, 4), (["Kvalitetsarbete"], 55, 5)]
    findings = [block for block in blocks if isinstance(block, FindingsBlock)]
    assert [(item.kind, item.text, item.page) for item in findings[0].items] == [
        ("strength", "Öppna nämndsmöten", 4), ("strength", "Webbsändningar av KF", 4),
        ("improvement", "Medborgardialog via webben", 4), ("improvement", "Synpunktshantering", 4)]


def test_parsed_flat_report(flat_document):
    report = parse(flat_document)
    assert (report.municipality, report.year, report.report_date) == ("TÄBY", 2017, date(2017, 5, 2))
    assert report.evaluators == ["Anna Berg, SKL", "Per Ek, Solna stad"]
    assert (report.evaluation_number, report.evaluation_period) == (1, "mars 2017")
    assert report.page_count == 6
    assert report.complete is False  # areas 2-6 and 8 are missing
    assert [(a.area_no, a.title, a.score, a.rubrics) for a in report.areas] == [
        (1, "Offentlighet och demokrati", 64, ["Strategi för demokrati", "Information till medborgare"]),
        (7, "Ständiga förbättringar", 55, ["Kvalitetsarbete"])]
    assert [(f.kind, f.text) for f in report.areas[1].findings] == [
        ("strength", "Lean i vården"), ("improvement", "Innovationer")]
    assert [(s.heading, s.text) for s in report.areas[0].sections] == [
        ("Allmänt", "En kommun är en politiskt styrd organisation. Resultatet har ökat jämfört med 2014 (55 poäng).")]


def test_parsed_flat_section_four_and_prior_score(flat_document):
    report = parse(flat_document)
    assert [(sq.area_no, sq.code, sq.text, sq.achieved, sq.max, sq.percent, sq.page) for sq in report.subquestions] == [
        (1, "1.1", "Finns en plan/strategi för demokratiutveckling och information?", 11, 15, 75.0, 6),
        (1, "1.2", "Informeras invånarna om aktuella frågor i politiken?", 17, 20, 87.0, 6)]
    assert [(t.area_no, t.achieved, t.max) for t in report.area_totals] == [(1, 64, 100)]
    assert [(p.ref_year, p.area_no, p.score, p.source) for p in report.prior_scores] == [(2014, 1, 55, "text")]
    assert report.problems == []


_TABLE = ("Styrkor Öppna nämndsmöten Webbsändningar av KF Förbättringsmöjligheter Medborgardialog via webben "
          "Synpunktshantering")


def _parse_variant(mini_flat: str, findings: str):
    text = mini_flat.replace(_TABLE, findings)
    assert text != mini_flat
    rendering, pages = read_text(text)
    return parse(Document("mini.txt", "0" * 64, "text", rendering, pages))


def test_upper_case_headed_lists_flatten_like_a_table_and_say_what_they_cannot_place(mini_flat):
    # Headed lists and a two-column table flatten alike, whatever the headers' case: the right side's items
    # beyond what fills the left side's lines may be the end of a longer left column, so they stay unknown
    # (where their wording tells nothing: "E-tjänster", not "Fler e-tjänster").
    report = _parse_variant(mini_flat, "STYRKOR Öppna nämndsmöten Tydlig vision FÖRBÄTTRINGSOMRÅDEN Medborgardialog "
                                       "via webben Synpunktshantering E-tjänster")
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Tydlig vision"), ("improvement", "Medborgardialog via webben"),
        ("improvement", "Synpunktshantering"), ("unknown", "E-tjänster")]
    assert [p.code for p in report.problems] == ["findings_columns_lost"]


def test_flattened_table_with_more_right_items_marks_the_rest_unknown(mini_flat):
    report = _parse_variant(mini_flat, "Styrkor Öppna nämndsmöten Förbättringsmöjligheter Medborgardialog via webben "
                                       "Vision och värdegrund")
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("improvement", "Medborgardialog via webben"),
        ("unknown", "Vision och värdegrund")]
    assert [(p.severity, p.code, p.page) for p in report.problems] == [("warning", "findings_columns_lost", 4)]
    assert report.problems[0].message.startswith("Område 1: ")


def test_bullet_glyphs_after_the_headers_split_the_items(mini_flat):
    report = _parse_variant(mini_flat, "Styrkor • Öppna nämndsmöten • Webbsändningar av KF Förbättringsmöjligheter "
                                       "• Medborgardialog via webben • Synpunktshantering")
    assert [(f.kind, f.text) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten"), ("strength", "Webbsändningar av KF"),
        ("improvement", "Medborgardialog via webben"), ("improvement", "Synpunktshantering")]


def _without_box(text: str, area: str) -> str:
    start = text.index(f"{area} Rubriker")
    end = text.index("Allmänt", start)
    return text[:start + len(area)] + " " + text[end:]


def test_an_area_without_a_score_box_takes_section_4s_sum_row_and_says_so(mini_flat):
    rendering, pages = read_text(_without_box(mini_flat, "Område 1 Offentlighet och demokrati"))
    report = parse(Document("mini.txt", "0" * 64, "text", rendering, pages))
    assert [(area.area_no, area.score) for area in report.areas] == [(1, 64), (7, 55)]
    assert [p.code for p in report.problems if p.code == "area_score_from_elsewhere"] == ["area_score_from_elsewhere"]


def test_an_area_without_a_score_box_or_section_4_takes_the_score_its_text_states(mini_flat):
    text = _without_box(mini_flat, "Område 7 Ständiga förbättringar").replace(
        "Kommunen arbetar med förbättringar.", "Kommunen arbetar med förbättringar. Området får 57 poäng.")
    rendering, pages = read_text(text)
    report = parse(Document("mini.txt", "0" * 64, "text", rendering, pages))
    assert [(area.area_no, area.score) for area in report.areas] == [(1, 64), (7, 57)]


def test_sub_headings_naming_the_area_or_a_rubric_not_word_for_word_are_found_in_flat_text(mini_flat):
    narrative = ("Allmänt En kommun är en politiskt styrd organisation. Offentlighet och demokrati i Täby Inom "
                 "området har Täby förbättrat sitt resultat. Information till medborgarna Kommunen har skapat fler "
                 "kanaler. Strategi för demokratin Det finns ingen strategi. Informationen till Täbyborna är god. "
                 "Strategin för demokratin är ny Täby har inte antagit den.")
    text = mini_flat.replace("Allmänt En kommun är en politiskt styrd organisation.", narrative)
    rendering, pages = read_text(text)
    blocks = read_layout(Document("mini.txt", "0" * 64, "text", rendering, pages)).blocks
    headings = [block.text for block in blocks if isinstance(block, Heading)]
    start = headings.index("Område 1 Offentlighet och demokrati")
    assert headings[start:start + 5] == ["Område 1 Offentlighet och demokrati", "Allmänt",
                                         "Offentlighet och demokrati i Täby", "Information till medborgarna",
                                         "Strategi för demokratin"]
    # sentences opening with a rubric's words are no headings: they have a verb
    assert not any(heading.startswith(("Informationen", "Strategin")) for heading in headings)


def _with_area_1_narrative(mini_flat: str, narrative: str) -> str:
    return mini_flat.replace("Allmänt En kommun är en politiskt styrd organisation.", narrative)


def _area_headings(text: str, area_heading: str) -> list[str]:
    rendering, pages = read_text(text)
    blocks = read_layout(Document("mini.txt", "0" * 64, "text", rendering, pages)).blocks
    headings = [block.text for block in blocks if isinstance(block, Heading)]
    start = headings.index(area_heading)
    following = next((i for i, h in enumerate(headings[start + 1:], start + 1) if h.startswith(("Område", "4."))),
                     len(headings))
    return headings[start + 1:following]


def test_a_heading_on_a_rubrics_theme_worded_otherwise_is_found_in_flat_text(mini_flat):
    # the box says "Information till medborgare"; the narrative heads a part "Information om resultat"
    narrative = ("Allmänt En kommun är en politiskt styrd organisation. Information om resultat Det finns en samlad "
                 "rapportering. Information från Täbys nämnder sker på webben. Information om resultat publiceras "
                 "Kommunen gör det varje år. Strategiarbete och uppföljning Kommunen har en plan.")
    text = _with_area_1_narrative(mini_flat, narrative)
    # a capital bound to the words before it ("från Täbys") or a verb among them ("publiceras") makes a sentence
    assert _area_headings(text, "Område 1 Offentlighet och demokrati") == [
        "Allmänt", "Information om resultat", "Strategiarbete och uppföljning"]


def test_an_area_titled_with_kommunen_opens_with_the_municipalitys_name_in_flat_text(mini_flat):
    text = mini_flat.replace("Område 7 Ständiga förbättringar", "Område 6 Kommunen som arbetsgivare personalpolitik")
    text = text.replace("Rubriker Kvalitetsarbete Poäng 55 Allmänt Kommunen arbetar med förbättringar.",
                        "Rubriker Personalstrategi Poäng 55 Allmänt Kommunen arbetar med personalfrågor. Täby kommun "
                        "som arbetsgivare personalpolitik Om man ser till poängen har Täby gått framåt. "
                        "Personalstrategi Det finns en strategi.")
    assert _area_headings(text, "Område 6 Kommunen som arbetsgivare personalpolitik") == [
        "Allmänt", "Täby kommun som arbetsgivare personalpolitik", "Personalstrategi"]


def test_a_heading_may_hold_commas_colons_and_a_compounds_hyphen_in_flat_text(mini_flat):
    # pdftotext prints long headings whole; a colon that opens a list or a verb before it makes no heading
    narrative = ("Allmänt En kommun är en politiskt styrd organisation. Strategi- och utvecklingsarbete för "
                 "demokrati, dialog och delaktighet Täby har en plan. Information: mål och resultat Täby har mål. "
                 "Information till medborgare i form av: Webb och tidning. Målen för information till medborgare "
                 "är: Öppenhet.")
    text = _with_area_1_narrative(mini_flat, narrative).replace(
        "Strategi för demokrati Information till medborgare Poäng",
        "Strategi för demokrati och delaktighet Information till medborgare Poäng")
    assert _area_headings(text, "Område 1 Offentlighet och demokrati") == [
        "Allmänt", "Strategi- och utvecklingsarbete för demokrati, dialog och delaktighet",
        "Information: mål och resultat"]


def test_a_findings_table_that_goes_on_under_its_header_row_on_the_next_page(mini_flat):
    # a -layout copy reads each page's columns apart: the header row printed again on the next page starts a
    # part of its own, and a cell cut by the page break goes on in lower case under it
    text = mini_flat.replace(_TABLE, "Styrkor Öppna nämndsmöten Förbättringsmöjligheter Medborgardialog via")
    text = text.replace("Område 7 Ständiga förbättringar Rubriker", "Styrkor Webbsändningar av KF "
                        "Förbättringsmöjligheter webben Synpunktshantering Område 7 Ständiga förbättringar Rubriker")
    rendering, pages = read_text(text)
    report = parse(Document("mini.txt", "0" * 64, "text", rendering, pages))
    assert [(f.kind, f.text, f.page) for f in report.areas[0].findings] == [
        ("strength", "Öppna nämndsmöten", 4), ("improvement", "Medborgardialog via webben", 4),
        ("strength", "Webbsändningar av KF", 5), ("improvement", "Synpunktshantering", 5)]
    assert report.problems == []
