"""Where things are: the repository, the bundled sample, the fixtures and their gold files.

Everything is located relative to this package, so the suite runs from any clone.
"""
from __future__ import annotations

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = TESTS_DIR.parent
RAW_DIR = REPO_ROOT / "data" / "raw"
# The text copies of the bundled sample: most tests run on these alone, as reading the sample's PDF (a copy of
# one of them, which the README's first command shows) takes seconds; the PDF tests use tests/fixtures/pdf.
TEXT_SAMPLE = sorted(path for path in RAW_DIR.iterdir() if path.suffix.lower() != ".pdf")
SAMPLE_PDF = RAW_DIR / "kk-0aecb26ddfde.pdf"
FIXTURES = TESTS_DIR / "fixtures"
GOLD_DIR = FIXTURES / "gold" / "text"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
PDF_DIR = FIXTURES / "pdf"
PDF_GOLD_FILES = sorted((FIXTURES / "gold" / "pdf").glob("*/*.json"))

TABLE_NAMES = ("reports", "areas", "subquestions", "findings", "rubrics", "prior_scores", "sections", "provenance",
               "panel", "catalog_areas", "catalog_questions", "problems", "problem_codes", "documents", "corrections",
               "scores")

