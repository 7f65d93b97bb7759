"""Layout family: flattened text, where each page is one run of words.

Flat PDF text and web transcripts keep the words and the pages but lose every
line break, so the report's landmarks are found inside the run: section and area
headings, the "Rubriker ... Poäng NN" box, the findings headers and section 4's
rows. Between landmarks lies narrative; sub-headings are recognized only where
the report names them elsewhere (contents, rubrics) or by their fixed wording.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex as re

from domain.catalog import known_title_prefix
from domain.origin import Origin
from extract.model import Document
from parsers.blocks import Block, Heading, Layout, RubricBox, ScoreRow, ScoreTable
from parsers.flat_findings import findings_table, findings_table_start
from parsers.flat_stream import Stream, stream_of
from parsers.patterns import (
    APPENDIX_HEADING,
    APPENDIX_MENTION,
    AREA_DIGIT,
    AREA_HEADING,
    CONTENTS_WORD,
    GENERIC_HEADINGS,
    POINTS_WORD,
    RUBRICS_WORD,
    SCORE_UNIT,
    SECTION_HEADING,
    SENTENCE_VERBS,
    TOTAL_LABEL,
    UPPER,
    section_kind,
)
from parsers.rubric_names import names_rubric, opens_like_rubric
from parsers.running_heads import split_running_heads
from parsers.segment import split_items, split_list, starts_item
from parsers.swedish_forms import is_finite_verb

_LEADER = re.compile(r"\s*(?:\.{2,}|…|\s\d{1,3}\b)")
_MIN_LEADERS = 3  # dot leaders that make a page part of the table of contents
_SCORE_ROW = re.compile(
    rf"(?<![\w.])(?:({AREA_DIGIT}\.\d{{1,2}})\s+(.+?)\s+)?(\d{{1,3}})\s+(\d{{1,3}})\s+(\d{{1,3}}(?:[,.]\d+)?)\s?%")
_SCORE_TITLE = re.compile(rf"(?<![\w.])({AREA_DIGIT})\.?\s+([{UPPER}][^%]*?)\s+Uppnått\s+Max\s+Procent", re.I)
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s+((?:19|20)\d\d))+(?!\d)")
# a row of an area label and its scores; a number followed by "." opens the next row ("2. Tillgänglighet")
_YEAR_ROW = re.compile(rf"(?:(?<![\w.])({AREA_DIGIT})\.?\s+)?([{UPPER}][^\d%]*?)\s+(\d{{1,3}})(?![.\d])"
                       rf"((?:\s+\d{{1,3}}(?![.\d]))*)(?!\s?%)")
# a rubric box's year columns ("2015 2012") and the scores under them ("61 59")
_YEAR_RUN = re.compile(r"\s*(?:19|20)\d\d(?:\s+(?:19|20)\d\d)+(?!\d)")
_TRAILING_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?:\s+(?:19|20)\d\d)+\s*$")
_SCORE_RUN = re.compile(rf"\d{{1,3}}(?:{SCORE_UNIT.pattern})?(?:\s+\d{{1,3}}(?![\d.,%])(?:{SCORE_UNIT.pattern})?)*")
_SCORE_AND_UNIT = re.compile(rf"(\d{{1,3}})(?:{SCORE_UNIT.pattern})?")
_NUMBER = re.compile(r"(?<![\w.,-])(\d{1,3})(?![\w.,%-]|\s?%)")
_SENTENCE_END = re.compile(r"[.?!:]\s*$")
# where a heading can start in flattened text: after a sentence, a number (a page or a table) or at the start
_SENTENCE_START = re.compile(r"(?:^|[.?!:)%\d”\"])\s*$")
_SENTENCE_OPENING = re.compile(rf"(?<=[.?!]\s)[{UPPER}]")  # a capital after a sentence's end
_WORD_RUN = re.compile(r"\S+")
_HEADING_WORDS = 10  # a sub-heading has at most this many words
# punctuation that ends a clause; a heading may hold a comma, a colon or a compound's hyphen ("Kompetens- och
# medarbetarutveckling", "Ansvarsfördelning, roller och samspel", "Hållbar utveckling: miljöfrågor")
_CLAUSE_END = re.compile(r"[^\w,:-]$")
_DEFINITE_TITLE = re.compile(r"(kommun|stad)en\s+(.+)", re.I)  # an area title that opens with the definite noun


@dataclass
class _Landmark:
    start: int
    end: int  # where the heading's own text ends
    kind: str  # section kind, "area" or "appendix"
    heading: str
    area_no: int | None = None
    numbered: bool = False  # an area heading printed as "3. <title>" rather than "Område 3"


def read_flat(document: Document) -> Layout:
    body = split_running_heads(document)
    page_numbers = list(body.pages)  # in the document's order (parsers.page_sequence)
    cover_page = page_numbers[0] if page_numbers else 1
    cover = [line.text for line in body.pages.get(cover_page, [])]
    stream = stream_of({n: body.pages[n] for n in page_numbers[1:]})
    body_start, contents, contents_pages = _contents(stream)
    landmarks = _landmarks(stream.text, body_start)
    known = [*contents, *GENERIC_HEADINGS]
    blocks: list[Block] = []
    for landmark, following in zip(landmarks, [*landmarks[1:], None]):
        end = following.start if following else len(stream.text)
        blocks.extend(_region_blocks(stream, landmark, end, known))
    last_page = max((n for n in page_numbers if body.pages[n]), default=None)
    return Layout(cover=cover, contents=contents, blocks=blocks, running_heads=body.heads,
                  page_count=body.declared_page_count or None, last_page=last_page, contents_pages=contents_pages,
                  cover_origins=[line.origin for line in body.pages.get(cover_page, [])])


def _contents(stream: Stream) -> tuple[int, list[str], list[int | None]]:
    """Where the body starts, the entries of the table of contents before it and the page number each
    ends in (None for an entry without one).

    The contents run from "Innehåll" to the end of the last page that is full of
    dot leaders; transcripts drop the page numbers, so a heading followed by
    text is no sign that the body has begun.
    """
    text = stream.text
    contents_word = CONTENTS_WORD.search(text, 0, stream.starts[min(3, len(stream.starts) - 1)])
    if not contents_word:
        return 0, [], []
    end = len(text)
    contents_page = bisect.bisect_right(stream.starts, contents_word.start()) - 1
    for index in range(contents_page + 1, len(stream.starts)):
        page_text = text[stream.starts[index]:stream.starts[index + 1] if index + 1 < len(stream.starts) else end]
        if len(re.findall(r"\.{3,}|…", page_text)) < _MIN_LEADERS:
            end = stream.starts[index]
            break
    listing = text[contents_word.end():end]
    # entries and the page numbers after their leaders, in turn
    parts = re.split(r"\s*(?:\.{2,}|…)\s*(?:(\d{1,3})\b|Fel![^.]*\.)?\s*", listing)
    entries = [(entry.strip(), int(number) if number else None)
               for entry, number in zip(parts[::2], [*parts[1::2], None]) if entry and entry.strip()]
    return end, [entry for entry, _ in entries], [number for _, number in entries]


def _landmarks(text: str, start: int) -> list[_Landmark]:
    found = [_Landmark(start, start, "summary", "")]
    for match in SECTION_HEADING.finditer(text, start):
        if not _LEADER.match(text, match.end()):
            found.append(_Landmark(match.start(), match.end(), section_kind(match.group(2)), match.group(0)))
    for match in APPENDIX_HEADING.finditer(text, start):
        after_sentence = _SENTENCE_START.search(text[max(0, match.start() - 20):match.start()])
        if after_sentence and not APPENDIX_MENTION.match(text, match.start()):
            found.append(_Landmark(match.start(), match.end(), "appendix", match.group(0).strip()))
    for match in AREA_HEADING.finditer(text, start):
        title_end = _area_title_end(text, match.end())
        if title_end > match.end() and not _LEADER.match(text, title_end):
            found.append(_Landmark(match.start(), title_end, "area", text[match.start():title_end].strip(),
                                   int(match.group("no")), numbered=match.group(0)[:1].isdigit()))
    found.sort(key=lambda landmark: landmark.start)
    found = _areas_in_order(found)
    # A landmark inside another's heading (a title that quotes a section name) is not one.
    kept: list[_Landmark] = []
    for landmark in found:
        if kept and landmark.start < kept[-1].end:
            continue
        if kept and kept[-1].start == landmark.start:
            kept[-1] = landmark
            continue
        kept.append(landmark)
    return kept


def _areas_in_order(landmarks: list[_Landmark]) -> list[_Landmark]:
    """Numbered area titles are area headings only as the next area in order (diagram labels are not)."""
    kept: list[_Landmark] = []
    last_area: int | None = None
    for landmark in landmarks:
        if landmark.kind == "area":
            if landmark.numbered and landmark.area_no != (last_area or 0) + 1:
                continue
            last_area = landmark.area_no
        kept.append(landmark)
    return kept


def _area_title_end(text: str, start: int) -> int:
    """Where an area title that starts at `start` ends."""
    window = text[start:start + 300]
    words = list(re.finditer(r"\S+", window))
    if not words:
        return start
    rubrics = RUBRICS_WORD.search(window)
    if rubrics and len(window[:rubrics.start()].split()) <= 15:
        return start + len(window[:rubrics.start()].rstrip())
    if words[0].group().isupper() and len(words[0].group()) > 1:
        last = words[0]
        for word in words[1:]:
            if not (word.group().isupper() or not any(c.isalpha() for c in word.group())):
                break
            last = word
        return start + last.end()
    length = known_title_prefix([word.group() for word in words[:12]])
    if length:
        return start + words[length - 1].end()
    items = split_items(" ".join(word.group() for word in words[:15]))
    return start + words[len(items[0].split()) - 1].end() if items else start


def _region_blocks(stream: Stream, landmark: _Landmark, end: int, known: list[str]) -> list[Block]:
    text, start = stream.text, landmark.end
    blocks: list[Block] = []
    if landmark.heading:
        blocks.append(Heading(landmark.heading, stream.page_at(landmark.start),
                              stream.origin(landmark.start, landmark.end)))
    if landmark.kind == "area":
        box, start = _rubric_box(stream, start, end)
        if box:
            blocks.append(box)
        findings_start = findings_table_start(text, start, end)
        rubrics = box.items if box else []
        known = [*known, *rubrics, *_area_openings(text, start, end, landmark.heading),
                 *_rubric_namings(text, start, findings_start, rubrics)]
        blocks.extend(_narrative(stream, start, findings_start, known))
        if findings_start < end:
            blocks.append(findings_table(stream, findings_start, end))
        return blocks
    if landmark.kind in ("scores", "appendix"):
        first_row = (_SCORE_TITLE if landmark.kind == "scores" else _YEARS).search(text, start, end)
        blocks.extend(_narrative(stream, start, first_row.start() if first_row else end, known))
        tables = _score_tables if landmark.kind == "scores" else _year_tables
        blocks.extend(tables(stream, start, end))
        return blocks
    blocks.extend(_narrative(stream, start, end, known))
    return blocks


def _area_openings(text: str, start: int, end: int, heading: str) -> list[str]:
    """Sub-headings made of the area's title and the municipality ("Offentlighet och demokrati i Sollentuna"),
    with which many reports open their account of an area: named by the area heading, if not word for word."""
    title = AREA_HEADING.sub("", heading, count=1).strip()
    if not title:
        return []
    opening = re.compile(rf"(?i:{re.escape(title)})\s+i\s+[{UPPER}][\w-]+")
    found = [match.group(0) for match in opening.finditer(text, start, end)]
    # "Kommunen som arbetsgivare" opens as "Sollentuna kommun som arbetsgivare": the name for the definite noun
    definite = _DEFINITE_TITLE.match(title)
    if definite:
        named = re.compile(rf"[{UPPER}][\w-]+\s+(?i:{definite.group(1)})\s+(?i:{re.escape(definite.group(2))})"
                           rf"(?![\w-])")
        found += [match.group(0) for match in named.finditer(text, start, end)]
    return found


def _rubric_namings(text: str, start: int, end: int, rubrics: list[str]) -> list[str]:
    """Sub-headings that name one of the area's rubrics, though not word for word ("Information till
    medborgarna" for "Information till medborgare", "Tydliga politiska mål" for "Politiska mål"): the words
    that open a sentence up to the next capitalized word, when they name a rubric (parsers.rubric_names)."""
    found = []
    for opening in _SENTENCE_OPENING.finditer(text, start, end):
        words = _WORD_RUN.findall(text, opening.start(), min(end, opening.start() + 200))[:_HEADING_WORDS + 1]
        for count in range(1, len(words)):
            if _CLAUSE_END.search(words[count - 1]) or words[count - 1].lower().rstrip(",:") in SENTENCE_VERBS:
                break  # a sentence's punctuation or a verb: a sentence, not a heading
            if words[count][:1].isupper():
                candidate = " ".join(words[:count])
                # a heading ends in a word, not in the colon that opens a list ("... målen är: Ett ...")
                if words[count - 1][-1:].isalnum() and (names_rubric(candidate, rubrics, whole=True)
                                                        or _themed_heading(words[:count + 1], rubrics)):
                    found.append(candidate)
                break
    return found


def _themed_heading(words: list[str], rubrics: list[str]) -> bool:
    """Whether the words before a capitalized one (the last of `words`) are a heading on a rubric's theme
    worded otherwise ("Information om resultat Det finns ..."): at least two words that open like a rubric, no
    verb among them and the capital free, not bound to them ("Dialog med Sollentunas ..." is a sentence)."""
    heading, following = words[:-1], words[-1]
    return (len(heading) >= 2 and starts_item(heading[-1], following) and not any(map(is_finite_verb, heading))
            and opens_like_rubric(" ".join(heading), rubrics))


def _rubric_box(stream: Stream, start: int, end: int) -> tuple[RubricBox | None, int]:
    """The "Rubriker <items> Poäng NN" box right after an area heading."""
    text = stream.text
    head = RUBRICS_WORD.match(text, start) or RUBRICS_WORD.match(text, start + 1)
    if not head:
        return None, start
    position = head.end()
    points = POINTS_WORD.match(text, position + 1)
    if points:
        position = points.end()
    leading_years = _YEAR_RUN.match(text, position)
    if leading_years:
        position = leading_years.end()
    number = _NUMBER.search(text, position, min(end, position + 600))
    if not number:
        return None, start
    listing = text[position:number.start()]
    trailing_points = POINTS_WORD.search(listing)
    if trailing_points:
        listing = listing[:trailing_points.start()]
    trailing_years = None if leading_years else _TRAILING_YEARS.search(listing)
    if trailing_years:  # the header's year cells read after the rubric column
        listing = listing[:trailing_years.start()]
    year_cells = leading_years or trailing_years
    years = [int(year) for year in year_cells.group(0).split()] if year_cells else []
    page = stream.page_at(head.start())
    items = split_list(listing)
    item_origins: list[Origin | None] = [*stream.item_origins(items, position)]
    unit = SCORE_UNIT.match(text, number.end())  # "84 p", "84 poäng", "84/100"
    single = (RubricBox(items, int(number.group(1)), page, [], item_origins, stream.origin(*number.span(1))),
              unit.end() if unit else number.end())
    if len(years) < 2:
        return single
    scores = _SCORE_RUN.match(text, number.start())
    cells = list(_SCORE_AND_UNIT.finditer(scores.group(0)))[:len(years)] if scores else []
    if len(cells) < len(years):
        return single
    after = number.start() + cells[-1].end()
    year_scores = [(year, int(cell.group(1))) for year, cell in zip(years, cells)]
    value_origins: list[Origin | None] = [stream.origin(number.start() + cell.start(1), number.start() + cell.end(1))
                                          for cell in cells]
    return RubricBox(items, None, page, year_scores, item_origins, None, value_origins), after


def _narrative(stream: Stream, start: int, end: int, known: list[str]) -> list[Block]:
    """Paragraph blocks, split at sub-headings that the report names elsewhere."""
    text = stream.text[start:end]
    if not text.strip():
        return []
    headings = sorted({h for h in known if len(h) > 3}, key=len, reverse=True)
    cuts: list[tuple[int, int]] = []
    if headings:
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, headings))})(?=\s+[(\"”“]*[{UPPER}])")
        for match in pattern.finditer(text):
            before = text[:match.start()]
            starts_sentence = not before.strip() or _SENTENCE_END.search(before)
            if starts_sentence and not any(a <= match.start() < b for a, b in cuts):
                cuts.append((match.start(), match.end()))
    blocks: list[Block] = []
    position = 0
    for cut_start, cut_end in cuts:
        if text[position:cut_start].strip():
            blocks.append(stream.paragraph(start + position, start + cut_start))
        blocks.append(Heading(text[cut_start:cut_end], stream.page_at(start + cut_start),
                              stream.origin(start + cut_start, start + cut_end)))
        position = cut_end
    if text[position:].strip():
        blocks.append(stream.paragraph(start + position, end))
    return blocks


def _score_tables(stream: Stream, start: int, end: int) -> list[ScoreTable]:
    """Section 4's tables: a title row per area, its subquestion rows and a sum row."""
    text = stream.text
    titles = list(_SCORE_TITLE.finditer(text, start, end))
    tables = []
    for title, following in zip(titles, [*titles[1:], None]):
        table_end = following.start() if following else end
        rows = [ScoreRow(m.group(1), (m.group(2) or "").strip(), [m.group(3), m.group(4), m.group(5)],
                         stream.page_at(m.start()), [stream.origin(*m.span(group)) for group in (3, 4, 5)])
                for m in _SCORE_ROW.finditer(text, title.end(), table_end)]
        tables.append(ScoreTable(f"{title.group(1)}. {title.group(2).strip()}", ["Uppnått", "Max", "Procent"],
                                 rows, stream.page_at(title.start())))
    return tables


def _year_tables(stream: Stream, start: int, end: int) -> list[ScoreTable]:
    """An appended earlier evaluation: rows of an area label and one score per year column."""
    text = stream.text
    tables = []
    for header in _YEARS.finditer(text, start, end):
        years = re.findall(r"(?:19|20)\d\d", header.group(0))
        rows = []
        for match in _YEAR_ROW.finditer(text, header.end(), end):
            values = [match.group(3), *match.group(4).split()]
            label, page = match.group(2).strip(), stream.page_at(match.start())
            if len(values) == len(years):
                cells: list[Origin | None] = [stream.origin(*match.span(3)),
                                              *(stream.origin(*cell.span())
                                                for cell in _WORD_RUN.finditer(text, *match.span(4)))]
                rows.append(ScoreRow(match.group(1), label, values, page, cells))
            elif len(values) < len(years) and (match.group(1) or TOTAL_LABEL.match(label)):
                # a year that did not score every area left empty cells, which flattening lost
                rows.append(ScoreRow(match.group(1), label, [""] * len(years), page, unplaced=values))
            else:
                break
        if rows:
            tables.append(ScoreTable(text[start:header.start()].strip(), years, rows, stream.page_at(header.start())))
    return tables
