"""`kompass show`: a value of a report, its page and box, and a picture of it on its page."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image

from kompass.cli import main
from kompass.crops import DPI, MARGIN

pytestmark = pytest.mark.slow  # extracts the PDF fixtures


def _show(*arguments: str):
    return CliRunner().invoke(main, ["show", *arguments])


def test_an_area_score_is_shown_with_its_page_box_and_a_picture(pdf_extracted, tmp_path):
    run = pdf_extracted("a")
    area = next(row for row in run.tables["areas"] if row["report_id"] == "sollentuna-2018" and row["area_no"] == 3)
    png = tmp_path / "score.png"
    result = _show(str(run.out), "sollentuna-2018", "--area", "3", "--png", str(png))
    assert result.exit_code == 0, result.output
    assert f"area 3 score: {area['score']}" in result.output
    assert f"page {area['page']}, box [{area['bbox'][0]:.1f}" in result.output
    image = Image.open(png).convert("RGB")
    x0, top, x1, bottom = area["bbox"]
    scale = DPI / 72
    assert abs(image.width - (x1 - x0 + 2 * MARGIN) * scale) < 4
    assert abs(image.height - (bottom - top + 2 * MARGIN) * scale) < 4
    # the box is outlined in red, where the margin puts it
    red = [(x, y) for x in range(image.width) for y in range(image.height)
           if image.getpixel((x, y))[0] > 180 and image.getpixel((x, y))[1] < 80]
    assert red and min(x for x, _ in red) < MARGIN * scale and max(x for x, _ in red) > image.width - MARGIN * scale


def test_a_metadata_field_of_a_text_copy_is_shown_by_its_characters(extracted):
    report = next(row for row in extracted.tables["reports"] if row["total_score"] is not None
                  and row["source_format"] == "text")
    result = _show(str(extracted.out), str(report["report_id"]), "--field", "total_score")
    assert result.exit_code == 0, result.output
    assert f"total_score: {report['total_score']}" in result.output and "characters " in result.output
    quoted = result.output.splitlines()[-1]
    assert str(report["total_score"]) in quoted


def test_a_text_copy_has_no_picture_and_an_unknown_value_is_a_usage_error(extracted, tmp_path):
    report_id = str(extracted.tables["reports"][0]["report_id"])
    no_picture = _show(str(extracted.out), report_id, "--area", "1", "--png", str(tmp_path / "x.png"))
    assert no_picture.exit_code == 2 and "no box" in no_picture.output
    assert not (tmp_path / "x.png").exists()
    unknown = _show(str(extracted.out), "nowhere-1999", "--area", "1")
    assert unknown.exit_code == 2 and "has no report nowhere-1999" in unknown.output
    both = _show(str(extracted.out), report_id, "--area", "1", "--code", "1.1")
    assert both.exit_code == 2
