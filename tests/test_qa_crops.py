"""The QA report's pictures: beside each area score, each changed value and each value a problem is about, a
crop of its page around its box, embedded, which headless Chromium draws."""
from __future__ import annotations

import html
import json
import shutil

import pytest
from test_qa_report import run_chromium, write_report

from kompass.digest import PREVIOUS_DIGEST_FILE
from kompass.qa_crops import Pictures
from kompass.qa_dataset import load_dataset

pytestmark = pytest.mark.slow  # renders crops and draws the report in Chromium

# Injected into a copy of the page (the report itself has no script): the crops Chromium decoded and drew.
CROP_PROBE = """<script>
window.addEventListener("load", () => {
  const out = document.createElement("pre");
  out.id = "crops";
  out.textContent = JSON.stringify([...document.querySelectorAll("img.crop")].map(
    (e) => [e.alt, e.complete && e.naturalWidth > 0, e.getBoundingClientRect().width > 0]));
  document.body.appendChild(out);
});
</script>"""


def _drawn_crops(page: str, tmp_path) -> list[list]:
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", CROP_PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(probed.as_uri(), tmp_path / "profile", "--window-size=1200,2000",
                       "--virtual-time-budget=5000", "--dump-dom").stdout
    start = dom.index('<pre id="crops">') + len('<pre id="crops">')
    return json.loads(html.unescape(dom[start:dom.index("</pre>", start)]))


def _dataset_copy(pdf_extracted, tmp_path):
    """The PDF fixtures' dataset, copied so that a test may give it a previous run."""
    copy = tmp_path / "dataset"
    shutil.copytree(pdf_extracted("a").out, copy)
    return copy


def test_every_area_score_has_its_crop_and_chromium_draws_them(pdf_extracted, tmp_path):
    dataset = _dataset_copy(pdf_extracted, tmp_path)
    areas = pdf_extracted("a").tables["areas"]
    status, output = write_report(dataset)
    assert status == 0, output
    drawn = _drawn_crops((dataset / "report.html").read_text(encoding="utf-8"), tmp_path)
    assert sorted(alt.split(" on ")[0] for alt, _, _ in drawn) == sorted(f"area {a['area_no']}" for a in areas)
    assert all(decoded and shown for _, decoded, shown in drawn)


def test_a_changed_score_is_shown_beside_the_crop_of_where_it_was_read(pdf_extracted, tmp_path):
    dataset = _dataset_copy(pdf_extracted, tmp_path)
    digest = json.loads((dataset / "digest.json").read_text(encoding="utf-8"))
    digest["subjects"]["vallentuna-2019"]["areas"]["2"] -= 5  # the previous run read area 2 otherwise
    (dataset / PREVIOUS_DIGEST_FILE).write_text(json.dumps(digest), encoding="utf-8")
    status, output = write_report(dataset)
    assert status == 0, output
    page = (dataset / "report.html").read_text(encoding="utf-8")
    changes = page[page.index('<section id="changes">'):page.index("</section>", page.index('id="changes"'))]
    assert changes.count('<img class="crop"') == 1 and 'alt="area 2 on page' in changes


def test_a_problem_about_an_area_or_a_subquestion_shows_its_value(pdf_extracted):
    dataset = load_dataset(pdf_extracted("a").out)
    pictures = Pictures(dataset)
    about_area = {"report_id": "vallentuna-2019", "message": "Område 3: no score box; its score ..."}
    assert pictures.of_problem(about_area).startswith('<img class="crop" src="data:image/png;base64,')
    assert 'alt="area 3 on page' in pictures.of_problem(about_area)
    assert pictures.of_problem({"report_id": "vallentuna-2019", "message": "The cover's year is unreadable"}) == ""
    assert pictures.of_problem({"report_id": None, "message": "Område 3: ..."}) == ""
