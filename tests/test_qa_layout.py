"""The QA report laid out by Chromium: wide tables wrap, charts and their titles stay whole on any window;
and the changes name the source each value was read from."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from test_qa_report import extract_to, has_run, parse, run_chromium, write_report

from helpers.paths import TEXT_SAMPLE
from kompass.digest import metadata_fields, run_digest
from kompass.qa_changes import changes_section
from kompass.qa_charts import text_width
from kompass.qa_dataset import QaDataset, load_dataset
from kompass.qa_report import render_report

pytestmark = pytest.mark.slow  # renders the report in headless Chromium

# Injected into a copy of the page (the report itself has no script): what does not fit, as JSON in a <pre>.
# Injected into a copy of the page (the report itself has no script): what runs off the page or out of its box,
# and which tables scroll in a box of their own (div.wide), as JSON in a <pre>.
LAYOUT_PROBE = """<script>
window.addEventListener("load", () => {
  const page = document.documentElement.clientWidth, misfits = [], scrolling = [];
  const right = (e) => e.getBoundingClientRect().right;
  const name = (e) => [e.tagName, e.className.baseVal ?? e.className, e.textContent.slice(0, 40)];
  if (document.documentElement.scrollWidth > page) misfits.push(["page", document.documentElement.scrollWidth]);
  document.querySelectorAll("div.wide").forEach((e) => { if (e.scrollWidth > e.clientWidth + 1) scrolling.push(
    name(e.firstElementChild)[1]); });
  document.querySelectorAll("table, figure, figcaption, svg, h2, h3, h4, dl").forEach((e) => {
    if (e.closest("div.wide")) return;
    if (right(e) > page + 1 || e.scrollWidth > e.clientWidth + 1) misfits.push([...name(e), Math.round(right(e))]);
  });
  document.querySelectorAll("svg text").forEach((e) => {
    const box = e.getBBox(), view = e.ownerSVGElement.viewBox.baseVal;
    if (box.x < -0.5 || box.x + box.width > view.width + 0.5) misfits.push(["text", e.textContent, box.x]);
  });
  const out = document.createElement("pre");
  out.id = "layout";
  out.textContent = JSON.stringify({misfits, scrolling});
  document.body.appendChild(out);
});
</script>"""


def layout(page: str, width: int, tmp_path: Path) -> dict[str, list]:
    """What of the page Chromium, in a window `width` pixels wide, draws beyond its box or the page (misfits),
    and the tables that scroll in their own box (scrolling)."""
    probed = tmp_path / f"probed-{width}.html"
    probed.write_text(page.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    dom = run_chromium(probed.as_uri(), tmp_path / "profile", f"--window-size={width},2000",
                       "--virtual-time-budget=5000", "--dump-dom").stdout
    start = dom.index('<pre id="layout">') + len('<pre id="layout">')
    return json.loads(html.unescape(dom[start:dom.index("</pre>", start)]))


@pytest.fixture(scope="module")
def wide_titled_page(extracted) -> str:
    """The sample's QA page with its areas titled in capitals, as some reports print them, the longest in the
    widest ones: a chart's labels must be measured by their letters to be shown whole."""
    dataset = load_dataset(extracted.out)
    for area in dataset.areas:
        area["title"] = str(area["title"]).upper() if area["area_no"] != 1 else " ".join(["MMMM WWWW"] * 6)
    return render_report(dataset)


def test_on_a_laptop_window_every_table_wraps_and_nothing_runs_off_the_page(wide_titled_page, tmp_path):
    assert layout(wide_titled_page, 1024, tmp_path) == {"misfits": [], "scrolling": []}


def test_on_a_phone_only_the_documents_table_scrolls_in_its_box(wide_titled_page, tmp_path):
    """Its columns need more room for their words than a phone has; the charts scale down, whole."""
    assert layout(wide_titled_page, 480, tmp_path) == {"misfits": [], "scrolling": ["overview"]}


def test_chart_labels_are_measured_by_the_width_of_their_letters():
    assert text_width("iiii", 11) < text_width("aaaa", 11) < text_width("OOOO", 11) < text_width("WWWW", 11)
    assert text_width("MMMM WWWW", 11) > 8 * len("MMMM WWWW")  # more than the old 8 px a character


def test_the_changes_of_a_two_run_dataset_fit_a_narrow_window(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    edited = inputs / TEXT_SAMPLE[0].name
    edited.write_text(TEXT_SAMPLE[0].read_text(encoding="utf-8"), encoding="utf-8")
    dataset = tmp_path / "processed"
    extract_to(dataset, inputs)
    edited.write_text(edited.read_text(encoding="utf-8").replace("2018-06-19", "2018-06-20"), encoding="utf-8")
    extract_to(dataset, inputs)
    assert write_report(dataset, "--out", str(tmp_path / "report.html"))[0] == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "report_date" in parse(page).sections["changes"]
    assert layout(page, 1024, tmp_path) == {"misfits": [], "scrolling": []}
    assert layout(page, 480, tmp_path)["misfits"] == []


def _report(source_path: str, **changed) -> dict:
    report = {name: None for name in metadata_fields()}
    report.update(report_id="sollentuna-2015", source_path=source_path, total_score=551, **changed)
    return report


def test_a_report_published_from_another_input_names_both_and_the_problems_their_own():
    """A re-run that publishes a report from its PDF instead of its text copy: every column names its source."""
    before = {"reports": [_report("copy.txt", source_format="text", reader="text")],
              "areas": [{"report_id": "sollentuna-2015", "area_no": 1, "score": 65}]}
    duplicate = {"source_path": "copy.txt", "report_id": "sollentuna-2015", "severity": "warning",
                 "code": "duplicate_report", "page": None, "message": "Another input (kk.pdf) is the same report."}
    after = {"reports": [_report("kk.pdf", source_format="pdf", reader="pdfium")],
             "areas": [{"report_id": "sollentuna-2015", "area_no": 1, "score": 66}], "problems": [duplicate]}
    dataset = QaDataset(Path("processed"), [], [], [], [], [], {}, {}, [{}, {}], digest=run_digest(after, "t1"),
                      previous_digest=run_digest(before, "t0"))
    changes = parse(changes_section(dataset)).sections["changes"]
    assert has_run(changes, ["sollentuna-2015", "(changed; kk.pdf, before copy.txt)"])
    assert has_run(changes, ["Metadata", "Before", "copy.txt", "After", "kk.pdf", "source_path", "copy.txt", "kk.pdf",
                             "source_format", "text", "pdf", "reader", "text", "pdfium"])
    assert has_run(changes, ["Score", "Before", "copy.txt", "After", "kk.pdf", "Change", "area 1", "65", "66", "+1"])
    assert has_run(changes, ["New problems: 1", "Severity", "Code", "Source", "Page", "Message", "warning",
                             "duplicate_report", "copy.txt", "—"])
