"""extract.html: a web page becomes one page of lines (headings bold, list items bulleted) and tables."""
from __future__ import annotations

from extract.html import read_html
from extract.model import Cell

PAGE = """<html><head><title>Titel</title><style>p { color: red }</style></head><body>
<nav>Meny Hem Sök</nav>
<h1>Område 1 <b>Offentlighet</b></h1>
<p>Text &amp; mer text<br>andra raden</p>
<ul><li>ett</li><li>två</li></ul>
<table><tr><td>Styrkor</td><td>Förbättringsmöjligheter</td></tr>
<tr><td><ul><li>A</li><li>B</li></ul></td><td>• C • D</td></tr></table>
<p>efter&nbsp;tabellen</p>
<script>var x = "<p>inte text</p>";</script><footer>Sidfot</footer>
</body></html>"""


def test_html_lines_in_order_without_chrome():
    pages = read_html(PAGE)
    assert len(pages) == 1
    assert [(line.text, line.bold) for line in pages[0].lines] == [
        ("Område 1 Offentlighet", True),
        ("Text & mer text", False),
        ("andra raden", False),
        ("• ett", False),
        ("• två", False),
        ("efter tabellen", False),
    ]


def test_html_table_cells_from_li_and_bullet_glyphs():
    page = read_html(PAGE)[0]
    assert len(page.tables) == 1
    table = page.tables[0]
    assert table.rows == (
        (Cell(("Styrkor",)), Cell(("Förbättringsmöjligheter",))),
        (Cell(("A", "B")), Cell(("C", "D"))),
    )
    assert table.before_line == 5  # after the two list items, before "efter tabellen"


def test_cell_lines_split_at_line_breaks():
    page = read_html("<table><tr><td>Styrkor</td><td>Förbättringsmöjligheter</td></tr>"
                     "<tr><td>Öppna möten<br>Webbsändningar</td><td>- Dialog<br/>- Synpunkter</td></tr></table>")[0]
    assert page.tables[0].rows[1] == (Cell(("Öppna möten", "Webbsändningar")), Cell(("Dialog", "Synpunkter")))
