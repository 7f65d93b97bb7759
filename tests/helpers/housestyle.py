"""A house-style lab: a whole report written from a gold description as a Word file, made a PDF by LibreOffice.

The PDFs the project meets are made by Word from a municipality's or SKL's
template, and templates differ in what a reader of the layout leans on: fonts
and sizes, how headings stand out (bold, larger, italic, coloured, numbered),
how an area heading is set, how the findings and the rubric box are laid out,
margins, running heads and the table of contents. `HouseStyle` names one such
template; `write_docx()` writes a gold description (the shared gold format: ../shared/gold/README.md)
in it, `to_pdf()` converts a batch of Word files at once (LibreOffice starts
slowly) and `rendered_gold()` is the gold of the PDF: what it prints.
"""
from __future__ import annotations

import copy
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import pypdfium2
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from domain.catalog import area as catalog_area
from helpers.built import fetch, keep, program_version, recipe_key

ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte"}
BLUE = "1F497D"


@dataclass(frozen=True)
class Look:
    """How a kind of heading is set; a size of None is the body size."""

    size: float | None = None
    bold: bool = True
    italic: bool = False
    colour: str | None = None  # hex RGB


@dataclass(frozen=True)
class HouseStyle:
    name: str
    font: str = "Liberation Sans"
    body_size: float = 11
    chapter: Look = Look(16)
    area: Look = Look(14)
    sub: Look = Look(12)
    numbered_subs: bool = False  # "3.1.2 Allmänt"
    area_heading: str = "Område {n} {title}"  # "Område {n} – {title}"; "Område {n}\n{title}": two lines
    findings: str = "table"  # "table": one row of two lists; "pairs": a strength and an improvement a row; "lists"
    table_borders: bool = True
    bullet: str = "•"  # "1.": numbered items
    score_line: bool = False  # "Poäng: 76" under the rubric list instead of a "Poäng" column
    margins_cm: float = 2.5
    head: str | None = "Sveriges Kommuner och Landsting {date} {page} ({pages})"
    foot: str | None = None
    head_align: str = "left"  # "left", "right", "center"
    foot_align: str = "left"
    leaders: bool = True  # dot leaders in the table of contents
    strengths_header: str = "Styrkor"
    improvements_header: str = "Förbättringsmöjligheter"


# -- the gold of a rendering -----------------------------------------------------------------------------------

def rendered_gold(gold: dict, pdf: Path) -> dict:
    """The gold of `pdf` rendered from `gold`: items the source could not place go last in the strengths
    column (as the project's gold renderer does), and the file name and page count are the PDF's."""
    rendered = copy.deepcopy(gold)
    rendered["source"] = {"file": pdf.name, "rendering": "pdf"}
    for area in rendered["areas"]:
        area["strengths"] += area["ambiguous"]
        area["ambiguous"] = []
    document = pypdfium2.PdfDocument(pdf)
    rendered["report"]["page_count"] = len(document)
    document.close()
    return rendered


# -- the Word file ---------------------------------------------------------------------------------------------

def write_docx(gold: dict, style: HouseStyle, path: Path) -> Path:
    """The report of `gold` as a Word file in `style`."""
    writer = _Writer(gold, style)
    writer.write()
    writer.doc.save(str(path))
    return path


def to_pdf(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """The Word files converted to PDF by one LibreOffice run (those converted before come from the store of
    built documents); the PDFs, in the same order."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise FileNotFoundError("soffice (apt-get install libreoffice-writer)")
    out_dir.mkdir(parents=True, exist_ok=True)
    keys = {path: recipe_key(["soffice", *_entries(path), program_version("soffice")]) for path in docx_files}
    missing = [path for path in docx_files if not fetch(keys[path], out_dir / f"{path.stem}.pdf")]
    if missing:
        profile = out_dir / "lo-profile"  # a profile of its own, so that a LibreOffice already running is no bar
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out_dir), *map(str, missing)], check=True, capture_output=True, timeout=600)
        shutil.rmtree(profile, ignore_errors=True)
        for path in missing:
            keep(keys[path], out_dir / f"{path.stem}.pdf")
    return [out_dir / f"{path.stem}.pdf" for path in docx_files]


def _entries(docx: Path) -> list[bytes | str]:
    """A Word file's parts by name and content: its zip's time stamps differ between builds of one recipe."""
    with zipfile.ZipFile(docx) as archive:
        return [part for name in sorted(archive.namelist()) for part in (name, archive.read(name))]


class _Writer:
    def __init__(self, gold: dict, style: HouseStyle):
        self.gold, self.style = gold, style
        self.report = gold["report"]
        self.name = f"{self.report['municipality']} {self.report['municipality_suffix']}"
        self.doc = Document()
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = style.font, Pt(style.body_size)
        normal.element.rPr.rFonts.set(qn("w:eastAsia"), style.font)
        normal.paragraph_format.space_after = Pt(6)
        section = self.doc.sections[0]
        section.left_margin = section.right_margin = Cm(style.margins_cm)
        section.top_margin = section.bottom_margin = Cm(max(1.5, style.margins_cm))

    @property
    def text_width(self) -> float:
        """The width of the text block in cm."""
        return 21.0 - 2 * self.style.margins_cm

    def write(self) -> None:
        self._running_heads()
        self._cover()
        self._page_break()
        self._contents()
        self._page_break()
        self._heading("1. Vad är Kommunkompassen?", self.style.chapter)
        self._para("Kommunkompassen är ett verktyg för att analysera och utvärdera hur en kommun leds, styrs och "
                   "utvecklas. Analysen tar sin utgångspunkt i samspelet mellan")
        for item in ("det politiska systemet", "kommunens tjänster till invånarna", "kommunen som arbetsplats"):
            self._bulleted(self.doc, item, self.style.bullet if self.style.bullet != "1." else "•")
        self._para("Bedömningen görs inom åtta huvudområden som vart och ett kan ge högst 100 poäng.")
        self._page_break()
        self._heading(f"2. {self.name} i förhållande till Kommunkompassen", self.style.chapter)
        self._para(self._summary())
        self._page_break()
        self._heading("3. Detaljerad genomgång per område", self.style.chapter)
        for index, area in enumerate(self.gold["areas"]):
            if index:
                self._page_break()
            self._area(area)
        if self.gold["subquestions"]:
            self._page_break()
            self._scores()
            self._page_break()
            self._heading(f"5 Kortfakta om {self.name}", self.style.chapter)
            self._table([["Kommungrupp enligt SKL:s indelning", "Större stad"],
                         ["Antal invånare", "44 344"], ["Skattesats", "22,59 %"]], [9, 6], borders=False)

    # -- furniture ---------------------------------------------------------------------------------------------

    def _running_heads(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        aligns = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                  "center": WD_ALIGN_PARAGRAPH.CENTER}
        for template, part, align in ((self.style.head, section.header, self.style.head_align),
                                      (self.style.foot, section.footer, self.style.foot_align)):
            if not template:
                continue
            paragraph = part.paragraphs[0]
            paragraph.alignment = aligns[align]
            text = template.replace("{date}", self.report["report_date"] or "")
            text = text.replace("{name}", self.name).replace("{year}", str(self.report["year"]))
            for piece in _split_fields(text):
                if piece in ("{page}", "{pages}"):
                    _field(paragraph, "PAGE" if piece == "{page}" else "NUMPAGES", self.style.body_size - 2)
                elif piece:
                    paragraph.add_run(piece).font.size = Pt(self.style.body_size - 2)

    def _cover(self) -> None:
        for text, size in (("KommunKompassen", 28), ("ANALYS AV", 16), (self.name.upper(), 20),
                           (str(self.report["year"]), 20)):
            run = self.doc.add_paragraph().add_run(text)
            run.bold, run.font.size = True, Pt(size)
        self._para("Utvärderare:")
        for person in self.report["evaluators"]:
            self._para(person)
        if self.report["report_date"]:
            self._para(self.report["report_date"])

    def _contents(self) -> None:
        self._heading("Innehåll", self.style.chapter)
        version = self.report["criteria_version"]
        titles = {area["area_no"]: area["title"] for area in self.gold["areas"]}
        entries = ["1. Vad är Kommunkompassen?", f"2. {self.name} i förhållande till Kommunkompassen",
                   "3. Detaljerad genomgång per område"]
        entries += [self._area_title_line(n, titles.get(n) or catalog_area(version, n).title) for n in range(1, 9)]
        entries += ["4. Översikt av poängfördelning", f"5 Kortfakta om {self.name}"]
        leader = WD_TAB_LEADER.DOTS if self.style.leaders else WD_TAB_LEADER.SPACES
        for page, entry in enumerate(entries, start=3):
            paragraph = self.doc.add_paragraph(f"{entry}\t{page}")
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(self.text_width - 0.1), WD_TAB_ALIGNMENT.RIGHT,
                                                              leader)
            paragraph.paragraph_format.space_after = Pt(2)
            if entry.startswith("Område"):
                paragraph.paragraph_format.left_indent = Cm(0.5)

    def _summary(self) -> str:
        report = self.report
        text = f"Utvärderingen av {self.name} genomfördes i {report['evaluation_period']}"
        number = report["evaluation_number"]
        text += f" och var kommunens {ORDINALS[number]} utvärdering." if number else "."
        if report["total_score"] is not None:
            text += f" Totalt fick {self.name} {report['total_score']} poäng av 800 möjliga"
            earlier = [p for p in self.gold["prior_scores"] if p["area_no"] is None and p["where"] == "text"]
            text += f", jämfört med {earlier[0]['year']} ({earlier[0]['score']} poäng)." if earlier else "."
        return text

    # -- areas -------------------------------------------------------------------------------------------------

    def _area_title_line(self, n: int, title: str) -> str:
        return self.style.area_heading.format(n=n, title=title).replace("\n", " ")

    def _area(self, area: dict) -> None:
        for line in self.style.area_heading.format(n=area["area_no"], title=area["title"]).split("\n"):
            self._heading(line, self.style.area, keep_with_next=True)
        self._rubrics(area)
        for number, section in enumerate(area["sections"], start=1):
            heading = section["heading"]
            if self.style.numbered_subs:
                heading = f"3.{area['area_no']}.{number} {heading}"
            self._heading(heading, self.style.sub, keep_with_next=True)
            self._para(section["text"])
        if area["findings_present"]:
            self._findings(area)

    def _rubrics(self, area: dict) -> None:
        if self.style.score_line:
            self._heading("Rubriker", Look(), keep_with_next=True)
            for rubric in area["rubrics"]:
                self._bulleted(self.doc, rubric, "•")
            self._para(f"Poäng: {area['score']}", bold=True)
            return
        table = self._table([["Rubriker", "Poäng"], ["", str(area["score"])]], [self.text_width - 3, 3],
                            bold_first_row=True)
        cell = table.rows[1].cells[0]
        for rubric in area["rubrics"]:
            self._bulleted(cell, rubric, "•")
        _drop_first_paragraph(cell)

    def _findings(self, area: dict) -> None:
        style = self.style
        # items the source could not place are printed last in the strengths column, as rendered_gold() says
        strengths, improvements = area["strengths"] + area["ambiguous"], area["improvements"]
        headers = [style.strengths_header, style.improvements_header]
        half = self.text_width / 2
        self.doc.add_paragraph()
        if style.findings == "lists":
            for header, items in zip(headers, (strengths, improvements)):
                self._heading(header, Look(), keep_with_next=True)
                for number, item in enumerate(items, start=1):
                    self._bulleted(self.doc, item, f"{number}." if style.bullet == "1." else style.bullet)
            return
        if style.findings == "pairs":
            rows = [headers, *([s or "", i or ""] for s, i in zip_longest(strengths, improvements))]
            table = self._table(rows, [half, half], bold_first_row=True, borders=style.table_borders)
            for row in table.rows[1:]:
                for cell in row.cells:
                    item = cell.text
                    if item:
                        cell.paragraphs[0].text = ""
                        self._bulleted(cell, item, style.bullet)
                        _drop_first_paragraph(cell)
            return
        table = self._table([headers, ["", ""]], [half, half], bold_first_row=True, borders=style.table_borders)
        for cell, items in zip(table.rows[1].cells, (strengths, improvements)):
            for number, item in enumerate(items, start=1):
                self._bulleted(cell, item, f"{number}." if style.bullet == "1." else style.bullet)
            _drop_first_paragraph(cell)

    # -- section 4 ---------------------------------------------------------------------------------------------

    def _scores(self) -> None:
        self._heading("4. Översikt av poängfördelning", self.style.chapter)
        self._para("Tabellerna nedan visar resultatet på delfrågorna inom respektive område.")
        version = self.report["criteria_version"]
        for area in self.gold["areas"]:
            rows = [r for r in self.gold["subquestions"] if r["area_no"] == area["area_no"]]
            if not rows:
                continue
            achieved, maximum = sum(r["achieved"] for r in rows), sum(r["max"] for r in rows)
            table = self._table(
                [[f"{area['area_no']}.", catalog_area(version, area["area_no"]).title, "Uppnått", "Max", "Procent"],
                 *([r["code"], r["text"], str(r["achieved"]), str(r["max"]), f"{r['percent']} %"] for r in rows),
                 ["", "", str(achieved), str(maximum), f"{round(100 * achieved / maximum)} %"]],
                [1.2, self.text_width - 7.2, 2.3, 1.5, 2.2], bold_first_row=True, borders=self.style.table_borders)
            for row in table.rows:
                for cell in row.cells[2:]:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self.doc.add_paragraph()

    # -- paragraphs and tables ---------------------------------------------------------------------------------

    def _page_break(self) -> None:
        self.doc.add_page_break()

    def _para(self, text: str, bold: bool = False) -> None:
        run = self.doc.add_paragraph().add_run(text)
        run.bold = bold

    def _heading(self, text: str, look: Look, keep_with_next: bool = False) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(4)
        paragraph.paragraph_format.keep_with_next = keep_with_next or None
        run = paragraph.add_run(text)
        run.bold, run.italic = look.bold, look.italic
        run.font.size = Pt(look.size or self.style.body_size)
        if look.colour:
            run.font.color.rgb = RGBColor.from_string(look.colour)

    def _bulleted(self, container, text: str, bullet: str) -> None:
        """A list item with a hanging indent: the bullet, a tab, the text."""
        paragraph = container.add_paragraph(f"{bullet}\t{text}")
        paragraph.paragraph_format.left_indent = Cm(0.63)
        paragraph.paragraph_format.first_line_indent = Cm(-0.63)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.63))
        paragraph.paragraph_format.space_after = Pt(0)

    def _table(self, rows: list[list[str]], widths: list[float], bold_first_row: bool = False,
               borders: bool = True):
        table = self.doc.add_table(rows=len(rows), cols=len(widths))
        if borders:
            table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = table.rows[r].cells[c]
                cell.width = Cm(widths[c])
                run = cell.paragraphs[0].add_run(value)
                run.bold = bold_first_row and r == 0
        return table


def _drop_first_paragraph(cell) -> None:
    """A new cell holds one empty paragraph; items were added after it."""
    if len(cell.paragraphs) > 1 and not cell.paragraphs[0].text:
        element = cell.paragraphs[0]._element
        element.getparent().remove(element)


def _split_fields(text: str) -> list[str]:
    pieces, rest = [], text
    while rest:
        starts = [(rest.find(f), f) for f in ("{page}", "{pages}") if rest.find(f) >= 0]
        if not starts:
            pieces.append(rest)
            break
        at, found = min(starts)
        pieces += [rest[:at], found]
        rest = rest[at + len(found):]
    return pieces


def _field(paragraph, instruction: str, size: float) -> None:
    """A PAGE or NUMPAGES field, which the converter fills in per page."""
    run = paragraph.add_run()
    run.font.size = Pt(size)
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    simple.append(copy.deepcopy(run._r))
    run._r.addnext(simple)
    simple[0].append(OxmlElement("w:t"))
    simple[0][-1].text = "1"
    run._r.getparent().remove(run._r)


# -- the catalogue of house styles ---------------------------------------------------------------------------------

SERIF = "Liberation Serif"
STYLES = {style.name: style for style in (
    # the sample's plain template: sans, bold headings in steps of size, a bordered findings table
    HouseStyle("plain"),
    # serif body; headings larger but not bold; sub-headings in body size, bold; findings a row per pair
    HouseStyle("serif-large", font="Caladea", body_size=12, chapter=Look(18, bold=False),
               area=Look(15, bold=False), sub=Look(None), findings="pairs", bullet="–", table_borders=False,
               head="KommunKompassen – {name} {year}", foot="{page}", head_align="right", foot_align="center"),
    # italic headings; "Område 1" on its own line above the title; headed lists with ▪; no dot leaders
    HouseStyle("italic-own-line", chapter=Look(16, bold=False, italic=True), area=Look(14, bold=False, italic=True),
               sub=Look(11.5, bold=True, italic=True), area_heading="Område {n}\n{title}", findings="lists",
               bullet="▪", leaders=False, head=None, foot="Sida {page} av {pages}"),
    # coloured, not bold headings; numbered sub-headings ("3.1.2 Allmänt"); "Område 1 – Titel"
    HouseStyle("coloured-numbered", font="DejaVu Sans", body_size=10, chapter=Look(15, bold=False, colour=BLUE),
               area=Look(13, bold=False, colour=BLUE), sub=Look(11, bold=False, colour=BLUE), numbered_subs=True,
               area_heading="Område {n} – {title}", bullet="✓", head="{name}", foot="{page} ({pages})",
               foot_align="right"),
    # narrow margins, big area headings that wrap onto two lines, score on a line of its own, numbered items
    HouseStyle("narrow-wrapped", font=SERIF, body_size=11, chapter=Look(20), area=Look(22), sub=Look(None),
               margins_cm=4.5, score_line=True, findings="lists", bullet="1.", head=None, foot="{page}"),
    # Carlito (Calibri's twin) in a small body, narrow margins; a findings table without borders, dashes;
    # another improvements header
    HouseStyle("small-dash", font="Carlito", body_size=9.5, chapter=Look(13), area=Look(12), sub=Look(10.5),
               margins_cm=1.8,
               bullet="–", table_borders=False, improvements_header="Förbättringsområden",
               head="Kommunkompassen {year} | {name}", foot="{page}"),
    # capitals: "OMRÅDE 1" and the findings headers; a bordered table of pairs; "Sida N" in the head, right
    HouseStyle("capitals-pairs", font="Carlito", body_size=11, chapter=Look(16), area=Look(14), sub=Look(None),
               area_heading="OMRÅDE {n} {title}", findings="pairs", strengths_header="STYRKOR",
               improvements_header="FÖRBÄTTRINGSOMRÅDEN", head="Sida {page}", head_align="right", foot=None),
    # big bold area headings in a wide-margined page, so that long titles wrap; "Område N: Titel"; dashed lists
    # under other headers; no dot leaders; a centred "N (M)" footer
    HouseStyle("wrapped-colon", font=SERIF, body_size=12, chapter=Look(18), area=Look(18), sub=Look(13),
               margins_cm=3.5, area_heading="Område {n}: {title}", findings="lists", bullet="–",
               strengths_header="Starka sidor", improvements_header="Utvecklingsområden", leaders=False, head=None,
               foot="{page} ({pages})", foot_align="center"),
)}
