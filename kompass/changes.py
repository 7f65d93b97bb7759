"""What a run changed: its dataset's digest compared with the digest of the dataset it replaced.

Per subject (a report, or the source path of a document without one): the
metadata that changed (the source the report was published from first), the
scores that changed, the findings added and lost, the problems that are new
and those gone. A finding or a problem is compared whole, so one whose text
changed is one lost and one added.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from domain.records import Row

NEW, GONE, CHANGED = "new", "gone", "changed"


@dataclass
class ValueChange:
    label: str  # "area 3", "total", or a column of reports
    before: object
    after: object


@dataclass
class SubjectChanges:
    subject: str  # report_id, or the source path of a document without a report
    kind: str  # NEW, GONE or CHANGED
    source_path: str  # in this run; in the previous one for a subject that is gone
    previous_source_path: str = ""  # in the previous run, for a subject that changed
    metadata: list[ValueChange] = field(default_factory=list)
    scores: list[ValueChange] = field(default_factory=list)
    findings_added: list[Row] = field(default_factory=list)
    findings_lost: list[Row] = field(default_factory=list)
    problems_new: list[Row] = field(default_factory=list)
    problems_gone: list[Row] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any((self.metadata, self.scores, self.findings_added, self.findings_lost, self.problems_new,
                        self.problems_gone))


def _key(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def _difference(rows: list[Row], minus: list[Row]) -> list[Row]:
    """The rows of `rows` that `minus` lacks, counting repeats (a finding may be listed twice)."""
    left = Counter(_key(row) for row in minus)
    result = []
    for row in rows:
        if left[_key(row)]:
            left[_key(row)] -= 1
        else:
            result.append(row)
    return result


def _score_changes(before: dict, after: dict) -> list[ValueChange]:
    areas = sorted(set(before["areas"]) | set(after["areas"]), key=int)
    changes = [ValueChange(f"area {area}", before["areas"].get(area), after["areas"].get(area)) for area in areas]
    changes.append(ValueChange("total", before["total_score"], after["total_score"]))
    return [change for change in changes if change.before != change.after]


def _metadata_changes(before: dict, after: dict) -> list[ValueChange]:
    """The source and the report's metadata that changed; metadata only where both digests have it."""
    changes = [ValueChange("source_path", before["source_path"], after["source_path"])]
    if "metadata" in before and "metadata" in after:
        changes += [ValueChange(name, before["metadata"].get(name), after["metadata"].get(name))
                    for name in dict.fromkeys([*before["metadata"], *after["metadata"]])]
    return [change for change in changes if change.before != change.after]


def compare(previous: dict, current: dict) -> list[SubjectChanges]:
    """Every subject that changed between two digests, in subject order."""
    before, after = previous["subjects"], current["subjects"]
    result = []
    for subject in sorted(set(before) | set(after)):
        if subject not in before:
            result.append(SubjectChanges(subject, NEW, after[subject]["source_path"]))
        elif subject not in after:
            result.append(SubjectChanges(subject, GONE, before[subject]["source_path"]))
        else:
            old, new = before[subject], after[subject]
            changes = SubjectChanges(
                subject, CHANGED, new["source_path"], old["source_path"], _metadata_changes(old, new),
                _score_changes(old, new),
                _difference(new["findings"], old["findings"]), _difference(old["findings"], new["findings"]),
                _difference(new["problems"], old["problems"]), _difference(old["problems"], new["problems"]))
            if not changes.empty:
                result.append(changes)
    return result
