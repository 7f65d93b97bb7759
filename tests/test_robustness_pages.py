"""Issue #17, page integrity: a page missing from the middle, a page printed twice, a page that cannot be read,
and pdftotext's renderings with a form feed between pages.

A variant whose text is all there gives the plain rendering's tables; one that lacks a page names it
(`page_missing`, `page_empty`) and publishes everything else as the plain rendering does, nothing of the lost
page invented.
"""
from __future__ import annotations

import pytest

from helpers.reportbuild import PDFTOTEXT
from helpers.reportdesc import describe
from helpers.reportplan import RubricBox, ScoreTable, Style, plan
from helpers.robustness import CASES, PAGE_COLUMNS, REPORT_TABLES, SOURCE_COLUMNS, assert_tables_equal, cases
from helpers.tools import require_tool

MOLNDAL = describe("Mölndal", 2015, suffix="stad", quoted_prior_year=2012)
# pdftotext's renderings, plain and -layout, where poppler is installed (test_issue_17_pdftotext_is_installed)
PAGED = ("paged", "paged-layout") if PDFTOTEXT else ()
PAGE_FORMATS = ("pdf", "flat", "transcript", *PAGED)
AREA_PAGE, SCORES_PAGE = 8, 13  # area 5's page; section 4's second page, with the tables of areas 4-6

PLAIN = cases("molndal-2015-pages-plain", MOLNDAL, fmts=PAGE_FORMATS)
MISSING = {page: cases(f"molndal-2015-page-{page}-missing", MOLNDAL, Style(dropped_page=page), PAGE_FORMATS)
           for page in (AREA_PAGE, SCORES_PAGE)}
REPEATED_PAGE = 7
REPEATED = cases("molndal-2015-page-7-twice", MOLNDAL, Style(repeated_page=REPEATED_PAGE), PAGE_FORMATS)
# pdftotext's text without its form feeds (a viewer's copy): the heads' "12 (34)", or a footer's bare "12", cut
# the pages
UNPAGED_FORMATS = ("unpaged", "unpaged-layout") if PDFTOTEXT else ()
UNPAGED = cases("molndal-2015-pages-unpaged", MOLNDAL, fmts=UNPAGED_FORMATS)
FOOTED = Style(head="KommunKompassen – Mölndals stad 2015", foot="{page}")
FOOTED_FORMATS = ("paged", "paged-layout", *UNPAGED_FORMATS) if PDFTOTEXT else ()
FOOTED_CASES = cases("molndal-2015-numbered-footers", MOLNDAL, FOOTED, FOOTED_FORMATS)
# a sheet fed in the wrong order: area 5's page before area 4's end; section 4's two pages of tables swapped
SWAPPED = {page: cases(f"molndal-2015-pages-{page}-{page + 1}-swapped", MOLNDAL, Style(swapped_page=page),
                       PAGE_FORMATS) for page in (AREA_PAGE - 1, SCORES_PAGE - 1)}
DAMAGED = cases("molndal-2015-page-13-undecodable", MOLNDAL, Style(damaged_page=SCORES_PAGE), ("pdf", *PAGED))
NOT_A_PAGE = cases("molndal-2015-page-8-not-a-page", MOLNDAL, Style(not_a_page=AREA_PAGE), ("pdf",))
# a web transcript's heads, and a PDF's, print the page count alone: the contents' page numbers witness the gap
COUNT_HEAD = Style(head="Sveriges Kommuner och Landsting ({pages})")
COUNT_FORMATS = ("pdf", "flat", "transcript", *PAGED[1:])
COUNT_PLAIN = cases("molndal-2015-count-heads", MOLNDAL, COUNT_HEAD, COUNT_FORMATS)
COUNT_MISSING = cases("molndal-2015-count-heads-page-8-missing", MOLNDAL,
                      Style(head=COUNT_HEAD.head, dropped_page=AREA_PAGE), COUNT_FORMATS)


def test_issue_17_pdftotext_is_installed():
    """The paged renderings are made by poppler's pdftotext: without it their cases are not built."""
    require_tool("pdftotext", "apt-get install poppler-utils")


def _standing_on(page: int) -> tuple[set[int], set[int]]:
    """The areas whose part of the report, and those whose section 4 table, stand on a page of the plan."""
    blocks = plan(MOLNDAL, Style())[page - 1]
    parts = {area["area_no"] for area in MOLNDAL["areas"] for block in blocks
             if isinstance(block, RubricBox) and block.items == area["rubrics"]}
    return parts, {block.area_no for block in blocks if isinstance(block, ScoreTable)}


def _strip(row: dict) -> dict:
    return {key: value for key, value in row.items() if key not in ("report_id", *SOURCE_COLUMNS, *PAGE_COLUMNS)}


def _report(robust, name: str) -> dict:
    return {key: value for key, value in _strip(robust.report_row(name)).items() if key != "complete"}


def _rows(robust, name: str, lost_page: int | None = None) -> dict[str, list[dict]]:
    """The case's rows of the report's tables; with `lost_page`, without those of what stands on that page."""
    parts, tables = _standing_on(lost_page) if lost_page else (set(), set())

    def lost(table: str, row: dict) -> bool:
        return row["area_no"] in (tables if table == "subquestions" else parts)

    report_id = CASES[name].report_id
    return {table: [_strip(row) for row in robust.tables(name)[table]
                    if row["report_id"] == report_id and not lost(table, row)]
            for table in REPORT_TABLES if table != "reports"}


def _problems(robust, name: str, code: str) -> list[tuple[int | None, str]]:
    return [(found["page"], found["message"]) for found in robust.problems(name) if found["code"] == code]


def test_issue_17_the_pages_of_the_plan_hold_what_the_cases_lose():
    assert _standing_on(AREA_PAGE) == ({5}, set())
    assert _standing_on(SCORES_PAGE) == (set(), {4, 5, 6})


@pytest.mark.parametrize("fmt", PAGE_FORMATS)
@pytest.mark.parametrize("page", [AREA_PAGE, SCORES_PAGE])
def test_issue_17_a_page_missing_from_the_middle_is_named_and_nothing_of_it_is_invented(robust, page, fmt):
    name, plain = MISSING[page][fmt], PLAIN[fmt]
    assert [message for _, message in _problems(robust, name, "page_missing")] == [
        f"The page numbering skips from {page - 1} to {page + 1}: printed page {page} is missing from the "
        f"document; the report is not complete."]
    assert robust.report_row(name)["complete"] is False and robust.report_row(plain)["complete"] is True
    assert _report(robust, name) == _report(robust, plain)
    assert_tables_equal(_rows(robust, name), _rows(robust, plain, lost_page=page), name)


def test_issue_17_an_area_on_a_missing_page_is_named_as_not_found(robust):
    messages = [p["message"] for p in robust.problems(MISSING[AREA_PAGE]["pdf"]) if p["code"] == "area_not_found"]
    assert [message.split(" is named")[0] for message in messages] == ["Område 5"]


@pytest.mark.parametrize("fmt", COUNT_FORMATS)
def test_issue_17_without_page_numbers_the_contents_witness_the_missing_page(robust, fmt):
    name, plain = COUNT_MISSING[fmt], COUNT_PLAIN[fmt]
    assert [message for _, message in _problems(robust, name, "page_missing")] == [
        f"The contents place the headings on printed pages {AREA_PAGE - 1} and {AREA_PAGE + 1} 1 page further "
        f"apart than the document holds them: printed page {AREA_PAGE} is missing from the document; the report "
        f"is not complete."]
    assert robust.report_row(name)["complete"] is False
    assert _report(robust, name) == _report(robust, plain)
    assert_tables_equal(_rows(robust, name), _rows(robust, plain, lost_page=AREA_PAGE), name)


@pytest.mark.parametrize("fmt", PAGE_FORMATS)
def test_issue_17_a_page_printed_twice_is_read_once(robust, fmt):
    name, plain = REPEATED[fmt], PLAIN[fmt]
    repeat = REPEATED_PAGE + 1  # where the second print stands in the source
    assert _problems(robust, name, "page_repeated") == [
        (repeat, f"Page {repeat} repeats page {REPEATED_PAGE} (printed page {REPEATED_PAGE}): it was read once.")]
    robust.assert_same_as(name, plain, ignore_columns=PAGE_COLUMNS, ignore_tables=("problems",))
    others = [_strip(found) for found in robust.problems(name) if found["code"] != "page_repeated"]
    assert others == [_strip(found) for found in robust.problems(plain)]


@pytest.mark.parametrize("fmt", PAGE_FORMATS)
@pytest.mark.parametrize("page", [AREA_PAGE - 1, SCORES_PAGE - 1])
def test_pages_out_of_their_printed_order_are_read_in_it_and_named(robust, page, fmt):
    """The running heads' page numbers witness the order: the tables are the plain rendering's, and a warning
    names the pages (each value keeps the page of the source it stands on)."""
    name, plain = SWAPPED[page][fmt], PLAIN[fmt]
    assert _problems(robust, name, "pages_out_of_order") == [
        (page, f"Pages {page} and {page + 1} print the page numbers {page + 1} and {page}: they lie out of their "
               "printed order and were read in it.")]
    robust.assert_same_as(name, plain, ignore_columns=PAGE_COLUMNS, ignore_tables=("problems",))
    # problems stand in the order of the source's pages, which is not the printed order here
    others = [_strip(found) for found in robust.problems(name) if found["code"] != "pages_out_of_order"]
    assert sorted(others, key=str) == sorted((_strip(found) for found in robust.problems(plain)), key=str)


@pytest.mark.parametrize("fmt", UNPAGED_FORMATS)
def test_a_copy_without_page_breaks_is_cut_into_pages_at_its_heads_page_numbers(robust, fmt):
    name, paged = UNPAGED[fmt], PLAIN[fmt.replace("unpaged", "paged")]
    assert robust.report_row(name)["rendering"] == "paged"
    robust.assert_same_as(name, paged)  # the same pages, so every value on the same page


@pytest.mark.parametrize("fmt", UNPAGED_FORMATS)
def test_a_copy_without_page_breaks_is_cut_into_pages_at_its_footers_page_numbers(robust, fmt):
    name, paged = FOOTED_CASES[fmt], FOOTED_CASES[fmt.replace("unpaged", "paged")]
    assert robust.report_row(name)["rendering"] == "paged"
    robust.assert_same_as(name, paged)  # the same pages, so every value on the same page


@pytest.mark.parametrize("fmt", ["pdf", *PAGED])
def test_issue_17_a_page_whose_content_cannot_be_decoded_is_named_and_nothing_of_it_is_invented(robust, fmt):
    name, plain = DAMAGED[fmt], PLAIN[fmt]
    assert [page for page, _ in _problems(robust, name, "page_empty")] == [SCORES_PAGE]
    assert f"Page {SCORES_PAGE} (printed page {SCORES_PAGE}) has no text" in _problems(robust, name, "page_empty")[0][1]
    assert robust.report_row(name)["complete"] is True  # the document runs to the end; the warning names the loss
    assert _report(robust, name) == _report(robust, plain)
    assert_tables_equal(_rows(robust, name), _rows(robust, plain, lost_page=SCORES_PAGE), name)


def test_issue_17_a_page_tree_entry_that_is_no_page_is_named_and_nothing_of_it_is_invented(robust):
    name, plain = NOT_A_PAGE["pdf"], PLAIN["pdf"]
    assert [page for page, _ in _problems(robust, name, "page_unreadable")] == [AREA_PAGE]
    assert [page for page, _ in _problems(robust, name, "page_empty")] == [AREA_PAGE]
    assert _report(robust, name) == _report(robust, plain)
    assert_tables_equal(_rows(robust, name), _rows(robust, plain, lost_page=AREA_PAGE), name)


@pytest.mark.parametrize("fmt", PAGED)
def test_issue_17_pdftotext_renderings_give_the_flat_renderings_tables(robust, fmt):
    """Heads stripped wherever pdftotext put their pieces, the report's date kept; a section 4 that pdftotext
    read column by column (plain mode, a table drawn cell by cell) is named as unread."""
    name, flat = PLAIN[fmt], PLAIN["flat"]
    got, want = (robust.comparable(case, (*PAGE_COLUMNS, "rendering")) for case in (name, flat))
    if not got["subquestions"]:
        assert [p["code"] for p in robust.problems(name) if p["code"] == "subquestions_not_found"] == [
            "subquestions_not_found"]
        want["subquestions"] = []
        want["problems"] = [p for p in want["problems"] if not p["message"].startswith("Subquestion")]
    got["problems"] = [p for p in got["problems"] if p["code"] != "subquestions_not_found"]
    assert_tables_equal(got, want, f"{name} differs from {flat}")
