"""A report description laid out as pages of blocks, in one house style (`Style`).

`plan()` decides what is printed and on which page; `reportbuild` draws the same
plan as a PDF, as flattened text or as markdown. Every switch of `Style` is one
kind of variation seen (or expected) in the archive; the default is the plain
report of the sample's house style.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from helpers.reportdesc import MONTHS, ORDINALS, genitive


@dataclass(frozen=True)
class Style:
    # cover
    title_word: str | None = "KommunKompassen"    # None: the cover has no "KommunKompassen"
    cover_verb: str = "ANALYS AV"                  # "UTVÄRDERING AV", "Granskning av"
    cover_name: str | None = None                  # what the cover prints for the municipality; None: "<NAME>S KOMMUN"
    letter_spaced: bool = False                    # "K o m m u n K o m p a s s e n", "A N A L Y S  A V"
    evaluators_label: str = ""                     # "Utvärderare: " before the evaluators
    evaluators_joined: bool = False                # evaluators of one affiliation on one line: "A och B, SKL"
    cover_visit: str | None = None                 # a line after the evaluators: the visit ("2011-05-30--31")
    cover_year_line: bool = False                  # the title's year on a line of its own, under the name
    written_date: str | None = None                # the report's date as words: "den {day} {month} {year}"
    # structure
    contents: bool = True
    contents_title: str | None = "Innehåll"        # None: the contents list stands without a heading
    summary_by_area: bool = False                  # chapter 2 sums up each area under its area heading
    area_heading: str = "Område {n} {title}"      # "{n}. {title}", "OMRÅDE {n} {title}", "Område {n}: {title}"
    mangled_area: int | None = None                # this area's heading is printed so that it cannot be found
    strengths_header: str = "Styrkor"
    improvements_header: str = "Förbättringsmöjligheter"
    findings_as_lists: bool = False                # headed lists instead of a two-column table
    rubric_years: tuple[int, int] | None = None    # a rubric box with two year columns: (own year, earlier year)
    earlier_rubric_scores: dict[int, int] = field(default_factory=dict)
    rubric_score: str = "{}"                       # how a rubric box prints a score: "{} p", "{} poäng", "{}/100"
    markdown_rubric_items: str = "bullets"         # "bullets": "<ul>• a• b"; "li": "<ul><li>• a</li>...</ul>"
    markdown_tab: str = "\t"                        # what a markdown copy's table rows part their cells with
    markdown_tab_stops: int | None = None          # the tabs expanded to spaces up to the next stop of this width
    # running heads and footers: {date}, {page}, {pages}; None: none
    head: str | None = "Sveriges Kommuner och Landsting {date} {page} ({pages})"
    foot: str | None = None
    # appended material, after section 5
    earlier_table: tuple[tuple[int, dict], ...] = ()   # (year, {area_no or None: score}) columns of a table;
                                                       # an area a year lacks is an empty cell
    earlier_table_heading: str = "Bilaga 1 Resultat från tidigare utvärderingar"
    appended: dict | None = None                   # a whole earlier evaluation (a description)
    appended_heading: str = "Bilaga: {year} års Kommunkompass"
    appended_cover: bool = False                   # the appended evaluation starts with a cover of its own
    appended_total: bool = True                    # the appended evaluation states its total
    narrative_extra: dict[int, str] = field(default_factory=dict)  # area_no -> sentence added to its last section
    scores_chapter: str = "Översikt av poängfördelning"  # the title of section 4
    # page integrity, by the number a page's head prints (the others keep theirs): the source lacks this page,
    # holds this one twice, holds this one and the next in each other's place, (PDF) cannot decode this page's
    # content stream, has a page-tree entry that is no page in this page's place
    dropped_page: int | None = None
    repeated_page: int | None = None
    swapped_page: int | None = None
    damaged_page: int | None = None
    not_a_page: int | None = None


# -- blocks --------------------------------------------------------------------------------------------------------

@dataclass
class Cover:
    lines: list[str]


@dataclass
class Contents:
    entries: list[tuple[str, int]]


@dataclass
class Heading:
    text: str
    level: int  # 1 section, 2 area, 3 sub-heading
    listed: str = ""  # how the table of contents lists it, when not as printed


@dataclass
class Para:
    text: str


@dataclass
class RubricBox:
    items: list[str]
    scores: list[int | None]  # None: an empty cell (a year that did not score the area)
    years: list[int] | None = None
    printed: str = "{}"  # how a score is printed (Style.rubric_score)

    @property
    def cells(self) -> list[str]:
        return ["" if score is None else self.printed.format(score) for score in self.scores]


@dataclass
class Findings:
    strengths: list[str]
    improvements: list[str]
    headers: tuple[str, str]
    as_lists: bool


@dataclass
class ScoreTable:
    area_no: int
    title: str
    rows: list[dict]
    score: int


@dataclass
class YearTable:
    years: list[int]
    rows: list[tuple[str, list[int | None]]]


Page = list


def spaced(text: str) -> str:
    """Letter-spaced: every letter a word, words two spaces apart."""
    return "  ".join(" ".join(word) for word in text.split())


def cover_lines(description: dict, style: Style, year: int | None = None) -> list[str]:
    report = description["report"]
    year = year or report["year"]
    name = style.cover_name or f"{genitive(report['municipality'])} {report['municipality_suffix']}".upper()
    words = [w for w in (style.title_word, style.cover_verb) if w]
    if style.letter_spaced:
        words = [spaced(w) for w in words]
    people = report["evaluators"]
    if style.evaluators_joined:  # "Anna Berg, SKL", "Per Ek, SKL" -> "Anna Berg och Per Ek, SKL"
        names, affiliations = zip(*(person.split(", ", 1) for person in people))
        assert len(set(affiliations)) == 1, "joined evaluators share one affiliation"
        people = [f"{' och '.join(names)}, {affiliations[0]}"]
    evaluators = [f"{style.evaluators_label}{person}" if i == 0 else person for i, person in enumerate(people)]
    title = [name, str(year)] if style.cover_year_line else [f"{name} {year}"]
    return [*words, *title, *evaluators, *([style.cover_visit] if style.cover_visit else [])]


def printed_date(iso: str, style: Style) -> str:
    """The report's date as the style prints it: ISO, or in words ("den 19 juni 2018")."""
    if style.written_date is None:
        return iso
    year, month, day = (int(part) for part in iso.split("-"))
    return style.written_date.format(day=day, month=MONTHS[month - 1], year=year)


def area_pages(description: dict, style: Style, appended: bool = False) -> list[Page]:
    pages = []
    for area in description["areas"]:
        n = area["area_no"]
        heading = style.area_heading.format(n=n, title=area["title"])
        if n == style.mangled_area and not appended:
            heading = heading.replace(str(n), "", 1).replace("Område", "Omrde").replace("OMRÅDE", "OMRDE")
        scores = [area["score"]]
        if style.rubric_years and not appended:
            scores.append(style.earlier_rubric_scores.get(n))  # None: the earlier year did not score the area
        listed = style.area_heading.format(n=n, title=area["title"])
        page: Page = [Heading(heading, 2, listed),
                      RubricBox(area["rubrics"], scores, list(style.rubric_years) if style.rubric_years else None,
                                style.rubric_score)]
        for index, section in enumerate(area["sections"]):
            text = section["text"]
            if index == len(area["sections"]) - 1 and n in style.narrative_extra and not appended:
                text = f"{text} {style.narrative_extra[n]}"
            page += [Heading(section["heading"], 3), Para(text)]
        headers = ("STYRKOR", "FÖRBÄTTRINGSOMRÅDEN") if appended else (style.strengths_header,
                                                                        style.improvements_header)
        page.append(Findings(area["strengths"], area["improvements"], headers, style.findings_as_lists or appended))
        pages.append(page)
    return pages


def plan(description: dict, style: Style) -> list[Page]:
    """The pages of the report, each a list of blocks."""
    report = description["report"]
    name = f"{genitive(report['municipality'])} {report['municipality_suffix']}"
    body: list[Page] = []
    summary = [Heading("1 Vad är Kommunkompassen?", 1),
               Para("Kommunkompassen är ett verktyg för utvärdering och analys av kommuners sätt att arbeta."),
               Heading(f"2 {report['municipality']} i förhållande till Kommunkompassen", 1),
               Para(_summary_text(description))]
    if style.summary_by_area:
        for area in description["areas"]:
            summary += [Heading(style.area_heading.format(n=area["area_no"], title=area["title"]), 3),
                        Para(f"Inom området {area['title'].lower()} har kommunen arbetat vidare sedan förra gången.")]
    body.append(summary)
    areas = area_pages(description, style)
    areas[0] = [Heading("3 Detaljerad genomgång per område", 1), *areas[0]]
    body += areas
    tables = [ScoreTable(a["area_no"], a.get("section4_title", a["title"]), [s for s in description["subquestions"]
                                                    if s["area_no"] == a["area_no"]], a["score"])
              for a in description["areas"]]
    body.append([Heading(f"4 {style.scores_chapter}", 1), Para("Tabellerna nedan visar resultatet."),
                 *tables[:3]])
    body += [tables[3:6], tables[6:]]
    body.append([Heading(f"5 Kortfakta om {name}", 1), Para(f"{report['municipality']} har många invånare.")])
    if style.earlier_table:
        years = [year for year, _ in style.earlier_table]
        # a year that re-evaluated only some areas leaves the others' cells empty (None)
        rows = [(f"{a['area_no']}. {a['title']}", [scores.get(a["area_no"]) for _, scores in style.earlier_table])
                for a in description["areas"]]
        rows.append(("Totalt", [scores.get(None) for _, scores in style.earlier_table]))
        body.append([Heading(style.earlier_table_heading, 1), Para("Resultaten från de tidigare utvärderingarna."),
                     YearTable(years, rows)])
    if style.appended:
        body += _appended_pages(style.appended, style)
    first = 3 if style.contents else 2
    title = [Heading(style.contents_title, 1)] if style.contents_title else []
    contents = [*title, Contents(_contents(body, first))] if style.contents else None
    return [[Cover(cover_lines(description, style))], *([contents] if contents else []), *body]


def _summary_text(description: dict) -> str:
    report = description["report"]
    parts = [f"Utvärderingen genomfördes i {report['evaluation_period']}"]
    parts[0] += (f" och var kommunens {ORDINALS[report['evaluation_number']]} utvärdering."
                 if report["evaluation_number"] else ".")
    totals = [p for p in description["prior_scores"] if p["area_no"] is None and p["where"] == "text"]
    if totals:
        parts.append(f"Jämfört med {totals[0]['year']} har totalpoängen ändrats från {totals[0]['score']} "
                     f"till {report['stated_total']} poäng.")
    elif report["stated_total"] is not None:
        parts.append(f"Kommunen fick totalt {report['stated_total']} poäng.")
    return " ".join(parts)


def _appended_pages(earlier: dict, style: Style) -> list[Page]:
    year = earlier["report"]["year"]
    opening: Page = [Cover(cover_lines(earlier, Style()))] if style.appended_cover else []
    opening += [Heading(style.appended_heading.format(year=year), 1),
                Para(f"Här följer rapporten från utvärderingen {year}.")]
    if style.appended_total:
        opening.append(Para(f"Kommunen fick då totalt {earlier['report']['stated_total']} poäng."))
    pages = area_pages(earlier, style, appended=True)
    return [opening, *pages]


def _contents(body: list[Page], first_page: int) -> list[tuple[str, int]]:
    entries = []
    for number, page in enumerate(body, start=first_page):
        for block in page:
            if isinstance(block, Heading) and block.level in (1, 2):
                if block.text.startswith("Bilaga"):
                    return entries
                entries.append((block.listed or block.text, number))
    return entries


def appended_prior_scores(style: Style) -> list[dict]:
    """The scores of earlier evaluations that the style's appended material prints (source "appendix")."""
    rows = [(year, area_no, score) for year, scores in style.earlier_table for area_no, score in scores.items()]
    if style.rubric_years:
        rows += [(style.rubric_years[1], area_no, score) for area_no, score in style.earlier_rubric_scores.items()]
    if style.appended:
        earlier = style.appended
        rows += [(earlier["report"]["year"], area["area_no"], area["score"]) for area in earlier["areas"]]
        if style.appended_total:
            rows.append((earlier["report"]["year"], None, earlier["report"]["stated_total"]))
    return [{"year": year, "area_no": area_no, "score": score, "where": "appendix"} for year, area_no, score in rows]
