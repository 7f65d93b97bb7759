"""parsers.grammar on appended parts: what an appended evaluation gives, and what is never read as an earlier one."""
from __future__ import annotations

from extract.model import Document
from parsers.blocks import FindingsBlock, Heading, Layout, Paragraph, RubricBox
from parsers.grammar import build_report
from parsers.page_sequence import check_pages

COVER = ["KommunKompassen", "ANALYS AV", "LERUMS KOMMUN 2018", "Anna Berg, SKL"]


def _area(n: int, score: int | None, page: int) -> list:
    box = [RubricBox(["Rubrik"], score, page)] if score is not None else []
    return [Heading(f"Område {n} Offentlighet och demokrati" if n == 1 else f"Område {n} Tillgänglighet", page),
            *box, Paragraph("Text om området.", page), FindingsBlock([], page)]


def _report(appended: list):
    blocks = [Heading("3 Detaljerad genomgång per område", 2), *_area(1, 70, 2), *_area(2, 60, 3),
              Heading("5 Kortfakta om Lerums kommun", 4), Paragraph("Lerum har många invånare.", 4), *appended]
    layout = Layout(COVER, [], blocks, [], 9, 9)
    document = Document("r.pdf", "0" * 64, "pdf", "pdf")
    return build_report(document, layout, check_pages(document))


def _codes(report) -> dict[str, str]:
    return {p.code: p.severity for p in report.problems}


def test_an_appended_earlier_evaluation_gives_prior_scores_and_an_info():
    report = _report([Heading("Bilaga: 2015 års Kommunkompass", 6), *_area(1, 55, 7), *_area(2, 50, 8)])
    assert sorted((p.ref_year, p.area_no, p.score) for p in report.prior_scores) == [(2015, 1, 55), (2015, 2, 50)]
    assert [(a.area_no, a.score) for a in report.areas] == [(1, 70), (2, 60)]
    assert _codes(report)["appendix_evaluation_read"] == "info"


def test_an_appended_evaluation_of_the_reports_own_year_gives_no_prior_scores_and_a_warning():
    """Issue 17, class 3: an appended part's year is before the report's, or it is no earlier evaluation."""
    report = _report([Heading("Bilaga: 2018 års Kommunkompass", 6), *_area(1, 55, 7), *_area(2, 50, 8)])
    assert report.prior_scores == []
    assert _codes(report)["appendix_year_not_earlier"] == "warning"
    assert "appendix_evaluation_read" not in _codes(report)


def test_an_appended_evaluation_that_gives_no_score_is_a_warning():
    report = _report([Heading("Bilaga: 2015 års Kommunkompass", 6), *_area(1, None, 7), *_area(2, None, 8)])
    assert report.prior_scores == []
    assert _codes(report)["appendix_evaluation_unscored"] == "warning"
    assert "appendix_evaluation_read" not in _codes(report)
