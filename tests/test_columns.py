"""extract.columns: the reading order of pdftotext's -layout pages."""
from __future__ import annotations

from extract.columns import reading_order, tables_across_pages

FINDINGS = """\
Styrkor                                             Förbättringsmöjligheter
 • Aktivt arbete med e-tjänster                      • Utveckla jämförelser med andra
 • Öppna nämndsmöten med                               kommuner
   webbsändning                                      • Tydligare koppling mellan mål och
 • Väl fungerande medarbetarsamtal                     resurser"""

RUBRICS = """\
Rubriker                                                                           Poäng
Strategi för demokratiutveckling
Dialog och medborgarmedverkan
                                                                                   64
Etik och motverkan av korruption"""

SCORES = """\
1.      Offentlighet och demokrati                                 Uppnått   Max   Procent
1.1     Finns en plan/strategi för demokratiutveckling och             10     15     67 %
        information?
1.2     Informeras invånarna om aktuella frågor i politiken?           13     20     65 %
                                                                       64    100     64 %"""


def _words(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines]


def test_two_text_columns_are_read_one_after_the_other():
    assert _words(reading_order(FINDINGS.splitlines())) == [
        "Styrkor", "• Aktivt arbete med e-tjänster", "• Öppna nämndsmöten med", "webbsändning",
        "• Väl fungerande medarbetarsamtal", "Förbättringsmöjligheter", "• Utveckla jämförelser med andra",
        "kommuner", "• Tydligare koppling mellan mål och", "resurser"]


def test_a_score_beside_a_list_follows_the_list():
    assert _words(reading_order(RUBRICS.splitlines())) == [
        "Rubriker", "Strategi för demokratiutveckling", "Dialog och medborgarmedverkan",
        "Etik och motverkan av korruption", "Poäng", "64"]


def test_rows_that_end_in_numbers_are_read_row_by_row_with_their_wrapped_text():
    assert _words(reading_order(SCORES.splitlines())) == [
        "1. Offentlighet och demokrati Uppnått Max Procent",
        "1.1 Finns en plan/strategi för demokratiutveckling och information? 10 15 67 %",
        "1.2 Informeras invånarna om aktuella frågor i politiken? 13 20 65 %", "64 100 64 %"]


def test_contents_entries_keep_their_page_numbers():
    contents = ["Innehåll", "Område 1 Offentlighet och demokrati .............        4",
                "Område 2 Tillgänglighet och brukarorientering ...        5"]
    assert _words(reading_order(contents)) == [
        "Innehåll", "Område 1 Offentlighet och demokrati ............. 4",
        "Område 2 Tillgänglighet och brukarorientering ... 5"]


def test_blocks_are_read_apart_and_text_without_wide_gaps_keeps_its_order():
    lines = ["Sveriges Kommuner och Landsting          2019-04-09          11 (28)", "", "",
             "Kommunen har ett tydligt arbete", "inom styrning.", "", *RUBRICS.splitlines()]
    assert _words(reading_order(lines))[:4] == [
        "Sveriges Kommuner och Landsting 2019-04-09 11 (28)", "Kommunen har ett tydligt arbete", "inom styrning.",
        "Rubriker"]


def test_a_score_between_blank_lines_beside_its_list_follows_the_list():
    # the score stands halfway down the list with a blank line above it: the list reads on, then the score
    lines = ["Område 2 Tillgänglighet och brukarorientering",
             "Rubriker                                                                       Poäng",
             "Strategi för brukarorientering", "Tillgänglighet och bemötande", "",
             "                                                                               66",
             "Information om service och tjänster", "Valfrihet", "", "",
             "Allmänt", "Med brukarorientering avses att kommunen ska ha ett gemensamt förhållningssätt till sina "
             "brukare och att den ska vara tydlig."]
    assert _words(reading_order(lines)) == [
        "Område 2 Tillgänglighet och brukarorientering", "Rubriker", "Strategi för brukarorientering",
        "Tillgänglighet och bemötande", "Information om service och tjänster", "Valfrihet", "Poäng", "66",
        "Allmänt", "Med brukarorientering avses att kommunen ska ha ett gemensamt förhållningssätt till sina "
        "brukare och att den ska vara tydlig."]


def test_a_page_number_alone_is_no_cell_of_the_text_before_it():
    lines = ["Kommunen har ett tydligt arbete", "inom styrning.", "", "                                        16"]
    assert _words(reading_order(lines)) == ["Kommunen har ett tydligt arbete", "inom styrning.", "16"]


def test_bullets_printed_on_lines_of_their_own_go_back_before_their_texts():
    lines = ["Rubriker                                          Poäng", "•   Strategi för brukarfokus", "•", "•",
             "    Information om service och tjänster", "    Brukar-/kundundersökningar",
             "                                                   75", "•   Deklarationer och klagomålshantering"]
    assert _words(reading_order(lines)) == [
        "Rubriker", "• Strategi för brukarfokus", "• Information om service och tjänster",
        "• Brukar-/kundundersökningar", "• Deklarationer och klagomålshantering", "Poäng", "75"]


def test_a_table_cut_by_a_page_break_reads_each_column_whole():
    # the next page lays the table out anew, its gutter a few characters off, and goes on with both cells
    first = ["Text före tabellen.", "", "Styrkor                                     Förbättringsmöjligheter",
             "– Utvecklad processtyrning                  – Utveckla strategin kring resultat",
             "– Välutvecklad samverkan med andra          – Rapportering till cheferna för att", "", "",
             "                                   19"]
    second = ["                        KommunKompassen – Sollentuna kommun 2015", "", "",
              "organisationer och frivilligkrafter     följa effektivitetsutveckling",
              "                                        – Tätare möjlighet att följa utfall", "", "Område 6"]
    pages = tables_across_pages([first, second])
    assert _words(reading_order(pages[0])) == [
        "Text före tabellen.", "Styrkor", "– Utvecklad processtyrning", "– Välutvecklad samverkan med andra",
        "organisationer och frivilligkrafter", "Förbättringsmöjligheter", "– Utveckla strategin kring resultat",
        "– Rapportering till cheferna för att", "följa effektivitetsutveckling", "– Tätare möjlighet att följa utfall",
        "19"]
    assert _words(reading_order(pages[1])) == ["KommunKompassen – Sollentuna kommun 2015", "Område 6"]


def test_a_page_that_opens_with_a_new_table_is_not_joined_to_the_one_before():
    first = ["Styrkor                                     Förbättringsmöjligheter",
             "– Utvecklad processtyrning                  – Utveckla strategin"]
    second = ["Styrkor                                     Förbättringsmöjligheter",
              "– Gemensam introduktion                     – Samla rekryteringsbehoven"]
    assert tables_across_pages([first, second]) == [first, second]


def test_a_left_column_that_goes_on_alone_after_a_page_break_stays_left():
    first = ["Styrkor                                     Förbättringsmöjligheter",
             "– Strategi för extern kommunikation         – Premiera de som utmärker sig",
             "– Utbildning av anställda                   – Servicedeklarationer",
             "– Regelbunden mätning av tillgängligheten", "", "                    11"]
    second = ["          KommunKompassen – Sollentuna kommun 2018", "", "– Kontaktcenter, en dörr in, utvecklas",
              "  och förfinas", "– Synpunktshantering", "", "Område 3 Politisk styrning och kontroll",
              "I en kommun beställer politiken genomförandet av ett uppdrag av en utförarorganisation."]
    pages = tables_across_pages([first, second])
    assert _words(reading_order(pages[0])) == [
        "Styrkor", "– Strategi för extern kommunikation", "– Utbildning av anställda",
        "– Regelbunden mätning av tillgängligheten", "– Kontaktcenter, en dörr in, utvecklas", "och förfinas",
        "– Synpunktshantering", "Förbättringsmöjligheter", "– Premiera de som utmärker sig",
        "– Servicedeklarationer", "11"]
    assert _words(reading_order(pages[1]))[1] == "Område 3 Politisk styrning och kontroll"


def test_narrative_after_a_table_on_the_next_page_is_not_joined_to_it():
    first = ["Styrkor                                     Förbättringsmöjligheter",
             "– Strategi för extern kommunikation         – Premiera de som utmärker sig"]
    second = ["Kommunen har under året arbetat med sin strategi för extern kommunikation och tillgänglighet.",
              "Den antogs av kommunfullmäktige i mars."]
    assert tables_across_pages([first, second]) == [first, second]


def test_a_header_row_alone_at_a_pages_end_heads_the_columns_on_the_next_page():
    first = ["Kommunen har ett tydligt arbete inom ledarskap och delegation, som följs upp varje år.", "",
             "Styrkor                                            Förbättringsmöjligheter", "", "",
             "                                              16"]
    second = ["                        KommunKompassen – Sollentuna kommun 2018", "",
              "– Tydliga delegationer gällande ekonomi        – Överskott- och underskottshantering",
              "– Intern ledningskedja                         – Chefskontrakt", "– Chefsstöd"]
    pages = tables_across_pages([first, second])
    assert _words(reading_order(pages[0]))[1:] == [
        "Styrkor", "– Tydliga delegationer gällande ekonomi", "– Intern ledningskedja", "– Chefsstöd",
        "Förbättringsmöjligheter", "– Överskott- och underskottshantering", "– Chefskontrakt", "16"]
    assert _words(reading_order(pages[1])) == ["KommunKompassen – Sollentuna kommun 2018"]
    # a page's foot, with its date and number, heads no columns
    foot = ["Sveriges Kommuner och Landsting                 2018-06-19   16 (21)"]
    assert tables_across_pages([foot, second[2:]]) == [foot, second[2:]]
