"""Renders gold reports in every house style, extracts them and scores each style with the project's scorer.

    cd tests && python -m helpers.houselab OUT [--style NAME ...] [--gold FILE ...] [--scorer PATH]

OUT gets pdf/<style>/ (the rendered PDFs), gold/<style>/ (each gold with its
`source.file` set to the PDF it was rendered into), data/<style>/ (what
`kompass extract` made of them) and scores/<style>.json; the figures of every
style are printed as one table. Golds default to the test fixtures' text copies, one per report: two golds
of one report in a run would be one report twice, which the pipeline keeps once.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from helpers.housestyle import STYLES, rendered_gold, to_pdf, write_docx

TESTS = Path(__file__).resolve().parent.parent
FIXTURE_GOLDS = sorted((TESTS / "fixtures" / "gold" / "text").glob("*.json"))
SCORER = TESTS.parent.parent / "shared" / "eval" / "score.py"  # the shared scorer, beside the repository
FIGURES = ("metadata", "areas", "subquestions", "rubrics", "findings", "findings_segmentation", "findings_wrong_kind",
           "prior_scores", "sections")


def render(golds: list[Path], styles: list[str], out: Path) -> None:
    """Every gold in every style: the PDFs under out/pdf/<style>, their golds under out/gold/<style>."""
    jobs = []
    for name in styles:
        for gold_path in golds:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            stem = f"{gold_path.stem}.{name}"
            docx = write_docx(gold, STYLES[name], out / "docx" / f"{stem}.docx")
            jobs.append((name, gold, docx))
    for name in styles:
        pdfs = to_pdf([docx for style, _, docx in jobs if style == name], out / "pdf" / name)
        gold_dir = out / "gold" / name
        gold_dir.mkdir(parents=True, exist_ok=True)
        for (_, gold, _), pdf in zip([job for job in jobs if job[0] == name], pdfs):
            (gold_dir / f"{pdf.stem}.json").write_text(json.dumps(rendered_gold(gold, pdf), ensure_ascii=False),
                                                       encoding="utf-8")


def score(styles: list[str], out: Path, scorer: Path) -> dict[str, dict]:
    figures = {}
    for name in styles:
        data = out / "data" / name
        subprocess.run([sys.executable, "-c", "from kompass.cli import main; main()", "extract",
                        str(out / "pdf" / name), "--out", str(data), "--no-cache"], check=True, capture_output=True)
        result = out / "scores" / f"{name}.json"
        result.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(scorer), "--data", str(data), "--gold", str(out / "gold" / name),
                        "--json", str(result)], check=True, capture_output=True)
        figures[name] = json.loads(result.read_text(encoding="utf-8"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--style", action="append", choices=sorted(STYLES))
    parser.add_argument("--gold", action="append", type=Path)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    args = parser.parse_args()
    styles = args.style or list(STYLES)
    (args.out / "docx").mkdir(parents=True, exist_ok=True)
    render(args.gold or FIXTURE_GOLDS, styles, args.out)
    figures = score(styles, args.out, args.scorer)
    print(f"{'style':20}" + "".join(f"{figure[:12]:>13}" for figure in FIGURES))
    for name, result in figures.items():
        summary = result["summary"]
        print(f"{name:20}" + "".join(f"{'-' if summary.get(figure) is None else f'{summary[figure]:.3f}':>13}"
                                     for figure in FIGURES))


if __name__ == "__main__":
    main()
