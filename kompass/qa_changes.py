"""The QA report's section on what the run changed since the previous one (kompass.changes).

Every table says which input its values come from: the before and after
columns name the previous and the present source (a re-run may publish a
report from another copy), findings added and lost the source they were read
from, and problems, which may be a duplicate's, their own.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from domain.records import Row
from kompass.changes import CHANGED, GONE, NEW, SubjectChanges, ValueChange, compare
from kompass.digest import DIGEST_FILE
from kompass.qa_crops import Pictures
from kompass.qa_dataset import QaDataset
from kompass.qa_html import cell, count, problems_table


def _findings_table(findings: list[Row], css_class: str) -> str:
    return (f'<table class="findings {css_class}"><tr><th>Area</th><th>Kind</th><th>Text</th></tr>'
            + "".join(f"<tr>{cell(f['area_no'], True)}{cell(f['kind'])}{cell(f['text'])}</tr>" for f in findings)
            + "</table>")


def _signed(before: object, after: object) -> str | None:
    if isinstance(before, int) and isinstance(after, int):
        return f"{after - before:+d}"
    return None


def _shown(value: object) -> object:
    """A value as a cell shows it: a list (evaluators) as its items."""
    return "; ".join(map(str, value)) if isinstance(value, list) else value


def _values_table(label: str, changes: list[ValueChange], change: SubjectChanges, scores: bool,
                  pictures: Pictures | None) -> str:
    """Before and after, each headed by the source it was read from; scores with their difference; the value
    after with the crop of where this run read it."""
    head = (f"<tr><th>{label}</th><th>Before <span class=\"muted\">{escape(change.previous_source_path)}</span></th>"
            f"<th>After <span class=\"muted\">{escape(change.source_path)}</span></th>"
            + ("<th>Change</th>" if scores else "") + "</tr>")
    return (f'<table class="{"score-changes" if scores else "metadata-changes"}">{head}'
            + "".join(f"<tr>{cell(c.label)}{cell(_shown(c.before), scores)}"
                      + cell(_shown(c.after), scores, pictures.of_change(change.subject, c.label) if pictures else "")
                      + (cell(_signed(c.before, c.after), True) if scores else "") + "</tr>" for c in changes)
            + "</table>")


def _subject_changes(change: SubjectChanges, dataset: QaDataset, pictures: Pictures | None) -> str:
    moved = change.kind == CHANGED and change.previous_source_path != change.source_path
    where = (f"{change.source_path}, before {change.previous_source_path}" if moved else change.source_path)
    parts = [f'<div class="change"><h3>{escape(change.subject)} <span class="muted">'
             f'({escape(change.kind)}; {escape(where)})</span></h3>']
    if change.kind in (NEW, GONE):
        parts.append("<p>New in this run.</p>" if change.kind == NEW else "<p>Not in this run.</p>")
    if change.metadata:
        parts.append(_values_table("Metadata", change.metadata, change, False, pictures))
    if change.scores:
        parts.append(_values_table("Score", change.scores, change, True, pictures))
    for title, rows, css_class, source in (
            (f"Findings added: {len(change.findings_added)}", change.findings_added, "added", change.source_path),
            (f"Findings lost: {len(change.findings_lost)}", change.findings_lost, "lost",
             change.previous_source_path or change.source_path)):
        if rows:
            parts.append(f'<h4 class="{css_class}">{escape(title)} <span class="muted">({escape(source)})</span></h4>'
                         f"{_findings_table(rows, css_class)}")
    for title, rows, css_class in ((f"New problems: {len(change.problems_new)}", change.problems_new, "added"),
                                   (f"Problems gone: {len(change.problems_gone)}", change.problems_gone, "lost")):
        if rows:
            parts.append(f'<h4 class="{css_class}">{escape(title)}</h4>{problems_table(rows, dataset, True)}')
    return "".join(parts) + "</div>"


def changes_summary(changes: list[SubjectChanges]) -> str:
    """One line: how many reports changed, came and went, and how many values, findings and problems."""
    kinds = Counter(change.kind for change in changes)
    return (f"{count(kinds[CHANGED], 'report')} changed, {kinds[NEW]} new, {kinds[GONE]} gone; "
            f"{count(sum(len(c.metadata) for c in changes), 'metadata value')} and "
            f"{count(sum(len(c.scores) for c in changes), 'score')} changed, "
            f"{count(sum(len(c.findings_added) for c in changes), 'finding')} added, "
            f"{sum(len(c.findings_lost) for c in changes)} lost, "
            f"{count(sum(len(c.problems_new) for c in changes), 'new problem')}, "
            f"{sum(len(c.problems_gone) for c in changes)} gone.")


def changes_section(dataset: QaDataset, pictures: Pictures | None = None) -> str:
    """What changed since the previous run; with `pictures`, each value as read now beside its crop."""
    parts = ['<section id="changes"><h2>Changes since the previous run</h2>']
    if dataset.digest is None:
        parts.append(f"<p>This dataset has no {DIGEST_FILE} (it was written by an older kompass): "
                     "the next run can be compared with this one.</p>")
    elif dataset.previous_digest is None:
        parts.append("<p>No previous run: this is the first run of this dataset.</p>" if len(dataset.runs) <= 1
                     else f"<p>No previous run to compare with: the dataset this run replaced has no {DIGEST_FILE} "
                          "(it was written by an older kompass).</p>")
    else:
        changes = compare(dataset.previous_digest, dataset.digest)
        started = dataset.previous_digest.get("run_started") or "unknown"
        parts.append(f'<p class="summary">Compared with the previous run (started {escape(str(started))}): '
                     f"{escape(changes_summary(changes))}</p>")
        parts += [_subject_changes(change, dataset, pictures) for change in changes]
    return "".join(parts) + "</section>"
