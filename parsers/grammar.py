"""The report grammar: a layout's blocks become one raw report record.

Every KommunKompassen report runs: cover, contents, summary sections (1-2),
the detailed review with one part per area (3), the subquestion tables (4),
facts about the municipality (5) and sometimes an appended earlier
evaluation. This module follows that order over the blocks of any layout
family and records what each part states. Appended parts are cut off first
(parsers.parts) and read by the same grammar into records of their own; the
result is checked against what the report itself lists (parsers.selfcheck), and
scores a box does not simply give come from where the report states them
(parsers.area_scores).
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

import regex as re

from domain.catalog import AREA_MAX_SCORE, TOTAL_MAX_SCORE
from domain.origin import Origin
from domain.problems import problem
from domain.records import RawArea, RawAreaTotal, RawPriorScore, RawReport, RawSection, RawSubquestion
from extract.model import Document
from parsers.area_scores import scores_from_elsewhere, settle_year_columns
from parsers.blocks import FindingsBlock, Heading, Layout, Paragraph, RubricBox, ScoreRow, ScoreTable
from parsers.cover import read_cover
from parsers.cover_origins import cover_origins
from parsers.dates import YEAR
from parsers.identify import identify
from parsers.ocr_confidence import low_confidence
from parsers.page_sequence import PageCheck, contents_gaps
from parsers.parts import Part, part_year, split_parts
from parsers.passages import Passage, passage_of
from parsers.patterns import AREA_HEADING, SECTION_HEADING, TOTAL_LABEL, YEAR_CELL, is_area_heading, section_kind
from parsers.running_heads import head_date
from parsers.score_sums import settled_rows
from parsers.selfcheck import is_complete, structure_problems
from parsers.statements import (
    Stated,
    evaluation_number_stated,
    evaluation_period_stated,
    previous_evaluation_year,
    prior_total_stated,
    quoted_scores_stated,
    stated_total_stated,
)
from parsers.tables import area_number_of_label, misread_percent, parse_percent

_VERSION = re.compile(r"(?:version(?:en)?\s*|\(v\.?\s*|\()(2\.[0-9])\b", re.I)


class _BlockWalker:
    """Walks the blocks, keeping track of the section and area it is in."""

    def __init__(self, report: RawReport, section: str = "front"):
        self.report = report
        self.section = section
        self.area: RawArea | None = None
        self.summary_text = Passage()
        self.area_text: dict[int, Passage] = {}
        self.sections_seen: set[str] = set()

    def heading(self, block: Heading) -> None:
        text = block.text.strip()
        area = AREA_HEADING.match(text)
        if area and self.section in ("front", "summary", "areas") \
                and is_area_heading(area, self.area.area_no if self.area else None):
            self.section = "areas"
            self._start_area(int(area.group("no")), text[area.end():].strip(), block)
            return
        section = SECTION_HEADING.match(text)
        if section:
            self.section = section_kind(section.group(2))
            self.sections_seen.add(self.section)
            self.area = None
            return
        if self.area is not None:
            self.area.sections.append(RawSection(text, "", block.page, block.origin))
        elif self.section in ("front", "summary"):
            self.summary_text.add(text, block.origin)

    def _start_area(self, area_no: int, title: str, heading: Heading) -> None:
        existing = next((a for a in self.report.areas if a.area_no == area_no), None)
        if existing:  # the heading repeated on a continuation page
            self.area = existing
            return
        self.area = RawArea(area_no=area_no, title=title, page=heading.page, title_origin=heading.origin)
        self.report.areas.append(self.area)
        self.report.named_areas.setdefault(area_no, []).append(title)

    def paragraph(self, block: Paragraph) -> None:
        if self.area is not None:
            if not self.area.sections:
                self.area.sections.append(RawSection("", "", block.page, block.origin))
            section = self.area.sections[-1]
            section.text = f"{section.text} {block.text}".strip()
            self.area_text.setdefault(self.area.area_no, Passage()).add(block.text, block.origin, block.locate)
        elif self.section in ("front", "summary"):
            self.summary_text.add(block.text, block.origin, block.locate)

    def rubrics(self, block: RubricBox) -> None:
        if self.area is None:
            return
        if not self.area.rubrics:
            self.area.rubrics, self.area.rubric_origins = block.items, block.item_origins
        if self.area.score is None and not self.area.year_scores:
            self.area.score, self.area.year_scores = block.score, block.year_scores
            self.area.score_origin, self.area.year_origins = block.score_origin, block.year_origins

    def findings(self, block: FindingsBlock) -> None:
        if self.area is None:
            self.report.problems.append(problem(
                "findings_outside_area",
                "A strengths/improvements table stands outside any area; it was skipped.", block.page))
            return
        self.area.findings.extend(block.items)
        self.area.findings_present = True
        for found in block.problems:
            message = f"Område {self.area.area_no}: {found.message}"
            self.report.problems.append(dataclasses.replace(found, message=message))

    def score_table(self, block: ScoreTable) -> None:
        if self.section == "appendix" or any(YEAR_CELL.match(c) for c in block.columns):
            self._appendix_table(block)
            return
        self.report.problems.extend(block.problems)
        title_area = area_number_of_label(block.title)
        known = {sq.code for sq in self.report.subquestions}
        rows: list[RawSubquestion] = []
        total: RawAreaTotal | None = None
        unread = [row for row in block.rows if row.code and not row.values[0] and row.code not in known]
        for row in block.rows:
            numbers = _numbers(row.values)
            if numbers is None:
                continue
            achieved, maximum, percent = numbers
            if percent is None or percent > 100:
                percent = misread_percent(row.values[2], achieved, maximum)
                if percent is None:  # no percent fits the points as read ("41" of 20): the sums may settle it
                    unread += [row] if row.code and row.code not in known else []
                    continue
                self.report.problems.append(problem(
                    "percent_misread", f"{row.code or row.label}: the \"Procent\" cell reads "
                                       f"{row.values[2]!r}; taken as {percent:g} %, nearest {achieved} of {maximum} "
                                       f"points.", row.page))
            if row.code:
                if row.code not in known:
                    known.add(row.code)
                    rows.append(RawSubquestion(
                        int(row.code.split(".")[0]), row.code, row.label, achieved, maximum, percent, row.page,
                        _value_origin(row, 0)))
            elif title_area is not None:
                total = RawAreaTotal(title_area, achieved, maximum, percent, row.page, _value_origin(row, 0))
                self.report.area_totals.append(total)
        published, said = settled_rows(rows, unread, total)
        self.report.problems.extend(said)
        self.report.subquestions.extend(published)

    def _appendix_table(self, block: ScoreTable) -> None:
        years = [int(c) if YEAR_CELL.match(c) else None for c in block.columns]
        for row in block.rows:
            area_no = None if TOTAL_LABEL.match(row.label) else area_number_of_label(
                f"{row.code}. {row.label}" if row.code else row.label)
            if area_no is None and not TOTAL_LABEL.match(row.label):
                continue
            if row.unplaced:
                self.report.problems.append(problem(
                    "year_cells_unplaced", f"{f'Område {area_no}' if area_no else row.label}: the table of earlier "
                    f"results prints {', '.join(row.unplaced)} under {len(years)} year columns, but its columns "
                    f"were lost: which year each score is cannot be told, so none was published.", row.page))
            for column, (year, value) in enumerate(zip(years, row.values)):
                if year is None or not value.isdigit():
                    continue
                if self.report.year is not None and year >= self.report.year:
                    continue
                self.report.prior_scores.append(RawPriorScore(year, area_no, int(value), "appendix", row.page,
                                                              _value_origin(row, column)))


def _value_origin(row: ScoreRow, column: int) -> Origin:
    """Where a score row's value in `column` stands; the row's page alone where its reader knows no more."""
    origin = row.origins[column] if column < len(row.origins) else None
    return origin or Origin(row.page)


def _numbers(values: list[str]) -> tuple[int, int, float | None] | None:
    """Uppnått, Max and Procent of a row; Procent None when the cell is no number as printed."""
    if len(values) < 3 or not values[0].isdigit() or not values[1].isdigit():
        return None
    return int(values[0]), int(values[1]), parse_percent(values[2])


def build_report(document: Document, layout: Layout, pages: PageCheck) -> RawReport:
    """The record of a document whose page sequence was checked (`pages`) and whose layout was read."""
    report = RawReport(document.source_path, document.sha256, document.format, document.rendering, document.reader)
    main, parts = split_parts(layout.blocks)
    cover = read_cover(layout.cover)
    chapters = [*layout.contents, *(b.text for b in main if isinstance(b, Heading) and SECTION_HEADING.match(b.text))]
    identity = identify(cover, chapters, layout.running_heads)
    report.municipality, report.year, report.evaluators = identity.municipality, identity.year, cover.evaluators
    report.report_date = cover.report_date or head_date(layout.running_heads)
    found_on_cover = cover_origins(layout.cover, layout.cover_origins, cover)
    report.origins.update({field: origin for field, origin in found_on_cover.items()
                           if field not in ("municipality", "year")
                           or getattr(report, field) == getattr(cover, field)})
    gaps, contents_problems = contents_gaps(layout, pages)
    report.problems.extend([*document.problems, *pages.problems, *contents_problems, *layout.problems,
                            *identity.problems])
    reader = _read_blocks(report, main)
    _read_contents(report, layout.contents)
    _read_statements(report, reader)
    report.evaluation_period = report.evaluation_period or cover.evaluation_period
    if report.year is None:
        _infer_year(report, layout.running_heads)
    settle_year_columns(report)
    scores_from_elsewhere(report, reader.area_text)
    _version_origin(report)
    for part in parts:
        _read_part(report, part)
    report.page_count = layout.page_count
    report.turned_pages = {page.number: (page.turned, page.width or 0.0, page.height or 0.0)
                           for page in document.pages if page.turned}
    report.missing_pages = sum(gap.count for gap in [*pages.gaps, *gaps])
    report.complete = is_complete(report, layout, reader.sections_seen, report.missing_pages) \
        and not pages.ends_early
    report.problems.extend(structure_problems(report, reader.sections_seen))
    report.problems.extend(low_confidence(document, report))
    return report


def _read_blocks(report: RawReport, blocks: list, section: str = "front") -> _BlockWalker:
    reader = _BlockWalker(report, section)
    for block in blocks:
        if isinstance(block, Heading):
            reader.heading(block)
        elif isinstance(block, Paragraph):
            reader.paragraph(block)
        elif isinstance(block, RubricBox):
            reader.rubrics(block)
        elif isinstance(block, FindingsBlock):
            reader.findings(block)
        elif isinstance(block, ScoreTable):
            reader.score_table(block)
    return reader


def _read_part(report: RawReport, part: Part) -> None:
    """An appended part: an earlier evaluation becomes prior scores, other appendices give their tables."""
    page = next((block.page for block in part.blocks), None)
    if not any(isinstance(block, Heading) and AREA_HEADING.match(block.text.strip()) for block in part.blocks):
        _read_blocks(report, part.blocks, section="appendix")
        return
    year = part_year(part, report.year, report.previous_evaluation_year)
    appended = RawReport(report.source_path, report.sha256, report.source_format, report.rendering, year=year)
    reader = _read_blocks(appended, part.blocks)
    # an appended evaluation's cover may state its total
    reader.summary_text.pieces.insert(0, (part.cover_text, None, None))
    _read_statements(appended, reader)
    if year is None:
        report.problems.append(problem(
            "appendix_year_unknown",
            f"An earlier evaluation is appended (\"{part.heading[:60]}\"), but its year cannot be told; "
            f"its scores were not read.", page))
        return
    if report.year is not None and year >= report.year:
        report.problems.append(problem(
            "appendix_year_not_earlier",
            f"An evaluation is appended (\"{part.heading[:60]}\") dated {year}, not before the report's own "
            f"{report.year}; its scores were not read as earlier ones.", page))
        return
    settle_year_columns(appended)
    scores = [RawPriorScore(year, area.area_no, area.score, "appendix", area.page, area.score_origin)
              for area in appended.areas if area.score is not None]
    if not scores:
        report.problems.append(problem(
            "appendix_evaluation_unscored",
            f"The {year} evaluation appended to the report (\"{part.heading[:60]}\") was read, but none of its "
            f"{len(appended.areas)} areas gave a score; nothing of it was published.", page))
        return
    if appended.stated_total is not None:  # a prior score is only what the report states, never a sum
        scores.append(RawPriorScore(year, None, appended.stated_total, "appendix", page,
                                    appended.origins.get("total_score")))
    earlier = [dataclasses.replace(prior, source="appendix") for prior in appended.prior_scores
               if prior.ref_year < year]
    report.prior_scores.extend([*scores, *earlier])
    report.problems.append(problem(
        "appendix_evaluation_read",
        f"The {year} evaluation appended to the report (\"{part.heading[:60]}\") was read: {len(appended.areas)} "
        f"areas, their scores published as prior scores; its findings and texts are not this report's.", page))


def _version_origin(report: RawReport) -> None:
    """The criteria version is told first by area 7's title (normalize.criteria): its heading is where."""
    telling = next((area.title_origin for area in report.areas if area.area_no == 7), None)
    if telling is not None:
        report.origins["criteria_version"] = telling


def _infer_year(report: RawReport, running_heads: list[str]) -> None:
    """The title's year is unreadable: take the one the running heads print, or the evaluation's own, and say so."""
    head_years = Counter(int(y) for head in running_heads for y in YEAR.findall(head))
    period_years = YEAR.findall(report.evaluation_period or "")
    if head_years:
        year, source = head_years.most_common(1)[0][0], "the running heads"
    elif period_years:
        year, source = int(period_years[-1]), "the evaluation period"
    elif report.report_date:
        year, source = report.report_date.year, "the report's date"
    else:
        return
    report.year = year
    report.problems.append(problem(
        "year_inferred", f"The cover's year is unreadable; {year} was taken from {source}.", 1))


def _read_contents(report: RawReport, contents: list[str]) -> None:
    last_area = None
    for entry in contents:
        match = AREA_HEADING.match(entry)
        if match and is_area_heading(match, last_area):
            last_area = int(match.group("no"))
            report.listed_areas.add(last_area)
            report.named_areas.setdefault(last_area, []).append(entry[match.end():].strip())


def _read_statements(report: RawReport, reader: _BlockWalker) -> None:
    summary = reader.summary_text
    everything = passage_of([summary, *reader.area_text.values()])

    def first(read: Callable[[str], Stated | None]) -> tuple[Stated | None, Passage]:
        found = read(summary.text)
        return (found, summary) if found else (read(everything.text), everything)

    def value(field: str, found: Stated | None, passage: Passage) -> Any:
        if found is None:
            return None
        origin = passage.origin(found.span)
        if origin is not None:
            report.origins[field] = origin
        return found.value

    report.evaluation_number = value("evaluation_number", *first(evaluation_number_stated))
    report.evaluation_period = value("evaluation_period", *first(evaluation_period_stated))
    report.stated_total = value("total_score", stated_total_stated(summary.text, report.year), summary)
    report.version_mentions = [m.group(1) for m in _VERSION.finditer(everything.text)]
    previous = previous_evaluation_year(summary.text, report.year) \
        or previous_evaluation_year(everything.text, report.year)
    report.previous_evaluation_year = previous
    _read_prior_statements(report, reader, previous)


def _read_prior_statements(report: RawReport, reader: _BlockWalker, previous: int | None) -> None:
    """The earlier evaluation's total and scores as the summary and the areas' texts quote them."""
    summary = reader.summary_text
    earlier_total = prior_total_stated(summary.text)
    if earlier_total is not None and previous is not None:
        report.prior_scores.append(RawPriorScore(previous, None, earlier_total.value, "text",
                                                 origin=summary.origin(earlier_total.span)))
    for found in quoted_scores_stated(summary.text, report.year, previous, report.stated_total):
        ref_year, score = found.value
        if AREA_MAX_SCORE < score <= TOTAL_MAX_SCORE:
            report.prior_scores.append(RawPriorScore(ref_year, None, score, "text",
                                                     origin=summary.origin(found.span)))
    for area in report.areas:
        text = reader.area_text.get(area.area_no, Passage())
        for found in quoted_scores_stated(text.text, report.year, previous, area.score):
            ref_year, score = found.value
            if score <= AREA_MAX_SCORE:
                report.prior_scores.append(RawPriorScore(ref_year, area.area_no, score, "text", area.page,
                                                         text.origin(found.span)))
