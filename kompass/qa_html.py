"""The QA report's HTML pieces: its style sheet, cells, badges and the problems table every section shows.

Wide tables wrap rather than scroll or run off the page: words wrap at their
spaces, and a long path, report id, code or digest, which has none, breaks
where it must; only a window too narrow for a table's words (a phone's) lets
the table scroll in its own box. A chart scales down to the width there is,
so that every column, label and figure title stays whole.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from domain.records import Row
from extract.formats import declares_pdf
from kompass.qa_crops import Pictures
from kompass.qa_dataset import QaDataset, source_file

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;
padding:0 1rem;color:#222;line-height:1.4}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h2,h3,h4{overflow-wrap:break-word}.token,.muted,a,dd{overflow-wrap:anywhere}
table{border-collapse:collapse;margin:.5rem 0 1rem;max-width:100%}th,td{border:1px solid #ddd;padding:.25rem .5rem;
text-align:left;vertical-align:top;overflow-wrap:break-word}th{background:#f4f4f4}td.num{text-align:right}
div.wide{overflow-x:auto;max-width:100%}
.status{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;font-size:.85rem;color:#fff}
.s-ok{background:#2e7d32}.s-partial{background:#ef8f00}.s-failed{background:#c62828}.s-not-published{background:#757575}
.sev-error{color:#c62828;font-weight:600}.sev-warning{color:#b26a00}.sev-info{color:#1565c0}
section.document{border:1px solid #ddd;border-radius:.4rem;padding:0 1rem 1rem;margin:1rem 0}
.charts{display:flex;flex-wrap:wrap;gap:1.5rem}.charts>*{min-width:0;max-width:100%}figure{margin:0}
svg.chart{display:block;max-width:100%;height:auto}
ul.run-record{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));
gap:.2rem 1rem;font-size:.9rem}ul.run-record span{overflow-wrap:anywhere}.muted{color:#666}
div.change{border-left:4px solid #3f6fb5;padding:0 0 .2rem 1rem;margin:1rem 0}
.added{color:#2e7d32}.lost{color:#c62828}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem}dt{font-weight:600}dd{margin:0;min-width:0}
table.overview{width:100%;font-size:.85rem}
img.crop{display:block;max-width:14rem;max-height:8rem;border:1px solid #ccc}
"""


_LONGEST_WORD = 16  # characters; a longer piece without a space is a path, report id, code or digest


def cell(value: object, numeric: bool = False, picture: str = "") -> str:
    """A table cell; one with a path, id, code or digest in it may break anywhere (class token), others at spaces;
    `picture`: the crop of where the value is printed (kompass.qa_crops), shown under it."""
    text = "—" if value is None else str(value)
    classes = ["num"] * numeric + ["token"] * any(len(word) > _LONGEST_WORD for word in text.split())
    opening = f'<td class="{" ".join(classes)}">' if classes else "<td>"
    return f"{opening}{escape(text)}{picture}</td>"


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def status_badge(status: str) -> str:
    return f'<span class="status s-{escape(status.replace(" ", "-"))}">{escape(status)}</span>'


def page_cell(problem: Row, source: Path | None) -> str:
    """The page, linked to that page of the source where it is a PDF this machine has."""
    if problem["page"] is None or source is None or not declares_pdf(source):
        return cell(problem["page"], True)
    link = f"{source.resolve().as_uri()}#page={problem['page']}"
    return f'<td class="num"><a href="{escape(link)}">{problem["page"]}</a></td>'


def problems_table(problems: list[Row], dataset: QaDataset, with_source: bool = False,
                   pictures: Pictures | None = None) -> str:
    """The problems with their pages; with their inputs too where they may come from several (a report's
    problems of a run's changes: its duplicate's are among them); with `pictures`, the crop of the value a
    problem is about under its message."""
    if not problems:
        return "<p>No problems.</p>"
    rows = ['<table class="problems"><tr><th>Severity</th><th>Code</th>' + ("<th>Source</th>" if with_source else "")
            + "<th>Page</th><th>Message</th></tr>"]
    for problem in problems:
        severity = str(problem["severity"])
        source = source_file(dataset, str(problem["source_path"]))
        rows.append(f'<tr><td class="sev-{escape(severity)}">{escape(severity)}</td>{cell(problem["code"])}'
                    + (cell(problem["source_path"]) if with_source else "")
                    + page_cell(problem, source)
                    + cell(problem["message"], picture=pictures.of_problem(problem) if pictures else "") + "</tr>")
    return "".join(rows) + "</table>"
