"""Renders a report description (reportdesc) in a house style (reportplan.Style) as a PDF, flat text or markdown.

`build(description, style, fmt, path)` writes the file and returns the expected
tables of what it wrote: the description's, with the page count of the rendering.
The PDF is drawn with tests/pdfbuild.py; the flat text is the same pages, one
line each, as pdftotext-like tools flatten them; the markdown is what document
converters make of the Word file (plain lines, TAB rows with "<ul>" cells); the
paged renderings are what poppler's pdftotext makes of the PDF, plain and with
`-layout` (pages a form feed apart).
"""
from __future__ import annotations

import copy
import shutil
import subprocess
import tempfile
import zlib
from itertools import zip_longest
from pathlib import Path

from helpers.pdfbuild import BOLD, LEFT, RIGHT, PdfBuilder, width
from helpers.reportdesc import expected_tables
from helpers.reportplan import (
    Contents,
    Cover,
    Findings,
    Heading,
    Page,
    Para,
    RubricBox,
    ScoreTable,
    Style,
    YearTable,
    appended_prior_scores,
    plan,
    printed_date,
)

FORMATS = {"pdf": ".pdf", "flat": ".txt", "transcript": ".txt", "markdown": ".md", "paged": ".txt",
           "paged-layout": ".txt", "unpaged": ".txt", "unpaged-layout": ".txt"}
PDFTOTEXT = shutil.which("pdftotext")  # the paged renderings are made with poppler's pdftotext
UL = '<ul style="list-style-type: none">'


def build(description: dict, style: Style, fmt: str, path: Path) -> dict:
    """Writes the report to `path` (its suffix is set by `fmt`) and returns the expected tables: the
    description's, with the page count of the rendering and the earlier scores its appended material prints."""
    pages = plan(description, style)
    date = printed_date(description["report"]["report_date"], style)
    dated_heads = "{date}" in f"{style.head}{style.foot}"
    if fmt == "markdown" or not dated_heads:  # the date is printed on the cover instead
        pages[0] = [Cover([*pages[0][0].lines, date])]
    render = {"pdf": _pdf, "flat": _flat, "transcript": _transcript, "markdown": _markdown, "paged": _paged,
              "paged-layout": _paged_layout, "unpaged": _unpaged, "unpaged-layout": _unpaged_layout}[fmt]
    render(pages, style, date, path)
    expected = copy.deepcopy(description)
    expected["prior_scores"] += appended_prior_scores(style)
    # a PDF has the pages it holds, a text rendering the count its heads print
    page_count = len(_sheets(len(pages), style)) if fmt == "pdf" else len(pages)
    expected["report"]["page_count"] = None if fmt == "markdown" else page_count
    return expected_tables(expected)


def _sheets(count: int, style: Style) -> list[int]:
    """The pages the source holds, by the number their heads print, in its order."""
    order = []
    for number in range(1, count + 1):
        if number != style.dropped_page:
            order.append(number)
        if number == style.repeated_page:
            order.append(number)
    if style.swapped_page in order:
        place = order.index(style.swapped_page)
        order[place:place + 2] = order[place:place + 2][::-1]
    return order


def wrap(text: str, room: float, size: float = 11) -> list[str]:
    """`text` cut into lines no wider than `room` points."""
    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}", size=size) <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


# -- PDF ------------------------------------------------------------------------------------------------------------

def _pdf(pages: list[Page], style: Style, date: str, path: Path) -> None:
    def running(template: str | None) -> str | None:
        return template.replace("{date}", date) if template else None

    pdf = PdfBuilder(head=running(style.head), foot=running(style.foot))
    for number, page in enumerate(pages):
        if number:
            pdf.new_page()
        for block in page:
            _draw(pdf, block)
    order = _sheets(len(pages), style)
    pdf.save(path, order)
    if style.damaged_page or style.not_a_page:
        _damage(path, order, style)


def _damage(path: Path, order: list[int], style: Style) -> None:
    """A compressed content stream whose deflate data is scrambled behind its header (no reader can decode
    it), and a page-tree entry that leads to the page's fonts instead of a page."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=path)
    if style.damaged_page:
        contents = writer.pages[order.index(style.damaged_page)]["/Contents"].get_object()
        packed = zlib.compress(contents.get_data())
        contents.set_data(packed[:2] + bytes(byte ^ 0x5A for byte in packed[2:]))  # the uncompressed stream's
        contents[NameObject("/Filter")] = NameObject("/FlateDecode")  # bytes as they are, then declared packed
    if style.not_a_page:
        kids = writer.root_object["/Pages"]["/Kids"]
        index = order.index(style.not_a_page)
        kids[index] = kids[index].get_object()["/Resources"].raw_get("/Font")
    writer.write(path)


def _paged(pages: list[Page], style: Style, date: str, path: Path) -> None:
    _pdftotext(pages, style, date, path, [])


def _paged_layout(pages: list[Page], style: Style, date: str, path: Path) -> None:
    _pdftotext(pages, style, date, path, ["-layout"])


def _unpaged(pages: list[Page], style: Style, date: str, path: Path) -> None:
    """pdftotext without its form feeds: the text as a PDF viewer's copy gives it."""
    _pdftotext(pages, style, date, path, ["-nopgbrk"])


def _unpaged_layout(pages: list[Page], style: Style, date: str, path: Path) -> None:
    _pdftotext(pages, style, date, path, ["-layout", "-nopgbrk"])


def _pdftotext(pages: list[Page], style: Style, date: str, path: Path, options: list[str]) -> None:
    """The PDF's text as pdftotext gives it; nothing is written where pdftotext is not installed (the tests of
    paged renderings say so)."""
    if PDFTOTEXT is None:
        return
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        _pdf(pages, style, date, pdf)
        subprocess.run([PDFTOTEXT, "-q", *options, str(pdf), str(path)], check=True, timeout=60)


def _draw(pdf: PdfBuilder, block) -> None:
    _DRAWERS[type(block)](pdf, block)


def _draw_cover(pdf: PdfBuilder, cover: Cover) -> None:
    pdf.y = 200
    title_end = next((i for i, line in enumerate(cover.lines) if line[-4:].isdigit()), 0)
    for index, line in enumerate(cover.lines):
        big = index <= title_end
        pdf.line(line, font=BOLD if big else "Helvetica", size=20 if big else 11, leading=30 if big else 15)


def _draw_contents(pdf: PdfBuilder, contents: Contents) -> None:
    for entry, page in contents.entries:
        end = pdf.text(LEFT, pdf.y, entry)
        pdf.text(end + 4, pdf.y, "." * int((500 - end - 8) / width(".")))
        pdf.line(str(page), x=505)


def _draw_heading(pdf: PdfBuilder, heading: Heading) -> None:
    if heading.level == 3:
        pdf.skip(8)
        pdf.line(heading.text, font=BOLD, size=11.5)
    else:
        pdf.heading(heading.text, size=16 if heading.level == 1 else 14)


def _draw_para(pdf: PdfBuilder, para: Para) -> None:
    lines = wrap(para.text, RIGHT - LEFT)
    for line in lines[:-1]:
        pdf.justified(line)
    pdf.line(lines[-1])
    pdf.skip(4)


def _draw_year_table(pdf: PdfBuilder, table: YearTable) -> None:
    pdf.skip(8)
    pdf.row((LEFT, "Område"), *((400 + 60 * i, str(year)) for i, year in enumerate(table.years)), font=BOLD)
    for label, values in table.rows:
        pdf.row((LEFT, label), *((404 + 60 * i, str(value)) for i, value in enumerate(values) if value is not None))


def _draw_rubrics(pdf: PdfBuilder, box: RubricBox) -> None:
    pdf.skip(6)
    columns = [str(year) for year in box.years] if box.years else ["Poäng"]
    pdf.row((LEFT, "Rubriker"), *((455 - 55 * (len(columns) - 1 - i), column) for i, column in enumerate(columns)),
            font=BOLD, size=10.5)
    top = pdf.y
    pdf.lines(box.items, size=10.5)
    for i, score in enumerate(box.cells):
        if score:  # an empty cell: the year did not score the area
            pdf.text(459 - 55 * (len(box.scores) - 1 - i), top + 17.7, score, font=BOLD,
                     size=20 if len(box.scores) == 1 else 14)
    pdf.skip(10)


def _bulleted(items: list[str], bullet_x: float, room: float) -> list[tuple[float, str]]:
    """Lines of bulleted items: the bullet line at `bullet_x`, continuations under the text."""
    lines = []
    for item in items:
        for index, part in enumerate(wrap(item, room)):
            lines.append((bullet_x, f"• {part}") if index == 0 else (bullet_x + 10, part))
    return lines


def _draw_findings(pdf: PdfBuilder, findings: Findings) -> None:
    left_header, right_header = findings.headers
    pdf.skip(8)
    if findings.as_lists:
        for header, items in ((left_header, findings.strengths), (right_header, findings.improvements)):
            pdf.line(header, font=BOLD)
            for x, text in _bulleted(items, 76, 420):
                pdf.line(text, x=x)
            pdf.skip(6)
        return
    pdf.row((LEFT, left_header), (300, right_header), font=BOLD)
    left, right = _bulleted(findings.strengths, 76, 200), _bulleted(findings.improvements, 304, 200)
    for left_line, right_line in zip_longest(left, right, fillvalue=(0, "")):
        pdf.row(left_line, right_line)


def _draw_score_table(pdf: PdfBuilder, table: ScoreTable) -> None:
    pdf.skip(8)
    pdf.row((LEFT, f"{table.area_no}. {table.title}"), (380, "Uppnått"), (430, "Max"), (480, "Procent"), font=BOLD)
    for row in table.rows:
        question = wrap(row["text"], 265)
        pdf.row((LEFT, row["code"]), (100, question[0]), (392, str(row["achieved"])), (434, str(row["max"])),
                (488, f"{row['percent']} %"))
        for rest in question[1:]:
            pdf.row((100, rest))
    pdf.row((392, str(table.score)), (434, "100"), (488, f"{table.score} %"), font=BOLD)


# -- flat text: one line per page -------------------------------------------------------------------------------

def _flat(pages: list[Page], style: Style, date: str, path: Path) -> None:
    path.write_text("\n".join(_flat_pages(pages, style, date)) + "\n", encoding="utf-8")


def _transcript(pages: list[Page], style: Style, date: str, path: Path) -> None:
    """A web transcript: the page furniture of a document site, then each page numbered, a blank line apart."""
    title = " ".join(pages[0][0].lines)
    site = [title, "Storlek: px", "Starta visningen från sidan:", f'Download "{title}"', "Transkript"]
    numbered = [f"{number} {text}" for number, text in enumerate(_flat_pages(pages, style, date), start=1)]
    path.write_text("\n\n".join([*site, *numbered]) + "\n", encoding="utf-8")


def _flat_pages(pages: list[Page], style: Style, date: str) -> list[str]:
    """Each page the source holds as one line of text, with its running head and foot."""
    lines = []
    for number in _sheets(len(pages), style):
        text = " ".join(_flat_block(block) for block in pages[number - 1])
        if number > 1:
            values = {"date": date, "page": number, "pages": len(pages)}
            head = style.head.format(**values) if style.head else ""
            foot = style.foot.format(**values) if style.foot else ""
            text = " ".join(part for part in (head, text, foot) if part)
        lines.append(text)
    return lines


def _flat_block(block) -> str:
    if isinstance(block, Cover):
        return " ".join(block.lines)
    if isinstance(block, Contents):
        return " ".join(f"{entry}... {page}" for entry, page in block.entries)
    if isinstance(block, (Heading, Para)):
        return block.text
    if isinstance(block, RubricBox):
        columns = " ".join(map(str, block.years)) if block.years else "Poäng"
        return f"Rubriker {' '.join(block.items)} {columns} {' '.join(cell for cell in block.cells if cell)}"
    if isinstance(block, Findings):
        return " ".join([block.headers[0], *block.strengths, block.headers[1], *block.improvements])
    if isinstance(block, ScoreTable):
        rows = " ".join(f"{r['code']} {r['text']} {r['achieved']} {r['max']} {r['percent']} %" for r in block.rows)
        return f"{block.area_no}. {block.title} Uppnått Max Procent {rows} {block.score} 100 {block.score} %"
    if isinstance(block, YearTable):
        rows = " ".join(f"{label} {' '.join(str(value) for value in values if value is not None)}"
                        for label, values in block.rows)
        return f"Område {' '.join(map(str, block.years))} {rows}"
    raise TypeError(block)


# -- markdown with HTML fragments ---------------------------------------------------------------------------------

def _markdown(pages: list[Page], style: Style, date: str, path: Path) -> None:
    text = "\n\n".join(_markdown_block(block, style) for page in pages for block in page)
    text = text.replace("\t", style.markdown_tab)
    if style.markdown_tab_stops:
        text = "\n".join(line.expandtabs(style.markdown_tab_stops) for line in text.split("\n"))
    path.write_text(text + "\n", encoding="utf-8")


def _html_list(items: list[str], style: Style) -> str:
    if style.markdown_rubric_items == "li":
        return UL + "".join(f"<li>• {item}</li>" for item in items) + "</ul>"
    return UL + "".join(f"• {item}" for item in items)


def _markdown_block(block, style: Style) -> str:
    if isinstance(block, Cover):
        return "\n\n".join(block.lines)
    if isinstance(block, Contents):
        return "\n".join(f"{entry}\t{page}" for entry, page in block.entries)
    if isinstance(block, (Heading, Para)):
        return block.text
    if isinstance(block, RubricBox):
        columns = "\t".join(map(str, block.years)) if block.years else "Poäng"
        return f"Rubriker\t{columns}\n{_html_list(block.items, style)}\t" + "\t".join(block.cells)
    if isinstance(block, Findings):
        if block.as_lists:
            return "\n\n".join(f"{header}\n\n" + "\n".join(f"- {item}" for item in items) for header, items in
                               ((block.headers[0], block.strengths), (block.headers[1], block.improvements)))
        cells = "\t".join(UL + "".join(f" • {item}" for item in items)
                          for items in (block.strengths, block.improvements))
        return f"{block.headers[0]}\t{block.headers[1]}\n{cells}"
    if isinstance(block, ScoreTable):
        rows = [f"{block.area_no}.\t{block.title}\tUppnått\tMax\tProcent",
                *(f"{r['code']}\t{r['text']}\t{r['achieved']}\t{r['max']}\t{r['percent']} %" for r in block.rows),
                f"\t\t{block.score}\t100\t{block.score} %"]
        return "\n".join(rows)
    if isinstance(block, YearTable):
        rows = ["Område\t" + "\t".join(map(str, block.years)),
                *(f"{label}\t" + "\t".join("" if value is None else str(value) for value in values)
                  for label, values in block.rows)]
        return "\n".join(rows)
    raise TypeError(block)


_DRAWERS = {Cover: _draw_cover, Contents: _draw_contents, Heading: _draw_heading, Para: _draw_para,
            RubricBox: _draw_rubrics, Findings: _draw_findings, ScoreTable: _draw_score_table,
            YearTable: _draw_year_table}
