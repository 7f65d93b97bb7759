"""`kompass report`: the HTML quality report of a dataset, read as text and rendered by headless Chromium."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from PIL import Image

from helpers.paths import RAW_DIR, TEXT_SAMPLE
from helpers.runs import read_tables
from helpers.tools import require_tool
from kompass.cli import main
from kompass.qa_dataset import load_dataset, source_file
from kompass.qa_html import page_cell

pytestmark = pytest.mark.slow  # renders the report in headless Chromium

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOTAL_BAR_RGB = (0x3F, 0x6F, 0xB5)  # the bars of "Total score per report"
WARNING_RGB = (0xEF, 0x8F, 0x00)  # warning bars and badges


class SectionText(HTMLParser):
    """The text of the page, one stripped piece per text node, grouped by the id of its <section>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "section":
            self._current = dict(attrs).get("id") or ""
            self.sections[self._current] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and data.strip():
            self.sections[self._current].append(data.strip())


def parse(page: str) -> SectionText:
    parser = SectionText()
    parser.feed(page)
    return parser


def has_run(tokens: list[str], run: list[str]) -> bool:
    """Whether run appears as consecutive pieces of text in tokens."""
    return any(tokens[i:i + len(run)] == run for i in range(len(tokens) - len(run) + 1))


def shown(value: object) -> str:
    """A value as the report's cells show it."""
    return "—" if value is None else str(value)


def document_sections(parsed: SectionText) -> dict[str, list[str]]:
    """Each document's section text by its source path (the first piece of the section's heading)."""
    return {tokens[0]: tokens for section_id, tokens in parsed.sections.items() if section_id.startswith("doc-")}


def chromium() -> str:
    return require_tool("chromium", "apt-get install chromium on Debian, as .ci/run does")


def run_chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    completed = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, url],
                               capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed


def write_report(dataset: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["report", str(dataset), *extra])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def extract_to(out: Path, *inputs: Path) -> dict[str, list[dict]]:
    options = {param.name for param in main.commands["extract"].params}
    args = ["extract", *map(str, inputs), "--out", str(out), *(["--no-cache"] if "no_cache" in options else [])]
    result = CliRunner().invoke(main, args)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return read_tables(out)


@pytest.fixture(scope="module")
def sample_report(extracted, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("qa") / "report.html"
    exit_code, output = write_report(extracted.out, "--out", str(out))
    assert exit_code == 0, output
    assert output == f"kompass: wrote {out} (3 documents: 1 ok, 2 partial)\n"
    return out


@pytest.fixture(scope="module")
def failing_dataset(tmp_path_factory) -> tuple[Path, dict[str, list[dict]]]:
    """A run where two of three inputs fail: a broken PDF whose name needs escaping, and a text that is no report."""
    inputs = tmp_path_factory.mktemp("failing_inputs")
    (inputs / "a<b>&c.pdf").write_bytes(b"not a pdf at all")
    (inputs / "notes.txt").write_text("Minnesanteckningar, inte en rapport.\n", encoding="utf-8")
    shutil.copy(min(RAW_DIR.glob("*.md")), inputs)
    out = tmp_path_factory.mktemp("failing") / "processed"
    return out, extract_to(out, inputs)


def test_every_document_with_status_scores_and_counts(sample_report, extracted):
    sections = document_sections(parse(sample_report.read_text(encoding="utf-8")))
    tables = extracted.tables
    assert set(sections) == {row["source_path"] for row in tables["reports"]}
    for report in tables["reports"]:
        tokens = sections[report["source_path"]]
        report_id = report["report_id"]
        assert has_run(tokens, ["Report", report_id])
        assert has_run(tokens, ["Total score", "—" if report["total_score"] is None else str(report["total_score"])])
        assert has_run(tokens, ["Criteria version", report["criteria_version"]])
        assert has_run(tokens, ["Report pages", shown(report["page_count"])])  # beside the source's pages
        for area in (row for row in tables["areas"] if row["report_id"] == report_id):
            assert has_run(tokens, [str(area["area_no"]), area["title"], str(area["score"])])
        for kind in ("strength", "improvement", "unknown"):
            count = sum(1 for row in tables["findings"] if row["report_id"] == report_id and row["kind"] == kind)
            assert has_run(tokens, [f"findings: {kind}", str(count)])
        document = next(row for row in tables["documents"] if row["source_path"] == report["source_path"])
        assert tokens[1] == document["status"]


def test_known_scores_of_the_sample(sample_report):
    sections = document_sections(parse(sample_report.read_text(encoding="utf-8")))
    vallentuna = next(tokens for tokens in sections.values() if "vallentuna-2019" in tokens)
    assert has_run(vallentuna, ["Total score", "603"])
    assert has_run(vallentuna, ["Sum of area scores", "603 (8 areas)"])
    sollentuna_2015 = next(tokens for tokens in sections.values() if "sollentuna-2015" in tokens)
    assert has_run(sollentuna_2015, ["Total score", "—"])
    assert has_run(sollentuna_2015, ["Complete", "no"])


def test_every_problem_with_its_page(sample_report, extracted):
    sections = document_sections(parse(sample_report.read_text(encoding="utf-8")))
    problems = extracted.tables["problems"]
    assert {p["code"] for p in problems} == {"findings_columns_lost", "findings_kind_from_wording", "truncated_report"}
    assert any(p["page"] is not None for p in problems)
    for problem in problems:
        page = "—" if problem["page"] is None else str(problem["page"])
        assert has_run(sections[problem["source_path"]],
                       [problem["severity"], problem["code"], page, problem["message"]]), problem


def test_run_summary_and_charts(sample_report, extracted):
    page = sample_report.read_text(encoding="utf-8")
    run = parse(page).sections["run"]
    metadata = pq.read_schema(extracted.out / "reports.parquet").metadata
    assert has_run(run, ["Documents", "3"])
    assert has_run(run, ["Reports published", "3"])
    severities = Counter(problem["severity"] for problem in extracted.tables["problems"])
    assert has_run(run, ["Problems", f"0 errors, {severities['warning']} warnings, {severities['info']} infos"])
    assert has_run(run, ["Extractor version", metadata[b"kompass.extractor_version"].decode()])
    assert has_run(run, ["Catalog version", metadata[b"kompass.catalog_version"].decode()])
    # the problems chart: a bar's label, its tooltip, its segment's tooltip and the count
    lost = sum(1 for problem in extracted.tables["problems"] if problem["code"] == "findings_columns_lost")
    assert has_run(run, ["findings_columns_lost", "findings_columns_lost", f"findings_columns_lost: {lost} warning",
                         str(lost)])
    assert page.count("<svg") == 2 + len(extracted.tables["reports"])  # totals, problems, one per report
    for report in extracted.tables["reports"]:  # a bar's label, its tooltip and its value
        report_id, total = report["report_id"], report["total_score"]
        bar = [f"{report_id}: {total}", str(total)] if total is not None else ["n/a"]
        assert has_run(run, [report_id, report_id, *bar])


def test_self_contained(sample_report):
    page = sample_report.read_text(encoding="utf-8")
    for external in ("<script", "<link", "src=", "url(", "@import", "https://"):
        assert external not in page
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page


def test_failed_documents_are_listed_with_their_error(failing_dataset):
    dataset, tables = failing_dataset
    assert len(tables["reports"]) == 1
    (dataset / "runs.jsonl").unlink(missing_ok=True)
    exit_code, output = write_report(dataset)  # default --out: DATASET/report.html
    assert exit_code == 0, output
    page = (dataset / "report.html").read_text(encoding="utf-8")
    parsed = parse(page)
    sections = document_sections(parsed)
    failed = {p["source_path"]: p for p in tables["problems"] if p["severity"] == "error"}
    assert set(failed) == {"a<b>&c.pdf", "notes.txt"}
    assert all(p["report_id"] is None for p in failed.values())
    documents = {row["source_path"]: row for row in tables["documents"]}
    for source_path, problem in failed.items():
        document = documents[source_path]
        assert (document["status"], document["error_code"]) == ("failed", problem["code"])
        assert sections[source_path][1] == "failed"
        assert has_run(sections[source_path], ["error", problem["code"], "—", problem["message"]])
        assert has_run(parsed.sections["documents"], [
            source_path, "failed", "—",
            *(shown(document[name]) for name in ("source_format", "reader", "source_pages", "seconds")),
            f"{document['work']}, no cache", "—", "1 / 0 / 0", f"{problem['code']}: {problem['message']}"])
    assert "a&lt;b&gt;&amp;c.pdf" in page and "<b>" not in page and "b" not in parsed.tags
    assert [row["status"] for row in tables["documents"] if row["source_path"].endswith(".md")] == ["ok"]
    assert has_run(parsed.sections["run"], ["Documents by status", "2 failed, 1 ok"])
    assert "No runs.jsonl in the dataset: the summary comes from the tables." in parsed.sections["run"]


def test_the_last_run_record_is_shown(failing_dataset, tmp_path):
    dataset, _ = failing_dataset
    record = {"started": "2024-05-01T10:00:00+0000", "inputs": 3, "extracted": 1, "failed": 2,
              "problems_by_severity": {"error": 2, "warning": 0}}
    with (dataset / "runs.jsonl").open("a", encoding="utf-8") as runs:
        runs.write("{not json\n" + json.dumps(record) + "\n")
    out = tmp_path / "qa.html"
    assert write_report(dataset, "--out", str(out))[0] == 0
    run = parse(out.read_text(encoding="utf-8")).sections["run"]
    assert has_run(run, ["started", "2024-05-01T10:00:00+0000"])
    assert has_run(run, ["failed", "2"])
    assert has_run(run, ["problems_by_severity", '{"error": 2, "warning": 0}'])
    assert "1 line(s) of runs.jsonl could not be read." in run


def test_usage_errors(tmp_path):
    assert write_report(tmp_path / "missing")[0] == 2
    assert write_report(tmp_path)[0] == 2  # a directory without tables


def test_chromium_renders_the_report(sample_report, extracted, tmp_path):
    dom = run_chromium(sample_report.as_uri(), tmp_path / "profile", "--dump-dom").stdout
    parsed = parse(dom)
    sections = document_sections(parsed)
    assert set(sections) == {row["source_path"] for row in extracted.tables["reports"]}
    for report in extracted.tables["reports"]:
        assert report["report_id"] in sections[report["source_path"]]
    for problem in extracted.tables["problems"]:
        page = "—" if problem["page"] is None else str(problem["page"])
        assert has_run(sections[problem["source_path"]], [problem["severity"], problem["code"], page])
    assert parsed.tags.count("svg") == 2 + len(extracted.tables["reports"])
    assert parsed.tags.count("rect") >= len(extracted.tables["areas"])


def test_chromium_screenshot_shows_the_charts(sample_report, tmp_path):
    screenshot = tmp_path / "report.png"
    run_chromium(sample_report.as_uri(), tmp_path / "profile", f"--screenshot={screenshot}",
                 "--window-size=1200,1600", "--hide-scrollbars")
    with Image.open(screenshot) as image:
        assert image.format == "PNG" and image.size == (1200, 1600)
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50
    counts = {rgb: n for n, rgb in colours}
    assert max(counts.values()) < 0.95 * 1200 * 1600  # not a blank page
    assert counts.get(TOTAL_BAR_RGB, 0) > 500  # the total-score bars were drawn
    assert counts.get(WARNING_RGB, 0) > 500  # warning bars and badges


def test_pdf_problems_link_to_their_page_and_area_titles_are_whole(tmp_path):
    from helpers.paths import PDF_DIR

    dataset = tmp_path / "processed"
    tables = extract_to(dataset, PDF_DIR / "a" / "kk-0aecb26ddfde.pdf")
    assert write_report(dataset)[0] == 0
    page = (dataset / "report.html").read_text(encoding="utf-8")
    source = PDF_DIR / "a" / "kk-0aecb26ddfde.pdf"
    loaded = load_dataset(dataset)
    assert source_file(loaded, source.name) == source.resolve()
    assert page_cell({"page": 7}, source_file(loaded, source.name)) == (
        f'<td class="num"><a href="{source.resolve().as_uri()}#page=7">7</a></td>')
    assert page_cell({"page": 7}, None) == '<td class="num">7</td>'  # a source this machine lacks: no link
    for area in tables["areas"]:  # the chart's label is the whole title, not cut off
        assert f'text-anchor="end">{area["area_no"]} {area["title"]}<title>' in page


def test_document_table_shows_each_documents_values(sample_report, extracted):
    parsed = parse(sample_report.read_text(encoding="utf-8"))
    sections = document_sections(parsed)
    documents = extracted.tables["documents"]
    assert len(documents) == 3 and all(row["source_pages"] and row["seconds"] is not None for row in documents)
    for row in documents:
        work = f"{row['work']}, {'cache used' if row['cache_hit'] else 'no cache'}"
        values = [shown(row[name]) for name in ("source_format", "reader", "source_pages", "seconds")]
        assert has_run(parsed.sections["documents"], [row["source_path"], row["status"], row["report_id"],
                                                      *values, work])
        assert has_run(sections[row["source_path"]], ["Format", values[0], "Reader", values[1], "Source pages",
                                                      values[2], "Seconds", values[3], "Work", work])


# Two runs over the text sample, the second with one area score, one finding and the date of one report edited.

EDITED_REPORT = "000_c7b2db4eead6c9d1.txt"
EDITS = {"Poäng 76 Allmänt En kommun är en politiskt": "Poäng 71 Allmänt En kommun är en politiskt",
         "Regelbunden annonsering i lokalmedia": "Regelbunden annonsering i lokaltidningen"}
REDATED = ("2018-06-19", "2018-06-20")  # in every running head


@dataclass
class TwoRuns:
    dataset: Path
    pages: dict[str, str]  # "first" and "second": the QA page after that run
    tables: dict[str, dict[str, list[dict]]]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> TwoRuns:
    """The QA pages and the tables after a first run and after a second run over the edited inputs."""
    work = tmp_path_factory.mktemp("two_runs")
    inputs, dataset = work / "inputs", work / "processed"
    inputs.mkdir()
    for path in TEXT_SAMPLE:
        shutil.copy(path, inputs)
    runs = TwoRuns(dataset, {}, {})
    for name in ("first", "second"):
        if name == "second":
            edited = inputs / EDITED_REPORT
            text = edited.read_text(encoding="utf-8")
            for old, new in EDITS.items():
                assert text.count(old) == 1, old
                text = text.replace(old, new)
            edited.write_text(text.replace(*REDATED), encoding="utf-8")
        runs.tables[name] = extract_to(dataset, inputs)
        out = work / f"{name}.html"
        assert write_report(dataset, "--out", str(out))[0] == 0
        runs.pages[name] = out.read_text(encoding="utf-8")
    return runs


def test_a_first_run_has_no_previous_run(two_runs):
    assert parse(two_runs.pages["first"]).sections["changes"] == ["Changes since the previous run",
                                               "No previous run: this is the first run of this dataset."]


def test_changes_list_exactly_the_edited_metadata_score_and_finding(two_runs):
    before, after = two_runs.tables["first"], two_runs.tables["second"]
    report = next(row for row in after["reports"] if row["source_path"] == EDITED_REPORT)
    report_id = report["report_id"]
    old_report = next(row for row in before["reports"] if row["source_path"] == EDITED_REPORT)

    def area_1(tables):
        return next(row["score"] for row in tables["areas"] if row["report_id"] == report_id and row["area_no"] == 1)

    def texts(tables):
        return {row["text"] for row in tables["findings"] if row["report_id"] == report_id}

    assert (area_1(before), area_1(after)) == (76, 71)
    assert texts(before) - texts(after) == {"Regelbunden annonsering i lokalmedia"}
    assert texts(after) - texts(before) == {"Regelbunden annonsering i lokaltidningen"}
    changes = parse(two_runs.pages["second"]).sections["changes"]
    first_run = json.loads((two_runs.dataset / "runs.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert changes[1] == (f"Compared with the previous run (started {first_run['started']}): 1 report changed, 0 new, "
                          "0 gone; 2 metadata values and 1 score changed, 1 finding added, 1 lost, 0 new problems, "
                          "0 gone.")
    sources = ["Before", EDITED_REPORT, "After", EDITED_REPORT]  # each column names the input it was read from
    assert changes[2:] == [
        report_id, f"(changed; {EDITED_REPORT})",
        "Metadata", *sources, "report_date", *REDATED,
        "source_sha256", old_report["source_sha256"], report["source_sha256"],
        "Score", *sources, "Change", "area 1", "76", "71", "-5",
        "Findings added: 1", f"({EDITED_REPORT})", "Area", "Kind", "Text", "1", "strength",
        "Regelbunden annonsering i lokaltidningen",
        "Findings lost: 1", f"({EDITED_REPORT})", "Area", "Kind", "Text", "1", "strength",
        "Regelbunden annonsering i lokalmedia"]
    assert [str(row["report_date"]) for row in (old_report, report)] == list(REDATED)


def test_chromium_renders_the_changes(two_runs, tmp_path):
    page = tmp_path / "second.html"
    page.write_text(two_runs.pages["second"], encoding="utf-8")
    changes = parse(run_chromium(page.as_uri(), tmp_path / "profile", "--dump-dom").stdout).sections["changes"]
    assert has_run(changes, ["area 1", "76", "71", "-5"])
    assert has_run(changes, ["1", "strength", "Regelbunden annonsering i lokaltidningen"])
