"""extract.text: which plain-text rendering a file is, its pages, and the running head split off each page."""
from __future__ import annotations

from extract.text import read_text

HEAD = "Sveriges Kommuner och Landsting 2018-06-19 {} (5)"


def _flat() -> str:
    return "\n".join([
        "KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2018 Anders Dryselius, Hylte kommun",
        HEAD.format(2) + " Innehåll 1 Vad är Kommunkompassen?... 3",
        HEAD.format(3) + " 1 Vad är Kommunkompassen? Kommunkompassen är ett verktyg.",
        HEAD.format(4) + " Detta är sidan fyra.",
        HEAD.format(5) + " Sista sidan har också text.",
    ])


def test_flat_rendering_has_one_page_per_line():
    rendering, pages = read_text(_flat())
    assert rendering == "flat"
    assert [page.number for page in pages] == [1, 2, 3, 4, 5]


def test_flat_rendering_splits_running_head_off_each_page():
    _, pages = read_text(_flat())
    assert [line.text for line in pages[2].lines] == [
        "Sveriges Kommuner och Landsting 2018-06-19 3 (5)",
        "1 Vad är Kommunkompassen? Kommunkompassen är ett verktyg.",
    ]
    assert all(line.page == 3 for line in pages[2].lines)


def test_flat_cover_without_head_stays_one_line():
    _, pages = read_text(_flat())
    assert [line.text for line in pages[0].lines] == [
        "KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2018 Anders Dryselius, Hylte kommun"]


def _transcript() -> str:
    return "\n".join([
        "KommunKompassen ANALYS AV X KOMMUN 2015",
        "Storlek: px",
        "Transkript",
        "",
        "1 KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2015 RAPPORT",
        "",
        "2 Sveriges Kommuner och Landsting (4) Innehåll 1 Vad är Kommunkompassen?",
        "",
        "3 Sveriges Kommuner och Landsting (4) Första stycket på sidan tre",
        "fortsätter på nästa rad.",
        "",
        "4 Sveriges Kommuner och Landsting (4) Sidan fyra är den sista.",
    ])


def test_transcript_is_detected_by_numbered_pages():
    rendering, pages = read_text(_transcript())
    assert rendering == "transcript"
    assert [page.number for page in pages] == [1, 2, 3, 4]


def test_transcript_drops_web_chrome_and_joins_continuation_lines():
    _, pages = read_text(_transcript())
    assert [line.text for line in pages[0].lines] == ["KommunKompassen ANALYS AV SOLLENTUNA KOMMUN 2015 RAPPORT"]
    assert [line.text for line in pages[2].lines] == [
        "Sveriges Kommuner och Landsting (4)",
        "Första stycket på sidan tre fortsätter på nästa rad.",
    ]


def test_transcript_needs_three_numbered_pages():
    rendering, _ = read_text("1 Första sidan\n2 Andra sidan\n")
    assert rendering == "flat"


def test_form_feeds_make_a_paged_rendering_with_lines_kept():
    text = "KommunKompassen\nANALYS AV TÄBY KOMMUN\n\fSKL 2 (3)\nRad ett\n  Rad två  \n\fSKL 3 (3)\nSlut\n\f\n"
    rendering, pages = read_text(text)
    assert rendering == "paged"
    assert [[line.text for line in page.lines] for page in pages] == [
        ["KommunKompassen", "ANALYS AV TÄBY KOMMUN"],
        ["SKL 2 (3)", "Rad ett", "Rad två"],
        ["SKL 3 (3)", "Slut"],
    ]
    assert [line.page for line in pages[1].lines] == [2, 2, 2]


def test_a_page_pdftotext_gave_no_text_stays_a_page_and_spaces_are_single():
    text = "Omslag\n\fSKL 2 (4)\n\nEtt  stycke   text\n\f\n\fSKL 4 (4)\nSlut\n\f"
    rendering, pages = read_text(text)
    assert rendering == "paged"
    assert [(page.number, [line.text for line in page.lines]) for page in pages] == [
        (1, ["Omslag"]), (2, ["SKL 2 (4)", "Ett stycke text"]), (3, []), (4, ["SKL 4 (4)", "Slut"])]


def test_flat_rendering_splits_repeated_footer_off_each_page():
    bodies = ["Kommunen har en vision.", "Politiken styr via mål.", "Chefer får stöd.", "Resultat följs upp noga.",
              "Personalen trivs."]
    text = "\n".join(["Omslag"] + [f"{body} KommunKompassen Täby 2017 {n}" for n, body in zip(range(2, 7), bodies)])
    _, pages = read_text(text)
    assert [line.text for line in pages[3].lines] == ["Chefer får stöd.", "KommunKompassen Täby 2017 4"]


def test_running_head_does_not_swallow_a_word_that_starts_half_the_pages():
    head = "Sveriges Kommuner och Landsting 2017-05-02 {} (5)"
    text = "\n".join([
        "KommunKompassen ANALYS AV TÄBY KOMMUN 2017",
        head.format(2) + " Innehåll och annat",
        head.format(3) + " 1 Vad är Kommunkompassen? Text.",
        head.format(4) + " Område 1 Offentlighet och demokrati Rubriker",
        head.format(5) + " Område 7 Ständiga förbättringar Rubriker",
    ])
    _, pages = read_text(text)
    assert [line.text for line in pages[3].lines] == [
        "Sveriges Kommuner och Landsting 2017-05-02 4 (5)",
        "Område 1 Offentlighet och demokrati Rubriker",
    ]



def test_numbered_chapters_without_a_running_head_are_no_transcript_pages():
    text = ("KommunKompassen\nANALYS AV SOLNA STAD 2019\n1 Vad är Kommunkompassen?\nKommunkompassen sedan år 2002.\n"
            "2 Solna i förhållande till Kommunkompassen\nText.\n3 Detaljerad genomgång per område\nMer text.\n")
    shape, pages = read_text(text)
    assert shape == "flat" and len(pages) == len(text.splitlines())


def _unpaged(head_lines: list[str], bodies: list[str]) -> str:
    return "".join(head + "\n" + body + "\n" for head, body in zip(head_lines, bodies))


def test_a_copy_without_page_breaks_is_cut_at_its_heads_page_numbers_and_keeps_its_offsets():
    # a page of a copy holds many lines (a flat copy's page is one line, which its head may end with "2 (4)")
    bodies = [first + "".join(f"\nRad {n} av {first.split()[0]}." for n in range(6))
              for first in ("Omslag", "Innehåll Område 1", "Område 1 Offentlighet", "Styrkor Förbättringsmöjligheter")]
    heads = ["KommunKompassen", *(f"Sveriges Kommuner och Landsting 2019-04-09 {n} (4)" for n in (2, 3, 4))]
    text = _unpaged(heads, bodies)
    shape, pages = read_text(text)
    assert shape == "paged"
    assert [[line.text for line in page.lines] for page in pages] == [
        [head, *body.splitlines()] for head, body in zip(heads, bodies)]
    line = pages[2].lines[1]
    start, end = line.source_span(0, len(line.text))
    assert text[start:end] == "Område 1 Offentlighet"  # the pages cut where newlines stood: offsets unchanged


def test_a_copy_without_page_breaks_is_cut_where_its_running_head_starts_each_page():
    # footers with bare numbers, which pdftotext may put anywhere on the page: the head starts each page
    bodies = [f"Sida {n} text\nmer\n{n}\ntext\npå\nsidan {n}" for n in range(2, 9)]
    text = "Omslag\nKommunKompassen 2019\n" + "".join(f"KommunKompassen – Solna stad 2019\n{body}\n" for body in bodies)
    shape, pages = read_text(text)
    assert shape == "paged" and len(pages) == 1 + len(bodies)
    assert [page.lines[0].text for page in pages[1:]] == ["KommunKompassen – Solna stad 2019"] * len(bodies)
    assert [page.lines[-1].text for page in pages[1:]] == [f"sidan {n}" for n in range(2, 9)]


def test_a_few_numbers_alone_on_lines_are_no_page_marks():
    text = "Poäng\n2\n3\n4\nSlut\n"
    assert read_text(text)[0] == "flat"
