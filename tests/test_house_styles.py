"""Reports in house styles the sample never shows, written by Word-like templates (tests/housestyle.py).

Each style renders one gold report through python-docx and LibreOffice; the
extracted tables must be the gold's. The whole catalogue of styles runs in the
lab (tests/houselab.py) with the project's scorer; these are the representative
few, rendered and extracted once per session.
"""
from __future__ import annotations

import pytest

from helpers.housestyle import STYLES, rendered_gold, to_pdf, write_docx
from helpers.paths import GOLD_DIR
from helpers.reportdesc import describe, expected_tables, observed_tables
from helpers.runs import load_gold, report_for_gold, run_extract_cli
from helpers.tools import require_tool

pytestmark = pytest.mark.lab

# style name -> the gold it renders (each a report of its own: one report twice would be kept once)
CASES = {
    # serif body (Caladea, with ligatures); headings larger but not bold, sub-headings bold in body size;
    # findings a row per strength/improvement pair without borders; a running title and a bare page number;
    # a described report of the 2010 criteria that quotes the earlier evaluation's scores
    "serif-large": describe("Lerum", 2012, quoted_prior_year=2009),
    # italic headings; "Område N" on a line of its own above the title; findings as headed lists with "▪";
    # no dot leaders in the contents; "Sida N av M" footers; items the source could not place, earlier scores
    "italic-own-line": GOLD_DIR / "sollentuna-2018.json",
    # coloured headings, not bold; numbered sub-headings ("3.1.2 Allmänt"); "Område N – TITEL" in upper case;
    # bullets "✓"; a smaller body (DejaVu Sans 10 pt)
    "coloured-numbered": GOLD_DIR / "vallentuna-2019.json",
    # wide margins, so that big area headings wrap onto two lines; the score on a line of its own ("Poäng: 76");
    # findings as numbered lists ("1."); an unfinished report (no section 4)
    "narrow-wrapped": GOLD_DIR / "sollentuna-2015.json",
    # big bold area headings that wrap ("Område 8: Kommunen som" / "samhällsbyggare") right under a chapter
    # heading of the same look, which stays a heading of its own; headed lists under other headers, with "–"
    "wrapped-colon": describe("Strängnäs", 2017, evaluation_number=3),
}
TABLES = ("reports", "areas", "rubrics", "findings", "sections", "subquestions", "prior_scores")


@pytest.fixture(scope="session")
def house_styles(tmp_path_factory) -> tuple[dict[str, dict], dict]:
    """(style -> gold of its PDF, the tables extracted from all the PDFs), made once per session."""
    require_tool("soffice", "apt-get install libreoffice-writer")
    work = tmp_path_factory.mktemp("house_styles")
    sources = {name: source if isinstance(source, dict) else load_gold(source) for name, source in CASES.items()}
    documents = [write_docx(gold, STYLES[name], work / f"{name}.docx") for name, gold in sources.items()]
    pdfs = to_pdf(documents, work / "pdf")
    golds = {name: rendered_gold(sources[name], pdf) for name, pdf in zip(CASES, pdfs)}
    return golds, run_extract_cli(work / "pdf", out=work / "processed").tables


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("style", CASES)
def test_house_style_tables_are_the_gold(house_styles, style: str, table: str) -> None:
    golds, tables = house_styles
    gold = golds[style]
    report = report_for_gold(tables, gold)
    assert observed_tables(tables, report["report_id"])[table] == expected_tables(gold)[table]
