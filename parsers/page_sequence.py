"""The pages a document holds, checked against the page numbers the report prints.

Running heads and footers number the pages ("12 (34)", "Sida 12 av 34", "- 12 -"). How a
page's printed number relates to its place in the source (a cover without a number, a contents
page left out of the count) is learnt from the document: that offset holds from page to page, so

- a rise of the offset is a gap, printed pages the source lacks: a warning names them, and the
  report is not complete;
- a page whose printed number and text repeat an earlier page's is that page printed twice: it
  is blanked before a layout family reads the pages, so it is read once, and a warning names it;
- a page without any text between pages that carry the heads is one the numbering expects text
  on (a corrupt content stream, a page-tree entry that is no page): a warning names it;
- adjacent pages whose printed numbers are their own places' numbers in another order (a scanner
  fed two sheets in the wrong order) are read in their printed order, and a warning names them:
  read as they lie, a paragraph, a findings table or section 4 would run from the wrong page on.

A single page number that fits neither neighbour (OCR's misreading) is no witness. Where the
heads print no page numbers (web transcripts print the count alone), the page numbers of the
contents against the pages where their headings stand are the witness (`contents_gaps`), but
only when the source has fewer pages than the heads count.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

import regex as re

from domain.problems import Problem, problem
from extract.model import Document, Line, Page
from parsers.blocks import Heading, Layout
from parsers.patterns import AREA_HEADING, SECTION_HEADING
from parsers.running_heads import PageMark, split_running_heads

_SAME_TEXT = 0.9  # share of words two readings of one page share (OCR reads a page twice a little differently)
_UNNUMBERED_REPEAT_WORDS = 20  # an unnumbered page repeats the one before only when it has this much text
_HEADING_KEY = 12  # leading characters of a heading that match it with its contents entry
# contents entries on as many pages in a row that agree on an offset, before it witnesses a gap: an entry
# that a flattened contents ran into the next one carries that one's page number
_CONTENTS_RUN = 2
_NON_WORD = re.compile(r"[\W_]+")
# adjacent pages out of order taken as one misplacement at most: two sheets swapped, a sheet put back a
# page or two late; more is a numbering this module does not understand, and no witness
_MOST_MOVED = 4


@dataclass(frozen=True)
class Gap:
    """Printed pages the source lacks between two pages it holds."""

    after: int  # printed number of the page before the gap
    before: int  # printed number of the page after it
    count: int  # how many of the printed pages between them are missing

    def __str__(self) -> str:
        first, last = self.after + 1, self.before - 1
        pages = f"page {first}" if first == last else f"pages {first}–{last}"
        return f"printed {pages}" if self.count == last - first + 1 else f"{self.count} of printed {pages}"


@dataclass
class PageCheck:
    """The document with each page once, and what its page numbering showed."""

    document: Document
    problems: list[Problem]
    gaps: list[Gap]
    numbered: bool  # the heads print page numbers (else the contents may witness a gap)
    declared_page_count: int | None  # the page count the heads print ("(34)"), whatever the source holds
    ends_early: bool  # the numbering stops short of the page count it prints, on the source's last page


@dataclass(frozen=True)
class _Numbered:
    page: int  # place in the source
    number: int  # printed number

    @property
    def offset(self) -> int:
        return self.number - self.page


def check_pages(document: Document) -> PageCheck:
    """The document with each page once, its missing and empty pages named; before a layout family reads it."""
    body = split_running_heads(document)
    repeats = _repeats(document, body.pages, body.marks)
    problems = [problem("page_repeated", f"Page {page} repeats page {original}"
                        f"{_printed(body.marks.get(page))}: it was read once.", page)
                for page, original in repeats.items()]
    marks = {page: mark for page, mark in body.marks.items() if page not in repeats}
    numbering = _main_numbering(marks)
    misplaced = _misplacements(numbering)
    moved = _printed_places(misplaced)
    problems += [_out_of_order(window) for window in misplaced]
    gaps = _gaps([_Numbered(moved.get(mark.page, mark.page), mark.number) for mark in numbering])
    problems += [_missing(gap, f"The page numbering skips from {gap.after} to {gap.before}",
                          _page_of(marks, gap.before)) for gap in gaps]
    problems += _empty_pages(document, body.pages, marks)
    pages = [Page(number=page.number, width=page.width, height=page.height) if page.number in repeats else page
             for page in document.pages]
    pages = _in_printed_order(pages, moved)
    return PageCheck(dataclasses.replace(document, pages=pages), problems, gaps,
                     numbered=any(mark.number for mark in marks.values()),
                     declared_page_count=body.declared_page_count,
                     ends_early=_ends_early(document, body.pages, marks))


def contents_gaps(layout: Layout, pages: PageCheck) -> tuple[list[Gap], list[Problem]]:
    """Gaps the contents' page numbers show, where the heads print none: the pages where the contents'
    chapter and area headings stand, against the numbers the contents give them."""
    declared = pages.declared_page_count
    if pages.numbered or not declared or len(pages.document.pages) >= declared:
        return [], []
    headings = [block for block in layout.blocks if isinstance(block, Heading) and block.page is not None
                and (AREA_HEADING.match(block.text) or SECTION_HEADING.match(block.text))]
    found: list[_Numbered] = []
    position = 0
    for entry, number in zip(layout.contents, layout.contents_pages):
        if number is None:
            continue
        match = next((index for index in range(position, len(headings))
                      if _key(headings[index].text) == _key(entry)), None)
        if match is not None and (page := headings[match].page) is not None:
            found.append(_Numbered(page, number))
            position = match + 1
    gaps = _gaps(found, least_run=_CONTENTS_RUN)
    return gaps, [_missing(gap, f"The contents place the headings on printed pages {gap.after} and {gap.before} "
                                f"{gap.count} page{'' if gap.count == 1 else 's'} further apart than the document "
                                f"holds them") for gap in gaps]


def _missing(gap: Gap, witness: str, page: int | None = None) -> Problem:
    verb = "is" if gap.count == 1 else "are"
    return problem("page_missing", f"{witness}: {gap} {verb} missing from the document; the report is not "
                                   f"complete.", page)


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()[:_HEADING_KEY]


def _printed(mark: PageMark | None) -> str:
    return f" (printed page {mark.number})" if mark and mark.number else ""


def _page_of(marks: dict[int, PageMark], number: int) -> int | None:
    return next((page for page, mark in marks.items() if mark.number == number), None)


def _words(lines: list[Line]) -> list[str]:
    return " ".join(line.text for line in lines).split()


def _repeats(document: Document, body: dict[int, list[Line]], marks: dict[int, PageMark]) -> dict[int, int]:
    """Pages that repeat an earlier page -> the page they repeat.

    A numbered page repeats the earlier page of the same printed number when their texts are
    (nearly) the same; an unnumbered page only the page before it, word for word.
    """
    repeats: dict[int, int] = {}
    by_number: dict[tuple[int, int | None], tuple[int, list[str]]] = {}
    previous: tuple[int, list[str], int | None] | None = None
    for page in document.pages:
        words = _words(body.get(page.number, []))
        if not words:
            continue
        mark = marks.get(page.number)
        number = mark.number if mark else None
        if mark and number:
            earlier = by_number.get((number, mark.total))
            if earlier and _similar(earlier[1], words):
                repeats[page.number] = earlier[0]
                continue
            by_number.setdefault((number, mark.total), (page.number, words))
        elif previous and previous[2] is None and previous[1] == words and len(words) >= _UNNUMBERED_REPEAT_WORDS:
            repeats[page.number] = previous[0]
            continue
        previous = (page.number, words, number)
    return repeats


def _similar(first: list[str], second: list[str]) -> bool:
    shared = sum((Counter(first) & Counter(second)).values())
    return 2 * shared >= _SAME_TEXT * (len(first) + len(second))


def _main_numbering(marks: dict[int, PageMark]) -> list[_Numbered]:
    """The numbered pages of the report's own numbering: those that print the page count its first
    numbered page prints (an appended document counts its pages anew)."""
    numbered = sorted((page, mark) for page, mark in marks.items() if mark.number)
    if not numbered:
        return []
    total = numbered[0][1].total
    return [_Numbered(page, mark.number) for page, mark in numbered if mark.total == total and mark.number]


def _gaps(numbered: list[_Numbered], least_run: int = 1) -> list[Gap]:
    """Where the offset between printed number and place in the source rises: pages missing.

    The numbered pages fall into runs of one offset; a run of one page inside the numbering whose
    offset lies outside its neighbours' is a misread number and no witness, and neither is a run of
    fewer than `least_run` pages. A fall of the offset (a numbering that starts again, pages out of
    order) shows no missing page.
    """
    runs: list[list[_Numbered]] = []
    for mark in sorted(set(numbered), key=lambda m: m.page):
        if runs and runs[-1][-1].offset == mark.offset:
            runs[-1].append(mark)
        else:
            runs.append([mark])
    kept: list[list[_Numbered]] = []
    for index, run in enumerate(runs):
        if len(run) < least_run:
            continue
        if 0 < index < len(runs) - 1 and len(run) == 1:
            low, high = sorted((runs[index - 1][0].offset, runs[index + 1][0].offset))
            if not low <= run[0].offset <= high:
                continue
        if kept and kept[-1][-1].offset == run[0].offset:
            kept[-1].extend(run)
        else:
            kept.append(run)
    return [Gap(before[-1].number, after[0].number, after[0].offset - before[-1].offset)
            for before, after in zip(kept, kept[1:]) if after[0].offset > before[-1].offset]


def _misplacements(numbering: list[_Numbered]) -> list[list[_Numbered]]:
    """Runs of adjacent pages out of their printed order, each as its pages in the source's order.

    Where a printed number falls below the one before it on the next page, the smallest run of adjacent
    numbered pages around the fall (up to _MOST_MOVED) whose numbers are exactly their places' numbers under
    the offset of the numbered pages around them (and they agree) is a misplacement. A misread number is no
    such run: the numbers around it stay where they are.
    """
    windows: list[list[_Numbered]] = []
    index = 0
    while index < len(numbering) - 1:
        window = _misplaced(numbering, index) if numbering[index + 1].number < numbering[index].number else None
        if window is None:
            index += 1
            continue
        windows.append(window)
        index = numbering.index(window[-1]) + 1
    return windows


def _printed_places(windows: list[list[_Numbered]]) -> dict[int, int]:
    """Each misplaced page -> the place in the source its printed number gives it."""
    moved: dict[int, int] = {}
    for window in windows:
        lowest = min(mark.number for mark in window)  # printed on the window's first place
        moved.update({mark.page: window[0].page + mark.number - lowest for mark in window})
    return moved


def _misplaced(numbering: list[_Numbered], index: int) -> list[_Numbered] | None:
    """The smallest run of adjacent numbered pages holding `index` and the page after it whose printed numbers
    are their places' under the offset of the numbered pages around the run; None where there is none."""
    for size in range(2, _MOST_MOVED + 1):
        for start in range(max(0, index + 2 - size), index + 1):
            window = numbering[start:start + size]
            if len(window) < size or any(mark.page != window[0].page + k for k, mark in enumerate(window)):
                continue
            around = [numbering[place] for place in (start - 1, start + size) if 0 <= place < len(numbering)
                      and abs(numbering[place].page - window[0].page - (0 if place < start else size - 1)) == 1]
            offsets = {mark.offset for mark in around}
            if len(offsets) != 1:
                continue
            first = window[0].page + offsets.pop()
            if sorted(mark.number for mark in window) == list(range(first, first + size)):
                return window
    return None


def _out_of_order(window: list[_Numbered]) -> Problem:
    places = ", ".join(str(mark.page) for mark in window[:-1]) + f" and {window[-1].page}"
    numbers = ", ".join(str(mark.number) for mark in window[:-1]) + f" and {window[-1].number}"
    return problem("pages_out_of_order", f"Pages {places} print the page numbers {numbers}: they lie out of their "
                                         "printed order and were read in it.", window[0].page)


def _in_printed_order(pages: list[Page], moved: dict[int, int]) -> list[Page]:
    """The pages with those out of order put at the places their printed numbers give them (each keeps its
    number, its place in the source, which values' provenance names)."""
    if not moved:
        return pages
    by_place = {page.number: page for page in pages}
    arriving = {place: by_place[page] for page, place in moved.items()}
    return [arriving.get(page.number, page) for page in pages]


def _empty_pages(document: Document, body: dict[int, list[Line]], marks: dict[int, PageMark]) -> list[Problem]:
    """Pages without any text (not even the heads) between pages whose heads were read."""
    headed = [page.number for page in document.pages if len(page.lines) > len(body.get(page.number, []))]
    if not headed:
        return []
    numbered = sorted((page, mark.number) for page, mark in marks.items() if mark.number)
    problems = []
    for page in document.pages:
        if page.lines or not headed[0] < page.number < headed[-1]:
            continue
        before = [(place, number) for place, number in numbered if place < page.number]
        after = [(place, number) for place, number in numbered if place > page.number]
        expected = ""
        if before and after and after[0][1] - before[-1][1] == after[0][0] - before[-1][0]:
            expected = f" (printed page {before[-1][1] + page.number - before[-1][0]})"
        problems.append(problem(
            "page_empty", f"Page {page.number}{expected} has no text, although the pages around it carry the "
                          f"report's running heads: whatever it holds is missing.", page.number))
    return problems


def _ends_early(document: Document, body: dict[int, list[Line]], marks: dict[int, PageMark]) -> bool:
    """The last numbered page prints a number short of the count beside it, and no text follows it."""
    numbered = [(page, mark) for page, mark in sorted(marks.items()) if mark.number and mark.total]
    if not numbered:
        return False
    last, mark = numbered[-1]
    after = [page for page in document.pages if page.number > last and body.get(page.number)]
    # a numbering that starts after the cover ends short of a count of every page: the place tells
    return mark.number is not None and mark.total is not None and max(mark.number, last) < mark.total \
        and not after
